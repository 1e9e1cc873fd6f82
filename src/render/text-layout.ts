/**
 * Plain-text and Markdown layout for the reports a person reads in a terminal or a pull
 * request: aligned columns, and user text made safe inside Markdown. Shared by the report
 * and the diff so both read alike.
 */

/** How many terminal columns a string takes: one per character (the arrows and signs used here are narrow). */
function width(text: string): number {
    return Array.from(text).length;
}

/**
 * Rows as aligned columns: every column but the last is padded to its widest cell, so a
 * ragged last column (free text) does not widen the others.
 */
export function alignColumns(rows: ReadonlyArray<readonly string[]>, indent = '', gap = '  '): string[] {
    const widths: number[] = [];
    for (const row of rows) {
        row.forEach((cell, i) => {
            if (i < row.length - 1) widths[i] = Math.max(widths[i] ?? 0, width(cell));
        });
    }
    return rows.map(row => indent + row
        .map((cell, i) => i < row.length - 1 ? cell + ' '.repeat(widths[i] - width(cell)) : cell)
        .join(gap)
        .trimEnd());
}

/** The one Markdown escaping, shared with the language server's hovers. */
export { markdownCode, markdownText } from '../language/markdown-text.js';

/** A Markdown table; cells are Markdown already (escape user text with `markdownText`). */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
    const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
    return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** "1 stage", "3 stages". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
    return `${n} ${n === 1 ? singular : plural}`;
}
