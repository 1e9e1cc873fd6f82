/**
 * The four walks over a document's whole syntax tree that every rebuild makes (its local names,
 * its links, the index of its references and its checks), as Langium makes them but cheaper.
 * - Langium awaits a cancellation check at every node, and validation runs every check as an
 *   async function in a promise of its own: in a journey of 1,000 touchpoints that is hundreds
 *   of thousands of promises per keystroke, and their garbage. Here the walks check for
 *   cancellation every 256 nodes (well under a millisecond apart, so a keystroke still stops a
 *   build at once), and a check is awaited only when it returns a promise.
 * - Langium finds the nodes and references by reading every property of every node, once per
 *   walk. Here they are read once per parse (`readTree`) and the walks share the list: a parsed
 *   tree does not change until the text is parsed again, into a new tree. An edit reparsed in its
 *   block (`incremental-parse.ts`) also makes a new root, and its list from the previous one.
 */
import {
    AstUtils, Cancellation, DefaultDocumentValidator, isAstNode, isMultiReference, isReference, DefaultLinker, DefaultReferenceDescriptionProvider, DefaultScopeComputation,
    delayNextTick, interruptAndCheck, MultiMap, OperationCancelled, ValidationRegistry,
    type AstNode, type AstNodeDescription, type CstNode, type LangiumDocument, type LocalSymbols, type MultiReference, type Reference, type ReferenceDescription,
    type ReferenceInfo, type ValidationAcceptor,
    type ValidationCheck, type ValidationOptions
} from 'langium';
import { referenceEntries } from './descriptions.js';

type CancellationToken = Cancellation.CancellationToken;
const { CancellationToken } = Cancellation;

const NODES_BETWEEN_CHECKS = 256;
/** Checks run for at most about this long before other work gets a turn: Langium's own interval between two pauses of a build. */
const CHECKS_BETWEEN_PAUSES_MS = 10;

/** Call at every node: every so many nodes it returns the cancellation check to await, otherwise nothing. */
export function cancellationCheckpoints(token: CancellationToken): () => Promise<void> | undefined {
    let nodes = 0;
    return () => (++nodes % NODES_BETWEEN_CHECKS === 0 ? interruptAndCheck(token) : undefined);
}

/**
 * Call at every step of a long piece of work: once `sliceMs` have passed since its last pause (the
 * clock is read every `stepsBetweenLooks` steps), it returns a pause to await, which rejects with
 * `OperationCancelled` if the work was cancelled meanwhile; otherwise nothing. Its own clock, unlike
 * `interruptAndCheck`: Langium's may just have paused inside the step and not pause again. Without
 * a cancellation token (CancellationToken.None) it never pauses, as Langium's walks.
 */
export function timeSlices(cancelToken: CancellationToken, sliceMs: number, stepsBetweenLooks = 1): () => Promise<void> | undefined {
    let steps = 0;
    let since = performance.now();
    return () => {
        if (++steps % stepsBetweenLooks !== 0) return undefined;
        if (cancelToken.isCancellationRequested) return Promise.reject(OperationCancelled);
        if (cancelToken === CancellationToken.None || performance.now() - since < sliceMs) return undefined;
        return delayNextTick().then(() => {
            since = performance.now();
            if (cancelToken.isCancellationRequested) throw OperationCancelled;
        });
    };
}

/** Every node of a parsed tree, the root first and then in document order, and every reference in it. */
export interface ParsedTree {
    nodes: readonly AstNode[];
    references: readonly ReferenceInfo[];
    /** For each node (and one past the last), the index of its first reference: its references are those up to the next node's. */
    firstReferences: Int32Array;
}

const trees = new WeakMap<AstNode, ParsedTree>();

/**
 * The nodes and references of the tree under `root`, read once per parse, pausing for other work
 * (and stopping when cancelled) every so many nodes: a huge tree takes hundreds of milliseconds to read.
 */
export async function readTree(root: AstNode, cancelToken: CancellationToken): Promise<ParsedTree> {
    const known = trees.get(root);
    if (known) return known;
    const checkpoint = cancellationCheckpoints(cancelToken);
    const nodes: AstNode[] = [];
    const references: ReferenceInfo[] = [];
    const firstReferences: number[] = [];
    const stack = [root];
    while (stack.length > 0) {
        const pause = checkpoint();
        if (pause) await pause;
        readNode(stack, nodes, references, firstReferences);
    }
    firstReferences.push(references.length);
    // Another walk may have read it meanwhile: all walks share one list.
    const tree = trees.get(root) ?? { nodes, references, firstReferences: Int32Array.from(firstReferences) };
    trees.set(root, tree);
    return tree;
}

/**
 * Depth first in the order of the node's properties, as AstUtils.streamAst: takes the next node from
 * `stack`, lists it, where its references start and its references, and puts its children on the stack.
 * One pass over the node's properties finds both, in the order AstUtils.streamContents and
 * streamReferences give them: in a new language server the two streams (an iterator and its
 * closures per node, twice) took about as long as linking the tree.
 */
function readNode(stack: AstNode[], nodes: AstNode[], references: ReferenceInfo[], firstReferences: number[]): void {
    const node = stack.pop()!;
    nodes.push(node);
    firstReferences.push(references.length);
    const childrenFrom = stack.length;
    for (const property of Object.keys(node)) {
        if (property.charCodeAt(0) === DOLLAR) continue;
        const value = (node as unknown as Record<string, unknown>)[property];
        if (isAstNode(value)) stack.push(value);
        else if (isReference(value) || isMultiReference(value)) references.push({ reference: value, container: node, property });
        else if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const element: unknown = value[index];
                if (isAstNode(element)) stack.push(element);
                else if (isReference(element) || isMultiReference(element)) references.push({ reference: element, container: node, property, index });
            }
        }
    }
    // The first child is read next.
    reverseFrom(stack, childrenFrom);
}

const DOLLAR = '$'.charCodeAt(0);

function reverseFrom<T>(items: T[], start: number): void {
    for (let low = start, high = items.length - 1; low < high; low++, high--) {
        const item = items[low];
        items[low] = items[high];
        items[high] = item;
    }
}

/**
 * The list of a tree made from `previousRoot`'s by an edit that put `replacement` (and a new root,
 * `root`) in the place of `replaced` (see `incremental-parse.ts`): the previous list with the
 * replaced node's part exchanged, instead of a walk over the whole tree. Nothing is known if the
 * previous tree was never read.
 */
export function treeAfterEdit(previousRoot: AstNode, root: AstNode, replaced: AstNode, replacement: AstNode): void {
    const previous = trees.get(previousRoot);
    if (!previous) return;
    const first = previous.nodes.indexOf(replaced);
    if (first < 1) return;
    let end = first + 1;
    while (end < previous.nodes.length && isInside(previous.nodes[end], replaced)) end++;
    const { firstReferences } = previous;
    // References of the root itself would name the previous root as their container.
    if (firstReferences[1] !== 0) return;

    const nodes: AstNode[] = [];
    const references: ReferenceInfo[] = [];
    const starts: number[] = [];
    const stack = [replacement];
    while (stack.length > 0) readNode(stack, nodes, references, starts);
    const before = firstReferences[first];
    const moved = references.length - (firstReferences[end] - before);
    const after = firstReferences.subarray(end).map(start => start + moved);
    const firstReferencesNow = new Int32Array(first + nodes.length + after.length);
    firstReferencesNow.set(firstReferences.subarray(0, first));
    firstReferencesNow.set(starts.map(start => start + before), first);
    firstReferencesNow.set(after, first + nodes.length);
    trees.set(root, {
        nodes: [root, ...previous.nodes.slice(1, first), ...nodes, ...previous.nodes.slice(end)],
        references: [...previous.references.slice(0, before), ...references, ...previous.references.slice(firstReferences[end])],
        firstReferences: firstReferencesNow
    });
}

/** A reference's fields that linking sets and unlinking clears (Langium's reference classes are not exported). */
interface LinkedFields {
    _ref?: unknown;
    _nodeDescription?: unknown;
    _items?: unknown;
    _linkingError?: unknown;
}

export class WalkingLinker extends DefaultLinker {
    /**
     * Every reference is made with the field its link is described in, so that all keep one shape.
     * Langium adds it when linking and deletes it when unlinking, which turns each reference into a
     * slower dictionary-mode object for good; the edits reparsed in their block keep the references
     * outside it, and every build unlinked and linked them again.
     */
    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        const reference = super.buildReference(node, property, refNode, refText);
        (reference as LinkedFields)._nodeDescription = undefined;
        return reference;
    }

    override buildMultiReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): MultiReference {
        const reference = super.buildMultiReference(node, property, refNode, refText);
        (reference as LinkedFields)._linkingError = undefined;
        return reference;
    }

    /** Langium's unlink, with the fields cleared rather than deleted (see buildReference). */
    override unlink(document: LangiumDocument): void {
        for (const reference of document.references as LinkedFields[]) {
            if ('_ref' in reference) {
                reference._ref = undefined;
                reference._nodeDescription = undefined;
            } else if ('_items' in reference) {
                reference._items = undefined;
                reference._linkingError = undefined;
            }
        }
        document.references = [];
    }

    override async link(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) return super.link(document, cancelToken);
        const checkpoint = cancellationCheckpoints(cancelToken);
        for (const reference of (await readTree(document.parseResult.value, cancelToken)).references) {
            const pause = checkpoint();
            if (pause) await pause;
            this.doLink(reference, document);
        }
    }
}

export class WalkingScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<LocalSymbols> {
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        const checkpoint = cancellationCheckpoints(cancelToken);
        const { nodes } = await readTree(document.parseResult.value, cancelToken);
        // Every node but the root, as Langium's own walk.
        for (let index = 1; index < nodes.length; index++) {
            const pause = checkpoint();
            if (pause) await pause;
            this.addLocalSymbol(nodes[index], document, symbols);
        }
        return symbols;
    }
}

export class WalkingReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        const checkpoint = cancellationCheckpoints(cancelToken);
        for (const reference of (await readTree(document.parseResult.value, cancelToken)).references) {
            const pause = checkpoint();
            if (pause) await pause;
            referenceEntries(reference, document.uri, this.nodeLocator, descriptions);
        }
        return descriptions;
    }

    protected override createInfoDescriptions(refInfo: ReferenceInfo): ReferenceDescription[] {
        const descriptions: ReferenceDescription[] = [];
        referenceEntries(refInfo, AstUtils.getDocument(refInfo.container).uri, this.nodeLocator, descriptions);
        return descriptions;
    }
}

/** Checks wrapped so that a check that returns nothing is not turned into a promise. */
export class WalkingValidationRegistry extends ValidationRegistry {
    protected override wrapValidationException(check: ValidationCheck, thisObj: unknown): ValidationCheck {
        return (node, accept, cancelToken) => {
            const failed = (error: unknown) => this.handleException(() => { throw error; }, 'An error occurred during validation', accept, node);
            try {
                const result = check.call(thisObj, node, accept, cancelToken);
                return result instanceof Promise ? result.catch(failed) : undefined;
            } catch (error) {
                return failed(error);
            }
        };
    }
}

export class WalkingDocumentValidator extends DefaultDocumentValidator {
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('validating')) return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        const checkpoint = cancellationCheckpoints(cancelToken);
        // A node whose children are not to be checked: the nodes inside it are passed over.
        let pruned: AstNode | undefined;
        // A check over a whole journey can take tens of milliseconds in a huge one: other work may run between two such checks.
        const checkSlice = timeSlices(cancelToken, CHECKS_BETWEEN_PAUSES_MS, 8);
        // Langium's registry makes a stream of a type's checks for every node: a fifth of the checks' time in a large journey.
        const checksByType = new Map<string, ValidationCheck[]>();
        for (const node of (await readTree(rootNode, cancelToken)).nodes) {
            if (pruned && isInside(node, pruned)) continue;
            pruned = undefined;
            const pause = checkpoint();
            if (pause) await pause;
            const nodeOptions = this.validateSingleNodeOptions(node, options);
            if (nodeOptions.validateNode) {
                let checks = checksByType.get(node.$type);
                if (!checks) checksByType.set(node.$type, checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray());
                for (const check of checks) {
                    const result = check(node, acceptor, cancelToken);
                    if (result instanceof Promise) await result;
                    const pauseAfterCheck = checkSlice();
                    if (pauseAfterCheck) await pauseAfterCheck;
                }
            }
            if (!nodeOptions.validateChildren) pruned = node;
        }
    }
}

function isInside(node: AstNode, ancestor: AstNode): boolean {
    for (let container = node.$container; container; container = container.$container) if (container === ancestor) return true;
    return false;
}
