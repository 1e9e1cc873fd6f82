/**
 * The benchmark: editing and preview speed at scale. Started by bench/run.mjs, which builds the
 * bundles and this file first; see BENCHMARKS.md for what each number means.
 *
 *   --smoke            smallest sizes, two runs, no code-server: a few seconds, for `npm test`
 *   --runs N           measured runs per number (default 7)
 *   --sizes a,b        journey sizes in touchpoints (default 10,100,1000,5000)
 *   --only a,b         parts to run: language, lsp, preview, render, extension (default all)
 *   --bundles DIR      folder with server.cjs, extension.cjs and webview/ (required)
 *   --extension DIR    extension folder for code-server (its package.json points into DIR/out)
 *   --suite FILE       the bundled activation suite
 *   --root DIR         the project (scripts/code-server.mjs, BENCHMARKS.md)
 *   --out FILE         where results.json goes
 *   --write-md         put the table into BENCHMARKS.md
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { measureBundles } from './bundles.js';
import { measureActivation } from './activation/driver.js';
import { PERSONA_COUNTS, SIZES } from './generate.js';
import { measureDataLoad, measureHeap, measureSize, measureWorkspace } from './language.js';
import { measureLspMemory, measureLspPortfolio, measureLspSize, measureLspWorkspace } from './lsp.js';
import { startPreviewBench } from './preview.js';
import { measureRender } from './render.js';
import { measureHoverWhileParsing } from './hover-while-parsing.js';
import { markdownReport } from './report.js';
import { describeMachine, type BenchResults, type Failure } from './results.js';
import { evaluateTargets } from './targets.js';
import { launchChromium } from '../test/webview/harness.js';

const PARTS = ['language', 'lsp', 'preview', 'render', 'extension'] as const;
type Part = typeof PARTS[number];
type LanguagePart = Omit<NonNullable<BenchResults['language']>, 'error'>;
type LspPart = Omit<NonNullable<BenchResults['lsp']>, 'error'>;
type PreviewPart = Omit<NonNullable<BenchResults['preview']>, 'error'>;
type RenderPart = Omit<NonNullable<BenchResults['render']>, 'error'>;
type ExtensionPart = Omit<NonNullable<BenchResults['extension']>, 'error'>;

interface Options {
    smoke: boolean;
    runs: number;
    sizes?: number[];
    parts: Set<Part>;
    bundles: string;
    extension?: string;
    suite?: string;
    root: string;
    out: string;
    writeMarkdown: boolean;
}

function parseOptions(argv: string[]): Options {
    const value = (name: string) => {
        const index = argv.indexOf(name);
        return index >= 0 ? argv[index + 1] : undefined;
    };
    const smoke = argv.includes('--smoke');
    const only = value('--only')?.split(',') ?? [...PARTS];
    const unknown = only.filter(part => !PARTS.includes(part as Part));
    if (unknown.length > 0) throw new Error(`Unknown part ${unknown.join(', ')} in --only: use ${PARTS.join(', ')}.`);
    const bundles = value('--bundles');
    if (!bundles) throw new Error('--bundles is missing: start the benchmark with `npm run bench`, which builds the bundles first.');
    const root = path.resolve(value('--root') ?? process.cwd());
    return {
        smoke,
        runs: Number(value('--runs') ?? (smoke ? 2 : 7)),
        sizes: value('--sizes')?.split(',').map(Number),
        parts: new Set(only as Part[]),
        bundles: path.resolve(bundles),
        extension: value('--extension'),
        suite: value('--suite'),
        root,
        out: path.resolve(value('--out') ?? path.join(root, 'bench', 'results.json')),
        writeMarkdown: argv.includes('--write-md')
    };
}

/** What each run measures; the smoke run keeps only the smallest of everything. */
function plan(options: Options) {
    const sizes = options.smoke
        ? { sizes: [10], personas: [1], workspace: { files: 5, touchpoints: 5 }, portfolio: { files: 5, touchpoints: 5 }, dataMegabytes: 1, heapEdits: 20, lspEdits: 20, previewSizes: [10], activation: false, renderMaps: 2, hoverWhileParsing: 1.2 * 1024 * 1024 }
        : { sizes: [...SIZES] as number[], personas: [...PERSONA_COUNTS] as number[], workspace: { files: 50, touchpoints: 20 }, portfolio: { files: 201, touchpoints: 20 }, dataMegabytes: 50, heapEdits: 1000, lspEdits: 1000, previewSizes: [...SIZES] as number[], activation: true, renderMaps: 20, hoverWhileParsing: 10 * 1024 * 1024 };
    return options.sizes ? { ...sizes, sizes: options.sizes, previewSizes: options.sizes } : sizes;
}

function log(message: string): void {
    process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Runs one part of the benchmark; a failure is recorded with what was measured before it, and the other parts still run. */
async function part<T extends object>(name: string, out: T, body: (out: T) => Promise<void>): Promise<T & Partial<Failure>> {
    try {
        await body(out);
        return out;
    } catch (error) {
        const message = error instanceof Error ? error.stack ?? error.message : String(error);
        log(`${name} failed: ${message}`);
        return { ...out, error: message };
    }
}

const MARK_START = '<!-- bench:results:start -->';
const MARK_END = '<!-- bench:results:end -->';

function writeMarkdown(file: string, report: string): void {
    const text = fs.readFileSync(file, 'utf8');
    const start = text.indexOf(MARK_START);
    const end = text.indexOf(MARK_END);
    if (start < 0 || end < start) throw new Error(`${file} has no ${MARK_START} ... ${MARK_END} section for the table.`);
    fs.writeFileSync(file, `${text.slice(0, start + MARK_START.length)}\n${report}\n${text.slice(end)}`);
}

async function main(): Promise<number> {
    const options = parseOptions(process.argv.slice(2));
    const sizes = plan(options);
    const started = performance.now();
    const results: BenchResults = { mode: options.smoke ? 'smoke' : 'full', date: new Date().toISOString(), runs: options.runs, machine: describeMachine() };
    const serverPath = path.join(options.bundles, 'server.cjs');
    const specs = sizes.sizes.flatMap(touchpoints => sizes.personas.map(personas => ({ touchpoints, personas })));
    const heapSpec = { touchpoints: options.smoke ? 10 : 100, personas: 5 };
    const lspMemorySpec = { touchpoints: options.smoke ? 10 : 1000, personas: 5 };
    if (!options.smoke && !(globalThis as { gc?: unknown }).gc) log('node runs without --expose-gc: heap numbers are taken without collecting garbage first.');

    if (options.parts.has('language')) {
        results.language = await part('language', { sizes: [] } as LanguagePart, async out => {
            for (const spec of specs) {
                log(`in process: ${spec.touchpoints} touchpoints, ${spec.personas} personas`);
                out.sizes.push(await measureSize(spec, options.runs));
            }
            log(`in process: workspace of ${sizes.workspace.files} files`);
            out.workspace = await measureWorkspace(options.runs, sizes.workspace.files, sizes.workspace.touchpoints);
            log(`in process: heap over ${sizes.heapEdits} edits`);
            out.heap = await measureHeap(heapSpec, sizes.heapEdits);
            log(`in process: a ${sizes.dataMegabytes} MB survey export read as research data`);
            out.dataLoad = await measureDataLoad(sizes.dataMegabytes, Math.min(options.runs, 3));
        });
    }

    if (options.parts.has('lsp')) {
        results.lsp = await part('lsp', { sizes: [] } as LspPart, async out => {
            for (const spec of specs) {
                log(`over LSP: ${spec.touchpoints} touchpoints, ${spec.personas} personas`);
                out.sizes.push(await measureLspSize(serverPath, spec, options.runs));
            }
            log(`over LSP: workspace of ${sizes.workspace.files} files`);
            out.workspace = await measureLspWorkspace(serverPath, options.runs, sizes.workspace.files, sizes.workspace.touchpoints);
            log(`over LSP: the Journey Maps view over ${sizes.portfolio.files - 1} maps`);
            out.portfolio = await measureLspPortfolio(serverPath, Math.min(options.runs, 3), sizes.portfolio.files, sizes.portfolio.touchpoints);
            log(`over LSP: server memory over ${sizes.lspEdits} edits`);
            out.memory = await measureLspMemory(serverPath, lspMemorySpec, sizes.lspEdits, 20);
            log(`over LSP: a hover while a ${Math.round(sizes.hoverWhileParsing / 1024)} KB file parses`);
            out.hoverWhileParsing = await measureHoverWhileParsing(serverPath, sizes.hoverWhileParsing, Math.min(options.runs, 3));
        });
    }

    if (options.parts.has('preview')) {
        results.preview = await part('preview', { sizes: [] } as PreviewPart, async out => {
            const bench = await startPreviewBench(path.join(options.bundles, 'webview'));
            results.machine.chromium = bench.chromium;
            try {
                for (const touchpoints of sizes.previewSizes) {
                    log(`preview: ${touchpoints} touchpoints`);
                    out.sizes.push(await bench.measure({ touchpoints, personas: 5 }, options.runs));
                }
            } finally {
                await bench.close();
            }
        });
    }

    if (options.parts.has('render')) {
        results.render = await part('render', {} as RenderPart, async out => {
            log(`render: one map per format, then ${sizes.renderMaps} maps in one call`);
            Object.assign(out, measureRender(options.bundles, { runs: options.smoke ? 1 : 3, maps: sizes.renderMaps, touchpoints: options.smoke ? 10 : 40, personas: 3 }));
        });
    }

    if (options.parts.has('extension')) {
        results.extension = await part('extension', {} as ExtensionPart, async out => {
            out.bundles = measureBundles(options.bundles);
            if (sizes.activation) {
                if (!options.extension || !options.suite) throw new Error('--extension and --suite are needed for the activation time.');
                log('extension: activation in code-server');
                const browser = await launchChromium();
                try {
                    results.machine.chromium = browser.version();
                    out.activation = await measureActivation({
                        projectRoot: options.root, extensionPath: path.resolve(options.extension), suitePath: path.resolve(options.suite),
                        browser, runs: Math.min(options.runs, 5), journey: { touchpoints: 1000, personas: 5 }
                    });
                } finally {
                    await browser.close();
                }
            }
        });
    }

    results.machine.loadAtEnd = Math.round(os.loadavg()[0] * 100) / 100;
    results.durationSeconds = Math.round((performance.now() - started) / 1000);
    results.targets = evaluateTargets(results);
    fs.mkdirSync(path.dirname(options.out), { recursive: true });
    fs.writeFileSync(options.out, JSON.stringify(results, null, 2) + '\n');
    const report = markdownReport(results);
    process.stdout.write(`${report}\n`);
    log(`results written to ${path.relative(process.cwd(), options.out)}`);
    if (options.writeMarkdown) {
        writeMarkdown(path.join(options.root, 'BENCHMARKS.md'), report);
        log('table written to BENCHMARKS.md');
    }
    const failed = [results.language, results.lsp, results.preview, results.render, results.extension].some(p => p?.error);
    return failed ? 1 : 0;
}

main().then(code => process.exit(code), error => {
    log(error instanceof Error ? error.message : String(error));
    process.exit(2);
});
