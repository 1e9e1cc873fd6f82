/**
 * The words the product adds to a map (lane titles, badges, notes, headings), looked up in
 * one keyed catalog per language and handed to the renderers, which stay pure: they never
 * pick a language themselves.
 *
 * A message is text with `{name}` placeholders, and `{name, plural, one {…} other {…}}`
 * where the words depend on a count (`#` stands for the number, formatted for the language).
 * Numbers and dates are formatted with `Intl` for the catalog's locale.
 */
import { en, type MessageKey } from './catalogs/en.js';

export type { MessageKey };
export type Catalog = Readonly<Record<MessageKey, string>>;

export interface LanguageCatalog {
    /** BCP 47 tag: `en`, `nb`, `sv`, ... */
    tag: string;
    /** The language's own name for itself, for completion and messages. */
    name: string;
    messages: Catalog;
}

export type MessageParams = Readonly<Record<string, string | number>>;

export class Messages {
    private readonly plural: Intl.PluralRules;
    // Intl's formatters are costly to create and a map formats thousands of numbers and dates: each is made once.
    private readonly numbers = new Map<string, Intl.NumberFormat>();
    private dates: Intl.DateTimeFormat | undefined;
    private times: Intl.DateTimeFormat | undefined;
    private lists: Intl.ListFormat | undefined;

    /**
     * `softHyphens: false` drops the soft hyphens some lane titles carry: they let the map's
     * narrow columns break a long word, and text read elsewhere (a terminal, raw Markdown, a search) is better without them.
     */
    constructor(readonly catalog: LanguageCatalog, private readonly options: { softHyphens?: boolean } = {}) {
        this.plural = new Intl.PluralRules(catalog.tag);
    }

    /** Whether long words carry soft hyphens, where the map's narrow columns may break them. */
    get softHyphens(): boolean {
        return this.options.softHyphens !== false;
    }

    /** The same words without soft hyphens, for text that is not laid out in the map's columns. */
    plainText(): Messages {
        return this.options.softHyphens === false ? this : new Messages(this.catalog, { softHyphens: false });
    }

    get locale(): string {
        return this.catalog.tag;
    }

    /** The message for `key` with its placeholders filled in. */
    t(key: MessageKey, params: MessageParams = {}): string {
        const text = formatMessage(this.catalog.messages[key] ?? en[key], params, value => this.number(value), count => this.plural.select(count));
        return this.options.softHyphens === false ? text.replace(/\u00AD/g, '') : text;
    }

    /** A number as the language writes it (decimal comma in most of Europe). */
    number(value: number, options?: Intl.NumberFormatOptions): string {
        const key = options ? JSON.stringify(options) : '';
        let format = this.numbers.get(key);
        if (!format) this.numbers.set(key, format = new Intl.NumberFormat(this.catalog.tag, { maximumFractionDigits: 2, ...options }));
        // Intl writes a minus sign (U+2212) in some languages and a hyphen in others: a score always gets the true minus.
        return format.format(value).replace(/^-/, '\u2212');
    }

    /** A signed number: +2, −1, 0; emotion scores read this way on every map. */
    signed(value: number, fractionDigits = 1): string {
        const text = this.number(Math.abs(value), { maximumFractionDigits: fractionDigits });
        return value > 0 ? `+${text}` : value < 0 ? `\u2212${text}` : text;
    }

    /** A calendar date (YYYY-MM-DD in the source) as the language writes it. */
    date(isoDate: string): string {
        const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
        if (!match) return isoDate;
        const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
        if (Number.isNaN(date.getTime())) return isoDate;
        this.dates ??= new Intl.DateTimeFormat(this.catalog.tag, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
        return this.dates.format(date);
    }

    /** A time of day written 07:30, as the language writes it (07:30, 07.30); a span with an en dash. */
    time(time: { start: string; end?: string }): string {
        const one = (hhmm: string) => {
            const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
            if (!match) return hhmm;
            this.times ??= new Intl.DateTimeFormat(this.catalog.tag, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC' });
            return this.times.format(new Date(Date.UTC(1970, 0, 1, Number(match[1]), Number(match[2]))));
        };
        return time.end === undefined ? one(time.start) : `${one(time.start)}\u2013${one(time.end)}`;
    }

    /** A list: "a, b and c" in the language's own way. */
    list(items: readonly string[]): string {
        this.lists ??= new Intl.ListFormat(this.catalog.tag, { type: 'conjunction' });
        return this.lists.format(items);
    }
}

/** Placeholders of a message, with their kinds: `name` or `name:plural`. The catalog test compares them across languages. */
export function placeholdersOf(message: string): string[] {
    const found = new Set<string>();
    collectPlaceholders(message, found);
    return [...found].sort();
}

/** Walks the message as formatMessage reads it, so the words of a plural branch are never taken for a placeholder. */
function collectPlaceholders(message: string, found: Set<string>): void {
    let i = 0;
    while (i < message.length) {
        const open = message.indexOf('{', i);
        if (open === -1) return;
        const close = matchingBrace(message, open);
        if (close === -1) return;
        const body = message.slice(open + 1, close);
        const plural = /^(\w+)\s*,\s*plural\s*,(.*)$/s.exec(body);
        if (plural) {
            found.add(`${plural[1]}:plural`);
            for (const branch of pluralBranches(plural[2]).values()) collectPlaceholders(branch, found);
        } else {
            found.add(body.trim());
        }
        i = close + 1;
    }
}

function pluralBranches(cases: string): Map<string, string> {
    const options = new Map<string, string>();
    const selector = /(=\d+|\w+)\s*\{/g;
    for (let match = selector.exec(cases); match; match = selector.exec(cases)) {
        const start = match.index + match[0].length - 1;
        const end = matchingBrace(cases, start);
        if (end === -1) break;
        options.set(match[1], cases.slice(start + 1, end));
        selector.lastIndex = end + 1; // the next selector comes after this branch, not inside it
    }
    return options;
}

/**
 * Fills a message. Placeholders that are not given stay as written, so a missing parameter
 * shows in the picture instead of becoming "undefined".
 */
export function formatMessage(
    message: string,
    params: MessageParams,
    formatNumber: (value: number) => string,
    pluralCategory: (count: number) => string
): string {
    let out = '';
    let i = 0;
    while (i < message.length) {
        const open = message.indexOf('{', i);
        if (open === -1) {
            out += message.slice(i);
            break;
        }
        out += message.slice(i, open);
        const close = matchingBrace(message, open);
        if (close === -1) {
            out += message.slice(open);
            break;
        }
        out += placeholder(message.slice(open + 1, close), params, formatNumber, pluralCategory);
        i = close + 1;
    }
    return out;
}

function matchingBrace(text: string, open: number): number {
    let depth = 0;
    for (let i = open; i < text.length; i++) {
        if (text[i] === '{') depth++;
        else if (text[i] === '}' && --depth === 0) return i;
    }
    return -1;
}

function placeholder(body: string, params: MessageParams, formatNumber: (value: number) => string, pluralCategory: (count: number) => string): string {
    const plural = /^(\w+)\s*,\s*plural\s*,(.*)$/s.exec(body);
    if (!plural) {
        const value = params[body.trim()];
        if (value === undefined) return `{${body}}`;
        return typeof value === 'number' ? formatNumber(value) : value;
    }
    const [, name, cases] = plural;
    const count = params[name];
    if (typeof count !== 'number') return `{${body}}`;
    const options = pluralBranches(cases);
    const chosen = options.get(`=${count}`) ?? options.get(pluralCategory(count)) ?? options.get('other') ?? '';
    return formatMessage(chosen.replace(/#/g, formatNumber(count)), params, formatNumber, pluralCategory);
}
