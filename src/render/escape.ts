/**
 * The one place where user text from a .journey file is made safe for the two languages the
 * picture is written in: HTML (the header, the swimlane grid, the exports) and Mermaid (the
 * stage timeline and the emotion chart). Every renderer goes through these functions; none
 * builds markup from raw user text.
 */

const HTML_ESCAPES: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
    '`': '&#96;'
};

/** Escapes text for an HTML text node or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"'`]/g, ch => HTML_ESCAPES[ch]);
}

/**
 * Characters that mean something to a Mermaid lexer (or to the HTML Mermaid may produce),
 * replaced by look-alikes so the label reads the same but cannot end a statement, open a
 * comment or directive (`%%{init}%%`), close a quoted string, or become markup (`<br>`).
 * Mermaid's entity codes (`#lt;`) cannot be used: `#` starts a comment in the timeline lexer.
 */
const MERMAID_LOOKALIKES: Record<string, string> = {
    ':': '\u2236', // RATIO
    ';': '\u037E', // GREEK QUESTION MARK, drawn like a semicolon
    '#': '\uFF03',
    '%': '\uFF05',
    '"': '\u201D',
    '`': '\u02BC',
    '<': '\u2039',
    '>': '\u203A',
    '&': '\uFF06',
    '{': '\u2774', // medium left curly bracket ornament
    '}': '\u2775',
    '[': '\u27E6',
    ']': '\u27E7',
    '\\': '\u29F5'
};

/**
 * Words that start a statement in the diagrams we generate. A label that begins with one
 * (a stage called "title Hacked") would otherwise be read as that statement: a zero-width
 * space in front keeps it a label without changing how it looks.
 */
const STATEMENT_KEYWORDS = /^(?:title|section|timeline|acc[a-z]*|xychart(?:-beta)?|x-axis|y-axis|line|bar|click|call|href|style|classDef|class|linkStyle|direction|config|init)\b/i;

/**
 * Makes user text safe to place anywhere in a Mermaid statement: on one line, without
 * Mermaid syntax, without markup. Returns `fallback` for text that is empty once cleaned.
 */
export function mermaidText(text: string, fallback = '(unnamed)'): string {
    const oneLine = text
        // Line and paragraph separators too: any line break would start a new statement.
        .replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    const safe = oneLine.replace(/[:;#%"`<>&{}[\]\\]/g, ch => MERMAID_LOOKALIKES[ch]);
    if (safe.length === 0) return fallback;
    return STATEMENT_KEYWORDS.test(safe) ? `\u200B${safe}` : safe;
}

/** Shortens text to at most `max` characters, ending with an ellipsis when it was cut. */
export function truncate(text: string, max: number): string {
    const chars = Array.from(text);
    return chars.length <= max ? text : chars.slice(0, Math.max(1, max - 1)).join('').trimEnd() + '\u2026';
}
