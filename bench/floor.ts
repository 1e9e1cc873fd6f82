/**
 * Langium's floor: a bare grammar that reads any text as one flat run of words, strings and
 * braces, and makes one syntax tree node of it all: nothing to name, link or check. Built from
 * the same text as a journey, it is what Langium and Chevrotain themselves cost to lex, parse
 * and build a document of that size, concrete syntax tree included; no language on Langium can
 * re-validate that text faster (Langium has no incremental parsing). The journey's times are
 * reported as multiples of it.
 */
import { createServicesForGrammar } from 'langium/grammar';
import type { LangiumServices } from 'langium/lsp';

const BARE_GRAMMAR = `grammar Bare
entry Document: {infer Document} (WORD | STRING | '{' | '}')*;
hidden terminal WS: /\\s+/;
terminal STRING: /"(\\\\.|[^"\\\\])*"/;
terminal WORD: /[^\\s{}"]+/;
`;

export async function createFloorServices(): Promise<LangiumServices> {
    const services = await createServicesForGrammar({
        grammar: BARE_GRAMMAR,
        languageMetaData: { languageId: 'bare', fileExtensions: ['.bare'], caseInsensitive: false, mode: 'production' }
    });
    await services.shared.workspace.WorkspaceManager.initializeWorkspace([]);
    return services;
}
