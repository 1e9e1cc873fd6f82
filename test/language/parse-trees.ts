/**
 * Two parse results compared to the last detail: every CST node (kind, place, text, grammar element,
 * token type, container, AST node) and every AST node (type, container, properties, references),
 * and the errors. Shared by the tests of the threaded parser and of the incremental reparse; and
 * a built document's entries in the index.
 */
import {
    AstUtils, CstUtils, isAstNode, isReference, type AstNode, type AstNodeDescription, type CstNode, type LangiumDocument, type LangiumSharedCoreServices, type LocalSymbols,
    type ParseResult, type ReferenceDescription
} from 'langium';
import type { JourneyServices } from '../../src/language/journey-module.js';

/** `describeTree(result)`: everything a tree holds, with nodes and CST nodes named by their place: what two parses of the same text must share. */
export function treeDescriber(Journey: JourneyServices): (result: ParseResult) => unknown {
    const grammarIds = new Map<AstNode, number>(AstUtils.streamAst(Journey.Grammar).toArray().map((element, index) => [element, index]));
    const tokenTypes = Journey.parser.Lexer.definition as Record<string, { name: string }>;

    /** A token type by name, if it is the lexer's own object (and not a copy with the same name). */
    function tokenTypeName(type: { name: string }): string {
        return tokenTypes[type.name] === type ? type.name : `a copy of ${type.name}`;
    }

    /** Everything a tree holds, with nodes and CST nodes named by their place: what two parses of the same text must share. */
    function describeTree(result: ParseResult): unknown {
        const cstIds = new Map<CstNode, number>();
        const cst: unknown[] = [];
        if (result.value.$cstNode) {
            for (const node of CstUtils.streamCst(result.value.$cstNode)) {
                cstIds.set(node, cstIds.size);
                cst.push({
                    kind: node.constructor.name, offset: node.offset, length: node.length, end: node.end, range: node.range, hidden: node.hidden, text: node.text,
                    grammar: node.grammarSource ? grammarIds.get(node.grammarSource) ?? 'not in the grammar' : undefined,
                    tokenType: 'tokenType' in node ? tokenTypeName(node.tokenType as { name: string }) : undefined,
                    container: node.container ? cstIds.get(node.container) : undefined,
                    astNode: `${node.astNode.$type}@${node.astNode.$cstNode?.offset}`
                });
            }
        }
        const astIds = new Map<AstNode, number>();
        const ast: unknown[] = [];
        for (const node of AstUtils.streamAst(result.value)) {
            astIds.set(node, astIds.size);
            const properties: Record<string, unknown> = {};
            for (const [name, value] of Object.entries(node)) {
                if (name.startsWith('$')) continue;
                const one = (item: unknown) => isAstNode(item) ? `node ${astIds.get(item) ?? 'later'}` : isReference(item)
                    ? { ref: item.$refText, node: item.$refNode ? cstIds.get(item.$refNode) : undefined } : item;
                properties[name] = Array.isArray(value) ? value.map(one) : one(value);
            }
            ast.push({
                type: node.$type, container: node.$container ? astIds.get(node.$container) : undefined, property: node.$containerProperty,
                index: node.$containerIndex, cst: node.$cstNode ? cstIds.get(node.$cstNode) : undefined, properties
            });
        }
        const token = (t: ParseResult['parserErrors'][number]['token'] | undefined) => t && { ...t, tokenType: t.tokenType && tokenTypeName(t.tokenType) };
        const error = (e: ParseResult['parserErrors'][number]) => ({ name: e.name, message: e.message, token: token(e.token), previousToken: token((e as { previousToken?: typeof e.token }).previousToken) });
        return { cst, ast, lexerErrors: result.lexerErrors, lexerReport: result.lexerReport, parserErrors: result.parserErrors.map(error) };
    }
    return describeTree;
}

/**
 * A built document's entries in the index, every field read: the names it declares (local
 * symbols) and its resolved references. Both are made with what they say of their text's place
 * left to be worked out when read (src/language/descriptions.ts).
 */
export function indexEntries(shared: LangiumSharedCoreServices, document: LangiumDocument): unknown {
    const references = (shared.workspace.IndexManager as unknown as { referenceIndex: Map<string, ReferenceDescription[]> }).referenceIndex.get(document.uri.toString()) ?? [];
    return {
        names: document.localSymbols ? localNames(document.localSymbols, document.parseResult.value).map(describeName) : [],
        exported: shared.workspace.IndexManager.allElements(undefined, new Set([document.uri.toString()])).toArray().map(describeName),
        references: references.map(describeReference)
    };
}

/** The names a tree declares, container by container in the tree's order. */
export function localNames(symbols: LocalSymbols, root: AstNode): AstNodeDescription[] {
    return AstUtils.streamAst(root).filter(node => symbols.has(node)).flatMap(node => symbols.getStream(node)).toArray();
}

export function describeReference(reference: ReferenceDescription): unknown {
    return {
        sourceUri: reference.sourceUri.toString(), sourcePath: reference.sourcePath, targetUri: reference.targetUri.toString(), targetPath: reference.targetPath,
        segment: reference.segment, local: reference.local
    };
}

export function describeName(description: AstNodeDescription): unknown {
    return {
        name: description.name, type: description.type, documentUri: description.documentUri.toString(), path: description.path,
        selectionSegment: description.selectionSegment, nameSegment: description.nameSegment, node: description.node?.$type
    };
}
