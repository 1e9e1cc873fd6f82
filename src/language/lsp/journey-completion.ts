/**
 * Completion beyond keywords and names: snippets for a new stage, touchpoint or persona where
 * they fit, the values of the emotion scale after `emotion`, and our languages after `language`.
 */
import { AstUtils, GrammarAST, GrammarUtils, type MaybePromise } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type NextFeature } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import snippets from '../../../snippets/journey.json';
import { isImprovesSetting, isJourney, isTouchpoint } from '../generated/ast.js';
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

export class JourneyCompletionProvider extends DefaultCompletionProvider {

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
