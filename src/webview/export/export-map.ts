/**
 * Exports of the map as files people share: SVG, PNG, PDF, a self-contained HTML page, and the
 * Mermaid text. Loaded only when the user exports (and by the CLI's export page). The map is
 * laid out off screen exactly as `journeySection` writes it for every export (full detail,
 * light palette, nothing clickable), with the overview timeline drawn by Mermaid; then it is
 * serialised as HTML, or turned into plain SVG (`domToSvg`), which the PNG is painted from and
 * the PDF printed from.
 */
import type { DocumentViewModel } from '../../model/view-model.js';
import type { ExportFormat, PngExport } from '../../protocol.js';
import { gridGeometry } from '../../render/grid-geometry.js';
import { documentTitle, journeyParts, journeySection, standaloneHtmlDocument, type MapOptions } from '../../render/journey-map.js';
import { documentMessages } from '../../render/languages.js';
import { html, join, trusted, type Markup } from '../../render/markup.js';
import type { Messages } from '../../render/messages.js';
import { documentMermaid, timelineMermaid } from '../../render/mermaid.js';
import { paletteCss } from '../../render/palette.js';
import { pngScale } from '../../render/png-density.js';
import { annotateTimeline, drawMermaid, timelineConfig } from '../overview.js';
import { exportTheme } from '../theme.js';
import { domToSvg, type SvgPicture } from './dom-to-svg.js';
import previewCss from '../../../media/preview.css' with { type: 'text' };

export interface ExportContext {
    messages: Messages;
    personaOrder: readonly string[];
    personas?: readonly string[];
    /** Each picture's file as an inline `data:` URL: an export carries its pictures within it. */
    images?: Readonly<Record<string, string>>;
    /** A PNG's density, as a multiple of the map's size; by default `pngScale` chooses it. */
    pngScale?: number;
}

/** Around the map in every picture, on all four sides. */
export const EXPORT_MARGIN = 24;

export function exportCss(): string {
    return `${paletteCss()}\n${previewCss}`;
}

function mapOptions(context: ExportContext): MapOptions {
    return { messages: context.messages, geometry: gridGeometry('comfortable'), personaOrder: context.personaOrder, personas: context.personas, exported: true, images: context.images };
}

/** The sections of every journey, with each overview drawn (Mermaid needs a browser to measure its text). */
async function sectionsMarkup(model: DocumentViewModel, context: ExportContext): Promise<Markup> {
    const theme = exportTheme();
    const options = mapOptions(context);
    const sections: Markup[] = [];
    for (const [index, journey] of model.journeys.entries()) {
        const overview = journey.stages.length > 0
            ? await drawMermaid(timelineMermaid(journey, { messages: context.messages }), timelineConfig(theme), `journey-export-${index + 1}`)
            : '';
        sections.push(journeySection(journey, journeyParts(journey, options), overview ? trusted(overview) : '', options));
    }
    if (sections.length === 0) sections.push(html`<p class="empty-note">${context.messages.t('document.noJourney')}</p>`);
    return join(sections);
}

/** The map laid out off screen in the export's colours, diagrams annotated, ready to be measured. */
async function layOut(model: DocumentViewModel, context: ExportContext): Promise<HTMLElement> {
    const styleId = 'journey-export-style';
    if (!document.getElementById(styleId)) {
        const style = document.createElement('style');
        style.id = styleId;
        // The preview page has its stylesheet already; the CLI's empty export page gets it here. Twice is harmless.
        style.textContent = exportCss();
        document.head.append(style);
    }
    const stage = document.createElement('div');
    stage.className = 'journey-export export-stage';
    stage.setAttribute('lang', context.messages.locale);
    stage.innerHTML = `<div class="map">${(await sectionsMarkup(model, context)).value}</div>`;
    document.body.append(stage);
    const theme = exportTheme();
    model.journeys.forEach((journey, index) => {
        const svg = stage.querySelectorAll('section.journey')[index]?.querySelector<SVGSVGElement>('.overview-canvas svg');
        if (svg) annotateTimeline(svg, journey, theme, context.messages, false);
    });
    // Measured text must be in the fonts it will be drawn in, and pictures at their size.
    await document.fonts.ready;
    await Promise.all(Array.from(stage.querySelectorAll('img'), image => image.decode().catch(() => undefined)));
    return stage;
}

export async function exportPicture(model: DocumentViewModel, context: ExportContext): Promise<SvgPicture> {
    const stage = await layOut(model, context);
    try {
        const theme = exportTheme();
        return domToSvg(stage.firstElementChild as HTMLElement, {
            margin: EXPORT_MARGIN, background: theme.background, title: documentTitle(model, context.messages), language: context.messages.locale
        });
    } finally {
        stage.remove();
    }
}

/** A PNG of the picture, and the density it was drawn at. */
async function pngOf(picture: SvgPicture, requestedScale?: number): Promise<{ blob: Blob; scale: number }> {
    const { width, height } = picture;
    const scale = pngScale(width, height, requestedScale);
    const image = new Image();
    image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(picture.svg);
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    // Opaque: the picture has a background of its own, and a PNG without an alpha channel is smaller and quicker to encode.
    const context = canvas.getContext('2d', { alpha: false });
    if (!context) throw new Error('the browser gave no canvas to draw the PNG on');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    // toBlob, unlike toDataURL, leaves out the alpha channel of an opaque canvas.
    const blob = await new Promise<Blob | null>(resolve => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('the browser could not encode the PNG (the map may be larger than a canvas can hold)');
    return { blob, scale };
}

function dataUrlOf(blob: Blob): Promise<string> {
    return new Promise<string>((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as string);
        reader.onerror = () => reject(reader.error ?? new Error('the browser could not read the PNG it encoded'));
        reader.readAsDataURL(blob);
    });
}

/**
 * The page a browser prints the PDF from: the SVG picture on one page of exactly its size
 * (text stays text in the PDF). Browsers cap a page at 200 inches, so a larger map is scaled to fit.
 */
export function printablePage(picture: SvgPicture, title: string, language: string): string {
    const { width, height, svg } = printSize(picture);
    return '<!DOCTYPE html>\n'
        + html`<html lang="${language}"><head><meta charset="utf-8"><title>${title}</title>`.value
        // Nothing to fetch: the picture carries its images as data: URLs.
        + `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:">`
        + `<style>@page { size: ${width}px ${height}px; margin: 0 } html, body { margin: 0; padding: 0 } svg { display: block }</style></head>`
        + `<body>${svg}</body></html>\n`;
}

/** The picture's size on a printed page: browsers cap a page at 200 inches. */
function printSize(picture: SvgPicture): { width: number; height: number; svg: string } {
    const maxSide = 200 * 96;
    const scale = Math.min(1, maxSide / picture.width, maxSide / picture.height);
    const width = Math.floor(picture.width * scale);
    const height = Math.floor(picture.height * scale);
    const svg = picture.svg.replace(/^<svg([^>]*?) width="[\d.]+" height="[\d.]+"/, `<svg$1 width="${width}" height="${height}"`);
    return { width, height, svg };
}

/**
 * Lays the map out for printing in this page, as `printablePage` would on a page of its own: the
 * SVG picture alone on one page of its size, titled, everything else hidden from print. The
 * picture sits in a shadow root whose host resets every inherited style, so the page's own
 * stylesheet cannot reach it. Saves the CLI a tab per PDF. Returns what puts the page back.
 */
export async function mountForPrint(model: DocumentViewModel, around: ExportContext): Promise<() => void> {
    const context = inDocumentLanguage(model, around);
    const { width, height, svg } = printSize(await exportPicture(model, context));
    const host = document.createElement('div');
    host.style.cssText = 'all: initial; display: block';
    host.attachShadow({ mode: 'open' }).innerHTML = `<style>svg { display: block }</style>${svg}`;
    const style = document.createElement('style');
    style.textContent = `@page { size: ${width}px ${height}px; margin: 0 } `
        + `@media print { html, body { margin: 0 !important; padding: 0 !important; background: none !important } body > * { display: none !important } body > .journey-print { display: block !important } }`;
    host.className = 'journey-print';
    const title = document.title;
    const language = document.documentElement.lang;
    document.title = documentTitle(model, context.messages);
    document.documentElement.lang = context.messages.locale;
    document.head.append(style);
    document.body.append(host);
    return () => {
        host.remove();
        style.remove();
        document.title = title;
        document.documentElement.lang = language;
    };
}

/**
 * The export as text: SVG or HTML markup, Mermaid (Markdown) text, a PNG `data:` URL, or for
 * PDF the page to print (the extension or the CLI has a browser print it).
 */
export async function exportMap(format: ExportFormat, model: DocumentViewModel, around: ExportContext): Promise<string> {
    if (format === 'png') return dataUrlOf((await exportPng(model, around)).blob);
    const context = inDocumentLanguage(model, around);
    if (format === 'mermaid') return documentMermaid(model, { messages: context.messages, personas: context.personas });
    if (format === 'html') {
        const stage = await layOut(model, context);
        try {
            const map = stage.firstElementChild as HTMLElement;
            return standaloneHtmlDocument(documentTitle(model, context.messages), exportCss(), trusted(map.innerHTML), context.messages);
        } finally {
            stage.remove();
        }
    }
    const picture = await exportPicture(model, context);
    if (format === 'svg') return picture.svg;
    return printablePage(picture, documentTitle(model, context.messages), context.messages.locale);
}

/** The map as a PNG, with the density it was drawn at and the map's own size in CSS pixels. */
export async function exportPng(model: DocumentViewModel, around: ExportContext): Promise<PngExport & { blob: Blob }> {
    const picture = await exportPicture(model, inDocumentLanguage(model, around));
    return { ...await pngOf(picture, around.pngScale), width: picture.width, height: picture.height };
}

/** The page speaks the language its journeys share; each journey's section speaks its own. */
function inDocumentLanguage(model: DocumentViewModel, around: ExportContext): ExportContext {
    return { ...around, messages: documentMessages(model.journeys, around.messages) };
}
