/**
 * Text widths for Mermaid without a layout per word. Mermaid's timeline wraps a box's words by
 * putting them into an SVG `<tspan>` one more at a time and asking `getComputedTextLength()` after
 * each: every call follows a change to the drawing, so every call lays it out again (about 0.1 ms
 * each, a thousand of them for a 40-touchpoint map, twice per box). While one of our drawings is
 * made, that call is answered by the 2D canvas's `measureText`, which shapes the same text with
 * the same font and lays nothing out: the element's font is read once per `<text>` element.
 *
 * Only where the two must agree: text on one line of plain spaces, no letter or word spacing, no
 * font features, variants or adjustments, no text transform. Anything else, and every element
 * outside the drawing being made, gets the browser's own answer.
 */

/** Font properties whose computed values the canvas's font cannot express; text styled otherwise is measured by the browser. */
const PLAIN_STYLE: ReadonlyArray<readonly [keyof CSSStyleDeclaration, readonly string[]]> = [
    ['letterSpacing', ['normal', '0px']],
    ['wordSpacing', ['normal', '0px']],
    ['fontVariant', ['normal']],
    ['fontFeatureSettings', ['normal']],
    ['fontVariationSettings', ['normal']],
    ['fontKerning', ['auto']],
    ['fontSizeAdjust', ['none']],
    ['fontStretch', ['100%', 'normal']],
    ['fontSynthesis', ['weight style small-caps', 'weight style small-caps position']],
    ['textTransform', ['none']],
    ['textRendering', ['auto']],
    ['writingMode', ['horizontal-tb']]
];

/** The attributes Mermaid gives a `<tspan>` of a wrapped line: none of them changes its font. */
const LINE_ATTRIBUTES = new Set(['x', 'y', 'dy']);

/** The font shorthand the canvas takes for an element's computed style, or null where it would measure differently. */
function canvasFont(style: CSSStyleDeclaration): string | null {
    for (const [property, plain] of PLAIN_STYLE) {
        const value = style[property];
        if (typeof value === 'string' && value !== '' && !plain.includes(value)) return null;
    }
    if (!style.fontSize.endsWith('px') || style.fontFamily === '') return null;
    return `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
}

/** SVG text as it is drawn: runs of spaces, tabs and line breaks are one space. Null where the edges would be trimmed too. */
function collapsed(text: string): string | null {
    const result = text.replace(/[ \t\n\r]+/g, ' ');
    return result.startsWith(' ') || result.endsWith(' ') ? null : result;
}

/** The drawing being made, and the fonts read in it. */
let measuring: { svgId: string; fonts: WeakMap<Element, string | null> } | undefined;
let measure: CanvasRenderingContext2D | null | undefined;
let browserLength: (() => number) | undefined;

function fontOf(element: SVGTextContentElement, fonts: WeakMap<Element, string | null>): string | null {
    // A wrapped line's <tspan> has its <text>'s font: read once per <text>, not per line.
    const parent = element.parentElement;
    const owner = element instanceof SVGTSpanElement && parent instanceof SVGTextElement
        && Array.from(element.attributes).every(attribute => LINE_ATTRIBUTES.has(attribute.name)) ? parent : element;
    let font = fonts.get(owner);
    if (font === undefined) {
        font = canvasFont(getComputedStyle(owner));
        fonts.set(owner, font);
    }
    return font;
}

function measuredLength(this: SVGTextContentElement): number {
    const current = measuring;
    if (current && measure && this.ownerSVGElement?.id === current.svgId && this.childElementCount === 0) {
        const text = collapsed(this.textContent ?? '');
        if (text === '') return 0;
        const font = text === null ? null : fontOf(this, current.fonts);
        if (text !== null && font !== null) {
            measure.font = font;
            return measure.measureText(text).width;
        }
    }
    return browserLength!.call(this);
}

/**
 * Runs `draw` with the widths of text in the SVG element `svgId` (the one Mermaid draws into)
 * taken from the canvas. One drawing at a time: the caller queues them.
 */
export async function measuringWithCanvas<T>(svgId: string, draw: () => Promise<T>): Promise<T> {
    measure ??= document.createElement('canvas').getContext('2d');
    if (!measure) return draw();
    if (!browserLength) {
        browserLength = SVGTextContentElement.prototype.getComputedTextLength;
        SVGTextContentElement.prototype.getComputedTextLength = measuredLength;
    }
    const scope = { svgId, fonts: new WeakMap<Element, string | null>() };
    measuring = scope;
    try {
        return await draw();
    } finally {
        if (measuring === scope) measuring = undefined;
    }
}
