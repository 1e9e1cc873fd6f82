/**
 * Characters a reader cannot see that change what a text seems to say. Labels come in pull requests
 * from people nobody vetted, so the validator flags these in quoted text and comments (as GitHub and
 * VS Code flag them in source), and the CLI never prints them raw.
 */

/** Unicode's bidirectional controls: each changes the order in which the text around it is shown. */
const BIDI_CONTROL_NAMES: Readonly<Record<string, string>> = {
    '\u061C': 'ARABIC LETTER MARK',
    '\u200E': 'LEFT-TO-RIGHT MARK',
    '\u200F': 'RIGHT-TO-LEFT MARK',
    '\u202A': 'LEFT-TO-RIGHT EMBEDDING',
    '\u202B': 'RIGHT-TO-LEFT EMBEDDING',
    '\u202C': 'POP DIRECTIONAL FORMATTING',
    '\u202D': 'LEFT-TO-RIGHT OVERRIDE',
    '\u202E': 'RIGHT-TO-LEFT OVERRIDE',
    '\u2066': 'LEFT-TO-RIGHT ISOLATE',
    '\u2067': 'RIGHT-TO-LEFT ISOLATE',
    '\u2068': 'FIRST STRONG ISOLATE',
    '\u2069': 'POP DIRECTIONAL ISOLATE'
};

/** Matches one bidirectional control; global, so reset `lastIndex` or use it with `replace`/`matchAll`. */
export const BIDI_CONTROL = new RegExp(`[${Object.keys(BIDI_CONTROL_NAMES).join('')}]`, 'g');

/** `U+202E RIGHT-TO-LEFT OVERRIDE`: how a message names a control without printing it. */
export function describeBidiControl(char: string): string {
    return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} ${BIDI_CONTROL_NAMES[char] ?? 'CONTROL'}`;
}
