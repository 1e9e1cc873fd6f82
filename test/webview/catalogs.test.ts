/** The map's words in every language: the same keys and placeholders everywhere, and no English left in the others. */
import { describe, expect, test } from 'vitest';
import { en } from '../../src/render/catalogs/en.js';
import { findLanguage, LANGUAGES, messagesFor } from '../../src/render/languages.js';
import { placeholdersOf } from '../../src/render/messages.js';
import { channelLabel } from '../../src/render/vocabulary-words.js';
import { BUILTIN_CHANNELS, MAP_LANGUAGES } from '../../src/language/vocabulary.js';
import manifest from '../../package.json';

describe('the message catalogs', () => {
    test.each(LANGUAGES.map(l => [l.tag, l] as const))('%s has every key, with the same placeholders as English', (_tag, language) => {
        expect(Object.keys(language.messages).sort()).toEqual(Object.keys(en).sort());
        for (const [key, english] of Object.entries(en)) {
            expect(placeholdersOf(language.messages[key as keyof typeof en]), key).toEqual(placeholdersOf(english));
        }
    });

    test.each(LANGUAGES.filter(l => l.tag !== 'en').map(l => [l.tag, l] as const))('%s translates the words a reader sees on every map', (_tag, language) => {
        const everywhere = ['lane.touchpoints', 'lane.does', 'lane.thinks', 'lane.feels', 'lane.pains', 'lane.goods', 'lane.opportunities',
            'stage.unmapped', 'evidence.observed', 'evidence.assumed', 'kind.currentState', 'emotion.word.veryNegative', 'plan.actionPlan'] as const;
        for (const key of everywhere) expect(language.messages[key], key).not.toBe(en[key]);
    });

    test('the words of a plural branch are no placeholder; the placeholders inside a branch are', () => {
        expect(placeholdersOf('{count, plural, one {its pain point is gone} other {# pain points in {stage} are gone}}')).toEqual(['count:plural', 'stage']);
        expect(placeholdersOf('{count, plural, =0 {none} other {#}} in {stage}')).toEqual(['count:plural', 'stage']);
        expect(placeholdersOf('no placeholder')).toEqual([]);
    });

    test('the built-in channels are named in English as the language server names them, and in every other language', () => {
        for (const channel of BUILTIN_CHANNELS) {
            expect(channelLabel({ ...channel, id: channel.name, builtin: true }, messagesFor('en'))).toBe(channel.label);
            for (const language of LANGUAGES) expect(channelLabel({ ...channel, id: channel.name, builtin: true }, messagesFor(language.tag))).not.toBe('');
        }
        expect(channelLabel({ id: 'web', label: 'Website', builtin: true }, messagesFor('sv'))).toBe('Webbplats');
        expect(channelLabel({ id: 'web', label: 'Vår webb' }, messagesFor('sv'))).toBe('Vår webb');
    });

    test('the journey.map.language setting offers exactly the languages we have words for', () => {
        const setting = manifest.contributes.configuration.properties['journey.map.language'];
        expect(setting.enum).toEqual(MAP_LANGUAGES.map(l => l.tag));
        expect(setting.enumItemLabels).toEqual(MAP_LANGUAGES.map(l => l.name));
    });

    test('a tag finds its language, a region or an alias too; an unknown tag falls back to English', () => {
        expect(findLanguage('sv-FI')?.tag).toBe('sv');
        expect(findLanguage('NB')?.tag).toBe('nb');
        expect(findLanguage('no')?.tag).toBe('nb');
        expect(findLanguage('xx')).toBeUndefined();
        expect(messagesFor('xx').locale).toBe('en');
        expect(messagesFor('fi').t('stage.unmapped')).toBe('ei vielä kosketuspisteitä');
    });

    test('numbers and dates are written the language\'s way', () => {
        expect(messagesFor('nb').signed(-1.5)).toBe('\u22121,5');
        expect(messagesFor('de').date('2027-03-01')).toBe('1. März 2027');
        expect(messagesFor('sv').date('2027-03-01')).toBe('1 mars 2027');
        expect(messagesFor('fi').number(0.021, { style: 'percent', maximumFractionDigits: 1 })).toBe('2,1\u00A0%');
    });
});
