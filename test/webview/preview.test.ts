/**
 * The preview webview in headless Chromium: what a user sees and what a click does, under the
 * panel's real Content-Security-Policy, with no request leaving the page's own origin.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { DocumentViewModel } from '../../src/model/view-model.js';
import type { ExportFormat, FromPreviewMessage } from '../../src/protocol.js';
import { buildWebview, launchChromium, openPreview, startServer, type PreviewPage, type PreviewServer, type Theme } from './harness.js';
import { fiveStageJourney, fiveStages } from './fixtures/five-stages.js';
import { futureState } from './fixtures/future-state.js';
import { HOSTILE, hostile } from './fixtures/hostile.js';
import { thirtyStageJourney, thirtyStages } from './fixtures/thirty-stages.js';
import { withErrors } from './fixtures/kit.js';
import { mermaidText } from '../../src/render/escape.js';

let browser: Browser;
let server: PreviewServer;
const opened: PreviewPage[] = [];

beforeAll(async () => {
    server = await startServer(await buildWebview());
    browser = await launchChromium();
});

afterAll(async () => {
    await browser?.close();
    await server?.close();
});

/** Every page must stay on its own origin, within its CSP, and without uncaught errors. */
afterEach(async () => {
    for (const preview of opened.splice(0)) {
        expect(preview.requests.filter(url => !url.startsWith(server.origin + '/'))).toEqual([]);
        expect(await preview.cspViolations()).toEqual([]);
        expect(preview.pageErrors).toEqual([]);
        expect(preview.dialogs).toEqual([]);
        await preview.close();
    }
});

async function open(theme: Theme = 'light', viewport?: { width: number; height: number }): Promise<PreviewPage> {
    const preview = await openPreview(browser, server, theme, viewport);
    opened.push(preview);
    return preview;
}

function lastReveal(messages: FromPreviewMessage[]) {
    const reveals = messages.filter(m => m.type === 'reveal');
    return reveals[reveals.length - 1];
}

async function exported(preview: PreviewPage, format: ExportFormat): Promise<string> {
    await preview.clearPosted();
    await preview.send({ type: 'export', format });
    await preview.page.waitForFunction(f => (window as unknown as { __posted: Array<{ type: string; format?: string }> }).__posted
        .some(m => (m.type === 'exported' && m.format === f) || m.type === 'error'), format, { timeout: 20_000 });
    const message = (await preview.posted()).find(m => m.type === 'exported' || m.type === 'error')!;
    if (message.type !== 'exported') throw new Error(`export failed: ${JSON.stringify(message)}`);
    return message.data;
}

describe('drawing a journey', () => {
    test('shows the stages in the timeline and the grid, one emotion point per touchpoint and persona, and the zero line', async () => {
        const preview = await open();
        const result = await preview.draw(fiveStages);
        expect(result.outcome).toBe('drawn');
        const page = preview.page;
        const stageNames = fiveStageJourney.stages.map(s => s.label);
        expect(await page.locator('.diagram-timeline svg g.timeline-stage text').allTextContents()).toEqual(stageNames);
        expect(await page.locator('th.stage .stage-label').allTextContents()).toEqual(stageNames);
        expect(await page.locator('circle.emotion-point[data-persona="colleen"]').count()).toBe(7);
        expect(await page.locator('circle.emotion-point[data-persona="bob"]').count()).toBe(6);
        expect(await page.locator('.diagram-emotions line.zero-line').count()).toBe(1);
        const ticks = await page.locator('.diagram-emotions g.left-axis g.label text[visibility="visible"]').allTextContents();
        expect(ticks).toEqual(['+3', '+2', '+1', '0', '-1', '-2', '-3']);
        expect(await page.locator('.diagram-emotions g.stage-groups text').allTextContents()).toEqual(['Awareness', 'Consideration', 'Purchase', 'Usage']);
        expect(await page.locator('.diagram-problem:visible').count()).toBe(0);
    });

    test('marks the stage without touchpoints in the timeline and the grid', async () => {
        const preview = await open();
        await preview.draw(fiveStages);
        const page = preview.page;
        await expect(page.locator('th.stage.unmapped').textContent()).resolves.toContain('Delivery');
        await expect(page.locator('th.stage.unmapped .unmapped-note').textContent()).resolves.toBe('no touchpoints yet');
        expect(await page.locator('td.unmapped').count()).toBeGreaterThan(5);
        expect(await page.locator('.diagram-timeline g.timeline-stage.unmapped text').allTextContents()).toEqual(['Delivery']);
        const dashed = await page.locator('.diagram-timeline g.timeline-stage.unmapped path.node-bkg').evaluate(e => getComputedStyle(e).strokeDasharray);
        expect(dashed).not.toBe('none');
    });

    test('shows the loop, the prioritised opportunities, owners, KPIs, blueprint lanes and evidence', async () => {
        const preview = await open();
        await preview.draw(fiveStages);
        const page = preview.page;
        await expect(page.locator('.flow-loop').textContent()).resolves.toBe('↩ back to Consideration: when the vacuum breaks');
        expect(await page.locator('.plan ol .card-title').allTextContents()).toEqual(['Hand over from chatbot to a person', 'Side-by-side comparison tool', 'Delivery tracking email']);
        expect(await page.locator('.plan ol .card-meta').first().textContent()).toBe('impact higheffort low');
        await expect(page.locator('.card.action').first().textContent()).resolves.toContain('Owner: Support team lead');
        expect(await page.locator('.kpi').allTextContents()).toEqual(['Ad click-through1.8%target 3%', 'Checkout conversion64%target 75%']);
        expect(await page.locator('tr.lane-blueprint th').allTextContents()).toEqual(['Frontstage', 'Backstage', 'Support systems']);
        expect(await page.locator('.evidence').allTextContents()).toEqual(expect.arrayContaining(['observed', 'assumed', 'proposed']));
        expect(await page.locator('.card.pain').count()).toBe(5);
        const painColour = await page.locator('.card.pain').first().evaluate(e => getComputedStyle(e).borderLeftColor);
        expect(painColour).toBe('rgb(229, 20, 0)');
    });

    test('keeps a 30-stage journey readable: one point per stage, axis labels that do not overlap', async () => {
        const preview = await open();
        await preview.draw(thirtyStages);
        const page = preview.page;
        expect(await page.locator('th.stage').count()).toBe(30);
        expect(await page.locator('.diagram-timeline g.timeline-stage').count()).toBe(30);
        const felt = thirtyStageJourney.stages.filter(s => s.touchpoints.length > 0).length;
        expect(await page.locator('circle.emotion-point[data-persona="colleen"]').count()).toBe(felt);
        await expect(page.locator('.diagram-emotions .diagram-caption').textContent()).resolves.toContain('average per stage');
        const boxes = await page.locator('.diagram-emotions g.bottom-axis g.label text').evaluateAll(texts => texts.map(t => {
            const box = t.getBoundingClientRect();
            return { left: box.left, right: box.right };
        }));
        expect(boxes).toHaveLength(30);
        for (let i = 1; i < boxes.length; i++) expect(boxes[i].left).toBeGreaterThan(boxes[i - 1].right);
        const fontSize = await page.locator('.diagram-emotions g.bottom-axis g.label text').first().getAttribute('font-size');
        expect(Number(fontSize)).toBeGreaterThanOrEqual(12);
    });

    test('compares a future state with its baseline on one chart', async () => {
        const preview = await open();
        await preview.draw(futureState);
        const page = preview.page;
        expect(await page.locator('.diagram-emotions g.legend text').allTextContents()).toEqual([
            'Curious Colleen (current)', 'Curious Colleen (future)', 'Budget Bob (current)', 'Budget Bob (future)'
        ]);
        expect(await page.locator('circle.emotion-point-current[data-persona="colleen"]').count()).toBe(4);
        expect(await page.locator('circle.emotion-point-future[data-persona="colleen"]').count()).toBe(5);
        expect(await page.locator('.diagram-emotions g.plot path[stroke-dasharray]').count()).toBe(2);
        await expect(page.locator('th.stage').nth(1).textContent()).resolves.toContain('was: Consideration');
        await expect(page.locator('th.stage').nth(1).locator('.delta').first().textContent()).resolves.toBe('Curious Colleen -1.5 → +2');
    });

    test('says a map is too large to draw instead of drawing it', async () => {
        const preview = await open();
        const result = await preview.draw(thirtyStages, { maxTouchpoints: 10 });
        expect(result.outcome).toBe('too-large');
        await expect(preview.page.locator('.too-large').textContent()).resolves.toMatch(/52 touchpoints: too large to draw \(the limit is 10, set by journey.preview.maxTouchpoints\)/);
        expect(await preview.page.locator('svg').count()).toBe(0);
    });
});

describe('clicks and the cursor', () => {
    test('clicking a stage, touchpoint, pain point, opportunity, action, timeline box or emotion point reveals its source', async () => {
        const preview = await open();
        await preview.draw(fiveStages);
        const page = preview.page;
        const consideration = fiveStageJourney.stages[1];
        const cases: Array<[string, { start: { line: number; character: number }; end: { line: number; character: number } }]> = [
            ['th.stage:has-text("Consideration")', consideration.range],
            ['.card.touchpoint:has-text("Asks the chatbot")', consideration.touchpoints[1].range],
            ['.card.pain:has-text("The chatbot only links to the FAQ")', consideration.touchpoints[1].pains[0].range],
            ['.plan .card.opportunity:has-text("Side-by-side comparison tool")', fiveStageJourney.opportunities[1].range],
            ['.card.action:has-text("Build the comparison page")', fiveStageJourney.actions[1].range],
            ['.diagram-timeline g.timeline-stage:has-text("Purchase")', fiveStageJourney.stages[2].range],
            ['.diagram-timeline g.timeline-touchpoint:has-text("Reads reviews")', fiveStageJourney.stages[0].touchpoints[1].range],
            ['circle.emotion-point[data-persona="bob"] >> nth=2', consideration.touchpoints[0].emotions[1].range]
        ];
        for (const [selector, range] of cases) {
            await preview.clearPosted();
            await page.locator(selector).first().click();
            expect(lastReveal(await preview.posted()), selector).toEqual({ type: 'reveal', range });
        }
    });

    test('Enter on a focused card reveals it too', async () => {
        const preview = await open();
        await preview.draw(fiveStages);
        await preview.page.locator('.card.good').first().focus();
        await preview.page.keyboard.press('Enter');
        expect(lastReveal(await preview.posted())).toEqual({ type: 'reveal', range: fiveStageJourney.stages[0].touchpoints[1].goods[0].range });
    });

    test('the cursor lights up the innermost element under it, in the grid and the chart, and scrolls it into view', async () => {
        const preview = await open('light', { width: 900, height: 700 });
        await preview.draw(fiveStages);
        const page = preview.page;
        const keysUnderCursor = () => page.locator('.is-cursor').evaluateAll(els => els.map(e => `${e.tagName.toLowerCase()}:${e.getAttribute('data-key')}`).sort());

        await preview.send({ type: 'cursor', position: { line: 25, character: 12 } });
        await expect.poll(keysUnderCursor).toEqual(['circle:emotion:awareness/ad/colleen', 'span:emotion:awareness/ad/colleen']);

        await preview.send({ type: 'cursor', position: { line: 22, character: 10 } });
        await expect.poll(keysUnderCursor).toEqual([
            'article:tp:awareness/ad', 'circle:emotion:awareness/ad/bob', 'circle:emotion:awareness/ad/colleen', 'g:tp:awareness/ad', 'p:tp:awareness/ad', 'p:tp:awareness/ad'
        ]);

        await preview.send({ type: 'cursor', position: { line: 129, character: 10 } });
        await expect.poll(keysUnderCursor).toEqual(['li:action:sendTracking']);
        const visible = await page.locator('.card.action.is-cursor').evaluate(card => {
            const box = card.getBoundingClientRect();
            const viewport = document.querySelector('.viewport')!.getBoundingClientRect();
            return box.top >= viewport.top && box.bottom <= viewport.bottom;
        });
        expect(visible).toBe(true);

        await preview.send({ type: 'cursor', position: null });
        await expect.poll(keysUnderCursor).toEqual([]);
    });
});

describe('errors and failures', () => {
    test('with errors, keeps the last good picture and names the first error in a banner that reveals it', async () => {
        const preview = await open();
        await preview.draw(fiveStages);
        const page = preview.page;
        const timeline = await page.locator('.diagram-timeline svg').elementHandle();
        const broken = withErrors(fiveStages, "Expecting '}' but found 'stage'.", 61);
        const result = await preview.draw(broken);
        expect(result.outcome).toBe('kept-last-good');
        const banner = page.locator('.banner');
        await expect(banner.textContent()).resolves.toBe(
            "The journey file has 2 errors. Showing the last picture drawn without errors. First, on line 62: Expecting '}' but found 'stage'.");
        expect(await page.locator('th.stage .stage-label').allTextContents()).toEqual(fiveStageJourney.stages.map(s => s.label));
        expect(await timeline!.evaluate(svg => svg.isConnected)).toBe(true);
        await preview.clearPosted();
        await banner.click();
        expect(lastReveal(await preview.posted())).toEqual({ type: 'reveal', range: broken.diagnostics.firstError!.range });

        // Redrawing the kept picture for another persona keeps the errors in view.
        await page.locator('.persona-filter label:has-text("Budget Bob") input').uncheck();
        await expect.poll(() => page.locator('circle.emotion-point[data-persona="bob"]').count()).toBe(0);
        await expect(banner.textContent()).resolves.toContain('Showing the last picture drawn without errors.');

        const fixed = { ...fiveStages, version: broken.version + 1 };
        await preview.draw(fixed);
        expect(await banner.isHidden()).toBe(true);
    });

    test('with errors and no earlier picture, draws what could be read and says so', async () => {
        const preview = await open();
        const result = await preview.draw(withErrors(fiveStages, 'Unknown persona "carol".', 3));
        expect(result.outcome).toBe('drawn');
        await expect(preview.page.locator('.banner').textContent()).resolves.toContain('Showing what could be read. First, on line 4: Unknown persona "carol".');
        expect(await preview.page.locator('th.stage').count()).toBe(5);
    });

    test('a model the preview cannot draw becomes a readable message, and the last picture stays', async () => {
        const preview = await open();
        await preview.draw(fiveStages);
        const broken = JSON.parse(JSON.stringify({ ...fiveStages, version: 7 })) as DocumentViewModel;
        delete (broken.journeys[0].stages[2] as Partial<typeof broken.journeys[0]['stages'][2]>).lanes;
        const result = await preview.draw(broken);
        expect(result.outcome).toBe('failed');
        const banner = await preview.page.locator('.banner').textContent();
        expect(banner).toMatch(/^The preview could not draw this map: .+ Showing the last picture that worked\.$/);
        expect(banner).not.toMatch(/\n\s+at /);
        expect(await preview.page.locator('th.stage').count()).toBe(5);
        expect((await preview.posted()).some(m => m.type === 'error')).toBe(true);
    });

    test('shows status messages from the extension, such as a stopped language server', async () => {
        const preview = await open();
        await preview.send({ type: 'status', kind: 'info', message: 'Waiting for the journey language server to read this file\u2026' });
        await expect(preview.page.locator('.map > p.placeholder').textContent()).resolves.toBe('Waiting for the journey language server to read this file\u2026');
        expect(await preview.page.locator('.banner').isHidden()).toBe(true);
        await preview.draw(fiveStages);
        await preview.send({ type: 'status', kind: 'error', message: 'The journey language server stopped unexpectedly and is restarting.' });
        await expect(preview.page.locator('.banner.banner-error').textContent()).resolves.toBe('The journey language server stopped unexpectedly and is restarting.');
        expect(await preview.page.locator('th.stage').count()).toBe(5);
    });
});

describe('hostile labels', () => {
    test('show as text: no dialog, no script, no injected element, and the diagrams still parse', async () => {
        const preview = await open();
        const result = await preview.draw(hostile);
        expect(result.outcome).toBe('drawn');
        const page = preview.page;
        await page.waitForTimeout(300);
        expect(preview.dialogs).toEqual([]);
        const injected = await page.evaluate(() => ({
            scripts: document.querySelectorAll('script').length,
            images: document.querySelectorAll('img, iframe, object, embed, a[href]').length,
            handlers: Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes).some(a => a.name.startsWith('on'))).length,
            foreign: document.querySelectorAll('.diagram foreignObject, .map svg svg').length,
            bodyShown: getComputedStyle(document.body).display !== 'none'
        }));
        expect(injected).toEqual({ scripts: 1, images: 0, handlers: 0, foreign: 0, bodyShown: true });
        expect(await page.locator('th.stage .stage-label').allTextContents()).toEqual([HOSTILE.script, HOSTILE.title, HOSTILE.init, HOSTILE.br]);
        await expect(page.locator('.card.touchpoint .card-title').first().textContent()).resolves.toBe(HOSTILE.img);
        await expect(page.locator('.journey-title').textContent()).resolves.toBe(`${HOSTILE.script}${HOSTILE.init}`);
        const timelineStages = await page.locator('.diagram-timeline g.timeline-stage text').allTextContents();
        // Mermaid wraps long labels into lines: compare without the white space.
        const squeeze = (text: string) => text.replace(/[\s\u200B]+/g, '');
        expect(timelineStages.map(squeeze)).toEqual([HOSTILE.script, HOSTILE.title, HOSTILE.init, HOSTILE.br].map(label => squeeze(mermaidText(label))));
        expect(timelineStages[1]).toMatch(/^\u200Btitle\s+Hacked$/);
        expect(await page.locator('.diagram-problem:visible').count()).toBe(0);
        expect(await page.locator('circle.emotion-point').count()).toBe(3);
    });
});

describe('updates', () => {
    test('redraws only what changed: a new emotion score keeps the timeline drawing and moves the point', async () => {
        const preview = await open();
        await preview.draw(fiveStages);
        const page = preview.page;
        await page.locator('.diagram-timeline svg').evaluate(svg => { (svg as unknown as { untouched: boolean }).untouched = true; });
        await page.locator('.swimlanes').evaluate(grid => { (grid as unknown as { untouched: boolean }).untouched = true; });
        const before = await page.locator('circle.emotion-point[data-persona="colleen"]').first().getAttribute('cy');

        const changed = structuredClone(fiveStages);
        changed.version = 2;
        changed.journeys[0].stages[0].touchpoints[0].emotions[0].score = -3;
        changed.journeys[0].emotionLanes[0].points[0].score = -3;
        const result = await preview.draw(changed);
        expect(result.outcome).toBe('drawn');
        expect(await page.locator('.diagram-timeline svg').evaluate(svg => (svg as unknown as { untouched?: boolean }).untouched)).toBe(true);
        expect(await page.locator('.swimlanes').evaluate(grid => (grid as unknown as { untouched?: boolean }).untouched)).toBeUndefined();
        const after = await page.locator('circle.emotion-point[data-persona="colleen"]').first().getAttribute('cy');
        expect(Number(after)).toBeGreaterThan(Number(before));
    });

    test('the persona filter hides a persona\'s emotions and is kept in the webview state', async () => {
        const preview = await open();
        await preview.draw(fiveStages);
        const page = preview.page;
        await page.locator('.persona-filter label:has-text("Budget Bob") input').uncheck();
        await expect.poll(() => page.locator('circle.emotion-point[data-persona="bob"]').count()).toBe(0);
        expect(await page.locator('circle.emotion-point[data-persona="colleen"]').count()).toBe(7);
        expect(await page.locator('.card.touchpoint .emotion').count()).toBe(7);
        expect((await preview.state())?.personaFilter).toEqual(['colleen']);
        expect((await preview.state())?.uri).toBe(fiveStages.uri);
    });

    test('pan by dragging the background, zoom, and fit to width', async () => {
        const preview = await open('light', { width: 1000, height: 800 });
        await preview.draw(thirtyStages);
        const page = preview.page;
        const scrolled = () => page.evaluate(() => document.querySelector('.viewport')!.scrollLeft);
        const row = (await page.locator('.journey-title-row').boundingBox())!;
        // Right of the title and its badge: background.
        await page.mouse.move(950, row.y + row.height / 2);
        await page.mouse.down();
        await page.mouse.move(650, row.y + row.height / 2, { steps: 5 });
        await page.mouse.up();
        expect(await scrolled()).toBe(300);
        expect((await preview.posted()).filter(m => m.type === 'reveal')).toEqual([]);

        await page.locator('button:has-text("Fit width")').click();
        const fitted = await page.evaluate(() => {
            const viewport = document.querySelector('.viewport')!;
            return { scroll: viewport.scrollWidth, client: viewport.clientWidth };
        });
        expect(fitted.scroll).toBeLessThanOrEqual(fitted.client);
        const zoom = (await preview.state())?.zoom ?? 1;
        expect(zoom).toBeLessThan(0.3);
        await page.locator('button[title^="Zoom in"]').click();
        expect((await preview.state())?.zoom).toBeCloseTo(zoom * 1.2, 5);
        await expect(page.locator('.zoom-label').textContent()).resolves.toBe(`${Math.round(zoom * 1.2 * 100)}%`);
    });

    test('follows the VS Code theme: dark colours in the editor, redrawn when the theme changes', async () => {
        const preview = await open('dark');
        await preview.draw(fiveStages);
        const page = preview.page;
        const background = () => page.locator('.diagram-emotions rect.background').getAttribute('fill');
        expect(await background()).toBe('#1f1f1f');
        await page.evaluate(() => {
            document.documentElement.style.setProperty('--vscode-editor-background', '#ffffff');
            document.documentElement.style.setProperty('--vscode-editor-foreground', '#3b3b3b');
            document.body.className = 'vscode-light';
        });
        await expect.poll(background).toBe('#ffffff');
    });
});

describe('exports', () => {
    test('SVG, PNG, HTML and Mermaid exports hold the map, in light colours even from a dark editor', async () => {
        const preview = await open('dark');
        await preview.draw(fiveStages);
        const stageNames = fiveStageJourney.stages.map(s => s.label);

        const svg = await exported(preview, 'svg');
        expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="\d+"/);
        for (const name of stageNames) expect(svg).toContain(name);
        expect(svg).toContain('<rect width="100%" height="100%" fill="#ffffff"/>');
        expect(svg).toContain('--vscode-editor-background:#ffffff');
        expect(svg).not.toContain('#1f1f1f');
        expect(new DOMParserCheck(svg).wellFormed).toBe(true);

        const html = await exported(preview, 'html');
        expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
        for (const name of stageNames) expect(html).toContain(name);
        expect(html).not.toMatch(/<script/i);
        expect(html).toContain('class="journey-export"');
        expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(2);
        // Opened on its own, as whoever receives the file would: light page, red pain points.
        const reader = await browser.newPage();
        await reader.setContent(html);
        const look = await reader.evaluate(() => ({
            page: getComputedStyle(document.body).backgroundColor,
            pain: getComputedStyle(document.querySelector('.card.pain')!).borderLeftColor,
            good: getComputedStyle(document.querySelector('.card.good')!).borderLeftColor
        }));
        await reader.close();
        expect(look).toEqual({ page: 'rgb(255, 255, 255)', pain: 'rgb(229, 20, 0)', good: 'rgb(56, 138, 52)' });

        const png = await exported(preview, 'png');
        expect(png.startsWith('data:image/png;base64,')).toBe(true);
        const bytes = Buffer.from(png.slice('data:image/png;base64,'.length), 'base64');
        expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
        expect(bytes.readUInt32BE(16)).toBeGreaterThan(1000);

        const mermaid = await exported(preview, 'mermaid');
        expect(mermaid).toContain('```mermaid\ntimeline\n    title Buying a vacuum cleaner\n    Awareness : Sees a social ad');
        expect(mermaid).toContain('xychart');
    });

    test('exports of hostile labels carry them as text', async () => {
        const preview = await open();
        await preview.draw(hostile);
        const html = await exported(preview, 'html');
        expect(html).not.toMatch(/<(script|img|iframe)[\s>]/i);
        expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
        const svg = await exported(preview, 'svg');
        expect(svg).not.toMatch(/<(script|img|iframe)[\s>]/i);
        expect(preview.dialogs).toEqual([]);
    });
});

/** Whether an exported SVG is well-formed XML, checked with the browser-independent rules that matter: balanced tags. */
class DOMParserCheck {
    readonly wellFormed: boolean;
    constructor(xml: string) {
        const stack: string[] = [];
        let ok = true;
        for (const match of xml.matchAll(/<(\/?)([a-zA-Z][\w:.-]*)[^>]*?(\/?)>/g)) {
            const [, closing, name, selfClosing] = match;
            if (selfClosing) continue;
            if (closing) ok &&= stack.pop() === name;
            else stack.push(name);
        }
        this.wellFormed = ok && stack.length === 0;
    }
}
