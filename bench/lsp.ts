/**
 * The language server as the editor meets it: `node out/server.cjs --stdio`, spoken to over LSP.
 * Times are round trips, so they include JSON encoding and the pipe.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { PortfolioRequest, ViewModelRequest } from '../src/protocol.js';
import { generateJourney, generateWorkspace, type JourneySpec } from './generate.js';
import { findProbes, megabytes, positionAt, summarize, type Probes, type Timing } from './measure.js';

export interface LspSizeResult {
    touchpoints: number;
    personas: number;
    /** didOpen to diagnostics, each in a newly started, initialized server (so the code is not yet warm). */
    open: Timing;
    revalidate: Timing;
    completion: Timing;
    /** A keystroke and at once a completion request, as when typing: the server answers once the edit is linked. */
    completionAfterEdit: Timing;
    hover: Timing;
    viewModel: Timing;
}

export interface LspWorkspaceResult {
    files: number;
    /** References to the shared persona across the workspace. */
    references: number;
    /** Spawning the server until it answers `initialize`. */
    start: Timing;
    /** From `initialized` until the whole workspace is linked. */
    load: Timing;
    /** Then didOpen of one journey to its diagnostics. */
    openJourney: Timing;
}

export interface LspMemoryResult {
    touchpoints: number;
    edits: number;
    /** Milliseconds between edits: typing speed, so some builds are cancelled by the next keystroke, as in the editor. */
    intervalMs: number;
    /** Resident memory of the server process in MB (no forced garbage collection there). */
    rssAfterLoad: number;
    samples: Array<{ edits: number; rss: number }>;
    rssAfterEdits: number;
    /** From the last keystroke until the server serves the model of the final text, in ms. */
    settled: number;
}

interface Diagnostics { uri: string; diagnostics: Array<{ severity?: number; message: string }> }

/** A language server process and the connection to it. */
export class ServerProcess {
    private readonly waiting: Array<{ uri: string; resolve: (params: Diagnostics) => void }> = [];

    private constructor(readonly process: ChildProcess, readonly connection: ProtocolConnection) {
        connection.onNotification('textDocument/publishDiagnostics', (params: Diagnostics) => {
            for (const waiter of this.waiting.filter(w => w.uri === params.uri)) {
                this.waiting.splice(this.waiting.indexOf(waiter), 1);
                waiter.resolve(params);
            }
        });
    }

    static async start(serverPath: string, rootFolder?: string): Promise<ServerProcess> {
        if (!fs.existsSync(serverPath)) throw new Error(`No language server at ${serverPath}: build it first with \`node esbuild.mjs\`.`);
        const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
        const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
        const server = new ServerProcess(child, connection);
        connection.listen();
        const rootUri = rootFolder ? pathToFileURL(rootFolder).href : null;
        await connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri,
            capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } }, hover: { contentFormat: ['markdown'] } } },
            workspaceFolders: rootUri ? [{ uri: rootUri, name: path.basename(rootFolder!) }] : []
        });
        await connection.sendNotification('initialized', {});
        return server;
    }

    /** The next diagnostics published for `uri` (register before sending what triggers them). */
    nextDiagnostics(uri: string, timeoutMs = 120_000): Promise<Diagnostics> {
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error(`The server published no diagnostics for ${uri} within ${timeoutMs} ms.`)), timeoutMs);
            this.waiting.push({ uri, resolve: params => { clearTimeout(timer); resolve(params); } });
        });
    }

    async open(uri: string, text: string): Promise<Diagnostics> {
        const published = this.nextDiagnostics(uri);
        await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text } });
        return published;
    }

    /** Sends a one-character change at the probe's place. */
    async change(uri: string, probes: Probes, edited: boolean, version: number): Promise<void> {
        const { position } = probes.edit;
        await this.connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version },
            contentChanges: [{ range: { start: position, end: { line: position.line, character: position.character + 1 } }, text: edited ? probes.edit.replacement : probes.edit.original }]
        });
    }

    /** Resident set size of the server process, from /proc (Linux). */
    rss(): number {
        const status = fs.readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
        const kilobytes = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
        return kilobytes * 1024;
    }

    async stop(): Promise<void> {
        try {
            await Promise.race([this.connection.sendRequest('shutdown'), new Promise(resolve => setTimeout(resolve, 2000))]);
            await this.connection.sendNotification('exit');
        } catch {
            // The server may already be gone; it is killed below either way.
        }
        this.connection.dispose();
        if (this.process.exitCode === null) this.process.kill();
    }
}

function assertNoErrors(diagnostics: Diagnostics): void {
    const errors = diagnostics.diagnostics.filter(d => d.severity === 1 || d.severity === 2);
    if (errors.length > 0) throw new Error(`The server reports ${errors.length} errors or warnings in ${diagnostics.uri}, first: ${errors[0].message}`);
}

/** Times `request` `runs` times after one unmeasured call; a request that returns a number has timed itself. */
async function roundTrips(runs: number, request: () => Promise<unknown>): Promise<Timing> {
    await request();
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
        const started = performance.now();
        const timed = await request();
        samples.push(typeof timed === 'number' ? timed : performance.now() - started);
    }
    return summarize(samples);
}

export async function measureLspSize(serverPath: string, spec: JourneySpec, runs: number): Promise<LspSizeResult> {
    const text = generateJourney(spec);
    const probes = findProbes(text);
    const uri = `file:///bench/lsp-${spec.touchpoints}x${spec.personas}.journey`;
    const openSamples: number[] = [];
    for (let i = 0; i < runs; i++) {
        const server = await ServerProcess.start(serverPath);
        try {
            // Workspace start-up (the parser's construction, the built-in library) is done before the clock starts.
            await server.connection.sendRequest('workspace/symbol', { query: '' });
            const started = performance.now();
            assertNoErrors(await server.open(uri, text));
            openSamples.push(performance.now() - started);
        } finally {
            await server.stop();
        }
    }

    const server = await ServerProcess.start(serverPath);
    try {
        await server.open(uri, text);
        let version = 1;
        let edited = false;
        const revalidate = await roundTrips(runs, async () => {
            edited = !edited;
            const published = server.nextDiagnostics(uri);
            await server.change(uri, probes, edited, ++version);
            assertNoErrors(await published);
        });
        const textDocument = { uri };
        const completion = await roundTrips(runs, async () => {
            const result = await server.connection.sendRequest<{ items: Array<{ label: string }> } | null>('textDocument/completion', { textDocument, position: probes.completion });
            if (!result?.items.some(item => item.label === 'web')) throw new Error('Completion over LSP after `channel ` did not offer `web`.');
        });
        const completionAfterEdit = await roundTrips(runs, async () => {
            edited = !edited;
            const published = server.nextDiagnostics(uri);
            const typed = performance.now();
            await server.change(uri, probes, edited, ++version);
            const result = await server.connection.sendRequest<{ items: Array<{ label: string }> } | null>('textDocument/completion', { textDocument, position: probes.completion });
            const answered = performance.now() - typed;
            if (!result?.items.some(item => item.label === 'web')) throw new Error('Completion over LSP right after an edit did not offer `web`.');
            await published;
            return answered;
        });
        const hover = await roundTrips(runs, async () => {
            const result = await server.connection.sendRequest<{ contents: unknown } | null>('textDocument/hover', { textDocument, position: probes.hoverTouchpoint });
            if (!result) throw new Error('Hover over LSP on the last touchpoint returned nothing.');
        });
        const viewModel = await roundTrips(runs, async () => {
            const model = await server.connection.sendRequest(ViewModelRequest, { uri });
            if (!model || model.journeys.length !== 1) throw new Error('The journey/viewModel request returned no journey.');
        });
        return {
            touchpoints: spec.touchpoints, personas: spec.personas,
            open: summarize(openSamples), revalidate, completion, completionAfterEdit, hover, viewModel
        };
    } finally {
        await server.stop();
    }
}

/**
 * A folder of journeys opened as the workspace: the server reads, indexes and links every file at
 * start-up (Langium validates a file only once it is opened). Timed until a find-references on a
 * shared persona answers, which waits for the whole workspace to be linked; then opening one
 * journey until its diagnostics arrive.
 */
export async function measureLspWorkspace(serverPath: string, runs: number, files = 50, touchpointsPerJourney = 20): Promise<LspWorkspaceResult> {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-bench-workspace-'));
    try {
        const workspace = generateWorkspace(files, touchpointsPerJourney);
        for (const [name, text] of Object.entries(workspace)) fs.writeFileSync(path.join(folder, name), text);
        const personas = pathToFileURL(path.join(folder, 'personas.journey')).href;
        const personaAt = positionAt(workspace['personas.journey'], workspace['personas.journey'].indexOf('persona Colleen') + 'persona '.length);
        const [journeyName, journeyText] = Object.entries(workspace)[1];
        const journey = pathToFileURL(path.join(folder, journeyName)).href;
        const start: number[] = [];
        const load: number[] = [];
        const openJourney: number[] = [];
        let references = 0;
        for (let i = 0; i < runs; i++) {
            const spawned = performance.now();
            const server = await ServerProcess.start(serverPath, folder);
            const started = performance.now();
            start.push(started - spawned);
            try {
                const found = await server.connection.sendRequest<unknown[] | null>('textDocument/references', {
                    textDocument: { uri: personas }, position: personaAt, context: { includeDeclaration: false }
                });
                load.push(performance.now() - started);
                references = found?.length ?? 0;
                if (references === 0) throw new Error('Find references on a shared persona found nothing: the workspace was not linked.');
                const opened = performance.now();
                assertNoErrors(await server.open(journey, journeyText));
                openJourney.push(performance.now() - opened);
            } finally {
                await server.stop();
            }
        }
        return { files: Object.keys(workspace).length, references, start: summarize(start), load: summarize(load), openJourney: summarize(openJourney) };
    } finally {
        fs.rmSync(folder, { recursive: true, force: true });
    }
}

export async function measureLspMemory(serverPath: string, spec: JourneySpec, edits: number, intervalMs: number): Promise<LspMemoryResult> {
    const text = generateJourney(spec);
    const probes = findProbes(text);
    const uri = `file:///bench/lsp-memory-${spec.touchpoints}.journey`;
    const server = await ServerProcess.start(serverPath);
    try {
        await server.open(uri, text);
        const rssAfterLoad = server.rss();
        const samples: LspMemoryResult['samples'] = [];
        const every = Math.max(1, Math.floor(edits / 4));
        let typed = 0;
        for (let i = 1; i <= edits; i++) {
            await server.change(uri, probes, i % 2 === 1, i + 1);
            typed = performance.now();
            await new Promise(resolve => setTimeout(resolve, intervalMs));
            if (i % every === 0) samples.push({ edits: i, rss: megabytes(server.rss()) });
        }
        // The model request waits for the document to be validated; a build of an older version may still answer first.
        let version = 0;
        while (version !== edits + 1) {
            version = (await server.connection.sendRequest(ViewModelRequest, { uri }))?.version ?? 0;
        }
        const settled = performance.now() - typed;
        return { touchpoints: spec.touchpoints, edits, intervalMs, rssAfterLoad: megabytes(rssAfterLoad), samples, rssAfterEdits: megabytes(server.rss()), settled: Math.round(settled) };
    } finally {
        await server.stop();
    }
}

export interface LspPortfolioResult {
    files: number;
    /** Journeys the portfolio listed (every map of the workspace). */
    journeys: number;
    /** From `initialized` until the whole workspace is linked (find references answered). */
    indexed: Timing;
    /** Then the Journey Maps view's request until it has every journey with its health. */
    portfolio: Timing;
    /** The same request again, nothing changed: what the view costs on a refresh. */
    again: Timing;
}

/** The Explorer's Journey Maps view over a workspace of many maps, as the extension asks for it. */
export async function measureLspPortfolio(serverPath: string, runs: number, files: number, touchpointsPerJourney: number): Promise<LspPortfolioResult> {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-bench-portfolio-'));
    try {
        const workspace = generateWorkspace(files, touchpointsPerJourney);
        for (const [name, text] of Object.entries(workspace)) fs.writeFileSync(path.join(folder, name), text);
        const personas = pathToFileURL(path.join(folder, 'personas.journey')).href;
        const personaAt = positionAt(workspace['personas.journey'], workspace['personas.journey'].indexOf('persona Colleen') + 'persona '.length);
        const indexed: number[] = [];
        const portfolio: number[] = [];
        const again: number[] = [];
        let journeys = 0;
        for (let i = 0; i < runs; i++) {
            const server = await ServerProcess.start(serverPath, folder);
            try {
                const started = performance.now();
                await server.connection.sendRequest('textDocument/references', { textDocument: { uri: personas }, position: personaAt, context: { includeDeclaration: false } });
                indexed.push(performance.now() - started);
                const asked = performance.now();
                const result = await server.connection.sendRequest<{ journeys: unknown[] }>(PortfolioRequest.method, {});
                portfolio.push(performance.now() - asked);
                journeys = result.journeys.length;
                if (journeys !== files - 1) throw new Error(`The portfolio listed ${journeys} journeys of ${files - 1}.`);
                const repeated = performance.now();
                await server.connection.sendRequest(PortfolioRequest.method, {});
                again.push(performance.now() - repeated);
            } finally {
                await server.stop();
            }
        }
        return { files, journeys, indexed: summarize(indexed), portfolio: summarize(portfolio), again: summarize(again) };
    } finally {
        fs.rmSync(folder, { recursive: true, force: true });
    }
}
