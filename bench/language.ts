/**
 * The language services in this process: full build, re-validation after a keystroke,
 * completion, hover and the view model, for each journey size, and the heap over many edits.
 */
import { DocumentState, EmptyFileSystem, URI, type LangiumDocument, type LangiumSharedCoreServices } from 'langium';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DataSets } from '../src/language/data/data-sets.js';
import { NodeDataFiles } from '../src/language/data/node-data-files.js';
import { createJourneyServices } from '../src/language/journey-module.js';
import { createFloorServices } from './floor.js';
import { generateJourney, generateWorkspace, type JourneySpec } from './generate.js';
import { findProbes, megabytes, summarize, time, withEdit, type Timing } from './measure.js';
import type { DocumentViewModel } from '../src/model/view-model.js';

type Services = ReturnType<typeof createJourneyServices>;

/** Langium's build phases, each ending when it announces the state reached. */
const BUILD_PHASES = [
    [DocumentState.Parsed, 'parse'],
    [DocumentState.IndexedContent, 'index'],
    [DocumentState.ComputedScopes, 'scopes'],
    [DocumentState.Linked, 'link'],
    [DocumentState.IndexedReferences, 'references'],
    [DocumentState.Validated, 'validate']
] as const;
export type BuildPhase = typeof BUILD_PHASES[number][1];

export interface SizeResult {
    touchpoints: number;
    personas: number;
    lines: number;
    kilobytes: number;
    build: Timing;
    revalidate: Timing;
    /** Median milliseconds of each build phase in a re-validation, in order: what is Langium's parsing and what is ours. */
    revalidatePhases?: Record<BuildPhase, number>;
    /** Langium's floor (bench/floor.ts): a bare grammar's full build and re-validation of the same text, with the same edit. */
    floor?: { build: Timing; revalidate: Timing };
    completion: Timing;
    hover: Timing;
    hoverStage: Timing;
    viewModel: Timing;
    /** Size of the view model as JSON, what the preview receives. */
    viewModelKilobytes: number;
    /** Heap used after a forced garbage collection with this journey loaded and built, in MB. */
    heapLoaded: number;
}

export interface WorkspaceResult {
    files: number;
    touchpoints: number;
    build: Timing;
    /** One character changed in one journey: only that file is rebuilt. */
    revalidateJourney: Timing;
    /** One character changed in the shared persona file: every journey that names a persona is relinked. */
    revalidatePersonas: Timing;
}

export interface HeapResult {
    touchpoints: number;
    edits: number;
    /** Heap used after a forced garbage collection, in MB. */
    afterLoad: number;
    samples: Array<{ edits: number; heap: number }>;
    afterEdits: number;
    gcExposed: boolean;
}

export async function createServices(): Promise<Services> {
    const services = createJourneyServices(EmptyFileSystem);
    await services.shared.workspace.WorkspaceManager.initializeWorkspace([]);
    return services;
}

/** Diagnostics of one severity in a built document, as `line: message`. */
function problems(document: LangiumDocument, severity: DiagnosticSeverity): string[] {
    return (document.diagnostics ?? []).filter(d => d.severity === severity)
        .map(d => `${d.range.start.line + 1}: ${typeof d.message === 'string' ? d.message : d.message.value}`);
}

/** Checks what the generator made: a benchmark of an invalid journey measures error recovery, not editing. */
export function assertClean(document: LangiumDocument): void {
    const { lexerErrors, parserErrors } = document.parseResult;
    const errors = [...lexerErrors.map(e => e.message), ...parserErrors.map(e => e.message), ...problems(document, DiagnosticSeverity.Error), ...problems(document, DiagnosticSeverity.Warning)];
    if (errors.length > 0) {
        throw new Error(`The generated journey ${document.uri} has ${errors.length} errors or warnings, first: ${errors.slice(0, 3).join(' | ')}. Fix bench/generate.ts.`);
    }
}

/** What the helpers below need of a language's services: the journey's, or the bare floor grammar's. */
type Built = { shared: LangiumSharedCoreServices & { workspace: { TextDocuments?: { set(document: TextDocument): unknown } } } };

async function open(services: Built, uri: string, text: string): Promise<LangiumDocument> {
    const document = services.shared.workspace.LangiumDocuments.createDocument(URI.parse(uri), text);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    return document;
}

async function close(services: Built, uris: string[]): Promise<void> {
    await services.shared.workspace.DocumentBuilder.update([], uris.map(uri => URI.parse(uri)));
}

/** Replaces the text of an open document and rebuilds it, as the language server does on `didChange`. */
async function change(services: Built, uri: string, text: string, version: number, languageId = 'journey'): Promise<void> {
    services.shared.workspace.TextDocuments!.set(TextDocument.create(uri, languageId, version, text));
    await services.shared.workspace.WorkspaceLock.write(token => services.shared.workspace.DocumentBuilder.update([URI.parse(uri)], [], token));
}

export async function measureSize(spec: JourneySpec, runs: number): Promise<SizeResult> {
    const services = await createServices();
    const text = generateJourney(spec);
    const uri = `file:///bench/journey-${spec.touchpoints}x${spec.personas}.journey`;
    const probes = findProbes(text);

    // Full build of a newly opened file: parse, index, scopes, link, validate.
    const build = await time(runs, () => open(services, uri, text), () => close(services, [uri]));

    const document = await open(services, uri, text);
    assertClean(document);
    const heapLoaded = megabytes(heapUsed());
    let version = 1;
    let edited = false;
    // Where a re-validation's time goes: each build phase's end, stamped as Langium announces it.
    const phaseSamples: number[][] = [];
    let stamps: number[] = [];
    const builder = services.shared.workspace.DocumentBuilder;
    const listeners = BUILD_PHASES.map(([state]) => builder.onBuildPhase(state, () => { stamps.push(performance.now()); }));
    const revalidate = await time(runs, async () => {
        edited = !edited;
        stamps = [performance.now()];
        await change(services, uri, withEdit(text, probes, edited), ++version);
        if (stamps.length === BUILD_PHASES.length + 1) phaseSamples.push(stamps.slice(1).map((stamp, i) => stamp - stamps[i]));
    });
    for (const listener of listeners) listener.dispose();
    // Every phase is announced in a full re-validation; without them there is nothing to split.
    const phases = phaseSamples.length === 0 ? undefined
        : Object.fromEntries(BUILD_PHASES.map(([, name], i) => [name, summarize(phaseSamples.map(sample => sample[i])).median])) as Record<BuildPhase, number>;

    // The same full build and re-validation of the same text in a bare grammar: Langium's floor.
    const floorServices = await createFloorServices();
    const floorUri = uri.replace(/\.journey$/, '.bare');
    const floorBuild = await time(runs, () => open(floorServices, floorUri, text), () => close(floorServices, [floorUri]));
    const floorDocument = await open(floorServices, floorUri, text);
    const { lexerErrors, parserErrors } = floorDocument.parseResult;
    if (lexerErrors.length + parserErrors.length > 0) throw new Error(`The bare grammar of bench/floor.ts cannot read the generated journey: ${[...lexerErrors, ...parserErrors][0].message}`);
    let floorVersion = 1;
    let floorEdited = false;
    const floorRevalidate = await time(runs, async () => {
        floorEdited = !floorEdited;
        await change(floorServices, floorUri, withEdit(text, probes, floorEdited), ++floorVersion, 'bare');
    });

    const built = services.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!;
    const textDocument = { uri };
    const completion = await time(runs, async () => {
        const list = await services.Journey.lsp.CompletionProvider!.getCompletion(built, { textDocument, position: probes.completion });
        if (!list || !list.items.some(item => item.label === 'web')) throw new Error('Completion after `channel ` did not offer the channel `web`.');
    });
    const hover = await time(runs, async () => {
        const card = await services.Journey.lsp.HoverProvider!.getHoverContent(built, { textDocument, position: probes.hoverTouchpoint });
        if (!card) throw new Error('Hover on the last touchpoint showed nothing.');
    });
    const hoverStage = await time(runs, async () => {
        const card = await services.Journey.lsp.HoverProvider!.getHoverContent(built, { textDocument, position: probes.hoverStage });
        if (!card) throw new Error('Hover on the last stage showed nothing.');
    });
    let model = services.Journey.model.ViewModelBuilder.build(built);
    const viewModel = await time(runs, () => { model = services.Journey.model.ViewModelBuilder.build(built); });
    const touchpoints = model.journeys.reduce((sum, journey) => sum + journey.stages.reduce((n, stage) => n + stage.touchpoints.length, 0), 0);
    if (touchpoints !== spec.touchpoints) throw new Error(`The view model holds ${touchpoints} touchpoints, the journey ${spec.touchpoints}.`);

    return {
        touchpoints: spec.touchpoints,
        personas: spec.personas,
        lines: text.split('\n').length - 1,
        kilobytes: Math.round(text.length / 1024),
        build, revalidate, revalidatePhases: phases, floor: { build: floorBuild, revalidate: floorRevalidate }, completion, hover, hoverStage, viewModel,
        viewModelKilobytes: Math.round(JSON.stringify(model).length / 1024),
        heapLoaded
    };
}

export async function measureWorkspace(runs: number, files = 50, touchpointsPerJourney = 20): Promise<WorkspaceResult> {
    const services = await createServices();
    const workspace = generateWorkspace(files, touchpointsPerJourney);
    const entries = Object.entries(workspace).map(([name, text]) => ({ uri: `file:///bench/workspace/${name}`, text }));
    const openAll = async () => {
        const documents = entries.map(({ uri, text }) => services.shared.workspace.LangiumDocuments.createDocument(URI.parse(uri), text));
        await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        return documents;
    };
    const build = await time(runs, openAll, () => close(services, entries.map(entry => entry.uri)));
    for (const document of await openAll()) assertClean(document);

    const journey = entries[1];
    const journeyProbes = findProbes(journey.text);
    let version = 1;
    let edited = false;
    const revalidateJourney = await time(runs, async () => {
        edited = !edited;
        await change(services, journey.uri, withEdit(journey.text, journeyProbes, edited), ++version);
    });
    // A label in the persona file: every document that links to a persona there is relinked and revalidated.
    const personas = entries[0];
    const labelAt = personas.text.indexOf('Curious') + 1;
    edited = false;
    const revalidatePersonas = await time(runs, async () => {
        edited = !edited;
        const text = personas.text.slice(0, labelAt) + (edited ? 'U' : 'u') + personas.text.slice(labelAt + 1);
        await change(services, personas.uri, text, ++version);
    });
    const documents = services.shared.workspace.LangiumDocuments;
    if (documents.all.some(d => d.state < DocumentState.Validated)) throw new Error('A workspace document was left unvalidated after the edits.');
    return {
        files: entries.length,
        touchpoints: (entries.length - 1) * touchpointsPerJourney,
        build, revalidateJourney, revalidatePersonas
    };
}

function heapUsed(): number {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) {
        gc();
        gc();
    }
    return process.memoryUsage().heapUsed;
}

/** Heap after loading a journey and while editing it `edits` times, each edit fully rebuilt. */
export async function measureHeap(spec: JourneySpec, edits: number): Promise<HeapResult> {
    const services = await createServices();
    const text = generateJourney(spec);
    const uri = `file:///bench/heap-${spec.touchpoints}.journey`;
    const probes = findProbes(text);
    await open(services, uri, text);
    const afterLoad = heapUsed();
    const samples: HeapResult['samples'] = [];
    const every = Math.max(1, Math.floor(edits / 4));
    for (let i = 1; i <= edits; i++) {
        await change(services, uri, withEdit(text, probes, i % 2 === 1), i + 1);
        if (i % every === 0) samples.push({ edits: i, heap: megabytes(heapUsed()) });
    }
    const afterEdits = heapUsed();
    return {
        touchpoints: spec.touchpoints,
        edits,
        afterLoad: megabytes(afterLoad),
        samples,
        afterEdits: megabytes(afterEdits),
        gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function'
    };
}

/**
 * The view models the language server would send while a file is edited: the first text opened,
 * each further text as an edit of it. They feed the preview benchmark.
 */
export async function viewModelsOfEdits(texts: string[], uri: string): Promise<DocumentViewModel[]> {
    const services = await createServices();
    const models: DocumentViewModel[] = [];
    const document = await open(services, uri, texts[0]);
    assertClean(document);
    models.push(services.Journey.model.ViewModelBuilder.build(document));
    for (const [index, text] of texts.slice(1).entries()) {
        await change(services, uri, text, index + 2);
        const changed = services.shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!;
        assertClean(changed);
        models.push(services.Journey.model.ViewModelBuilder.build(changed));
    }
    return models;
}

export interface DataLoadResult {
    megabytes: number;
    rows: number;
    /** Reading and summing the whole file (csv-parse, streamed). */
    load: Timing;
    /** The longest the event loop waited while the file was read: how long the server could not answer. */
    longestPause: Timing;
}

/**
 * A large survey export read as the language server reads it (streamed from disk in slices, with a
 * yield after each), while a timer measures how long the event loop is held at a time.
 */
export async function measureDataLoad(megabytes: number, runs: number): Promise<DataLoadResult> {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-bench-data-'));
    const file = path.join(folder, 'survey.csv');
    try {
        const stages = ['Awareness', 'Consideration', 'Purchase', 'Delivery', 'Usage', 'Advocacy'];
        const out = fs.openSync(file, 'w');
        fs.writeSync(out, '\uFEFFrespondent;stage;touchpoint;persona;satisfaction;effort;comment\r\n');
        let rows = 0;
        let written = 0;
        while (written < megabytes * 1024 * 1024) {
            let chunk = '';
            for (let i = 0; i < 2000; i++, rows++) {
                chunk += `R${rows};${stages[rows % 6]};Step ${rows % 7};${rows % 3 === 0 ? 'Colleen' : 'Pete'};${rows % 5 + 1};${rows % 9},5;"Answer ${rows}; said ""fine"" mostly, and wrote a little more about the visit"\r\n`;
            }
            written += Buffer.byteLength(chunk);
            fs.writeSync(out, chunk);
        }
        fs.closeSync(out);
        const uri = URI.file(file);
        const keys = { stage: 'stage', touchpoint: 'touchpoint', persona: 'persona' };
        const load: number[] = [];
        const pauses: number[] = [];
        for (let i = 0; i < runs; i++) {
            const dataSets = new DataSets(NodeDataFiles);
            let longest = 0;
            let last = performance.now();
            const timer = setInterval(() => {
                const now = performance.now();
                longest = Math.max(longest, now - last);
                last = now;
            }, 1);
            const started = performance.now();
            const result = await dataSets.load(uri, keys);
            load.push(performance.now() - started);
            longest = Math.max(longest, performance.now() - last);
            clearInterval(timer);
            pauses.push(longest);
            if (!result.ok || result.table.rows !== rows) throw new Error(`The data file read as ${result.ok ? `${result.table.rows} rows of ${rows}` : result.problem}.`);
        }
        return { megabytes: Math.round(written / 1024 / 1024), rows, load: summarize(load), longestPause: summarize(pauses) };
    } finally {
        fs.rmSync(folder, { recursive: true, force: true });
    }
}
