/**
 * The languages a map can be drawn in: one catalog per tag of the vocabulary's MAP_LANGUAGES.
 * A tag we do not have falls back to English (the language server warns and lists ours).
 */
import { DEFAULT_MAP_LANGUAGE, MAP_LANGUAGES, mapLanguageOf, type MapLanguageTag } from '../language/vocabulary.js';
import { de } from './catalogs/de.js';
import { en } from './catalogs/en.js';
import { fi } from './catalogs/fi.js';
import { lv } from './catalogs/lv.js';
import { nb } from './catalogs/nb.js';
import { sv } from './catalogs/sv.js';
import { Messages, type Catalog, type LanguageCatalog } from './messages.js';

const CATALOGS: Record<MapLanguageTag, Catalog> = { en, nb, sv, fi, lv, de };

export const LANGUAGES: readonly LanguageCatalog[] = MAP_LANGUAGES.map(({ tag, name }) => ({ tag, name, messages: CATALOGS[tag] }));

export const DEFAULT_LANGUAGE = DEFAULT_MAP_LANGUAGE;

/** The catalog for a tag: exact (`nb`), by its language (`nb-NO` → `nb`), else undefined. */
export function findLanguage(tag: string | undefined): LanguageCatalog | undefined {
    const found = mapLanguageOf(tag);
    return found && LANGUAGES.find(language => language.tag === found);
}

const cache = new Map<string, Messages>();

/** Messages in the language asked for, or English when there is no catalog for it. */
export function messagesFor(tag?: string): Messages {
    const language = findLanguage(tag) ?? findLanguage(DEFAULT_LANGUAGE)!;
    let messages = cache.get(language.tag);
    if (!messages) cache.set(language.tag, messages = new Messages(language));
    return messages;
}

/**
 * The words for one journey: its own `language` wins over the language asked for around it
 * (the `journey.map.language` setting, the CLI's --language). A tag we have no words for draws in
 * English, as the language server's warning says.
 */
export function journeyMessages(journey: { language?: string }, around: Messages): Messages {
    if (journey.language === undefined) return around;
    const messages = messagesFor(journey.language);
    // Keep the caller's plain-text choice (no soft hyphens) when the journey switches language.
    return around.softHyphens ? messages : messages.plainText();
}

/** The words of a page holding several journeys: their shared language, else the one asked for. */
export function documentMessages(journeys: ReadonlyArray<{ language?: string }>, around: Messages): Messages {
    const each = new Set(journeys.map(journey => journeyMessages(journey, around)));
    return each.size === 1 ? [...each][0] : around;
}
