/** The results as Markdown tables: printed after a run and kept in BENCHMARKS.md. */
import type { FileSize } from './bundles.js';
import type { Timing } from './measure.js';
import type { BenchResults } from './results.js';
import type { TargetCheck } from './targets.js';

/** Milliseconds with the digits that matter at their size. */
function millis(value: number): string {
    return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function ms(timing: Timing | undefined): string {
    return timing ? millis(timing.median) : '—';
}

/** Wall time, and the process's CPU time where it was measured. */
function wallAndCpu(timing: Timing | undefined): string {
    return timing?.cpu === undefined ? ms(timing) : `${ms(timing)} (${millis(timing.cpu)})`;
}

function count(value: number): string {
    return value.toLocaleString('en');
}

function size(file: FileSize | undefined): string {
    return file ? `${kb(file.bytes)} (${kb(file.gzip)} gzip)` : '—';
}

function kb(bytes: number): string {
    return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function table(header: string[], rows: string[][]): string {
    return [
        `| ${header.join(' | ')} |`,
        `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
        ...rows.map(row => `| ${row.join(' | ')} |`)
    ].join('\n');
}

function failure(part: { error?: string } | undefined): string[] {
    return part?.error ? [`**Did not complete:** ${part.error.split('\n')[0]}`, ''] : [];
}

function target(check: TargetCheck): string[] {
    const value = check.value === undefined ? 'not measured' : `${check.unit === 'MB' || check.unit === '×' ? check.value.toFixed(2) : check.value.toFixed(1)} ${check.unit}`;
    const limit = `${check.unit === '×' ? '≤' : '<'} ${check.limit} ${check.unit}`;
    const verdict = check.pass === undefined ? '—' : check.pass ? 'PASS' : '**MISS**';
    return [check.name, value, limit, verdict, check.note ?? ''];
}

export function markdownReport(results: BenchResults): string {
    const { machine } = results;
    const out: string[] = [];
    out.push(`Measured ${results.date.slice(0, 16).replace('T', ' ')} UTC, ${results.mode} run, medians of ${results.runs} runs`
        + `${results.durationSeconds ? `, ${Math.round(results.durationSeconds)} s in all` : ''}.`);
    out.push(`Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}`
        + `${machine.chromium ? `, Chromium ${machine.chromium}` : ''}; load average ${machine.loadAtStart} at the start, ${machine.loadAtEnd ?? '?'} at the end.`, '');

    if (results.targets) {
        out.push('### Targets (the language server at 1,000 touchpoints and 5 personas unless a row says otherwise)', '');
        out.push(table(['Target', 'Measured', 'Goal', 'Result', 'Note'], results.targets.map(target)), '');
    }

    const language = results.language;
    if (language) {
        out.push('### Language server in process (ms wall time; in brackets the CPU time of the process, garbage collection threads included)', '', ...failure(language));
        out.push(table(['Touchpoints', 'Personas', 'Lines', 'Full build', 'Re-validate after 1 char', 'Completion', 'Hover touchpoint', 'Hover stage', 'View model', 'View model JSON', 'Heap with it loaded'],
            language.sizes.map(s => [count(s.touchpoints), String(s.personas), count(s.lines), wallAndCpu(s.build), wallAndCpu(s.revalidate), wallAndCpu(s.completion), ms(s.hover), ms(s.hoverStage), wallAndCpu(s.viewModel), kb(s.viewModelKilobytes * 1024), `${s.heapLoaded} MB`])), '');
    }

    const phased = language?.sizes.filter(s => s.revalidatePhases);
    if (phased && phased.length > 0) {
        const names = Object.keys(phased[0].revalidatePhases!);
        out.push('### Where a re-validation goes, in process (ms per build phase, medians; parse is the edited touchpoint reparsed and put into the previous tree)', '');
        out.push(table(['Touchpoints', 'Personas', ...names], phased.map(s => [count(s.touchpoints), String(s.personas), ...names.map(name => millis(s.revalidatePhases![name as keyof typeof s.revalidatePhases]))])), '');
    }

    const floored = language?.sizes.filter(s => s.floor);
    if (floored && floored.length > 0) {
        const ratio = (ours: number, bare: number) => `${(ours / bare).toFixed(1)} ×`;
        out.push('### Over Langium\'s floor: a bare grammar (bench/floor.ts) building the same text, with the same edit (ms, medians)', '');
        out.push(table(['Touchpoints', 'Personas', 'Bare full build', 'Journey full build', 'Ratio', 'Bare re-validation', 'Journey re-validation', 'Ratio'],
            floored.map(s => [count(s.touchpoints), String(s.personas), millis(s.floor!.build.median), millis(s.build.median), ratio(s.build.median, s.floor!.build.median),
                millis(s.floor!.revalidate.median), millis(s.revalidate.median), ratio(s.revalidate.median, s.floor!.revalidate.median)])), '');
    }

    const lsp = results.lsp;
    if (lsp) {
        out.push('### Language server over LSP, `node out/server.cjs --stdio` (ms, round trips)', '', ...failure(lsp));
        out.push(table(['Touchpoints', 'Personas', 'didOpen to diagnostics (new server)', 'didChange to diagnostics', 'Completion', 'Completion right after a keystroke', 'Hover', 'journey/viewModel'],
            lsp.sizes.map(s => [count(s.touchpoints), String(s.personas), ms(s.open), ms(s.revalidate), ms(s.completion), ms(s.completionAfterEdit), ms(s.hover), ms(s.viewModel)])), '');
    }

    const workspace = language?.workspace;
    if (workspace || lsp?.workspace) {
        const files = workspace?.files ?? lsp?.workspace?.files ?? 0;
        out.push(`### Workspace: ${files} files (one of shared personas, the others journeys of ${workspace ? count(workspace.touchpoints / (files - 1)) : '?'} touchpoints) (ms)`, '');
        out.push(table(['Measurement', 'In process', 'Over LSP'], [
            ['Server start: spawn to `initialize` answered', '—', ms(lsp?.workspace?.start)],
            ['Full build of every file (over LSP: `initialized` until a find-references on a shared persona answers)', wallAndCpu(workspace?.build), ms(lsp?.workspace?.load)],
            ['Then opening one journey (over LSP: didOpen to diagnostics)', '—', ms(lsp?.workspace?.openJourney)],
            ['One character changed in one journey', wallAndCpu(workspace?.revalidateJourney), '—'],
            ['One character changed in the shared persona file (every journey relinked)', wallAndCpu(workspace?.revalidatePersonas), '—']
        ]), '');
    }

    const portfolio = lsp?.portfolio;
    if (portfolio) {
        out.push(`### Journey Maps view: a workspace of ${count(portfolio.journeys)} maps and a shared persona file (ms, over LSP)`, '');
        out.push(table(['Measurement', 'Time'], [
            ['Server started: `initialized` until the workspace is linked (find references answered)', ms(portfolio.indexed)],
            ['Then `journey/portfolio`: every map validated and its health computed', ms(portfolio.portfolio)],
            ['The same request again, nothing changed (a refresh)', ms(portfolio.again)]
        ]), '');
    }

    const data = language?.dataLoad;
    if (data) {
        out.push(`### Research data: a ${data.megabytes} MB CSV survey export of ${count(data.rows)} rows (ms, in process)`, '');
        out.push(table(['Measurement', 'Time'], [
            ['Read and summed, streamed from disk', ms(data.load)],
            ['Longest the event loop was held meanwhile (the server cannot answer for that long)', ms(data.longestPause)]
        ]), '');
    }

    const heap = language?.heap;
    const memory = lsp?.memory;
    if (heap || memory) {
        out.push('### Memory while editing (MB)', '');
        const rows: string[][] = [];
        if (heap) {
            rows.push([`In process, heap used after GC${heap.gcExposed ? '' : ' (no --expose-gc: not collected first)'}: ${count(heap.touchpoints)} touchpoints, every edit fully rebuilt`,
                String(heap.afterLoad), heap.samples.map(s => `${count(s.edits)}: ${s.heap}`).join(', '), String(heap.afterEdits)]);
        }
        if (memory) {
            rows.push([`Server process RSS: ${count(memory.touchpoints)} touchpoints, an edit every ${memory.intervalMs} ms (typing; the model of the last edit was served ${count(memory.settled)} ms after it)`,
                String(memory.rssAfterLoad), memory.samples.map(s => `${count(s.edits)}: ${s.rss}`).join(', '), String(memory.rssAfterEdits)]);
        }
        out.push(table(['Measurement', 'After load', 'After n edits', `After ${count(heap?.edits ?? memory?.edits ?? 0)} edits`], rows), '');
    }

    const preview = results.preview;
    if (preview) {
        out.push('### Preview in headless Chromium (ms; ratio = preview / bare `mermaid.render` of the same texts, same page)', '', ...failure(preview));
        out.push(table(['Touchpoints', 'First draw (cold page)', 'Full draw', 'Bare Mermaid', 'Ratio', 'Update (1 touchpoint)', 'Bare Mermaid', 'Ratio', 'Mermaid inside the update', 'Page layout pending at Mermaid calls', 'Update to painted frame', 'Model JSON'],
            preview.sizes.map(s => s.outcome !== 'drawn'
                ? [count(s.touchpoints), `${s.firstDraw.toFixed(0)} (${s.outcome})`, '—', '—', '—', '—', '—', '—', '—', '—', '—', kb(s.modelKilobytes * 1024)]
                : [count(s.touchpoints), s.firstDraw.toFixed(0), ms(s.fullDraw?.preview), ms(s.fullDraw?.bare), s.fullDraw ? `${s.fullDraw.ratio.toFixed(2)}×` : '—',
                    ms(s.update?.preview), ms(s.update?.bare), s.update ? `${s.update.ratio.toFixed(2)}×` : '—', ms(s.update?.mermaidInside), ms(s.update?.pendingLayout), ms(s.update?.painted), kb(s.modelKilobytes * 1024)])), '');
    }

    const hover = lsp?.hoverWhileParsing;
    if (hover) {
        out.push(`### A hover in a small file while a ${hover.megabytes} MB file is parsed and built (ms, over LSP)`, '');
        out.push(table(['Measurement', 'Median', 'Slowest'], [
            ['The slowest hover while the huge file was taken in (hovers asked one after the other, 50 ms apart)', ms(hover.hover), millis(hover.hover.max)],
            ['The huge file: didChange to diagnostics', ms(hover.hugeBuild), millis(hover.hugeBuild.max)]
        ]), '');
    }

    const render = results.render;
    if (render) {
        out.push(`### \`journey render\`, the built CLI in its own process (ms from start to exit; maps of ${render.touchpoints ?? '?'} touchpoints, ${render.personas ?? '?'} personas)`, '', ...failure(render));
        if (render.browser) out.push(`Drawn by ${render.browser}, the browser the CLI found.`, '');
        const rows = Object.entries(render.single ?? {}).map(([format, timing]) => [`One map, --format ${format}`, ms(timing)]);
        if (render.pngAtTwice) rows.push(['One map, --format png --scale 2 (twice the map\'s size past 25 megapixels; not a target)', ms(render.pngAtTwice)]);
        if (render.pngInWholeBrowser) rows.push([`One map, --format png, drawn by the whole browser ${render.pngInWholeBrowser.browser} (what a machine without the headless shell gets; not a target)`, ms(render.pngInWholeBrowser.timing)]);
        if (render.many) rows.push([`${render.many.maps} maps in one call, --format png`, ms(render.many.timing)]);
        out.push(table(['Measurement', 'Wall time'], rows), '');
    }

    const extension = results.extension;
    if (extension) {
        out.push('### Extension', '', ...failure(extension));
        const rows: string[][] = [];
        const bundles = extension.bundles;
        if (bundles) {
            const build = bundles.production ? 'production build' : 'development build, not minified';
            rows.push([`Extension host bundle, out/extension.cjs (${build})`, size(bundles.extension)]);
            rows.push(['Language server bundle, out/server.cjs', size(bundles.server)]);
            rows.push([`Webview initial JavaScript: ${bundles.webviewInitial.files.join(' + ')}`, size(bundles.webviewInitial)]);
            rows.push([`Webview lazy chunks (${bundles.webviewLazy.files} files)`, size(bundles.webviewLazy)]);
        }
        if (extension.activation) {
            const a = extension.activation;
            rows.push([`Activation in ${a.vscode}: extension.activate(), language server started (median of ${a.activation.runs})`, `${ms(a.activation)} ms`]);
            rows.push([`Then opening a ${count(a.touchpoints)}-touchpoint journey until the server answers for it`, `${ms(a.firstAnswer)} ms`]);
        }
        out.push(table(['Measurement', 'Value'], rows), '');
    }
    return out.join('\n');
}
