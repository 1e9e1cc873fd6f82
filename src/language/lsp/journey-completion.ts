/**
 * Completion beyond keywords and names: snippets for a new stage, touchpoint or persona where
 * they fit, the values of the emotion scale after `emotion`, our languages after `language`, and the
 * columns of a data file where a column is named.
 */
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, type LangiumDocument, type MaybePromise } from 'langium';
import { DefaultCompletionProvider, findNextFeatures, type CompletionAcceptor, type CompletionContext, type NextFeature } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import snippets from '../../../snippets/journey.json';
import type { DataSets } from '../data/data-sets.js';
import { peekSource } from '../data/data-semantics.js';
import { isDataSource, isImprovesSetting, isJourney, isStage, isTouchpoint } from '../generated/ast.js';
import type { JourneyServices } from '../journey-module.js';
import { journeyKind, journeyPersonas } from '../journey-semantics.js';
import { EMOTION_SCALE, emotionLabel, emotionValues, formatEmotion, MAP_LANGUAGES } from '../vocabulary.js';

const SNIPPETS: Array<{ prefix: string; description: string; body: string[] }> = Object.values(snippets);

/** The first word of a language tag (`language <|>`); the parts after a hyphen are a region or script, not offered. */
function isLanguageTagStart(feature: GrammarAST.AbstractElement): boolean {
    const rule = AstUtils.getContainerOfType(feature, GrammarAST.isParserRule);
    if (rule?.name !== 'LanguageTag') return false;
    const body = rule.definition;
    return feature === body || (GrammarAST.isGroup(body) && body.elements[0] === feature);
}

/**
 * The text Langium's completion parser needs to know what may come at `offset` inside a stage: the
 * journey's opening (`journey Name "Title" {`) and the stage up to the cursor. Everything the grammar
 * allows before a stage (personas, other journeys, header settings, earlier stages) is an optional
 * list item that does not change what may follow inside it. Undefined outside a stage.
 */
export function completionTextInStage(document: LangiumDocument, offset: number): string | undefined {
    const root = document.parseResult.value.$cstNode;
    const leaf = root && CstUtils.findLeafNodeBeforeOffset(root, offset);
    const stage = leaf && AstUtils.getContainerOfType(leaf.astNode, isStage);
    const journey = stage && AstUtils.getContainerOfType(stage, isJourney);
    const open = journey?.$cstNode && GrammarUtils.findNodeForKeyword(journey.$cstNode, '{');
    const stageStart = stage?.$cstNode?.offset;
    if (!journey?.$cstNode || !open || stageStart === undefined || stageStart < open.end || offset <= stageStart) return undefined;
    const text = document.textDocument.getText();
    return `${text.slice(journey.$cstNode.offset, open.end)}\n${text.slice(stageStart, offset)}`;
}

export class JourneyCompletionProvider extends DefaultCompletionProvider {
    /** The document of each text completion is asked in: `findFeaturesAt` is given the text alone. */
    private readonly documents = new WeakMap<TextDocument, LangiumDocument>();
    private readonly dataSets: DataSets;

    constructor(services: JourneyServices) {
        super(services);
        this.dataSets = services.data.DataSets;
    }

    protected override *buildContexts(document: LangiumDocument, position: Position): IterableIterator<CompletionContext> {
        this.documents.set(document.textDocument, document);
        yield* super.buildContexts(document, position);
    }

    /**
     * What may come at `offset`. Langium reads the whole text before the cursor with its completion
     * parser; inside a stage only the journey's opening and the stage are read (completionTextInStage),
     * so completion at the end of a 10,000-line journey does not parse it all again.
     */
    protected override findFeaturesAt(textDocument: TextDocument, offset: number): NextFeature[] {
        const document = this.documents.get(textDocument);
        const text = document && this.textForFeatures(document, offset);
        if (text === undefined) return super.findFeaturesAt(textDocument, offset);
        const parsed = this.completionParser.parse(text);
        if (parsed.tokenIndex === 0) return super.findFeaturesAt(textDocument, offset);
        return findNextFeatures([parsed.elementStack.map(feature => ({ feature }))], [...parsed.tokens].splice(parsed.tokenIndex));
    }

    /** The text read for what may come at `offset`; undefined reads all of it (a test compares the two). */
    protected textForFeatures(document: LangiumDocument, offset: number): string | undefined {
        return completionTextInStage(document, offset);
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (GrammarAST.isKeyword(next.feature)) {
            this.snippetFor(context, next.feature.value, acceptor);
        }
        if (isLanguageTagStart(next.feature)) {
            for (const [index, language] of MAP_LANGUAGES.entries()) {
                acceptor(context, {
                    label: language.tag, kind: CompletionItemKind.Value, detail: language.name,
                    documentation: `Lane titles, badges, headings, dates and numbers of this map in ${language.name}.`,
                    sortText: String(index).padStart(2, '0')
                });
            }
            return;
        }
        if (AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment)?.feature === 'column') {
            this.columnsFor(context, acceptor);
            return;
        }
        if (AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment)?.feature === 'score') {
            for (const value of emotionValues()) {
                const text = formatEmotion(value);
                acceptor(context, {
                    label: text, kind: CompletionItemKind.Value, detail: emotionLabel(value),
                    sortText: String(value - EMOTION_SCALE.min).padStart(2, '0'), insertText: value < 0 ? String(value) : text
                });
            }
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    /**
     * After a syntax error the node at the cursor may be another statement than the one whose reference
     * is completed (`channel` followed by a broken `does "`). Completing as if on a new statement of the
     * right type keeps the candidates; otherwise Langium's scope lookup fails and offers none.
     */
    protected override completionForCrossReference(context: CompletionContext, next: NextFeature<GrammarAST.CrossReference>, acceptor: CompletionAcceptor): MaybePromise<void> {
        const rule = AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule);
        const type = rule && GrammarUtils.getTypeName(rule);
        if (!next.type && type && context.node && !this.astReflection.isInstance(context.node, type)) {
            return super.completionForCrossReference(context, { ...next, type }, acceptor);
        }
        return super.completionForCrossReference(context, next, acceptor);
    }

    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        // Punctuation is typed, not picked from a list.
        if (!/^[a-z]/.test(keyword.value) || !super.filterKeyword(context, keyword)) return false;
        // Where a name goes, the keywords that may also be names are no suggestion.
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        if (rule?.name === 'Name' || rule?.name === 'DeclaredName') return false;
        // `matches` names a stage of the journey this one improves: without one it can only be an error.
        if (keyword.value === 'matches') {
            const journey = context.node && AstUtils.getContainerOfType(context.node, isJourney);
            return journey !== undefined && (journeyKind(journey) === 'future-state' || journey.header.some(isImprovesSetting));
        }
        return true;
    }

    /**
     * The columns of a data file, where a column is named: in a data block, and after `from <Source>`.
     * Read from what validation last read of the file, so completion never waits for a large file.
     */
    private columnsFor(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const node = context.node;
        let source = node && AstUtils.getContainerOfType(node, isDataSource);
        if (!source && node) {
            const line = context.textDocument.getText({ start: { line: context.position.line, character: 0 }, end: context.position });
            const name = /\bfrom\s+([^\s"']+)\s*["']?[^"']*$/.exec(line)?.[1];
            const journey = AstUtils.getContainerOfType(node, isJourney);
            source = journey?.dataSources.find(candidate => candidate.name === name);
        }
        const load = source && peekSource(this.dataSets, source);
        if (!load?.ok) return;
        const typed = context.textDocument.getText({ start: context.textDocument.positionAt(context.tokenOffset), end: context.position });
        const quote = typed.startsWith("'") ? "'" : '"';
        load.table.columns.forEach((column, index) => {
            const text = `${quote}${column.replace(/["'\\]/g, character => `\\${character}`)}${quote}`;
            acceptor(context, {
                label: text, kind: CompletionItemKind.Field, detail: `column of ${source!.path ?? 'the data file'}`,
                sortText: String(index).padStart(4, '0'),
                textEdit: { newText: text, range: { start: context.textDocument.positionAt(context.tokenOffset), end: context.position } }
            });
        });
    }

    /** A ready-to-fill block (from snippets/journey.json) where the keyword that opens it is valid. */
    private snippetFor(context: CompletionContext, keyword: string, acceptor: CompletionAcceptor): void {
        const snippet = SNIPPETS.find(candidate => candidate.prefix === keyword);
        if (!snippet) return;
        const inTouchpoint = context.node && (isTouchpoint(context.node) || AstUtils.getContainerOfType(context.node, isTouchpoint));
        if (keyword === 'persona' && inTouchpoint) return; // there `persona` names who a touchpoint concerns
        const journey = context.node && AstUtils.getContainerOfType(context.node, isJourney);
        const persona = journey && journeyPersonas(journey)[0]?.name;
        const body = snippet.body.join('\n');
        acceptor(context, {
            label: `${keyword} (new ${keyword})`, kind: CompletionItemKind.Snippet, detail: snippet.description,
            // With a known persona, the emotion line names it, so the new touchpoint is complete as inserted.
            insertText: persona ? body.replace(/emotion \$\{(\d+):0\}/, `emotion ${persona} \${$1:0}`) : body,
            insertTextFormat: InsertTextFormat.Snippet, sortText: '0', filterText: keyword
        });
    }
}
