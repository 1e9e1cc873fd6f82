/**
 * The preview in headless Chromium, in the webview test harness page (test/webview/harness.ts):
 * the time from a view model to the map painted, then to its overview band caught up (Mermaid
 * redraws the timeline after the rest of the map is on screen), and, in the same page, the time
 * bare `mermaid.render` takes for the very Mermaid texts the preview drew: what redrawing the
 * picture through Mermaid alone would cost. The ratio is painted map over bare Mermaid.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { DocumentViewModel } from '../src/model/view-model.js';
import type { PreviewOptions } from '../src/protocol.js';
import { OVERVIEW_EVENT, RENDERED_EVENT, type RenderedDetail } from '../src/webview/preview-view.js';
import { launchChromium, openPreview, startServer } from '../test/webview/harness.js';
import { generateJourney, type JourneySpec } from './generate.js';
import { viewModelsOfEdits } from './language.js';
import { round, summarize, type Timing } from './measure.js';

/** The default of journey.preview.maxTouchpoints, as the extension sends it. */
const MAX_TOUCHPOINTS = 2000;

export interface DrawComparison {
    /** Model message received to map drawn (the preview's own `rendered` event). */
    preview: Timing;
    /** Until the next frame after that was laid out, ready to paint: when the reader sees the change. */
    painted: Timing;
    /** Until the overview band had caught up (its `overview` event). */
    overview: Timing;
    /** Time spent inside `mermaid.render` during those drawings. */
    mermaidInside: Timing;
    /** Style and layout of the page still pending from the preview's DOM changes when Mermaid was called. */
    pendingLayout: Timing;
    /** Bare `mermaid.initialize` + `mermaid.render` of the same texts with the same configuration, same page. */
    bare: Timing;
    /** Median of painted / bare, per run. */
    ratio: number;
    /** Mermaid diagrams drawn per run. */
    diagrams: number;
}

export interface PreviewSizeResult {
    touchpoints: number;
    personas: number;
    outcome: RenderedDetail['outcome'];
    /** First model in a newly opened page: includes fetching Mermaid and its diagram chunks. */
    firstDraw: number;
    /** A different journey of the same size in a warm page: every part drawn anew. */
    fullDraw?: DrawComparison;
    /** One touchpoint's label and emotion changed. */
    update?: DrawComparison;
    modelKilobytes: number;
}

interface PageDraw {
    outcome: RenderedDetail['outcome'];
    rendered: number;
    painted: number;
    overview: number;
    calls: Array<{ text: string; config: unknown; ms: number; layout: number }>;
}

/** The same touchpoint changed in each variant: its label gets a suffix and its emotion a new score. */
export function touchpointEdits(text: string, variants: number): string[] {
    const emotion = /emotion \w+ -?([0-3])/g;
    emotion.lastIndex = Math.floor(text.length / 2);
    const match = emotion.exec(text);
    if (!match) throw new Error('The generated journey has no emotion after its middle to change.');
    const digitAt = match.index + match[0].length - 1;
    const touchpointAt = text.lastIndexOf('touchpoint ', digitAt);
    const labelEnd = text.indexOf('" {', touchpointAt);
    return Array.from({ length: variants }, (_, i) => {
        const suffix = ` (edit ${i + 1})`;
        return text.slice(0, labelEnd) + suffix + text.slice(labelEnd, digitAt) + String(i % 4) + text.slice(digitAt + 1);
    });
}

/** Finds the Mermaid module the preview loads lazily, so the page can import the very same instance. */
function mermaidChunk(webviewDir: string): string {
    const chunk = fs.readdirSync(path.join(webviewDir, 'chunks')).find(name => /^mermaid\.core-[\w-]+\.js$/.test(name));
    if (!chunk) throw new Error(`No mermaid.core chunk in ${webviewDir}/chunks: the webview bundle is not built as esbuild.mjs builds it.`);
    return `chunks/${chunk}`;
}

/** Wraps the page's Mermaid so every initialize/render the preview makes is recorded and timed. */
async function installRecorder(page: Page, chunkUrl: string): Promise<void> {
    await page.evaluate(async url => {
        const mermaid = (await import(url)).default;
        const w = window as unknown as Record<string, unknown>;
        const calls: Array<{ text: string; config: unknown; ms: number; layout: number }> = [];
        let config: unknown;
        const initialize = mermaid.initialize.bind(mermaid);
        const render = mermaid.render.bind(mermaid);
        mermaid.initialize = (next: unknown) => { config = next; return initialize(next); };
        mermaid.render = async (id: string, text: string, ...rest: unknown[]) => {
            const flushing = performance.now();
            // Style and layout the page owes from the preview's own DOM changes would otherwise be paid,
            // and counted, inside Mermaid's first text measurement.
            void document.body.offsetHeight;
            const started = performance.now();
            try {
                return await render(id, text, ...rest);
            } finally {
                calls.push({ text, config, ms: performance.now() - started, layout: started - flushing });
            }
        };
        w.__benchMermaid = { initialize, render };
        w.__benchCalls = calls;
    }, chunkUrl);
}

/** Posts a model and waits for the preview's `rendered` event for its version, a painted frame, and the overview's event. */
async function draw(page: Page, model: DocumentViewModel, options: PreviewOptions): Promise<PageDraw> {
    return page.evaluate(async ({ model, options, events }) => {
        const w = window as unknown as { __benchCalls?: PageDraw['calls'] };
        w.__benchCalls?.splice(0);
        const arrival = (name: string) => new Promise<RenderedDetail>(resolve => {
            const listener = (event: Event) => {
                const detail = (event as CustomEvent<RenderedDetail>).detail;
                if (detail.version !== model.version) return;
                window.removeEventListener(name, listener);
                resolve(detail);
            };
            window.addEventListener(name, listener);
        });
        const drawn = arrival(events.rendered);
        const caughtUp = arrival(events.overview);
        // The extension host turns the model into JSON, in a process of its own; the webview's part starts with the message.
        const json = JSON.stringify(model);
        // The page first paints what came before (the previous draw's overview, the bare Mermaid runs): a
        // reader's next keystroke finds it painted, and the frame it owed is not this update's work.
        await new Promise<void>(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
        const started = performance.now();
        window.postMessage({ type: 'model', model: json, options, source: model.uri }, '*');
        const detail = await drawn;
        const rendered = performance.now() - started;
        // The next frame, with its style and layout done: it is painted right after. (Two frames would also
        // count the overview's Mermaid work, which the preview queues after this frame on purpose.)
        await new Promise<void>(resolve => requestAnimationFrame(() => { void document.body.offsetHeight; resolve(); }));
        const painted = performance.now() - started;
        await caughtUp;
        return { outcome: detail.outcome, rendered, painted, overview: performance.now() - started, calls: (w.__benchCalls ?? []).slice() };
    }, { model, options, events: { rendered: RENDERED_EVENT, overview: OVERVIEW_EVENT } });
}

/** Bare Mermaid on the recorded texts, one after the other as the preview draws them. */
async function bareMermaid(page: Page, calls: PageDraw['calls'], run: number): Promise<number> {
    return page.evaluate(async ({ calls, run }) => {
        const { initialize, render } = (window as unknown as { __benchMermaid: { initialize(config: unknown): void; render(id: string, text: string): Promise<unknown> } }).__benchMermaid;
        const started = performance.now();
        for (const [index, call] of calls.entries()) {
            initialize(call.config);
            await render(`bench-bare-${run}-${index}`, call.text);
        }
        return performance.now() - started;
    }, { calls, run });
}

async function compare(page: Page, models: DocumentViewModel[], options: PreviewOptions, expect: string): Promise<DrawComparison> {
    const preview: number[] = [];
    const painted: number[] = [];
    const overview: number[] = [];
    const inside: number[] = [];
    const layout: number[] = [];
    const bare: number[] = [];
    const ratios: number[] = [];
    let diagrams = 0;
    for (const [run, model] of models.entries()) {
        const drawn = await draw(page, model, options);
        if (drawn.outcome !== 'drawn') throw new Error(`The preview did not draw the ${expect} (outcome '${drawn.outcome}').`);
        if (drawn.calls.length === 0) throw new Error(`The ${expect} drew no Mermaid diagram: the benchmark's edit no longer changes a diagram.`);
        const alone = await bareMermaid(page, drawn.calls, run);
        preview.push(drawn.rendered);
        painted.push(drawn.painted);
        overview.push(drawn.overview);
        inside.push(drawn.calls.reduce((sum, call) => sum + call.ms, 0));
        layout.push(drawn.calls.reduce((sum, call) => sum + call.layout, 0));
        bare.push(alone);
        ratios.push(drawn.painted / alone);
        diagrams = drawn.calls.length;
    }
    return {
        preview: summarize(preview), painted: summarize(painted), overview: summarize(overview), mermaidInside: summarize(inside), pendingLayout: summarize(layout), bare: summarize(bare),
        ratio: round(summarize(ratios).median), diagrams
    };
}

export interface PreviewBench {
    chromium: string;
    measure(spec: JourneySpec, runs: number): Promise<PreviewSizeResult>;
    close(): Promise<void>;
}

/** Starts the harness server on the built webview (out/webview) and Chromium. */
export async function startPreviewBench(webviewDir: string): Promise<PreviewBench> {
    if (!fs.existsSync(path.join(webviewDir, 'preview.js'))) throw new Error(`No webview bundle at ${webviewDir}: build it first with \`node esbuild.mjs\`.`);
    const chunk = mermaidChunk(webviewDir);
    const server = await startServer(webviewDir);
    const browser = await launchChromium();
    const options: PreviewOptions = { theme: 'light', maxTouchpoints: MAX_TOUCHPOINTS };
    return {
        chromium: browser.version(),
        async measure(spec, runs) {
            const text = generateJourney(spec);
            const uri = `file:///bench/preview-${spec.touchpoints}x${spec.personas}.journey`;
            const [base, ...edited] = await viewModelsOfEdits([text, ...touchpointEdits(text, runs)], uri);
            const preview = await openPreview(browser, server, 'light');
            try {
                const first = await draw(preview.page, base, options);
                const result: PreviewSizeResult = {
                    touchpoints: spec.touchpoints, personas: spec.personas, outcome: first.outcome, firstDraw: round(first.rendered),
                    modelKilobytes: Math.round(JSON.stringify(base).length / 1024)
                };
                if (first.outcome !== 'drawn') return result;
                if (preview.pageErrors.length > 0) throw new Error(`The preview page failed: ${preview.pageErrors[0]}`);
                await installRecorder(preview.page, `${server.origin}/out/webview/${chunk}`);
                result.update = await compare(preview.page, edited, options, 'edited journey');
                // Other journeys of the same size, as when the preview follows another editor: nothing can be reused.
                const others: DocumentViewModel[] = [];
                for (let i = 0; i < runs; i++) {
                    const name = `Other${i + 1}`;
                    others.push(...await viewModelsOfEdits([generateJourney({ ...spec, name, seed: 1000 + i })], `file:///bench/preview-${name}.journey`));
                }
                result.fullDraw = await compare(preview.page, others, options, 'other journey');
                const violations = await preview.cspViolations();
                if (violations.length > 0) throw new Error(`The preview broke its Content-Security-Policy during the benchmark: ${violations[0]}`);
                return result;
            } finally {
                await preview.close();
            }
        },
        async close() {
            await browser.close();
            await server.close();
        }
    };
}
