/**
 * The goals the benchmark reports against, mostly for the 1,000-touchpoint journey. They are
 * printed as PASS or MISS and never fail a run: a miss is a finding to explain, not a broken build.
 */
import path from 'node:path';
import type { BenchResults } from './results.js';

export const TARGET_TOUCHPOINTS = 1000;
/** The persona count the targets are judged on: the harder of the two measured. */
export const TARGET_PERSONAS = 5;

export interface TargetCheck {
    name: string;
    value: number | undefined;
    unit: string;
    limit: number;
    /** Undefined when the measurement did not run. */
    pass: boolean | undefined;
    note?: string;
}

function check(name: string, value: number | undefined, limit: number, unit: string, note?: string, inclusive = false): TargetCheck {
    return { name, value, unit, limit, pass: value === undefined ? undefined : inclusive ? value <= limit : value < limit, note };
}

export function evaluateTargets(results: BenchResults): TargetCheck[] {
    const inProcess = results.language?.sizes?.find(s => s.touchpoints === TARGET_TOUCHPOINTS && s.personas === TARGET_PERSONAS);
    const lsp = results.lsp?.sizes?.find(s => s.touchpoints === TARGET_TOUCHPOINTS && s.personas === TARGET_PERSONAS);
    const preview = (touchpoints: number) => results.preview?.sizes?.find(s => s.touchpoints === touchpoints);
    const bundles = results.extension?.bundles;
    const initialMb = bundles && bundles.webviewInitial.bytes / (1024 * 1024);
    const diagramsUpFront = bundles?.webviewInitial.files.some(file => /mermaid|diagram/i.test(path.basename(file)));
    const webview = check('Initial webview JavaScript, diagram code lazy', initialMb, 1.5, 'MB',
        diagramsUpFront === undefined ? undefined : diagramsUpFront ? 'Mermaid is in the initial load' : 'Mermaid and its diagrams load lazily');
    if (diagramsUpFront) webview.pass = false;
    const single = results.render?.single;
    const slowestFormat = single && Object.entries(single).sort(([, a], [, b]) => b.median - a.median)[0];
    const many = results.render?.many;
    const hover = results.lsp?.hoverWhileParsing;
    const portfolio = results.lsp?.portfolio;
    const data = results.language?.dataLoad;
    const floor = inProcess?.floor;
    const overFloor = (ours: number | undefined, bare: number | undefined) =>
        ours !== undefined && bare ? `${(ours / bare).toFixed(1)} × Langium's floor (${bare.toFixed(0)} ms)` : undefined;
    return [
        check('Full build, in process', inProcess?.build.median, 200, 'ms', overFloor(inProcess?.build.median, floor?.build.median)),
        check('Full build over LSP (didOpen to diagnostics, new server)', lsp?.open.median, 200, 'ms'),
        check('Re-validation after a one-character edit, in process', inProcess?.revalidate.median, 50, 'ms', overFloor(inProcess?.revalidate.median, floor?.revalidate.median)),
        check('Re-validation over LSP (didChange to diagnostics)', lsp?.revalidate.median, 50, 'ms'),
        check('Completion at the end of the file, in process', inProcess?.completion.median, 20, 'ms'),
        check('Completion over LSP', lsp?.completion.median, 20, 'ms'),
        check('Hover while a huge file parses, over LSP', hover?.hover.median, 100, 'ms', hover && `${hover.megabytes} MB file`),
        check('Preview, 100 touchpoints, one touchpoint changed, to a painted frame', preview(100)?.update?.painted.median, 50, 'ms'),
        check('Preview, 100 touchpoints, one touchpoint changed, over bare Mermaid', preview(100)?.update?.ratio, 0.3, '×', undefined, true),
        check('Preview, 1,000 touchpoints, one touchpoint changed, to a painted frame', preview(TARGET_TOUCHPOINTS)?.update?.painted.median, 300, 'ms'),
        check('journey render, one map, slowest of PNG, SVG and PDF', slowestFormat?.[1].median, 1500, 'ms', slowestFormat && slowestFormat[0].toUpperCase()),
        check(`journey render, ${many?.maps ?? 20} maps in one call (PNG)`, many?.timing.median, 10_000, 'ms'),
        check(`Journey Maps view, ${portfolio?.journeys ?? 200} maps, populated after the server indexed them`, portfolio?.portfolio.median, 1000, 'ms'),
        check(`Research data, ${data?.megabytes ?? 50} MB CSV: longest the server is held while reading it`, data?.longestPause.median, 50, 'ms', data && `whole file ${Math.round(data.load.median)} ms`),
        webview
    ];
}
