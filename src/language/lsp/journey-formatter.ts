/**
 * Formats a journey the one way we write them: one statement per line, blocks indented,
 * single spaces between the words of a statement, blank lines between top-level blocks.
 * Only whitespace changes; the blank lines a writer puts between statements are kept.
 */
import { CstUtils, GrammarAST, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { AbstractFormatter, Formatting, type FormattingAction, type FormattingContext } from 'langium/lsp';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import { isChannelDecl, isModel, isSegment } from '../generated/ast.js';

export class JourneyFormatter extends AbstractFormatter {

    /** New line breaks follow the document's own: a CRLF file stays CRLF for every client, not only VS Code. */
    protected override doDocumentFormat(document: LangiumDocument, options: FormattingOptions, range?: Range): TextEdit[] {
        const edits = super.doDocumentFormat(document, options, range);
        if (!document.textDocument.getText().includes('\r\n')) return edits;
        return edits.map(edit => ({ ...edit, newText: edit.newText.replace(/\r?\n/g, '\r\n') }));
    }

    protected format(node: AstNode): void {
        const formatter = this.getNodeFormatter(node);
        if (isModel(node)) {
            // Blocks are set apart by a blank line; a list of one-line declarations (segments, channels) may stay together.
            node.elements.forEach((element, index) => {
                if (index === 0) return;
                const together = isOneLine(element) && isOneLine(node.elements[index - 1]);
                formatter.node(element).prepend(together ? Formatting.newLine({ allowMore: true }) : Formatting.newLines(2, { allowMore: true }));
            });
            return;
        }
        const ownTokens = ownLeaves(node);
        const open = ownTokens.find(token => isKeyword(token, '{'));
        const close = ownTokens.findLast(token => isKeyword(token, '}'));
        ownTokens.forEach((token, index) => {
            if (index === 0 || token === close) return;
            // A comma follows its word; the hyphens of a language tag (`sv-FI`) and the dots of a scale (`1..5`) join its parts.
            const joined = isKeyword(token, ',') || ['-', '..'].some(joiner => isKeyword(token, joiner) || isKeyword(ownTokens[index - 1], joiner));
            formatter.cst([token]).prepend(joined ? Formatting.noSpace() : Formatting.oneSpace());
        });
        if (open && close) {
            formatter.interior(formatter.cst([open]), formatter.cst([close])).prepend(Formatting.indent({ allowMore: true }));
            formatter.cst([close]).prepend(Formatting.newLine());
        }
    }

    /**
     * Indents a comment that starts a line, measuring indentation in columns. Langium's own version
     * removes one character per column, so a tab loses four columns and the next format moves the
     * comment again: formatting was not idempotent for comments indented with tabs and spaces.
     */
    protected override createHiddenTextEdits(previous: CstNode | undefined, hidden: CstNode, formatting: FormattingAction | undefined, context: FormattingContext): TextEdit[] {
        const start = hidden.range.start;
        if (previous && previous.range.end.line === start.line) return [];
        const lineStart = { line: start.line, character: 0 };
        const move = this.findFittingMove({ start: lineStart, end: start }, formatting?.moves ?? [], context);
        const shift = this.getIndentationCharacterCount(context, move) - columns(context.document.getText({ start: lineStart, end: start }), context);
        if (shift === 0) return [];
        const edits: TextEdit[] = [];
        for (let line = start.line; line <= hidden.range.end.line; line++) {
            const indentation = /^[ \t]*/.exec(context.document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }))![0];
            const wanted = Math.max(0, columns(indentation, context) + shift);
            edits.push({ range: { start: { line, character: 0 }, end: { line, character: indentation.length } }, newText: indent(wanted, context) });
        }
        return edits;
    }
}

function columns(whitespace: string, context: FormattingContext): number {
    return [...whitespace].reduce((sum, char) => sum + (char === '\t' ? context.options.tabSize : 1), 0);
}

function indent(count: number, context: FormattingContext): string {
    const { tabSize, insertSpaces } = context.options;
    return insertSpaces ? ' '.repeat(count) : '\t'.repeat(Math.floor(count / tabSize)) + ' '.repeat(count % tabSize);
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

/** A top-level declaration written on one line: a segment or a channel. */
function isOneLine(node: AstNode): boolean {
    return isSegment(node) || isChannelDecl(node);
}
