/**
 * Markup written through a tagged template that escapes whatever it is given, so no renderer
 * calls an escaping function by hand and none can forget to. Only markup made by `html`
 * itself (or `trusted`, for the few strings the renderer builds from numbers and names it
 * controls) is inserted as it is.
 *
 *     html`<p class="card-title">${touchpoint.label}</p>`
 *
 * Interpolated text that could change the direction of what surrounds it (right-to-left
 * letters, bidirectional control characters) is isolated in a `<bdi>`, so one label cannot
 * reorder its neighbours; inside an attribute value it is only escaped.
 */
import { escapeHtml } from './escape.js';

/** Markup that is safe to insert as it is. */
export class Markup {
    constructor(readonly value: string) {}
    toString(): string {
        return this.value;
    }
}

export type Interpolation = Markup | string | number | boolean | null | undefined | readonly Interpolation[];

/** Right-to-left letters and bidirectional controls: text holding any of them is isolated. */
const DIRECTIONAL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/;

/** True when the literal markup before an interpolation leaves it inside a tag (an attribute value). */
function insideTag(literal: string, previous: boolean): boolean {
    const open = literal.lastIndexOf('<');
    const close = literal.lastIndexOf('>');
    if (open === -1 && close === -1) return previous;
    return open > close;
}

function render(value: Interpolation, inTag: boolean): string {
    if (value === null || value === undefined || value === false || value === true) return '';
    if (value instanceof Markup) return value.value;
    if (Array.isArray(value)) return value.map(item => render(item, inTag)).join('');
    const text = String(value);
    if (inTag || !DIRECTIONAL.test(text)) return escapeHtml(text);
    return `<bdi>${escapeHtml(text)}</bdi>`;
}

export function html(literals: TemplateStringsArray, ...values: Interpolation[]): Markup {
    let out = literals[0];
    let inTag = insideTag(literals[0], false);
    for (let i = 0; i < values.length; i++) {
        out += render(values[i], inTag);
        const next = literals[i + 1];
        inTag = insideTag(next, inTag);
        out += next;
    }
    return new Markup(out);
}

/** Markup the renderer built itself from numbers and fixed names (never from user text). */
export function trusted(markup: string): Markup {
    return new Markup(markup);
}

/** Joins pieces of markup, skipping the empty ones. */
export function join(parts: readonly Interpolation[], separator = ''): Markup {
    return new Markup(parts.map(part => render(part, false)).filter(Boolean).join(separator));
}

/**
 * Attributes from a record: `undefined`, `null` and `false` leave the attribute out, `true`
 * writes it without a value; every value is escaped.
 */
export function attrs(values: Record<string, string | number | boolean | null | undefined>): Markup {
    let out = '';
    for (const [name, value] of Object.entries(values)) {
        if (value === undefined || value === null || value === false) continue;
        out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
    }
    return new Markup(out);
}
