/** `language <tag>`: the language of the words a map adds, in every service of the language server. */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { expectCompletion, expectFormatting, expectHover } from 'langium/test';
import { IssueCodes } from '../../src/language/journey-validator.js';
import { MAP_LANGUAGES, mapLanguageOf } from '../../src/language/vocabulary.js';
import { createTestServices, messages } from './services.js';

let services: Awaited<ReturnType<typeof createTestServices>>;
beforeAll(async () => { services = await createTestServices(); });
afterEach(async () => { await services.reset(); });

const journey = (header: string) => `persona Kim {\n}\n\njourney Kundresa "Köpa en dammsugare" {\n    personas Kim\n    ${header}\n    stage Upptäckt {\n        touchpoint Annons {\n            emotion -2\n        }\n    }\n}\n`;

describe('language <tag>', () => {
    test.each(['sv', 'sv-FI', 'nb', 'no', 'fi', 'lv', 'de', 'en-GB', 'swe'])('%s is a language with words: no problem, and the view model carries the tag as written', async tag => {
        const document = await services.validate(journey(`language ${tag}`));
        expect(messages(document)).toEqual([]);
        const model = services.Journey.model.ViewModelBuilder.build(document);
        expect(model.journeys[0].language).toBe(tag);
        // The hyphen of a tag is a keyword now: negative scores still read as numbers.
        expect(model.journeys[0].stages[0].touchpoints[0].emotions[0].score).toBe(-2);
    });

    test('a journey without it has no language in the view model: the reader\'s setting applies', async () => {
        const document = await services.validate(journey('kind current-state'));
        expect(services.Journey.model.ViewModelBuilder.build(document).journeys[0].language).toBeUndefined();
    });

    test('a tag without words warns, says the map stays English, and lists the languages we have', async () => {
        const document = await services.validate(journey('language se'));
        const [warning] = document.diagnostics ?? [];
        expect(warning.severity).toBe(2);
        expect(warning.message).toContain("no words for the language 'se' yet");
        expect(warning.message).toContain('stay in English');
        for (const language of MAP_LANGUAGES) expect(warning.message).toContain(`${language.tag} (${language.name})`);
        expect(warning.range.start.line).toBe(5);
    });

    test('a word that is no language tag is an error that shows what a tag looks like', async () => {
        const document = await services.validate(journey('language swedishlanguage'));
        const [error] = document.diagnostics ?? [];
        expect(error.severity).toBe(1);
        expect(error.message).toContain("'swedishlanguage' is not a language tag");
        expect(error.message).toContain('sv, nb or sv-FI');
    });

    test('twice in one header is one error', async () => {
        const document = await services.validate(journey('language sv\n    language fi'));
        expect(messages(document)).toEqual([expect.stringContaining("sets 'language' twice")]);
    });

    test('language stays a word a name may be', async () => {
        const document = await services.validate('journey J {\n    stage language {\n        touchpoint T { }\n        next language\n    }\n}\n');
        expect(messages(document).filter(m => !m.includes('loops'))).toEqual([]);
    });

    test('aliases and canonical forms find our languages; others do not', () => {
        expect(mapLanguageOf('no')).toBe('nb');
        expect(mapLanguageOf('NB-no')).toBe('nb');
        expect(mapLanguageOf('swe')).toBe('sv');
        expect(mapLanguageOf('sv-FI')).toBe('sv');
        expect(mapLanguageOf('se')).toBeUndefined();
        expect(mapLanguageOf('da')).toBeUndefined();
    });

    test('completion after language offers the languages we have, with their names', async () => {
        await expectCompletion(services.Journey)({
            text: 'journey J {\n    language <|>\n}',
            index: 0,
            assert: completion => {
                expect(completion.items.map(item => item.label)).toEqual(MAP_LANGUAGES.map(l => l.tag));
                expect(completion.items.find(item => item.label === 'sv')?.detail).toBe('Svenska');
            }
        });
    });

    test('completion in a header offers the language keyword', async () => {
        await expectCompletion(services.Journey)({
            text: 'journey J {\n    <|>\n}',
            index: 0,
            assert: completion => expect(completion.items.map(item => item.label)).toContain('language')
        });
    });

    test('hover on a tag names its language, or says there are no words for it', async () => {
        await expectHover(services.Journey)({ text: 'journey J {\n    language s<|>v-FI\n}', index: 0, hover: /\*\*Language\*\* Svenska \(`sv`\): lane titles/ });
        await services.reset();
        await expectHover(services.Journey)({ text: 'journey J {\n    language d<|>a\n}', index: 0, hover: /\*\*Language\*\* `da`: there are no words for it yet.*`nb` \(Norsk bokmål\)/ });
    });

    test('the quick fixes offer each language we have', async () => {
        const document = await services.validate(journey('language se'));
        const [warning] = document.diagnostics ?? [];
        const actions = await services.Journey.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: warning.range, context: { diagnostics: [warning] }
        }) as Array<{ title: string; isPreferred?: boolean }>;
        expect(actions.map(a => a.title)).toEqual(MAP_LANGUAGES.map(l => `Draw this map's words in ${l.name} (${l.tag})`));
        expect(actions.some(a => a.isPreferred)).toBe(false);
        const svenska = (actions as Array<{ title: string; edit?: { changes?: Record<string, Array<{ newText: string; range: unknown }>> } }>)
            .find(a => a.title.includes('(sv)'))!.edit!.changes![document.uri.toString()];
        expect(svenska).toEqual([{ range: warning.range, newText: 'sv' }]);
        expect(warning.data).toMatchObject({ code: IssueCodes.UnknownLanguage, tag: 'se' });
    });

    test('formatting joins the parts of a tag and keeps one space after the keyword', async () => {
        await expectFormatting(services.Journey)({ before: journey('language   sv - FI'), after: journey('language sv-FI') });
    });
});
