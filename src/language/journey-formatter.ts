/**
 * Formats a journey the one way we write them: one statement per line, blocks indented,
 * single spaces between the words of a statement, blank lines between top-level blocks.
 * Only whitespace changes; the blank lines a writer puts between statements are kept.
 */
import { CstUtils, GrammarAST, type AstNode, type CstNode } from 'langium';
import { AbstractFormatter, Formatting } from 'langium/lsp';
import { isModel } from './generated/ast.js';

export class JourneyFormatter extends AbstractFormatter {

    protected format(node: AstNode): void {
        const formatter = this.getNodeFormatter(node);
        if (isModel(node)) {
            formatter.nodes(...node.elements.slice(1)).prepend(Formatting.newLines(2, { allowMore: true }));
            return;
        }
        const ownTokens = ownLeaves(node);
        const open = ownTokens.find(token => isKeyword(token, '{'));
        const close = ownTokens.findLast(token => isKeyword(token, '}'));
        ownTokens.forEach((token, index) => {
            if (index === 0 || token === close) return;
            formatter.cst([token]).prepend(isKeyword(token, ',') ? Formatting.noSpace() : Formatting.oneSpace());
        });
        if (open && close) {
            formatter.interior(formatter.cst([open]), formatter.cst([close])).prepend(Formatting.indent({ allowMore: true }));
            formatter.cst([close]).prepend(Formatting.newLine());
        }
    }
}

/** The tokens written for this node itself, not for the statements nested in it. */
function ownLeaves(node: AstNode): CstNode[] {
    const root = node.$cstNode;
    if (!root) return [];
    // Tokens of data-type rules (like `current-state`) belong to the node that calls the rule.
    return CstUtils.flattenCst(root).filter(leaf => !leaf.hidden && leaf.astNode === node).toArray();
}

function isKeyword(token: CstNode, value: string): boolean {
    return GrammarAST.isKeyword(token.grammarSource) && token.grammarSource.value === value;
}
