/** `journey render`: one map as Mermaid, Markdown, HTML, JSON, SVG, PNG or PDF. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inlinePictures, type PictureReader } from '../export/pictures.js';
import type { DocumentViewModel } from '../model/view-model.js';
import { personasOf } from '../render/elements.js';
import { gridGeometry } from '../render/grid-geometry.js';
import { documentTitle, journeyParts, journeySection, standaloneHtmlDocument, type MapOptions } from '../render/journey-map.js';
import { documentMessages } from '../render/languages.js';
import { html, join } from '../render/markup.js';
import type { Messages } from '../render/messages.js';
import { documentMarkdown } from '../render/markdown-document.js';
import { curveMermaid, mermaidJourney, personaCurves, timelineMermaid } from '../render/mermaid.js';
import { paletteCss } from '../render/palette.js';
import { densityNote } from '../render/png-density.js';
import previewCss from '../../media/preview.css' with { type: 'text' };
import { ExportBrowser, findChromium, missingChromiumMessage } from './chromium.js';
import { CliError, ExitCode } from './errors.js';
import { resolveJourneyFiles } from './files.js';
import { choice, expectPositionals, LANGUAGE_OPTION, languageMessages, parseCommandArgs } from './options.js';
import { reportErrors, writeResult } from './output.js';
import { Progress } from './progress.js';
import { loadJourneyFiles, type LoadedJourneyFile } from './workspace.js';

const FORMATS = ['mermaid', 'mermaid-journey', 'markdown', 'html', 'json', 'svg', 'png', 'pdf'] as const;
type RenderFormat = typeof FORMATS[number];

const EXTENSIONS: Record<string, RenderFormat> = {
    '.mmd': 'mermaid', '.mermaid': 'mermaid', '.md': 'markdown', '.markdown': 'markdown',
    '.html': 'html', '.htm': 'html', '.json': 'json', '.svg': 'svg', '.png': 'png', '.pdf': 'pdf'
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

interface MermaidChoice {
    journey: string | undefined;
    diagram: 'timeline' | 'emotions' | 'journey';
    persona: string | undefined;
}

function mermaidOf(model: DocumentViewModel, wanted: MermaidChoice, shown: string, messages: Messages): string {
    if (model.journeys.length === 0) throw new CliError(`${shown} declares no journey, so there is nothing to draw. Add one: journey Name "Title" { stage Awareness { } }`, ExitCode.Problems);
    const journey = wanted.journey === undefined ? model.journeys[0] : model.journeys.find(j => j.id === wanted.journey);
    if (!journey) {
        throw new CliError(`${shown} has no journey named '${wanted.journey}'. Its journeys: ${model.journeys.map(j => j.id).join(', ')}.`);
    }
    if (wanted.journey === undefined && model.journeys.length > 1) {
        process.stderr.write(`${shown} has ${model.journeys.length} journeys; drawing '${journey.id}'. Choose another with --journey, or use --format markdown for all of them.\n`);
    }
    if (wanted.diagram === 'timeline') return timelineMermaid(journey, { messages, titles: true });
    if (wanted.diagram === 'journey') return mermaidJourney(journey, { messages });
    const curves = personaCurves(journey);
    if (curves.length === 0) {
        throw new CliError(`The journey '${journey.id}' records no emotions, so there is no emotional curve to draw. Add "emotion <persona> <score>" to its touchpoints, or use --diagram timeline.`, ExitCode.Problems);
    }
    const curve = wanted.persona === undefined ? curves[0] : curves.find(c => c.persona === wanted.persona);
    if (!curve) {
        throw new CliError(`No persona '${wanted.persona}' has scores in the journey '${journey.id}'. Personas with scores: ${curves.map(c => c.persona).join(', ')}.`);
    }
    if (wanted.persona === undefined && curves.length > 1) {
        process.stderr.write(`The journey '${journey.id}' has curves for ${curves.length} personas; drawing '${curve.persona}'. Choose another with --persona, or use --format markdown for all of them.\n`);
    }
    return curveMermaid(journey, curve, { messages, titles: true });
}

/**
 * The HTML page without a browser: the same header, grid and plan as every export, with the
 * overview timeline as its Mermaid text, since drawing it needs a browser's layout engine.
 */
function htmlWithoutBrowser(model: DocumentViewModel, around: Messages, images: Record<string, string>): string {
    const messages = documentMessages(model.journeys, around);
    const options: MapOptions = { messages, geometry: gridGeometry('comfortable'), personaOrder: personasOf(model).map(p => p.id), exported: true, images };
    const sections = model.journeys.map(journey => {
        const overview = journey.stages.length > 0
            ? html`<pre class="overview-source">${timelineMermaid(journey, { messages })}</pre>`
            : '';
        return journeySection(journey, journeyParts(journey, options), overview, options);
    });
    return standaloneHtmlDocument(documentTitle(model, messages), `${paletteCss()}\n${previewCss}`, join(sections), messages);
}

/**
 * Pictures are read from the map's folder, the current folder and the --workspace folders, and
 * nowhere else: a map from a pull request cannot put a file from elsewhere on the machine into an export.
 */
function pictureReader(map: string, workspaceFolders: readonly string[]): PictureReader {
    const real = (file: string) => {
        try {
            return fs.realpathSync(file);
        } catch {
            return path.resolve(file);
        }
    };
    const roots = [process.cwd(), path.dirname(path.resolve(map)), ...workspaceFolders].map(real);
    const inside = (file: string) => roots.some(root => {
        const relative = path.relative(root, file);
        return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
    });
    return {
        allowed: file => file.startsWith('file:') && inside(real(fileURLToPath(file))),
        async read(file, limit) {
            const found = await fs.promises.stat(fileURLToPath(file));
            return found.isFile() && found.size <= limit ? fs.promises.readFile(fileURLToPath(file)) : undefined;
        }
    };
}

/** Where each of several maps is written: the output folder, the map's file name with the format's extension. */
const FORMAT_EXTENSIONS: Record<RenderFormat, string> = {
    mermaid: 'mmd', 'mermaid-journey': 'mmd', markdown: 'md', html: 'html', json: 'json', svg: 'svg', png: 'png', pdf: 'pdf'
};

function isFolder(output: string): boolean {
    return /[\\/]$/.test(output) || (fs.existsSync(output) && fs.statSync(output).isDirectory());
}

/** `--scale`: a PNG's density as a multiple of the map's size. */
function pngScaleOption(value: string | undefined, format: RenderFormat): number | undefined {
    if (value === undefined) return undefined;
    if (format !== 'png') throw new CliError(`--scale sets the density of a PNG; --format ${format} has none. Leave --scale out, or use --format png.`);
    const scale = /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
    if (!(scale >= PNG_SCALE_RANGE.min && scale <= PNG_SCALE_RANGE.max)) {
        throw new CliError(`--scale ${value} is not a density journey can draw: give a number from ${PNG_SCALE_RANGE.min} to ${PNG_SCALE_RANGE.max}, for example --scale 1 for the map's own size or --scale 3 for print.`);
    }
    return scale;
}

const PNG_SCALE_RANGE = { min: 0.25, max: 4 };

export async function render(args: string[]): Promise<number> {
    const { values, positionals } = parseCommandArgs('render', args, {
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        diagram: { type: 'string' },
        journey: { type: 'string' },
        persona: { type: 'string' },
        scale: { type: 'string' },
        ...LANGUAGE_OPTION
    });
    expectPositionals('render', positionals, 1, Infinity, 'one or more .journey files');
    const files = resolveJourneyFiles(positionals);
    // Several maps go into a folder, one file each; one map goes to a file or to stdout.
    const toFolder = files.length > 1 || (values.output !== undefined && isFolder(values.output));
    if (files.length > 1 && !values.output) {
        throw new CliError(`${files.length} maps to draw: name a folder for them with -o, for example -o exports/`);
    }
    if (toFolder && values.format === undefined) {
        throw new CliError(`Cannot tell the format from the folder '${values.output}'. Add --format with one of: ${FORMATS.join(', ')}.`);
    }
    if (toFolder) {
        const names = new Map<string, string>();
        for (const file of files) {
            const name = path.basename(file).toLowerCase();
            const other = names.get(name);
            if (other) throw new CliError(`Two maps are called ${path.basename(file)} (${other} and ${file}): in one folder one would overwrite the other. Render them in two calls.`);
            names.set(name, file);
        }
    }
    const format = formatFor(values.format, toFolder ? undefined : values.output);
    const diagram = choice('render', '--diagram', values.diagram, ['timeline', 'emotions'] as const, 'timeline');
    const scale = pngScaleOption(values.scale, format);
    if ((format === 'png' || format === 'pdf') && !values.output && process.stdout.isTTY) {
        throw new CliError(`A ${format.toUpperCase()} is binary and would garble the terminal. Write it to a file: -o map.${format}`);
    }
    const needsBrowser = format === 'svg' || format === 'png' || format === 'pdf';
    const executable = needsBrowser || format === 'html' ? findChromium() : undefined;
    if (!executable && needsBrowser) throw new CliError(missingChromiumMessage(`--format ${format}`));
    if (!executable && format === 'html') {
        process.stderr.write(`${missingChromiumMessage('Drawing the overview timeline')} The page shows it as Mermaid text.\n`);
    }
    const messages = languageMessages(values.language);

    const progress = Progress.for(values.progress === true);
    // One browser for every map: starting it and loading the export page are most of the time of a
    // picture, so it starts while the maps are read. A problem with the maps is still said first.
    // Several maps are drawn side by side, one per core: drawing and encoding a picture keep a core busy.
    const pages = Math.max(1, Math.min(files.length, os.availableParallelism(), 4));
    const starting = executable ? ExportBrowser.start(executable, pages) : undefined;
    starting?.catch(() => undefined);
    let loaded: Awaited<ReturnType<typeof loadJourneyFiles>>;
    try {
        loaded = await loadJourneyFiles(files, { workspaceFolders: values.workspace, progress });
    } catch (error) {
        void starting?.then(browser => browser.close(), () => undefined);
        throw error;
    }
    const browser = await starting;
    const drawOne = async (file: LoadedJourneyFile): Promise<void> => {
        const model = file.model;
        const images = format === 'html' || needsBrowser ? await inlinePictures(model, pictureReader(file.file, values.workspace ?? [])) : {};
        let result: string | Buffer;
        switch (format) {
            case 'mermaid': result = mermaidOf(model, { journey: values.journey, diagram, persona: values.persona }, file.shown, messages); break;
            case 'mermaid-journey': result = mermaidOf(model, { journey: values.journey, diagram: 'journey', persona: undefined }, file.shown, messages); break;
            case 'markdown': result = documentMarkdown(model, messages); break;
            case 'json': result = JSON.stringify(model, null, 2) + '\n'; break;
            case 'html': result = browser ? await browser.export('html', model, messages.locale, images) : htmlWithoutBrowser(model, messages, images); break;
            case 'svg':
            case 'pdf':
                result = await browser!.export(format, model, messages.locale, images);
                break;
            case 'png': {
                const png = await browser!.exportPng(model, messages.locale, images, scale);
                result = png.bytes;
                const note = densityNote(png, scale);
                if (note) process.stderr.write(`${file.shown}: ${note}\n`);
                break;
            }
        }
        const output = toFolder
            ? path.join(values.output!, `${path.basename(file.file).replace(/\.journey$/i, '')}.${FORMAT_EXTENSIONS[format]}`)
            : values.output;
        writeResult(result, output);
    };
    try {
        // As many maps at a time as the browser has pages; each is written as soon as it is drawn.
        let next = 0;
        let drawn = 0;
        const drawing = async () => {
            while (next < loaded.length) {
                await drawOne(loaded[next++]);
                progress.update('Drew', ++drawn, loaded.length);
            }
        };
        await Promise.all(Array.from({ length: browser ? pages : 1 }, drawing));
    } finally {
        progress.done();
        await browser?.close();
    }
    return reportErrors(loaded) > 0 ? ExitCode.Problems : ExitCode.Ok;
}
