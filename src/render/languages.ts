/**
 * The languages a map can be drawn in: one catalog each, looked up by BCP 47 tag. A tag we do
 * not have falls back to English (the language server warns and lists these).
 */
import { en } from './catalogs/en.js';
import { Messages, type LanguageCatalog } from './messages.js';

export const LANGUAGES: readonly LanguageCatalog[] = [
    { tag: 'en', name: 'English', messages: en }
];

export const DEFAULT_LANGUAGE = 'en';

/** The catalog for a tag: exact (`nb`), by its language (`nb-NO` → `nb`), else undefined. */
export function findLanguage(tag: string | undefined): LanguageCatalog | undefined {
    if (!tag) return undefined;
    const lower = tag.toLowerCase();
    return LANGUAGES.find(l => l.tag === lower) ?? LANGUAGES.find(l => l.tag === lower.split('-')[0]);
}

const cache = new Map<string, Messages>();

/** Messages in the language asked for, or English when there is no catalog for it. */
export function messagesFor(tag?: string): Messages {
    const language = findLanguage(tag) ?? findLanguage(DEFAULT_LANGUAGE)!;
    let messages = cache.get(language.tag);
    if (!messages) cache.set(language.tag, messages = new Messages(language));
    return messages;
}
