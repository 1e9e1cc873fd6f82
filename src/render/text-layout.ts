/**
 * Plain-text and Markdown layout for the reports a person reads in a terminal or a pull
 * request: aligned columns, and user text made safe inside Markdown. Shared by the report
 * and the diff so both read alike.
 */
import type { MessageKey, MessageParams, Messages } from './messages.js';

/** Characters a terminal draws two columns wide (East Asian wide and full-width forms, most emoji). */
const WIDE = /[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1F64F}\u{1F900}-\u{1F9FF}\u{20000}-\u{3FFFD}]/u;

/** How many terminal columns a string takes: combining marks take none, wide characters two. */
function width(text: string): number {
    let columns = 0;
    for (const char of text) columns += /\p{M}/u.test(char) ? 0 : WIDE.test(char) ? 2 : 1;
    return columns;
}

/** User text on one line: a line break in a label would break the table it sits in. */
export function oneLine(text: string): string {
    return text.replace(/\s*[\n\r\u2028\u2029]+\s*/g, ' ');
}

/** Narrowest a column is squeezed to when a table is too wide for the terminal. */
const MIN_COLUMN = 8;

/**
 * Rows as aligned columns: every column but the last is padded to its widest cell, so a ragged
 * last column (free text) does not widen the others. Given a `maxWidth`, a table wider than it has
 * its widest columns narrowed and their cells wrapped at spaces onto further lines.
 */
export function alignColumns(rows: ReadonlyArray<readonly string[]>, indent = '', gap = '  ', maxWidth = Infinity): string[] {
    const cells = rows.map(row => row.map(oneLine));
    const natural: number[] = [];
    for (const row of cells) row.forEach((cell, i) => { natural[i] = Math.max(natural[i] ?? 0, width(cell)); });
    const available = maxWidth - width(indent) - width(gap) * Math.max(0, natural.length - 1);
    const fitted = fitColumns(natural, available);
    const last = natural.length - 1;
    const wrapColumns = (columns: number[]) => cells.map(row => row.map((cell, i) => wrap(cell, columns[i])));
    // A narrowed column is as wide as its longest wrapped line, which may be less than the room it had;
    // the last column (free text) then gets what the others leave.
    const widthsOf = (rows: string[][][]) => natural.map((_, i) => Math.max(0, ...rows.flatMap(row => (row[i] ?? []).map(width))));
    const others = widthsOf(wrapColumns(fitted)).slice(0, last).reduce((sum, w) => sum + w, 0);
    const wrappedRows = wrapColumns(fitted.map((w, i) => i === last ? Math.max(w, available - others) : w));
    const widths = widthsOf(wrappedRows);
    return wrappedRows.flatMap(wrapped => {
        const height = Math.max(1, ...wrapped.map(lines => lines.length));
        return Array.from({ length: height }, (_, line) => indent + wrapped
            .map((lines, i) => {
                const text = lines[line] ?? '';
                return i < wrapped.length - 1 ? text + ' '.repeat(Math.max(0, widths[i] - width(text))) : text;
            })
            .join(gap)
            .trimEnd());
    });
}

/**
 * Column widths that fit `available` columns: the widest columns are narrowed to a common cap, no
 * narrower than MIN_COLUMN (a table that cannot fit then runs over, rather than wrapping every word).
 */
function fitColumns(natural: number[], available: number): number[] {
    const total = natural.reduce((sum, w) => sum + w, 0);
    if (total <= available) return natural;
    const sorted = [...natural].sort((a, b) => a - b);
    let cap = MIN_COLUMN;
    let narrowFits = 0;
    for (let i = 0; i < sorted.length; i++) {
        const candidate = Math.floor((available - narrowFits) / (sorted.length - i));
        if (candidate < sorted[i]) { cap = Math.max(MIN_COLUMN, candidate); break; }
        narrowFits += sorted[i];
    }
    return natural.map(w => Math.min(w, cap));
}

/** Text broken at spaces into lines of at most `columns`; a word longer than that is cut. */
export function wrap(text: string, columns: number): string[] {
    if (width(text) <= columns) return [text];
    const lines: string[] = [];
    let line = '';
    for (const word of text.split(' ')) {
        let rest = word;
        while (width(rest) > columns) {
            if (line) { lines.push(line); line = ''; }
            const chars = Array.from(rest);
            let cut = 0;
            for (let used = 0; cut < chars.length && used + width(chars[cut]) <= columns; cut++) used += width(chars[cut]);
            lines.push(chars.slice(0, Math.max(1, cut)).join(''));
            rest = chars.slice(Math.max(1, cut)).join('');
        }
        if (!line) line = rest;
        else if (width(line) + 1 + width(rest) <= columns) line += ` ${rest}`;
        else { lines.push(line); line = rest; }
    }
    if (line) lines.push(line);
    return lines;
}

/** The one Markdown escaping, shared with the language server's hovers. */
export { markdownCode, markdownText } from '../language/markdown-text.js';

/** A Markdown table; cells are Markdown already (escape user text with `markdownText`). */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
    const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

export type Words = (key: MessageKey, params?: MessageParams) => string;

/**
 * The catalog's words for a report a person reads in a terminal or a pull request. Soft hyphens go:
 * they let the preview's narrow columns break a long word, and a terminal may draw them as hyphens.
 */
export function wordsOf(messages: Messages): Words {
    const plain = messages.plainText();
    return (key, params) => plain.t(key, params);
}
