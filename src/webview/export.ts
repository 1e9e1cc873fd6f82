/**
 * Exports of the map as files people share: SVG, PNG, a self-contained HTML page, and the
 * Mermaid text. Loaded only when the user exports. Pictures are drawn in the light colours
 * whatever the editor's theme, so they read well on a white page or slide.
 */
import type { DocumentViewModel } from '../model/view-model.js';
import type { ExportFormat } from '../protocol.js';
import { journeyHtml, standaloneHtmlDocument } from '../render/html.js';
import { documentMermaid, journeyMermaid } from '../render/mermaid.js';
import { escapeHtml } from '../render/escape.js';
import { annotateEmotionChart, annotateTimeline, chartConfig, drawMermaid, seriesColors, timelineConfig } from './diagrams.js';
import { chartCaption } from './journey-section.js';
import { LIGHT_THEME_DEFAULTS, resolveTheme } from './theme.js';
import previewCss from '../../media/preview.css' with { type: 'text' };

export interface ExportContext {
    personaOrder: readonly string[];
    personaLabels: Map<string, string>;
    personas?: readonly string[];
}

/** Canvas limits of Chromium: past them toDataURL returns an empty picture. */
const MAX_CANVAS_SIDE = 16384;
const MAX_CANVAS_AREA = 120_000_000;
const PNG_SCALE = 2;

function exportCss(): string {
    const variables = Object.entries(LIGHT_THEME_DEFAULTS).map(([name, value]) => `${name}:${value};`).join('');
    return `.journey-export{${variables}}\n${previewCss}`;
}

/** The map in light colours, laid out off screen so diagrams can be annotated and measured. */
async function lightMap(model: DocumentViewModel, context: ExportContext): Promise<HTMLElement> {
    const theme = resolveTheme('light', false);
    const stage = document.createElement('div');
    stage.className = 'journey-export export-stage';
    for (const [name, value] of Object.entries(LIGHT_THEME_DEFAULTS)) stage.style.setProperty(name, value);
    const sections: string[] = [];
    const drawn: Array<{ journey: DocumentViewModel['journeys'][number]; chart: ReturnType<typeof journeyMermaid>['chart'] }> = [];
    for (const journey of model.journeys) {
        const parts = journeyHtml(journey, { personaOrder: context.personaOrder, personas: context.personas });
        const diagrams = journeyMermaid(journey, { personas: context.personas });
        const timeline = journey.stages.length > 0 ? await drawMermaid(diagrams.timeline, timelineConfig(theme)) : '';
        const chart = diagrams.emotions && diagrams.chart
            ? await drawMermaid(diagrams.emotions, chartConfig(diagrams.chart, theme, context.personaOrder))
            : '';
        drawn.push({ journey, chart: diagrams.chart });
        sections.push(`<section class="journey" data-journey="${escapeHtml(journey.key)}">${parts.header}<div class="diagrams">`
            + (timeline ? `<figure class="diagram diagram-timeline"><figcaption class="diagram-caption">Stages and touchpoints</figcaption><div class="diagram-canvas">${timeline}</div></figure>` : '')
            + (chart && diagrams.chart ? `<figure class="diagram diagram-emotions"><figcaption class="diagram-caption">${escapeHtml(chartCaption(diagrams.chart))}</figcaption><div class="diagram-canvas">${chart}</div></figure>` : '')
            + `</div>${parts.grid}${parts.plan}</section>`);
    }
    stage.innerHTML = `<div class="map">${sections.join('')}</div>`;
    document.body.append(stage);
    drawn.forEach(({ journey, chart }, index) => {
        const section = stage.querySelectorAll('section.journey')[index];
        const timelineSvg = section.querySelector<SVGSVGElement>('.diagram-timeline svg');
        if (timelineSvg) annotateTimeline(timelineSvg, journey, theme);
        const chartSvg = section.querySelector<SVGSVGElement>('.diagram-emotions svg');
        if (chartSvg && chart) annotateEmotionChart(chartSvg, chart, seriesColors(chart, theme, context.personaOrder), theme, context.personaLabels);
    });
    // An export is a picture: nothing in it is a button any more.
    for (const interactive of Array.from(stage.querySelectorAll('[tabindex]'))) {
        interactive.removeAttribute('tabindex');
        interactive.removeAttribute('role');
    }
    return stage;
}

function titleOf(model: DocumentViewModel): string {
    return model.journeys.map(j => j.title).join(', ') || 'Journey map';
}

function svgDocument(stage: HTMLElement): string {
    const map = stage.firstElementChild as HTMLElement;
    const width = Math.ceil(map.scrollWidth) + 2;
    const height = Math.ceil(map.scrollHeight) + 2;
    const content = document.createElement('div');
    content.className = 'journey-export';
    content.setAttribute('style', Object.entries(LIGHT_THEME_DEFAULTS).map(([n, v]) => `${n}:${v}`).join(';'));
    const style = document.createElement('style');
    style.textContent = exportCss();
    content.append(style, map.cloneNode(true));
    const xhtml = new XMLSerializer().serializeToString(content);
    // The grid is HTML, so the SVG carries it in a foreignObject: browsers and most viewers draw it.
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`
        + `<rect width="100%" height="100%" fill="#ffffff"/>`
        + `<foreignObject x="0" y="0" width="${width}" height="${height}">${xhtml}</foreignObject></svg>`;
}

async function pngDataUrl(svg: string, width: number, height: number): Promise<string> {
    const scale = Math.min(PNG_SCALE, MAX_CANVAS_SIDE / width, MAX_CANVAS_SIDE / height, Math.sqrt(MAX_CANVAS_AREA / (width * height)));
    const image = new Image();
    image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(svg);
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.floor(width * scale);
    canvas.height = Math.floor(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('the browser gave no canvas to draw the PNG on');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvas.toDataURL('image/png');
}

/** The export as text: SVG or HTML markup, Mermaid (Markdown) text, or a PNG `data:` URL. */
export async function exportMap(format: ExportFormat, model: DocumentViewModel, context: ExportContext): Promise<string> {
    if (format === 'mermaid') return documentMermaid(model, { personas: context.personas });
    const stage = await lightMap(model, context);
    try {
        if (format === 'html') {
            const map = stage.firstElementChild as HTMLElement;
            return standaloneHtmlDocument(titleOf(model), exportCss(), map.outerHTML);
        }
        const svg = svgDocument(stage);
        if (format === 'svg') return svg;
        const map = stage.firstElementChild as HTMLElement;
        return await pngDataUrl(svg, Math.ceil(map.scrollWidth) + 2, Math.ceil(map.scrollHeight) + 2);
    } finally {
        stage.remove();
    }
}
