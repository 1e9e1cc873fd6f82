/**
 * The languages a map can be drawn in: one catalog each, looked up by BCP 47 tag. A tag we do
 * not have falls back to English (the language server warns and lists these).
 */
import { de } from './catalogs/de.js';
import { en } from './catalogs/en.js';
import { fi } from './catalogs/fi.js';
import { lv } from './catalogs/lv.js';
import { nb } from './catalogs/nb.js';
import { sv } from './catalogs/sv.js';
import { Messages, type LanguageCatalog } from './messages.js';

export const LANGUAGES: readonly LanguageCatalog[] = [
    { tag: 'en', name: 'English', messages: en },
    { tag: 'nb', name: 'Norsk bokmål', messages: nb },
    { tag: 'sv', name: 'Svenska', messages: sv },
    { tag: 'fi', name: 'Suomi', messages: fi },
    { tag: 'lv', name: 'Latviešu', messages: lv },
    { tag: 'de', name: 'Deutsch', messages: de }
];

/** Tags people write for a language we have under another tag: Norwegian without a written standard means Bokmål. */
const ALIASES: Readonly<Record<string, string>> = { no: 'nb' };

export const DEFAULT_LANGUAGE = 'en';

/** The catalog for a tag: exact (`nb`), by its language (`nb-NO` → `nb`), else undefined. */
export function findLanguage(tag: string | undefined): LanguageCatalog | undefined {
    if (!tag) return undefined;
    const lower = tag.toLowerCase();
    const primary = lower.split('-')[0];
    return LANGUAGES.find(l => l.tag === lower) ?? LANGUAGES.find(l => l.tag === (ALIASES[primary] ?? primary));
}

const cache = new Map<string, Messages>();

/** Messages in the language asked for, or English when there is no catalog for it. */
export function messagesFor(tag?: string): Messages {
    const language = findLanguage(tag) ?? findLanguage(DEFAULT_LANGUAGE)!;
    let messages = cache.get(language.tag);
    if (!messages) cache.set(language.tag, messages = new Messages(language));
    return messages;
}
