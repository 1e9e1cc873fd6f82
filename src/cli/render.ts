/** `journey render`: one map as Mermaid, Markdown, HTML, JSON, SVG or PNG. */
import * as path from 'node:path';
import type { DocumentViewModel } from '../model/view-model.js';
import { journeyHtml, standaloneHtmlDocument } from '../render/html.js';
import { escapeHtml } from '../render/escape.js';
import { documentMarkdown } from '../render/markdown-document.js';
import { journeyMermaid } from '../render/mermaid.js';
import { LIGHT_THEME_DEFAULTS } from '../webview/theme.js';
import previewCss from '../../media/preview.css' with { type: 'text' };
import { exportInChromium, findChromium, missingChromiumMessage } from './chromium.js';
import { CliError, ExitCode } from './errors.js';
import { resolveJourneyFiles } from './files.js';
import { choice, expectPositionals, parseCommandArgs } from './options.js';
import { reportErrors, writeResult } from './output.js';
import { Progress } from './progress.js';
import { loadJourneyFiles } from './workspace.js';

const FORMATS = ['mermaid', 'markdown', 'html', 'json', 'svg', 'png'] as const;
type RenderFormat = typeof FORMATS[number];

const EXTENSIONS: Record<string, RenderFormat> = {
    '.mmd': 'mermaid', '.mermaid': 'mermaid', '.md': 'markdown', '.markdown': 'markdown',
    '.html': 'html', '.htm': 'html', '.json': 'json', '.svg': 'svg', '.png': 'png'
};

function formatFor(requested: string | undefined, output: string | undefined): RenderFormat {
    if (requested !== undefined) return choice('render', '--format', requested, FORMATS, 'mermaid');
    if (!output) return 'mermaid';
    const byExtension = EXTENSIONS[path.extname(output).toLowerCase()];
    if (!byExtension) {
        throw new CliError(`Cannot tell the format from the output file '${output}'. Add --format with one of: ${FORMATS.join(', ')}.`);
    }
    return byExtension;
}

function mermaidOf(model: DocumentViewModel, journeyName: string | undefined, diagram: 'timeline' | 'emotions', shown: string): string {
    if (model.journeys.length === 0) throw new CliError(`${shown} declares no journey, so there is nothing to draw. Add one: journey Name "Title" { stage Awareness { } }`, ExitCode.Problems);
    const journey = journeyName === undefined ? model.journeys[0] : model.journeys.find(j => j.id === journeyName);
    if (!journey) {
        throw new CliError(`${shown} has no journey named '${journeyName}'. Its journeys: ${model.journeys.map(j => j.id).join(', ')}.`);
    }
    if (journeyName === undefined && model.journeys.length > 1) {
        process.stderr.write(`${shown} has ${model.journeys.length} journeys; drawing '${journey.id}'. Choose another with --journey, or use --format markdown for all of them.\n`);
    }
    const diagrams = journeyMermaid(journey, { titles: true });
    if (diagram === 'timeline') return diagrams.timeline;
    if (!diagrams.emotions) {
        throw new CliError(`The journey '${journey.id}' records no emotions, so there is no emotional curve to draw. Add "emotion <persona> <score>" to its touchpoints, or use --diagram timeline.`, ExitCode.Problems);
    }
    return diagrams.emotions;
}

/**
 * The HTML page without a browser: the same header, grid and plan, with each diagram as its
 * Mermaid text, since drawing one needs a browser's layout engine.
 */
function htmlWithoutDiagrams(model: DocumentViewModel): string {
    const personaOrder = [...new Set(model.journeys.flatMap(j => j.emotionLanes.map(lane => lane.persona)))];
    const variables = Object.entries(LIGHT_THEME_DEFAULTS).map(([name, value]) => `${name}:${value};`).join('');
    const sections = model.journeys.map(journey => {
        const parts = journeyHtml(journey, { personaOrder });
        const diagrams = journeyMermaid(journey, { titles: false });
        const source = (caption: string, text: string) =>
            `<figure class="diagram"><figcaption class="diagram-caption">${caption} (Mermaid text: draw it with any Mermaid tool, or export again where Chromium is installed)</figcaption><pre class="diagram-source">${escapeHtml(text)}</pre></figure>`;
        return `<section class="journey" data-journey="${escapeHtml(journey.key)}">${parts.header}<div class="diagrams">`
            + (journey.stages.length > 0 ? source('Stages and touchpoints', diagrams.timeline) : '')
            + (diagrams.emotions ? source('Emotional curve', diagrams.emotions) : '')
            + `</div>${parts.grid}${parts.plan}</section>`;
    });
    const title = model.journeys.map(j => j.title).join(', ') || 'Journey map';
    return standaloneHtmlDocument(title, `.journey-export{${variables}}\n${previewCss}`, `<div class="map">${sections.join('')}</div>`);
}

export async function render(args: string[]): Promise<number> {
    const { values, positionals } = parseCommandArgs('render', args, {
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        diagram: { type: 'string' },
        journey: { type: 'string' }
    });
    expectPositionals('render', positionals, 1, 1, 'exactly one .journey file');
    const format = formatFor(values.format, values.output);
    const diagram = choice('render', '--diagram', values.diagram, ['timeline', 'emotions'] as const, 'timeline');
    if (format === 'png' && !values.output && process.stdout.isTTY) {
        throw new CliError('A PNG is binary and would garble the terminal. Write it to a file: -o map.png');
    }
    const browser = format === 'svg' || format === 'png' || format === 'html' ? findChromium() : undefined;
    if (!browser && (format === 'svg' || format === 'png')) throw new CliError(missingChromiumMessage(`--format ${format}`));

    const [file] = resolveJourneyFiles(positionals);
    const [loaded] = await loadJourneyFiles([file], { workspaceFolders: values.workspace, progress: Progress.for(values.progress === true) });
    const model = loaded.model;
    let result: string | Buffer;
    switch (format) {
        case 'mermaid': result = mermaidOf(model, values.journey, diagram, loaded.shown); break;
        case 'markdown': result = documentMarkdown(model); break;
        case 'json': result = JSON.stringify(model, null, 2) + '\n'; break;
        case 'html':
            if (browser) {
                result = await exportInChromium('html', model, browser);
            } else {
                process.stderr.write(`${missingChromiumMessage('Drawing the diagrams')} The page shows them as Mermaid text.\n`);
                result = htmlWithoutDiagrams(model);
            }
            break;
        case 'svg':
        case 'png':
            result = await exportInChromium(format, model, browser!);
            break;
    }
    writeResult(result, values.output);
    return reportErrors([loaded]) > 0 ? ExitCode.Problems : ExitCode.Ok;
}
