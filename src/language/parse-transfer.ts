/**
 * A parse result in a form that crosses from a worker thread to the server's thread cheaply and is
 * rebuilt there in slices, so that other requests are answered in between.
 *
 * Langium's own `Hydrator` turns the tree into one object graph that the thread boundary copies as a
 * whole and then rebuilds in one go: for a 10 MB journey that is seconds of the server's thread
 * (dehydrate 5 s, copy 5 s, hydrate 3 s), longer than parsing there. Here:
 * - the syntax tree's nodes (CST) are numbers in one `Int32Array`, which moves to the other thread
 *   without a copy: per node its kind, grammar element and child count, and for a token its type
 *   and position;
 * - the typed tree's nodes (AST) are records in document order, in JSON chunks of a thousand, as
 *   UTF-8 bytes that move without a copy too: each names its parent, and the property and index it
 *   sits at, so a chunk is rebuilt without the ones after it;
 * - rebuilding checks for cancellation, and lets other work run, every few milliseconds.
 * The tree rebuilt is the one `DefaultHydrator` rebuilds: the same nodes, properties, references
 * (made by the linker, unresolved), CST and links between the two.
 */
import {
    AstUtils, Cancellation, CompositeCstNodeImpl, GrammarAST, isAstNode, isCompositeCstNode, isReference, isRootCstNode, LeafCstNodeImpl, RootCstNodeImpl,
    type AstNode, type CstNode, type LangiumCoreServices, type Linker, type ParseResult, type Reference
} from 'langium';
import type { TokenType } from 'chevrotain';
import { timeSlices } from './tree-walks.js';

type CancellationToken = Cancellation.CancellationToken;

/** A parse result as it crosses the thread boundary: the `cst` buffer is transferable. */
export interface EncodedParse {
    /** Per CST node, the root first and then depth-first in document order: `CstKind` with the hidden flag, grammar element + 1 (0: none), then a composite's child count or a token's type and its offset, length, start line and column, end line and column. */
    cst: Int32Array;
    cstNodes: number;
    /** The token types the `cst` numbers stand for, by name. */
    tokenTypes: string[];
    /**
     * `AstRecord`s, the root first and then depth-first, as JSON arrays of at most `AST_CHUNK` records,
     * in UTF-8 one after the other: bytes move to the other thread without a copy, strings would be
     * copied in one piece as the message arrives (tens of megabytes for a 10 MB journey).
     */
    ast: Uint8Array;
    /** Where each JSON array in `ast` ends. */
    astChunkEnds: Int32Array;
    lexerErrors: ParseResult['lexerErrors'];
    lexerReport: ParseResult['lexerReport'];
    parserErrors: ParseResult['parserErrors'];
}

const enum CstKind { Root = 0, Composite = 1, Leaf = 2, Hidden = 4 }

/** `[$type, CST node index or -1, parent index or -1, $containerProperty or null, $containerIndex or -1, properties]`; a child node's property holds null or an empty array until the child fills it. */
type AstRecord = [string, number, number, string | null, number, Record<string, unknown>];

/** A reference: its text and the index of its CST node (-1: none). */
interface EncodedReference { $ref: string; $node: number }

const AST_CHUNK = 1024;
/** Nodes rebuilt between two looks at the clock and the cancellation token. */
const NODES_BETWEEN_LOOKS = 256;
/**
 * Rebuilding pauses for other work once this long has passed since its last pause. Shorter than
 * Langium's 10 ms: every object rebuilt survives, so the young-generation collections that fall into
 * a slice are long (16-58 ms at 10 MB), and a request should wait behind little else.
 */
const SLICE_MS = 3;

/** Grammar elements by number, the same in every thread that loads the same grammar (as Langium's hydrator numbers them). */
class GrammarElements {
    private readonly byId: GrammarAST.AbstractElement[] = [];
    private readonly ids = new Map<GrammarAST.AbstractElement, number>();

    constructor(grammar: GrammarAST.Grammar) {
        for (const element of AstUtils.streamAst(grammar).filter(GrammarAST.isAbstractElement)) {
            this.ids.set(element, this.byId.length);
            this.byId.push(element);
        }
    }

    id(element: GrammarAST.AbstractElement | undefined): number {
        return element ? (this.ids.get(element) ?? -1) + 1 : 0;
    }

    element(id: number): GrammarAST.AbstractElement | undefined {
        return id > 0 ? this.byId[id - 1] : undefined;
    }
}

const grammarElements = new WeakMap<GrammarAST.Grammar, GrammarElements>();

function elementsOf(services: LangiumCoreServices): GrammarElements {
    let elements = grammarElements.get(services.Grammar);
    if (!elements) grammarElements.set(services.Grammar, elements = new GrammarElements(services.Grammar));
    return elements;
}

/** A growing list of 32-bit integers. */
class Ints {
    array = new Int32Array(1 << 16);
    length = 0;

    push(value: number): void {
        if (this.length === this.array.length) {
            const grown = new Int32Array(this.array.length * 2);
            grown.set(this.array);
            this.array = grown;
        }
        this.array[this.length++] = value;
    }
}

/** In the worker: the parse result as numbers and JSON. */
export function encodeParse(services: LangiumCoreServices, result: ParseResult): EncodedParse {
    const elements = elementsOf(services);
    const ints = new Ints();
    const cstIndex = new Map<CstNode, number>();
    const tokenTypes: string[] = [];
    const tokenTypeIds = new Map<string, number>();
    const root = result.value.$cstNode;
    const stack: CstNode[] = root ? [root] : [];
    while (stack.length > 0) {
        const node = stack.pop()!;
        cstIndex.set(node, cstIndex.size);
        if (isCompositeCstNode(node)) {
            ints.push(isRootCstNode(node) ? CstKind.Root : CstKind.Composite);
            ints.push(elements.id(node.grammarSource as GrammarAST.AbstractElement | undefined));
            ints.push(node.content.length);
            for (let child = node.content.length - 1; child >= 0; child--) stack.push(node.content[child]);
        } else {
            const leaf = node as LeafCstNodeImpl;
            ints.push(CstKind.Leaf | (leaf.hidden ? CstKind.Hidden : 0));
            ints.push(elements.id(leaf.grammarSource as GrammarAST.AbstractElement | undefined));
            let tokenType = tokenTypeIds.get(leaf.tokenType.name);
            if (tokenType === undefined) {
                tokenTypeIds.set(leaf.tokenType.name, tokenType = tokenTypes.length);
                tokenTypes.push(leaf.tokenType.name);
            }
            const { start, end } = leaf.range;
            ints.push(tokenType);
            ints.push(leaf.offset);
            ints.push(leaf.length);
            ints.push(start.line);
            ints.push(start.character);
            ints.push(end.line);
            ints.push(end.character);
        }
    }

    const ast: Uint8Array[] = [];
    const encoder = new TextEncoder();
    let chunk: AstRecord[] = [];
    const astIndex = new Map<AstNode, number>();
    const nodes: AstNode[] = [result.value];
    while (nodes.length > 0) {
        const node = nodes.pop()!;
        const index = astIndex.size;
        astIndex.set(node, index);
        const properties: Record<string, unknown> = {};
        const children: AstNode[] = [];
        for (const [name, value] of Object.entries(node)) {
            if (name.startsWith('$') || value === undefined) continue;
            if (Array.isArray(value)) {
                const items: unknown[] = [];
                for (const item of value) {
                    if (isAstNode(item)) children.push(item);
                    else items.push(isReference(item) ? encodeReference(item, cstIndex) : item);
                }
                properties[name] = items;
            } else if (isAstNode(value)) {
                properties[name] = null;
                children.push(value);
            } else {
                properties[name] = isReference(value) ? encodeReference(value, cstIndex) : value;
            }
        }
        const cst = node.$cstNode ? cstIndex.get(node.$cstNode) ?? -1 : -1;
        const parent = node.$container ? astIndex.get(node.$container) ?? -1 : -1;
        chunk.push([node.$type, cst, parent, node.$container ? node.$containerProperty ?? null : null, node.$containerIndex ?? -1, properties]);
        if (chunk.length === AST_CHUNK) {
            ast.push(encoder.encode(JSON.stringify(chunk)));
            chunk = [];
        }
        for (let child = children.length - 1; child >= 0; child--) nodes.push(children[child]);
    }
    if (chunk.length > 0) ast.push(encoder.encode(JSON.stringify(chunk)));
    const astBytes = new Uint8Array(ast.reduce((total, bytes) => total + bytes.length, 0));
    const astChunkEnds = new Int32Array(ast.length);
    let end = 0;
    ast.forEach((bytes, index) => {
        astBytes.set(bytes, end);
        end += bytes.length;
        astChunkEnds[index] = end;
    });

    return {
        cst: ints.array.slice(0, ints.length),
        cstNodes: cstIndex.size,
        tokenTypes,
        ast: astBytes,
        astChunkEnds,
        lexerErrors: result.lexerErrors.map(({ offset, line, column, length, message }) => ({ offset, line, column, length, message })),
        lexerReport: result.lexerReport ? JSON.parse(JSON.stringify(result.lexerReport)) : undefined,
        parserErrors: result.parserErrors.map(plainError) as ParseResult['parserErrors']
    };
}

function encodeReference(reference: Reference, cstIndex: Map<CstNode, number>): EncodedReference {
    return { $ref: reference.$refText, $node: reference.$refNode ? cstIndex.get(reference.$refNode) ?? -1 : -1 };
}

function isEncodedReference(value: unknown): value is EncodedReference {
    return typeof value === 'object' && value !== null && '$ref' in value;
}

type ParserError = ParseResult['parserErrors'][number];
type Token = ParserError['token'];

/** A Chevrotain error without its class and the token type's functions: only data crosses threads. Token types are looked up again by name. */
function plainError(error: ParserError): object {
    const { name, message, token, context } = error;
    const previousToken = (error as { previousToken?: Token }).previousToken;
    return {
        name, message, token: plainToken(token), resyncedTokens: [],
        ...(previousToken ? { previousToken: plainToken(previousToken) } : {}),
        context: context ? { ruleStack: [...context.ruleStack], ruleOccurrenceStack: [...context.ruleOccurrenceStack] } : context
    };
}

function plainToken(token: Token): object {
    const { image, startOffset, endOffset, startLine, endLine, startColumn, endColumn, tokenTypeIdx } = token;
    return { image, startOffset, endOffset, startLine, endLine, startColumn, endColumn, tokenTypeIdx, tokenType: { name: token.tokenType?.name } };
}

/** On the server's thread: the parse result rebuilt, pausing for other work every so many nodes. Throws `OperationCancelled` when cancelled. */
export async function decodeParse(services: LangiumCoreServices, encoded: EncodedParse, text: string, cancelToken: CancellationToken): Promise<ParseResult> {
    const elements = elementsOf(services);
    const definition = services.parser.Lexer.definition as Record<string, TokenType>;
    const tokenTypes = encoded.tokenTypes.map(name => definition[name] ?? { name });
    const cst = encoded.cst;
    const cstNodes: CstNode[] = new Array(encoded.cstNodes);
    /** Open composite nodes and how many children each still expects. */
    const parents: CompositeCstNodeImpl[] = [];
    const expected: number[] = [];
    const slice = timeSlices(cancelToken, SLICE_MS, NODES_BETWEEN_LOOKS);
    let at = 0;
    for (let index = 0; index < encoded.cstNodes; index++) {
        const pause = slice();
        if (pause) await pause;
        const flags = cst[at++];
        const grammarSource = elements.element(cst[at++]);
        let node: CstNode;
        let children = 0;
        if ((flags & 3) === CstKind.Leaf) {
            node = new LeafCstNodeImpl(cst[at + 1], cst[at + 2], cst[at + 3], cst[at + 4], cst[at + 5], cst[at + 6], tokenTypes[cst[at]], (flags & CstKind.Hidden) !== 0);
            at += 7;
        } else {
            node = (flags & 3) === CstKind.Root ? new RootCstNodeImpl(text) : new CompositeCstNodeImpl();
            children = cst[at++];
        }
        if (grammarSource) (node as { grammarSource?: GrammarAST.AbstractElement }).grammarSource = grammarSource;
        const top = parents.length - 1;
        if (top >= 0) {
            const parent = parents[top];
            (node as { container?: CompositeCstNodeImpl }).container = parent;
            parent.content[parent.content.length - expected[top]] = node;
            if (--expected[top] === 0) {
                parents.pop();
                expected.pop();
            }
        }
        if (children > 0) {
            const composite = node as CompositeCstNodeImpl;
            composite.content = new Array(children);
            parents.push(composite);
            expected.push(children);
        }
        cstNodes[index] = node;
    }

    const linker: Linker = services.references.Linker;
    const astNodes: Array<AstNode & Record<string, unknown>> = [];
    const linked = new Set<CstNode>();
    const decoder = new TextDecoder();
    for (let chunk = 0, start = 0; chunk < encoded.astChunkEnds.length; start = encoded.astChunkEnds[chunk++]) {
        const records = JSON.parse(decoder.decode(encoded.ast.subarray(start, encoded.astChunkEnds[chunk]))) as AstRecord[];
        for (let record = 0; record < records.length; record++) {
            const pause = slice();
            if (pause) await pause;
            const [$type, cstIndex, parentIndex, property, containerIndex, properties] = records[record];
            const node = { $type } as AstNode & Record<string, unknown>;
            if (parentIndex >= 0) {
                const parent = astNodes[parentIndex];
                (node as { $container?: AstNode }).$container = parent;
                (node as { $containerProperty?: string }).$containerProperty = property ?? undefined;
                if (containerIndex >= 0) {
                    (node as { $containerIndex?: number }).$containerIndex = containerIndex;
                    (parent[property!] as AstNode[])[containerIndex] = node;
                } else {
                    parent[property!] = node;
                }
            }
            if (cstIndex >= 0) {
                const cstNode = cstNodes[cstIndex];
                (node as { $cstNode?: CstNode }).$cstNode = cstNode;
                // The backlink goes on the CST node of the outermost AST node that has it, as Langium's hydrator does.
                if (!linked.has(cstNode)) {
                    linked.add(cstNode);
                    (cstNode as { astNode: AstNode }).astNode = node;
                }
            }
            for (const name in properties) {
                const value = properties[name];
                if (Array.isArray(value)) {
                    node[name] = value.map(item => isEncodedReference(item) ? buildReference(linker, node, name, item, cstNodes) : item);
                } else if (isEncodedReference(value)) {
                    node[name] = buildReference(linker, node, name, value, cstNodes);
                } else {
                    // null: a child node's place, kept in the property order; the child fills it.
                    node[name] = value ?? undefined;
                }
            }
            astNodes.push(node);
        }
    }
    const value = astNodes[0];
    if (!value) throw new Error('The parse result that came back from the parser thread holds no tree.');
    return {
        value,
        lexerErrors: encoded.lexerErrors,
        lexerReport: encoded.lexerReport,
        parserErrors: encoded.parserErrors.map(error => withTokenTypes(error, definition))
    };
}

function buildReference(linker: Linker, node: AstNode, property: string, reference: EncodedReference, cstNodes: CstNode[]): Reference {
    return linker.buildReference(node, property, reference.$node >= 0 ? cstNodes[reference.$node] : undefined, reference.$ref) as Reference;
}

function withTokenTypes(error: ParserError, definition: Record<string, TokenType>): ParserError {
    const retype = (token: Token | undefined) => {
        const type = token && definition[token.tokenType?.name];
        if (type) token.tokenType = type;
    };
    retype(error.token);
    retype((error as { previousToken?: Token }).previousToken);
    return error;
}
