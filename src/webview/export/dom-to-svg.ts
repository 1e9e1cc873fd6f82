/**
 * The laid-out map as plain SVG: rectangles for backgrounds and borders, one `<text>` per line
 * of text at the position the browser gave it, and the map's own drawings (the emotion lane,
 * the Mermaid timeline, marker icons) copied with their styles written out as attributes. No
 * `<foreignObject>`, no stylesheet, no external reference: what every SVG reader draws alike
 * (librsvg, Inkscape, Figma, slide software), and what a browser prints as a PDF with real text.
 *
 * Only what the map's stylesheet uses is translated: solid backgrounds, solid, dashed and dotted
 * borders, rounded corners, outlines, and text in any font, size, weight and style.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';

export interface SvgPicture {
    svg: string;
    width: number;
    height: number;
}

interface Box { left: number; top: number; right: number; bottom: number }

type Rgba = [number, number, number, number];

function escapeXml(text: string): string {
    return text.replace(/[&<>"]/g, ch => ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&quot;')
        // Characters XML 1.0 does not allow at all.
        .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

function n(value: number): string {
    return String(Math.round(value * 100) / 100);
}

let colourProbe: CanvasRenderingContext2D | null = null;

/**
 * Any computed CSS colour as RGBA, or undefined when it is fully transparent. Computed styles come
 * as rgb()/rgba(), but colours mixed with color-mix() come back as color(srgb ...); anything else
 * is painted on a pixel and read back.
 */
export function parseColour(value: string): Rgba | undefined {
    const colour = readColour(value);
    return colour && colour[3] > 0 ? colour : undefined;
}

function readColour(value: string): Rgba | undefined {
    if (!value || value === 'transparent' || value === 'none') return undefined;
    const rgb = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value);
    if (rgb) {
        const alpha = rgb[4] === undefined ? 1 : rgb[4].endsWith('%') ? parseFloat(rgb[4]) / 100 : parseFloat(rgb[4]);
        return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3]), alpha];
    }
    const srgb = /^color\(srgb\s+([\d.e-]+)\s+([\d.e-]+)\s+([\d.e-]+)(?:\s*\/\s*([\d.]+%?))?\s*\)$/.exec(value);
    if (srgb) {
        const alpha = srgb[4] === undefined ? 1 : srgb[4].endsWith('%') ? parseFloat(srgb[4]) / 100 : parseFloat(srgb[4]);
        return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255, alpha];
    }
    colourProbe ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    if (!colourProbe) return undefined;
    colourProbe.clearRect(0, 0, 1, 1);
    colourProbe.fillStyle = value;
    colourProbe.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = colourProbe.getImageData(0, 0, 1, 1).data;
    return a === 0 ? undefined : [r, g, b, a / 255];
}

/** A colour as SVG paint attributes: `fill="#rrggbb" fill-opacity="…"` (or stroke). */
function paint(kind: 'fill' | 'stroke', colour: Rgba | undefined): string {
    if (!colour || colour[3] === 0) return ` ${kind}="none"`;
    const hex = '#' + colour.slice(0, 3).map(c => Math.round(Math.max(0, Math.min(255, c))).toString(16).padStart(2, '0')).join('');
    return ` ${kind}="${hex}"${colour[3] < 1 ? ` ${kind}-opacity="${n(colour[3])}"` : ''}`;
}

function fontAttributes(style: CSSStyleDeclaration): string {
    const weight = style.fontWeight === 'normal' ? '400' : style.fontWeight === 'bold' ? '700' : style.fontWeight;
    return ` font-family="${escapeXml(style.fontFamily)}" font-size="${n(parseFloat(style.fontSize))}" font-weight="${weight}"`
        + (style.fontStyle !== 'normal' ? ` font-style="${style.fontStyle}"` : '');
}

const RTL_FIRST = /^[^A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u04FF]*[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

class Writer {
    readonly parts: string[] = [];
    readonly bounds: Box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
    private ids = 0;
    private readonly ascents = new Map<string, number>();
    private readonly measure = document.createElement('canvas').getContext('2d');

    constructor(private readonly origin: DOMRect) {}

    id(prefix: string): string {
        return `${prefix}${++this.ids}`;
    }

    include(rect: { left: number; top: number; right: number; bottom: number }): void {
        if (rect.right <= rect.left && rect.bottom <= rect.top) return;
        this.bounds.left = Math.min(this.bounds.left, rect.left - this.origin.left);
        this.bounds.top = Math.min(this.bounds.top, rect.top - this.origin.top);
        this.bounds.right = Math.max(this.bounds.right, rect.right - this.origin.left);
        this.bounds.bottom = Math.max(this.bounds.bottom, rect.bottom - this.origin.top);
    }

    x(value: number): number {
        return value - this.origin.left;
    }

    y(value: number): number {
        return value - this.origin.top;
    }

    /** How far the glyphs of `text` reach above and below the baseline. */
    ink(style: CSSStyleDeclaration, text: string): { ascent: number; descent: number } {
        const size = parseFloat(style.fontSize);
        if (!this.measure) return { ascent: size * 0.75, descent: size * 0.25 };
        this.measure.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        const metrics = this.measure.measureText(text);
        return { ascent: metrics.actualBoundingBoxAscent, descent: metrics.actualBoundingBoxDescent };
    }

    /** Distance from the top of a line box's text to its baseline, for this font. */
    ascent(style: CSSStyleDeclaration): number {
        const font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
        let ascent = this.ascents.get(font);
        if (ascent === undefined) {
            let measured = parseFloat(style.fontSize) * 0.8;
            if (this.measure) {
                this.measure.font = font;
                const metrics = this.measure.measureText('Hg');
                if (metrics.fontBoundingBoxAscent) measured = metrics.fontBoundingBoxAscent;
            }
            this.ascents.set(font, ascent = measured);
        }
        return ascent;
    }
}

// ---------------------------------------------------------------- boxes

interface Side { width: number; style: string; colour: Rgba | undefined }

function sides(style: CSSStyleDeclaration): Side[] {
    return (['Top', 'Right', 'Bottom', 'Left'] as const).map(name => ({
        width: parseFloat(style.getPropertyValue(`border-${name.toLowerCase()}-width`)) || 0,
        style: style.getPropertyValue(`border-${name.toLowerCase()}-style`),
        colour: parseColour(style.getPropertyValue(`border-${name.toLowerCase()}-color`))
    }));
}

function visibleSide(side: Side): boolean {
    return side.width > 0 && side.style !== 'none' && side.style !== 'hidden' && side.colour !== undefined && side.colour[3] > 0;
}

function dashes(style: string, width: number): string {
    if (style === 'dashed') return ` stroke-dasharray="${n(Math.max(3, width * 3))} ${n(Math.max(2, width * 2))}"`;
    if (style === 'dotted') return ` stroke-dasharray="${n(width)} ${n(width * 1.5)}" stroke-linecap="butt"`;
    return '';
}

function radiusOf(style: CSSStyleDeclaration, rect: DOMRect): number {
    const radius = parseFloat(style.borderTopLeftRadius) || 0;
    return Math.min(radius, rect.width / 2, rect.height / 2);
}

function drawBox(element: Element, style: CSSStyleDeclaration, writer: Writer): void {
    const rect = element.getBoundingClientRect();
    if (rect.width <= 0 || rect.height <= 0) return;
    const x = writer.x(rect.left);
    const y = writer.y(rect.top);
    const radius = radiusOf(style, rect);
    const background = parseColour(style.backgroundColor);
    const border = sides(style);
    const shown = border.filter(visibleSide);
    const drawn = background || shown.length > 0;
    if (!drawn) return;
    writer.include(rect);
    const uniform = shown.length === 4 && border.every(s => s.width === border[0].width && s.style === border[0].style
        && s.colour?.join() === border[0].colour?.join());
    const rx = radius > 0 ? ` rx="${n(radius)}"` : '';
    if (uniform) {
        const w = border[0].width;
        if (background) writer.parts.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(rect.width)}" height="${n(rect.height)}"${rx}${paint('fill', background)}/>`);
        const inset = w / 2;
        writer.parts.push(`<rect x="${n(x + inset)}" y="${n(y + inset)}" width="${n(rect.width - w)}" height="${n(rect.height - w)}"`
            + `${radius > 0 ? ` rx="${n(Math.max(0, radius - inset))}"` : ''} fill="none"${paint('stroke', border[0].colour)} stroke-width="${n(w)}"${dashes(border[0].style, w)}/>`);
        return;
    }
    // Sides of different widths or colours (a card's thick left edge): each side on its own, clipped to the rounded box.
    let open = '';
    let close = '';
    if (radius > 0) {
        const clip = writer.id('clip');
        writer.parts.push(`<clipPath id="${clip}"><rect x="${n(x)}" y="${n(y)}" width="${n(rect.width)}" height="${n(rect.height)}"${rx}/></clipPath>`);
        open = `<g clip-path="url(#${clip})">`;
        close = '</g>';
    }
    writer.parts.push(open);
    if (background) writer.parts.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(rect.width)}" height="${n(rect.height)}"${paint('fill', background)}/>`);
    const [top, right, bottom, left] = border;
    const line = (side: Side, x1: number, y1: number, x2: number, y2: number) => {
        if (!visibleSide(side)) return;
        writer.parts.push(`<line x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}"${paint('stroke', side.colour)} stroke-width="${n(side.width)}"${dashes(side.style, side.width)}/>`);
    };
    line(top, x, y + top.width / 2, x + rect.width, y + top.width / 2);
    line(bottom, x, y + rect.height - bottom.width / 2, x + rect.width, y + rect.height - bottom.width / 2);
    line(left, x + left.width / 2, y, x + left.width / 2, y + rect.height);
    line(right, x + rect.width - right.width / 2, y, x + rect.width - right.width / 2, y + rect.height);
    writer.parts.push(close);
}

function drawOutline(element: Element, style: CSSStyleDeclaration, writer: Writer): void {
    const width = parseFloat(style.outlineWidth) || 0;
    if (width <= 0 || style.outlineStyle === 'none') return;
    const colour = parseColour(style.outlineColor);
    if (!colour) return;
    const rect = element.getBoundingClientRect();
    const offset = (parseFloat(style.outlineOffset) || 0) + width / 2;
    writer.parts.push(`<rect x="${n(writer.x(rect.left) - offset)}" y="${n(writer.y(rect.top) - offset)}" width="${n(rect.width + 2 * offset)}" height="${n(rect.height + 2 * offset)}"`
        + ` fill="none"${paint('stroke', colour)} stroke-width="${n(width)}"${dashes(style.outlineStyle, width)}/>`);
}

// ---------------------------------------------------------------- text

interface Piece { text: string; rect: DOMRect; spaceBefore: boolean }

/** The text node's words with where the browser put them; a word broken across lines comes in parts. */
function pieces(node: Text): Piece[] {
    const text = node.data;
    const found: Piece[] = [];
    const range = document.createRange();
    const words = /\S+/g;
    let match: RegExpExecArray | null;
    while ((match = words.exec(text)) !== null) {
        const start = match.index;
        const end = start + match[0].length;
        const spaceBefore = start > 0 && /\s/.test(text[start - 1]);
        range.setStart(node, start);
        range.setEnd(node, end);
        const rects = Array.from(range.getClientRects()).filter(r => r.width > 0 || r.height > 0);
        if (rects.length === 0) continue;
        if (rects.length === 1) {
            found.push({ text: match[0], rect: rects[0], spaceBefore });
            continue;
        }
        // Broken inside the word (overflow-wrap): character by character, grouped by line.
        let current: Piece | undefined;
        const characters = Array.from(match[0]);
        let offset = start;
        for (const character of characters) {
            range.setStart(node, offset);
            range.setEnd(node, offset + character.length);
            offset += character.length;
            // The last box, not the bounding one: the first character after a soft hyphen's break also
            // reports the hyphen the browser drew at the end of the line before.
            const boxes = Array.from(range.getClientRects()).filter(r => r.width > 0 || r.height > 0);
            const rect = boxes[boxes.length - 1] ?? range.getBoundingClientRect();
            if (current && Math.abs(rect.top - current.rect.top) < 2) {
                current.text += character;
                current.rect = new DOMRect(current.rect.left, current.rect.top, rect.right - current.rect.left, current.rect.height);
            } else {
                if (current) found.push(current);
                current = { text: character, rect, spaceBefore: found.length === 0 ? spaceBefore : false };
            }
        }
        if (current) found.push(current);
    }
    return found;
}

function drawText(node: Text, style: CSSStyleDeclaration, writer: Writer): void {
    const found = pieces(node);
    if (found.length === 0) return;
    const fill = parseColour(style.color);
    if (!fill || fill[3] === 0) return;
    const font = fontAttributes(style);
    const ascent = writer.ascent(style);
    const centred = style.textAlign === 'center';
    const lines: Piece[][] = [];
    for (const piece of found) {
        const line = lines[lines.length - 1];
        if (line && Math.abs(piece.rect.top - line[0].rect.top) < 2 && piece.rect.left >= line[line.length - 1].rect.left) line.push(piece);
        else lines.push([piece]);
    }
    for (const line of lines) {
        const written = line.map((piece, i) => (i > 0 && piece.spaceBefore ? ' ' : '') + piece.text).join('');
        // A soft hyphen is drawn only where the browser broke the line, as a hyphen; elsewhere it is nothing,
        // and left in the text it would split the word for a search or a PDF's text.
        const text = written.replace(/\u00AD+$/, '-').replace(/\u00AD/g, '');
        const left = line[0].rect.left;
        const right = line[line.length - 1].rect.right;
        const top = Math.min(...line.map(p => p.rect.top));
        const bottom = Math.max(...line.map(p => p.rect.bottom));
        const baseline = writer.y(line[0].rect.top) + ascent;
        // The ink, not the line box, decides the picture's margins: a line box reaches well above its capitals.
        const ink = writer.ink(style, text);
        writer.include({ left, top: Math.max(top, line[0].rect.top + ascent - ink.ascent), right, bottom: Math.min(bottom, line[0].rect.top + ascent + ink.descent) });
        const rtl = RTL_FIRST.test(text);
        // Anchored where the browser's line starts (or its centre, for centred text), so another font shifts it least.
        const anchor = centred ? 'middle' : rtl ? 'end' : 'start';
        const x = centred ? (left + right) / 2 : rtl ? right : left;
        writer.parts.push(`<text x="${n(writer.x(x))}" y="${n(baseline)}"${font}${paint('fill', fill)}${anchor !== 'start' ? ` text-anchor="${anchor}"` : ''}`
            + `${rtl ? ' direction="rtl"' : ''}>${escapeXml(text)}</text>`);
    }
}

// ---------------------------------------------------------------- drawings (inline SVG)

const COPIED_ATTRIBUTES = [
    'd', 'x', 'y', 'x1', 'y1', 'x2', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'width', 'height', 'points', 'transform', 'viewBox',
    'preserveAspectRatio', 'refX', 'refY', 'markerWidth', 'markerHeight', 'markerUnits', 'orient', 'id', 'patternUnits',
    'clipPathUnits', 'gradientUnits', 'offset', 'stop-color', 'fx', 'fy'
];
const REFERENCES = ['marker-start', 'marker-mid', 'marker-end', 'clip-path', 'mask'];
const SKIPPED = new Set(['style', 'script', 'foreignObject', 'title', 'desc', 'metadata', 'a']);

function shapeStyle(style: CSSStyleDeclaration): string {
    let out = paint('fill', parseColour(style.fill)) + paint('stroke', parseColour(style.stroke));
    const strokeWidth = parseFloat(style.strokeWidth);
    if (style.stroke !== 'none' && strokeWidth !== 1) out += ` stroke-width="${n(strokeWidth)}"`;
    if (style.strokeDasharray && style.strokeDasharray !== 'none') out += ` stroke-dasharray="${style.strokeDasharray.replace(/px/g, '')}"`;
    if (style.strokeLinecap !== 'butt') out += ` stroke-linecap="${style.strokeLinecap}"`;
    if (style.strokeLinejoin !== 'miter') out += ` stroke-linejoin="${style.strokeLinejoin}"`;
    const opacity = parseFloat(style.opacity);
    if (opacity < 1) out += ` opacity="${n(opacity)}"`;
    const fillOpacity = parseFloat(style.fillOpacity);
    if (fillOpacity < 1) out += ` fill-opacity="${n(fillOpacity)}"`;
    return out;
}

function copyAttributes(element: Element, prefix: string): string {
    let out = '';
    for (const name of COPIED_ATTRIBUTES) {
        const value = element.getAttribute(name);
        if (value === null) continue;
        out += ` ${name}="${escapeXml(name === 'id' ? prefix + value : value)}"`;
    }
    for (const name of REFERENCES) {
        const value = element.getAttribute(name) ?? '';
        const local = /^url\(#([^)]+)\)$/.exec(value.trim());
        if (local) out += ` ${name}="url(#${escapeXml(prefix + local[1])})"`;
    }
    return out;
}

/**
 * A text element of a drawing, rewritten as plain `<text>` runs at the glyph positions the
 * browser computed: Mermaid places its labels with `dy` in ems and `dominant-baseline`,
 * which SVG readers do not all follow alike.
 */
function copyText(text: SVGTextElement): string {
    const style = getComputedStyle(text);
    if (style.display === 'none' || style.visibility === 'hidden') return '';
    const leaves = Array.from(text.querySelectorAll('tspan')).filter(t => t.querySelector('tspan') === null);
    const runs: SVGTextContentElement[] = leaves.length > 0 ? leaves : [text];
    const font = fontAttributes(style);
    const anchor = style.textAnchor;
    const transform = text.getAttribute('transform');
    let out = transform ? `<g transform="${escapeXml(transform)}">` : '';
    for (const run of runs) {
        // As the browser shows it: runs of white space collapsed, none at either end.
        const label = (run.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (!label || run.getNumberOfChars() === 0) continue;
        let position: DOMPoint;
        let length: number;
        try {
            position = run.getStartPositionOfChar(0);
            length = run.getComputedTextLength();
        } catch {
            continue;
        }
        const x = anchor === 'middle' ? position.x + length / 2 : anchor === 'end' ? position.x + length : position.x;
        out += `<text x="${n(x)}" y="${n(position.y)}"${font}${paint('fill', parseColour(getComputedStyle(run).fill))}`
            + `${anchor !== 'start' ? ` text-anchor="${anchor}"` : ''}>${escapeXml(label)}</text>`;
    }
    return out + (transform ? '</g>' : '');
}

function copyDrawing(element: Element, prefix: string): string {
    const tag = element.localName;
    if (SKIPPED.has(tag)) return '';
    const style = getComputedStyle(element);
    if (style.display === 'none') return '';
    if (tag === 'text') return copyText(element as SVGTextElement);
    const children = Array.from(element.children).map(child => copyDrawing(child, prefix)).join('');
    if (tag === 'g' || tag === 'defs' || tag === 'marker' || tag === 'clipPath' || tag === 'symbol' || tag === 'svg') {
        const visibility = style.visibility === 'hidden' ? ' visibility="hidden"' : '';
        const opacity = parseFloat(style.opacity) < 1 ? ` opacity="${n(parseFloat(style.opacity))}"` : '';
        const name = tag === 'svg' ? 'svg' : tag;
        return `<${name}${copyAttributes(element, prefix)}${visibility}${opacity}>${children}</${name}>`;
    }
    if (style.visibility === 'hidden') return '';
    return `<${tag}${copyAttributes(element, prefix)}${shapeStyle(style)}>${children}</${tag}>`;
}

function drawDrawing(svg: SVGSVGElement, writer: Writer): void {
    const rect = svg.getBoundingClientRect();
    if (rect.width <= 0 || rect.height <= 0) return;
    writer.include(rect);
    const prefix = writer.id('d') + '-';
    const viewBox = svg.getAttribute('viewBox');
    const aspect = svg.getAttribute('preserveAspectRatio');
    const content = Array.from(svg.children).map(child => copyDrawing(child, prefix)).join('');
    writer.parts.push(`<svg x="${n(writer.x(rect.left))}" y="${n(writer.y(rect.top))}" width="${n(rect.width)}" height="${n(rect.height)}"`
        + `${viewBox ? ` viewBox="${escapeXml(viewBox)}"` : ''}${aspect ? ` preserveAspectRatio="${escapeXml(aspect)}"` : ''} overflow="hidden">${content}</svg>`);
}

// ---------------------------------------------------------------- the walk

function hiddenFromPicture(element: Element, style: CSSStyleDeclaration): boolean {
    if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') return true;
    // Visually hidden text (a table caption for screen readers) is not part of the picture.
    return style.position === 'absolute' && (style.clip === 'rect(0px, 0px, 0px, 0px)' || element.classList.contains('visually-hidden'));
}

/**
 * A picture, as an SVG image of the same box. Only one inline as a `data:` URL is drawn: the SVG
 * must stand alone, and a reference to a file would break as soon as it is shared.
 */
function drawImage(image: HTMLImageElement, style: CSSStyleDeclaration, writer: Writer): void {
    const src = image.currentSrc || image.src;
    const rect = image.getBoundingClientRect();
    if (!src.startsWith('data:image/') || rect.width <= 0 || rect.height <= 0) return;
    writer.include(rect);
    // The content box, where the picture is drawn (object-fit: contain keeps its proportions, as `meet` does).
    const inset = (side: string) => parseFloat(style.getPropertyValue(`padding-${side}`)) + parseFloat(style.getPropertyValue(`border-${side}-width`)) || 0;
    const x = writer.x(rect.left) + inset('left');
    const y = writer.y(rect.top) + inset('top');
    const width = rect.width - inset('left') - inset('right');
    const height = rect.height - inset('top') - inset('bottom');
    const alt = image.alt ? `<title>${escapeXml(image.alt)}</title>` : '';
    writer.parts.push(`<image x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" preserveAspectRatio="xMidYMid meet" href="${escapeXml(src)}">${alt}</image>`);
}

function walk(element: Element, writer: Writer): void {
    const style = getComputedStyle(element);
    if (hiddenFromPicture(element, style)) return;
    if (element instanceof SVGSVGElement) {
        drawDrawing(element, writer);
        return;
    }
    if (element instanceof HTMLImageElement) {
        drawImage(element, style, writer);
        return;
    }
    drawBox(element, style, writer);
    for (const child of Array.from(element.childNodes)) {
        if (child.nodeType === Node.TEXT_NODE) drawText(child as Text, style, writer);
        else if (child.nodeType === Node.ELEMENT_NODE) walk(child as Element, writer);
    }
    drawOutline(element, style, writer);
}

export interface PictureOptions {
    /** Even margin around what is drawn, in pixels. */
    margin: number;
    background: string;
    title: string;
    /** BCP 47 tag of the map's words. */
    language: string;
}

/**
 * `root` as an SVG picture, trimmed to what is drawn in it plus an even margin: nothing is cut
 * off on any side, whatever the number of stages or the length of the labels.
 */
export function domToSvg(root: HTMLElement, options: PictureOptions): SvgPicture {
    const writer = new Writer(root.getBoundingClientRect());
    walk(root, writer);
    const { bounds } = writer;
    if (!Number.isFinite(bounds.left)) Object.assign(bounds, { left: 0, top: 0, right: 1, bottom: 1 });
    const left = Math.floor(bounds.left) - options.margin;
    const top = Math.floor(bounds.top) - options.margin;
    const width = Math.ceil(bounds.right) - Math.floor(bounds.left) + 2 * options.margin;
    const height = Math.ceil(bounds.bottom) - Math.floor(bounds.top) + 2 * options.margin;
    const svg = `<svg xmlns="${SVG_NS}" version="1.1" width="${width}" height="${height}" viewBox="${left} ${top} ${width} ${height}"`
        + ` xml:lang="${escapeXml(options.language)}" role="img" aria-label="${escapeXml(options.title)}">`
        + `<title>${escapeXml(options.title)}</title>`
        + `<rect x="${left}" y="${top}" width="${width}" height="${height}" fill="${escapeXml(options.background)}"/>`
        + writer.parts.join('') + '</svg>';
    return { svg, width, height };
}
