/**
 * The benchmark at its smallest: it runs end to end (in process, over LSP, in Chromium, bundle
 * sizes) and reports numbers of the right shape. Timings are never judged here; the machine
 * running the tests is busy with other work.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { LangiumDocument } from 'langium';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { generateJourney, generateWorkspace } from '../../bench/generate.js';
import type { Timing } from '../../bench/measure.js';
import type { BenchResults } from '../../bench/results.js';
import { createTestServices, text } from '../language/services.js';

const ROOT = path.resolve(__dirname, '../..');

function problems(document: LangiumDocument): string[] {
    return (document.diagnostics ?? [])
        .filter(d => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning)
        .map(d => `${d.range.start.line + 1}: ${text(d.message)}`);
}

describe('the benchmark generator', () => {
    test.each([[10, 1], [100, 5]])('a journey of %i touchpoints and %i personas is valid and complete', async (touchpoints, personas) => {
        const services = await createTestServices();
        const document = await services.validate(generateJourney({ touchpoints, personas }));
        expect(document.parseResult.parserErrors.map(e => e.message)).toEqual([]);
        expect(problems(document)).toEqual([]);
        const model = services.Journey.model.ViewModelBuilder.build(document);
        const journey = model.journeys[0];
        expect(journey.stages.flatMap(stage => stage.touchpoints)).toHaveLength(touchpoints);
        expect(journey.emotionLanes).toHaveLength(personas);
        // Every persona feels something in every stage, and every pain point is taken up.
        for (const lane of journey.emotionLanes) expect(Object.values(lane.averageByStage)).not.toContain(null);
        const pains = journey.stages.flatMap(stage => stage.touchpoints.flatMap(t => t.pains));
        expect(pains.length).toBeGreaterThan(0);
        expect(pains.filter(pain => pain.addressedBy.length === 0)).toEqual([]);
        expect(journey.opportunities.every(opportunity => opportunity.actions.length > 0)).toBe(true);
        expect(new Set(journey.stages.flatMap(stage => stage.touchpoints.map(t => t.channel?.id))).size).toBeGreaterThan(3);
    });

    test('a workspace shares its personas across files without errors', async () => {
        const services = await createTestServices();
        const files = generateWorkspace(6, 8);
        const documents = await services.workspace(Object.fromEntries(Object.entries(files).map(([name, content]) => [`file:///bench/${name}`, content])));
        expect(documents).toHaveLength(6);
        expect(documents.flatMap(problems)).toEqual([]);
        const future = documents.map(d => services.Journey.model.ViewModelBuilder.build(d)).flatMap(m => m.journeys).find(j => j.kind === 'future-state');
        expect(future?.baseline?.id).toBe('Journey04');
    });
});

/** The bundles in the project's out/ that the other tests use, with their modification times. */
function ownBundles(): Record<string, number> {
    const out = path.join(ROOT, 'out');
    const files = ['extension.cjs', 'server.cjs', 'cli.cjs', 'webview/preview.js'];
    return Object.fromEntries(files.filter(file => fs.existsSync(path.join(out, file))).map(file => [file, fs.statSync(path.join(out, file)).mtimeMs]));
}

describe('npm run bench -- --smoke', () => {
    let results: BenchResults;
    let stdout: string;
    let stderr: string;
    let before: Record<string, number>;
    let after: Record<string, number>;

    beforeAll(() => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-bench-smoke-'));
        const out = path.join(folder, 'results.json');
        before = ownBundles();
        try {
            // As `npm run bench` runs: production bundles built into a folder of the benchmark's own.
            const run = spawnSync(process.execPath, [path.join(ROOT, 'bench', 'run.mjs'), '--smoke', '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 280_000 });
            stdout = run.stdout;
            stderr = run.stderr;
            expect(run.status, `the smoke benchmark failed:\n${run.stderr.slice(-3000)}`).toBe(0);
            results = JSON.parse(fs.readFileSync(out, 'utf8'));
        } finally {
            fs.rmSync(folder, { recursive: true, force: true });
        }
        after = ownBundles();
        expect(Object.keys(before).length).toBeGreaterThan(0);
    }, 300_000);

    test('it builds the production bundles in a folder of its own and leaves out/ as it was', () => {
        expect(stderr).toContain('building the production bundles');
        expect(after).toEqual(before);
    });

    const sane = (timing: Timing | undefined) => {
        expect(timing).toBeDefined();
        expect(timing!.runs).toBe(results.runs);
        expect(timing!.min).toBeGreaterThan(0);
        expect(timing!.min).toBeLessThanOrEqual(timing!.median);
        expect(timing!.median).toBeLessThanOrEqual(timing!.max);
    };

    test('it describes the run and the machine', () => {
        expect(results.mode).toBe('smoke');
        expect(results.machine.cpus).toBeGreaterThan(0);
        expect(results.machine.node).toBe(process.version);
        expect(results.machine.chromium).toMatch(/^\d+\./);
    });

    test('the language server is measured in process and over LSP', () => {
        expect(results.language?.error).toBeUndefined();
        const [size] = results.language!.sizes;
        expect(size).toMatchObject({ touchpoints: 10, personas: 1 });
        for (const timing of [size.build, size.revalidate, size.completion, size.hover, size.hoverStage, size.viewModel]) sane(timing);
        // Langium's floor, a bare grammar building the same text, is measured beside it.
        sane(size.floor?.build);
        sane(size.floor?.revalidate);
        sane(results.language!.workspace?.build);
        sane(results.language!.workspace?.revalidatePersonas);
        const heap = results.language!.heap!;
        expect(heap.gcExposed).toBe(true);
        expect(heap.samples).toHaveLength(4);
        expect(heap.afterEdits).toBeGreaterThan(0);

        expect(results.lsp?.error).toBeUndefined();
        const [lsp] = results.lsp!.sizes;
        for (const timing of [lsp.open, lsp.revalidate, lsp.completion, lsp.completionAfterEdit, lsp.hover, lsp.viewModel]) sane(timing);
        expect(results.lsp!.workspace?.references).toBeGreaterThan(0);
        sane(results.lsp!.workspace?.load);
        expect(results.lsp!.memory?.rssAfterEdits).toBeGreaterThan(0);
        expect(results.lsp!.memory?.settled).toBeGreaterThan(0);
        // The Journey Maps view over the workspace, and a survey export read as research data.
        expect(results.lsp!.portfolio?.journeys).toBe(4);
        sane(results.lsp!.portfolio?.portfolio);
        expect(results.language!.dataLoad?.megabytes).toBeGreaterThanOrEqual(1);
        expect(results.language!.dataLoad?.rows).toBeGreaterThan(1000);
        sane(results.language!.dataLoad?.load);
        sane(results.language!.dataLoad?.longestPause);
        const hover = results.lsp!.hoverWhileParsing!;
        expect(hover.megabytes).toBeGreaterThan(1);
        sane(hover.hover);
        sane(hover.hugeBuild);
    });

    test('journey render is measured as a user runs it: one map per picture format, several maps in one call', () => {
        expect(results.render?.error).toBeUndefined();
        for (const format of ['png', 'svg', 'pdf'] as const) expect(results.render!.single![format]!.median).toBeGreaterThan(0);
        expect(results.render!.pngAtTwice!.median).toBeGreaterThan(0);
        // Drawn by Chromium's headless shell, and the whole browser timed beside it (scripts/setup-machine.sh installs both).
        expect(results.render!.browser).toMatch(/chromium-headless-shell \d+\./);
        expect(results.render!.pngInWholeBrowser!.browser).toMatch(/\/chromium \d+\./);
        expect(results.render!.pngInWholeBrowser!.timing.median).toBeGreaterThan(0);
        expect(results.render!.many!.maps).toBe(2);
        expect(results.render!.many!.timing.median).toBeGreaterThan(0);
    });

    test('the preview is measured against bare Mermaid in the same page', () => {
        expect(results.preview?.error).toBeUndefined();
        const [preview] = results.preview!.sizes;
        expect(preview.outcome).toBe('drawn');
        expect(preview.firstDraw).toBeGreaterThan(0);
        for (const comparison of [preview.update!, preview.fullDraw!]) {
            sane(comparison.preview);
            sane(comparison.bare);
            // The overview timeline: the emotion lane is the preview's own drawing, not Mermaid's.
            expect(comparison.diagrams).toBe(1);
            expect(comparison.ratio).toBeGreaterThan(0);
        }
    });

    test('bundle sizes count the webview entry with its static imports, and Mermaid as lazy', () => {
        expect(results.extension?.error).toBeUndefined();
        const bundles = results.extension!.bundles!;
        expect(bundles.webviewInitial.files[0]).toBe('preview.js');
        expect(bundles.webviewInitial.files.some(file => file.includes('mermaid'))).toBe(false);
        expect(bundles.webviewLazy.bytes).toBeGreaterThan(bundles.webviewInitial.bytes);
        expect(bundles.server.gzip).toBeLessThan(bundles.server.bytes);
        expect(bundles.production, 'the smoke run measures minified production bundles').toBe(true);
    });

    test('every target is reported, and the table is printed', () => {
        expect(results.targets?.map(t => t.name)).toHaveLength(15);
        // Measured in the smoke run: the rows that do not need the full run's sizes.
        for (const name of ['Hover while a huge file parses, over LSP', 'journey render, one map, slowest of PNG, SVG and PDF', 'journey render, 2 maps in one call (PNG)',
            'Journey Maps view, 4 maps, populated after the server indexed them', 'Research data, 1 MB CSV: longest the server is held while reading it']) {
            expect(results.targets!.find(t => t.name === name)?.value, name).toBeGreaterThan(0);
        }
        expect(stdout).toContain('### Targets');
        expect(stdout).toContain('### `journey render`');
        expect(stdout).toMatch(/Drawn by \S+chromium-headless-shell \d[\d.]+, the browser the CLI found\./);
        expect(stdout).toContain('drawn by the whole browser /usr/bin/chromium');
        expect(stdout).toContain('### Journey Maps view: a workspace of 4 maps');
        expect(stdout).toContain('### Research data: a 1 MB CSV survey export');
        expect(stdout).toMatch(/^\| 10 \| 1 \| /m);
    });
});
