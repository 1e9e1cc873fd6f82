/**
 * The preview webview in headless Chromium: what a user sees and what a click does, under the
 * panel's real Content-Security-Policy, with no request leaving the page's own origin.
 */
import * as fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { DocumentViewModel } from '../../src/model/view-model.js';
import type { FromPreviewMessage } from '../../src/protocol.js';
import { ViewModelBuilder } from '../../src/model/build-view-model.js';
import { mermaidText } from '../../src/render/escape.js';
import { createTestServices } from '../language/services.js';
import { PALETTES } from '../../src/render/palette.js';
import { exported } from './harness.js';
import { previewSession } from './session.js';
import { fiveStageJourney, fiveStages } from './fixtures/five-stages.js';
import { futureState } from './fixtures/future-state.js';
import { HOSTILE, hostile, hostileEmpathy } from './fixtures/hostile.js';
import { thirtyStageJourney, thirtyStages } from './fixtures/thirty-stages.js';
import { documentOf, lines, stage, touchpoint, transitionsOf, withErrors } from './fixtures/kit.js';

const session = previewSession();
const open = session.open;

function lastReveal(messages: FromPreviewMessage[]) {
    const reveals = messages.filter(m => m.type === 'reveal');
    return reveals[reveals.length - 1];
}

function rgb(hex: string): string {
    const [r, g, b] = [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16));
    return `rgb(${r}, ${g}, ${b})`;
}

describe('the map: one grid, the emotion curve a lane of it', () => {
    test('shows the stages as columns with the overview timeline above, and a point per scored touchpoint and persona', async () => {
        const preview = await open();
        const result = await preview.draw(fiveStages);
        expect(result.outcome).toBe('drawn');
        const page = preview.page;
        const stageNames = fiveStageJourney.stages.map(s => s.label);
        expect(await page.locator('th.stage .stage-label').allTextContents()).toEqual(stageNames);
        expect(await page.locator('.overview svg g.timeline-stage text').allTextContents()).toEqual(stageNames);
        expect(await page.locator('tr.lane > th .lane-title').allTextContents()).toEqual([
            'Flow', 'Touchpoints', 'Doing', 'Thinking', 'Feeling', 'Saying', 'Emotion', 'Pain points', 'Goes well', 'Opportunities', 'KPIs',
            'Frontstage', 'Backstage', 'Support processes'
        ]);
        expect(await page.locator('g.emotion-point[data-persona="colleen"]').count()).toBe(7);
        expect(await page.locator('g.emotion-point[data-persona="bob"]').count()).toBe(6);
        // The scale is labelled inside the lane, with the 0 line in every stage.
        const ticks = await page.locator('.emotion-scale-svg text').allTextContents();
        expect(ticks).toEqual(['very negative \u22123', '\u22122', '\u22121', 'neutral 0', '+1', '+2', 'very positive +3']);
        expect(await page.locator('td.emotion-cell line.emotion-zero').count()).toBe(5);
        expect(await page.locator('.diagram-problem:visible').count()).toBe(0);
    });

    test('puts each emotion point inside its stage column, under its own touchpoint', async () => {
        const preview = await open('light', { width: 1900, height: 1000 });
        await preview.draw(fiveStages);
        const placements = await preview.page.evaluate(() => {
            const table = document.querySelector('table.map-grid')!;
            const stageHeads = Array.from(table.querySelectorAll('thead th.stage'));
            return Array.from(document.querySelectorAll('g.emotion-point')).map(point => {
                const marker = point.querySelector('.marker')!.getBoundingClientRect();
                const x = marker.left + marker.width / 2;
                const cell = point.closest('td')!;
                const column = stageHeads[cell.cellIndex - 1].getBoundingClientRect();
                const touchpointKey = decodeURIComponent((point.getAttribute('data-covers') ?? '').split(' ').pop()!);
                const card = document.querySelector(`.card.touchpoint[data-key="${CSS.escape(touchpointKey)}"]`)!.getBoundingClientRect();
                return { key: point.getAttribute('data-key'), x, column: [column.left, column.right], card: [card.left, card.right] };
            });
        });
        expect(placements).toHaveLength(13);
        for (const { key, x, column, card } of placements) {
            expect(x, `${key} within its stage`).toBeGreaterThan(column[0]);
            expect(x, `${key} within its stage`).toBeLessThan(column[1]);
            expect(x, `${key} under its touchpoint`).toBeGreaterThan(card[0]);
            expect(x, `${key} under its touchpoint`).toBeLessThan(card[1]);
        }
    });

    test('draws a gap as a gap: no line across a stage without scores, and the cell says whose score is missing', async () => {
        const preview = await open();
        await preview.draw(fiveStages);
        const page = preview.page;
        // Delivery has no touchpoints: no curve runs through its cell.
        const deliveryCell = page.locator('tr.lane-emotion td').nth(3);
        expect(await deliveryCell.locator('path.emotion-line').count()).toBe(0);
        // Budget Bob takes no part in "Asks the chatbot": his curve passes over it and nothing is said to be missing.
        expect(await page.locator('.emotion-gap').allTextContents()).toEqual([]);
        const gap = structuredClone(fiveStages);
        gap.version = 2;
        gap.journeys[0].stages[2].touchpoints[0].emotions = gap.journeys[0].stages[2].touchpoints[0].emotions.filter(e => e.persona !== 'bob');
        gap.journeys[0].emotionLanes[1].points = gap.journeys[0].emotionLanes[1].points.filter(p => p.stageId !== 'purchase');
        gap.journeys[0].emotionLanes[1].averageByStage.purchase = null;
        await preview.draw(gap);
        expect(await page.locator('tr.lane-emotion td').nth(2).locator('.emotion-gap').allTextContents()).toEqual([' Budget Bob: no score here']);
        expect(await page.locator('tr.lane-emotion td').nth(2).locator('path.emotion-line.persona-1').count()).toBe(0);
    });

    test('marks the stage without touchpoints in the grid and the overview', async () => {
        const preview = await open();
        await preview.draw(fiveStages);
        const page = preview.page;
        await expect(page.locator('th.stage.unmapped').textContent()).resolves.toContain('Delivery');
        await expect(page.locator('th.stage.unmapped .unmapped-note').textContent()).resolves.toBe('no touchpoints yet');
        expect(await page.locator('td.unmapped').count()).toBeGreaterThan(5);
        expect(await page.locator('.overview g.timeline-stage.unmapped text').allTextContents()).toEqual(['Delivery']);
        const dashed = await page.locator('th.stage.unmapped').evaluate(e => getComputedStyle(e).borderTopStyle);
        expect(dashed).toBe('dashed');
    });

    test('shows the loop, the prioritised opportunities, owners, KPIs, blueprint lanes and evidence', async () => {
        const preview = await open();
        await preview.draw(fiveStages);
        const page = preview.page;
        await expect(page.locator('.flow-loop').textContent()).resolves.toBe('\u21A9 back to Consideration: when the vacuum breaks');
        expect(await page.locator('.plan ol .card-title').allTextContents()).toEqual(['Hand over from chatbot to a person', 'Delivery tracking email', 'Side-by-side comparison tool']);
        expect(await page.locator('.plan ol .card-meta').first().textContent()).toBe('impact: higheffort: low');
        await expect(page.locator('.card.action').first().textContent()).resolves.toContain('Owner: Support team lead');
        await expect(page.locator('.card.action').first().textContent()).resolves.toContain('Due Mar 1, 2025');
        expect(await page.locator('.kpi').allTextContents()).toEqual(['Ad click-through1.8%target 3%', 'Checkout conversion64%target 75%']);
        expect(await page.locator('tr.lane-frontstage th, tr.lane-backstage th, tr.lane-support th').allTextContents()).toEqual(['Frontstage', 'Backstage', 'Support processes']);
        expect(await page.locator('.evidence').allTextContents()).toEqual(expect.arrayContaining(['observed', 'assumed', 'proposed']));
        expect(await page.locator('.card.pain').count()).toBe(5);
        const painColour = await page.locator('.card.pain').first().evaluate(e => getComputedStyle(e).borderLeftColor);
        expect(painColour).toBe(rgb(PALETTES.light.pain));
        // A pain point sits in the column of the touchpoint that raised it.
        const [specs, compare] = await Promise.all([
            page.locator('.card.pain:has-text("Spec sheets")').boundingBox(),
            page.locator('.card.touchpoint:has-text("Compares models")').boundingBox()
        ]);
        expect(Math.abs(specs!.x - compare!.x)).toBeLessThan(1);
    });

    test('keeps a 30-stage journey drawn: every stage a column, a point for every scored touchpoint', async () => {
        const preview = await open();
        await preview.draw(thirtyStages);
        const page = preview.page;
        expect(await page.locator('th.stage').count()).toBe(30);
        expect(await page.locator('.overview g.timeline-stage').count()).toBe(30);
        const scored = thirtyStageJourney.stages.flatMap(s => s.touchpoints).filter(t => t.emotions.some(e => e.persona === 'colleen')).length;
        expect(await page.locator('g.emotion-point[data-persona="colleen"]').count()).toBe(scored);
    });

    test('draws a future state with its current state dashed in the same lane, and the change per stage', async () => {
        const preview = await open();
        await preview.draw(futureState);
        const page = preview.page;
        expect(await page.locator('.emotion-legend li').allTextContents()).toEqual([' Curious Colleen', ' Budget Bob', ' current state']);
        expect(await page.locator('g.emotion-point.emotion-baseline[data-persona="colleen"]').count()).toBe(4);
        expect(await page.locator('g.emotion-point.emotion-journey[data-persona="colleen"]').count()).toBe(5);
        const dash = await page.locator('path.emotion-line.emotion-baseline').first().evaluate(e => getComputedStyle(e).strokeDasharray);
        expect(dash).not.toBe('none');
        // A baseline point reveals its stage in the current-state file.
        expect(await page.locator('g.emotion-point.emotion-baseline').first().getAttribute('data-uri')).toBe('file:///work/maps/vacuum.journey');
        await expect(page.locator('th.stage').nth(1).textContent()).resolves.toContain('was: Consideration');
        await expect(page.locator('th.stage').nth(1).locator('.delta').first().textContent()).resolves.toBe(' Curious Colleen \u22121.5 \u2192 +2 \u25B2 +3.5');
    });

    test('marks a value read from research data: a dashed ring with its basis, a key entry, and the KPI\'s source', async () => {
        const model = structuredClone(fiveStages);
        const journey = model.journeys[0];
        const point = journey.emotionLanes[0].points[0];
        point.data = { source: 'Survey', file: 'research/survey.csv', column: 'satisfaction', n: 12, mean: 4.1, scale: { low: 1, high: 5 } };
        const kpi = journey.stages.flatMap(s => s.kpis)[0];
        kpi.data = { source: 'Analytics', file: 'research/analytics.csv', column: 'conversion', n: 6, mean: kpi.value };
        const preview = await open();
        await preview.draw(model);
        const page = preview.page;
        const marked = page.locator('g.emotion-point.emotion-data');
        expect(await marked.count()).toBe(1);
        expect(await marked.getAttribute('data-key')).toBe(point.key);
        expect(await marked.locator('title').textContent()).toContain('from Survey, n = 12; Mean of 12 values in column satisfaction of research/survey.csv');
        expect(await marked.locator('circle.data-ring').evaluate(e => getComputedStyle(e).strokeDasharray)).not.toBe('none');
        // A printed map has no tooltips: the key says what the ring means.
        expect((await page.locator('.emotion-legend li').allTextContents()).at(-1)).toBe(' read from research data');
        expect(await page.locator('.kpi-basis').allTextContents()).toEqual(['from Analytics, n = 6']);
    });

    test('says a map is too large to draw instead of drawing it', async () => {
        const preview = await open();
        const result = await preview.draw(thirtyStages, { maxTouchpoints: 10 });
        expect(result.outcome).toBe('too-large');
        await expect(preview.page.locator('.too-large').textContent()).resolves.toMatch(/52 touchpoints: too large to draw \(the limit is 10, set by journey.preview.maxTouchpoints\)/);
        expect(await preview.page.locator('table').count()).toBe(0);
    });
});

describe('beside the editor', () => {
    test('at 600 px the grid is compact, the overview waits to be asked for, and the stage row and lane names stay in view', async () => {
        const preview = await open('light', { width: 600, height: 760 });
        await preview.draw(fiveStages);
        const page = preview.page;
        expect(await page.locator('table.map-grid.density-compact').count()).toBe(1);
        expect(await page.locator('.overview').isHidden()).toBe(true);
        await page.locator('button:has-text("Overview")').click();
        await expect.poll(() => page.locator('.overview svg').count()).toBe(1);
        expect((await preview.state())?.overview).toBe(true);
        await page.locator('button:has-text("Overview")').click();
        await page.evaluate(() => {
            const viewport = document.querySelector('.viewport')!;
            viewport.scrollTop = 600;
            viewport.scrollLeft = 500;
        });
        const sticky = await page.evaluate(() => {
            const viewport = document.querySelector('.viewport')!.getBoundingClientRect();
            const head = document.querySelector('thead th.stage')!.getBoundingClientRect();
            const lanes = Array.from(document.querySelectorAll('tbody .lane-name')).map(e => e.getBoundingClientRect());
            const lane = lanes.find(r => r.top > viewport.top + 80 && r.bottom < viewport.bottom)!;
            // What the lane-name column shows at its middle must be itself, not the cells scrolled under it.
            const under = document.elementFromPoint(lane.left + lane.width / 2, lane.top + lane.height / 2)!;
            return { headTop: head.top - viewport.top, laneLeft: lane.left - viewport.left, laneOnTop: under.closest('.lane-name') !== null };
        });
        expect(sticky.headTop).toBeLessThan(2);
        expect(sticky.laneLeft).toBeLessThan(14);
        expect(sticky.laneOnTop).toBe(true);
    });

    test('following the cursor into a stage shows its touchpoints, emotion points and pain points on one screen', async () => {
        const preview = await open('light', { width: 600, height: 760 });
        await preview.draw(fiveStages);
        const page = preview.page;
        for (const [line, stage] of [[55, 'consideration'], [99, 'usage'], [22, 'awareness']] as const) {
            await preview.send({ type: 'cursor', position: { line, character: 10 } });
            await page.waitForTimeout(100);
            const inView = await page.evaluate(stageId => {
                const viewport = document.querySelector('.viewport')!;
                const frame = viewport.getBoundingClientRect();
                const visible = (e: Element) => {
                    const r = e.getBoundingClientRect();
                    return r.left >= frame.left - 1 && r.right <= frame.left + viewport.clientWidth + 1 && r.top >= frame.top - 1 && r.bottom <= frame.top + viewport.clientHeight + 1;
                };
                const table = document.querySelector('table.map-grid')! as HTMLTableElement;
                const heads = Array.from(table.tHead!.rows[0].cells);
                const column = heads.findIndex(h => h.querySelector(`[data-key="stage:${stageId}"]`));
                const inStage = (selector: string) => Array.from(table.querySelectorAll(selector)).filter(e => (e.closest('td') as HTMLTableCellElement).cellIndex === column);
                return {
                    touchpoints: inStage('.card.touchpoint').map(visible),
                    points: inStage('g.emotion-point').map(e => visible(e.querySelector('.marker')!)),
                    pains: inStage('.card.pain').map(visible)
                };
            }, stage);
            expect(inView.touchpoints.every(Boolean), `${stage}: touchpoints`).toBe(true);
            expect(inView.points.length, `${stage}: has points`).toBeGreaterThan(0);
            expect(inView.points.every(Boolean), `${stage}: emotion points`).toBe(true);
            expect(inView.pains.every(Boolean), `${stage}: pain points`).toBe(true);
        }
    });

    test('Fit width shows the summary at full size: stage names and the curve fit the panel, text stays readable', async () => {
        const preview = await open('light', { width: 600, height: 760 });
        await preview.draw(fiveStages);
        const page = preview.page;
        await page.locator('button:has-text("Fit width")').click();
        await expect.poll(() => page.locator('table.map-grid.density-summary').count()).toBe(1);
        expect((await preview.state())?.summary).toBe(true);
        expect(await page.locator('tr.lane > th .lane-title').allTextContents()).toEqual(['Emotion']);
        const fit = await page.evaluate(() => {
            const viewport = document.querySelector('.viewport')!;
            const sizes = Array.from(document.querySelectorAll('.stage-label, .emotion-score, .emotion-tick')).map(e => parseFloat(getComputedStyle(e).fontSize));
            return { scroll: viewport.scrollWidth, client: viewport.clientWidth, smallest: Math.min(...sizes) };
        });
        expect(fit.scroll).toBeLessThanOrEqual(fit.client);
        expect(fit.smallest).toBeGreaterThanOrEqual(11);
        expect(await page.locator('g.emotion-point').count()).toBe(13);
        await page.locator('button:has-text("Fit width")').click();
        await expect.poll(() => page.locator('table.map-grid.density-summary').count()).toBe(0);
    });
});

describe('clicks and the cursor', () => {
    test('clicking a stage, touchpoint, pain point, opportunity, action, timeline box or emotion point reveals its source', async () => {
        const preview = await open();
        await preview.draw(fiveStages);
        const page = preview.page;
        const consideration = fiveStageJourney.stages[1];
        const cases: Array<[string, { start: { line: number; character: number }; end: { line: number; character: number } }]> = [
            ['th.stage .stage-head:has-text("Consideration")', consideration.range],
            ['.card.touchpoint:has-text("Asks the chatbot")', consideration.touchpoints[1].range],
            ['.card.pain:has-text("The chatbot only links to the FAQ")', consideration.touchpoints[1].pains[0].range],
            ['.plan .card.opportunity:has-text("Side-by-side comparison tool")', fiveStageJourney.opportunities.find(o => o.id === 'comparisonTool')!.range],
            ['.card.action:has-text("Build the comparison page")', fiveStageJourney.actions[1].range],
            ['.overview g.timeline-stage:has-text("Purchase")', fiveStageJourney.stages[2].range],
            ['.overview g.timeline-touchpoint:has-text("Reads reviews")', fiveStageJourney.stages[0].touchpoints[1].range],
            ['g.emotion-point[data-persona="bob"] >> nth=2', consideration.touchpoints[0].emotions[1].range]
        ];
        for (const [selector, range] of cases) {
            await preview.clearPosted();
            await page.locator(selector).first().click();
            expect(lastReveal(await preview.posted()), selector).toEqual({ type: 'reveal', range, source: fiveStages.uri });
        }
    });

    test('the cursor lights up the innermost element under it, in the grid, the lane and the overview', async () => {
        const preview = await open('light', { width: 1400, height: 800 });
        await preview.draw(fiveStages);
        const page = preview.page;
        const keysUnderCursor = () => page.locator('.is-cursor').evaluateAll(els => els.map(e => `${e.tagName.toLowerCase()}:${e.getAttribute('data-key')}`).sort());

        await preview.send({ type: 'cursor', position: { line: 25, character: 12 } });
        await expect.poll(keysUnderCursor).toEqual(['g:emotion:awareness/ad/colleen']);

        await preview.send({ type: 'cursor', position: { line: 22, character: 10 } });
        await expect.poll(keysUnderCursor).toEqual([
            'div:tp:awareness/ad', 'g:emotion:awareness/ad/bob', 'g:emotion:awareness/ad/colleen', 'g:tp:awareness/ad', 'p:tp:awareness/ad', 'p:tp:awareness/ad'
        ]);

        await preview.send({ type: 'cursor', position: { line: 129, character: 10 } });
        await expect.poll(keysUnderCursor).toEqual(['div:action:sendTracking']);
        const visible = await page.locator('.card.action.is-cursor').evaluate(card => {
            const box = card.getBoundingClientRect();
            const viewport = document.querySelector('.viewport')!.getBoundingClientRect();
            return box.top >= viewport.top && box.bottom <= viewport.bottom;
        });
        expect(visible).toBe(true);

        await preview.send({ type: 'cursor', position: null });
        await expect.poll(keysUnderCursor).toEqual([]);
    });

    test('a cursor or an export about another document than the one drawn is dropped; what the preview posts names its document', async () => {
        const preview = await open();
        await preview.draw(fiveStages);
        const page = preview.page;
        const elsewhere = 'file:///workspace/another.journey';
        await preview.clearPosted();
        await preview.send({ type: 'cursor', position: { line: 22, character: 10 } }, elsewhere);
        await preview.send({ type: 'export', format: 'svg' }, elsewhere);
        await expect.poll(() => page.locator('.banner').textContent()).toBe('The map of this file is still being drawn: export again in a moment.');
        expect(await page.locator('.is-cursor').count()).toBe(0);
        expect((await preview.posted()).filter(m => m.type === 'exported')).toEqual([]);

        await preview.send({ type: 'cursor', position: { line: 22, character: 10 } });
        await expect.poll(() => page.locator('.is-cursor').count()).toBeGreaterThan(0);
        await page.locator('.card.touchpoint').first().click();
        expect(lastReveal(await preview.posted())?.source).toBe(fiveStages.uri);
    });
});

describe('drawing while writing', () => {
    test('with errors, draws what was read, marks where the errors are, and names the first in a banner that reveals it', async () => {
        const preview = await open();
        await preview.draw(fiveStages);
        const page = preview.page;
        const broken = withErrors(fiveStages, "Expected '}' but found 'stage'.", 56);
        broken.journeys = structuredClone(broken.journeys);
        broken.journeys[0].stages[1].touchpoints[1].label = 'Asks the chatbot (being edited)';
        const result = await preview.draw(broken);
        expect(result.outcome).toBe('drawn');
        const banner = page.locator('.banner');
        await expect(banner.textContent()).resolves.toBe(
            "The journey file has 2 errors. The map shows what could be read; parts with errors are marked. First, on line 57: Expected '}' but found 'stage'.");
        // The new text is drawn, not an older picture.
        expect(await page.locator('.card.touchpoint .card-title').allTextContents()).toContain('Asks the chatbot (being edited)');
        expect(await page.locator('.card.touchpoint.has-problem .card-title').allTextContents()).toEqual(['Asks the chatbot (being edited)']);
        await expect(page.locator('.card.touchpoint.has-problem .problem-mark').getAttribute('title')).resolves.toBe("Expected '}' but found 'stage'.");
        await preview.clearPosted();
        await banner.click();
        expect(lastReveal(await preview.posted())).toEqual({ type: 'reveal', range: broken.diagnostics.firstError!.range, source: broken.uri });

        // Redrawing for another persona keeps the errors in view.
        await page.locator('.persona-filter label:has-text("Budget Bob") input').uncheck();
        await expect.poll(() => page.locator('g.emotion-point[data-persona="bob"]').count()).toBe(0);
        await expect(banner.textContent()).resolves.toContain('parts with errors are marked');

        await preview.draw({ ...fiveStages, version: broken.version + 1 });
        expect(await banner.isHidden()).toBe(true);
        expect(await page.locator('.has-problem').count()).toBe(0);
    });

    test('a journey with a syntax error in its third stage still draws its first two, as the language server recovers them', async () => {
        const services = await createTestServices();
        const document = await services.validate([
            'persona Colleen "Curious Colleen" { goal "A vacuum that lasts" }',
            'journey Vacuum "Buying a vacuum" {',
            '    personas Colleen',
            '    stage Awareness { touchpoint Ad "Sees an ad" { channel social emotion Colleen 1 } }',
            '    stage Research { touchpoint Forum "Reads a forum" { channel web emotion Colleen -1 } }',
            '    stage Purchase { touchpoint Checkout "Checks out" { channel web emotion Colleen ) } }',
            '}'
        ].join('\n'));
        const model = new ViewModelBuilder().build(document);
        expect(model.diagnostics.errors).toBeGreaterThan(0);
        const preview = await open();
        const result = await preview.draw(model);
        expect(result.outcome).toBe('drawn');
        const page = preview.page;
        expect((await page.locator('th.stage .stage-label').allTextContents()).slice(0, 2)).toEqual(['Awareness', 'Research']);
        expect(await page.locator('g.emotion-point').count()).toBeGreaterThanOrEqual(2);
        expect(await page.locator('.has-problem').count()).toBeGreaterThan(0);
        expect(await page.locator('.has-problem .card-title, th.has-problem .stage-label').first().textContent()).toMatch(/Checks out|Purchase/);
        await expect(page.locator('.banner').textContent()).resolves.toMatch(/^The journey file has \d+ errors?\. The map shows what could be read; parts with errors are marked\. First, on line 6: /);
    });

    test('a first picture with errors never claims to be an older one', async () => {
        const preview = await open();
        const result = await preview.draw(withErrors(fiveStages, 'Unknown persona "carol".', 3));
        expect(result.outcome).toBe('drawn');
        const text = await preview.page.locator('.banner').textContent();
        expect(text).toContain('The map shows what could be read');
        expect(text).not.toMatch(/before|last picture|earlier/);
        expect(await preview.page.locator('th.stage').count()).toBe(5);
    });

    test('text so broken that nothing can be read keeps the picture on screen and says from which version', async () => {
        const preview = await open();
        await preview.draw(fiveStages);
        const nothing: DocumentViewModel = { ...withErrors(fiveStages, "Expected '{' but found the end of the file.", 12), journeys: [], personas: [] };
        const result = await preview.draw(nothing);
        expect(result.outcome).toBe('kept-previous');
        await expect(preview.page.locator('.banner').textContent()).resolves.toContain('the map shown is the one drawn from the text as it was before (version 1)');
        expect(await preview.page.locator('th.stage').count()).toBe(5);
    });

    test('a model the preview cannot draw becomes a readable message', async () => {
        const preview = await open();
        await preview.draw(fiveStages);
        const broken = JSON.parse(JSON.stringify({ ...fiveStages, version: 7 })) as DocumentViewModel;
        delete (broken.journeys[0].stages[2] as Partial<typeof broken.journeys[0]['stages'][2]>).lanes;
        const result = await preview.draw(broken);
        expect(result.outcome).toBe('failed');
        const banner = await preview.page.locator('.banner').textContent();
        expect(banner).toMatch(/^The preview could not draw this map: .+ Parts of the map may be out of date\.$/);
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

describe('the overview\'s words', () => {
    // Labels of the languages the maps are written in, and text that shapes in unusual ways.
    const LABELS = [
        'Bestiller støvsugeren på nettsiden før lunsj og får en bekreftelse på e-post',
        'Jämför priser och läser omdömen på Prisjakt innan beslutet tas',
        'Käyttäjä vertailee hintoja ja lukee arvosteluja ennen päätöstä',
        'Salīdzina cenas un lasa atsauksmes interneta veikalā pirms pirkuma',
        'Unboxing 📦 and the first charge 🔋 overnight in the hallway',
        '掃除機を注文して翌日に受け取り、説明書を読む',
        'يقارن الأسعار ويقرأ المراجعات قبل الشراء من المتجر',
        'Kund\u00ADtjänst\u00ADsamtal om garanti\u00ADärendet som drog ut på tiden',
        'Ersatzteilbestellungsformularausfüllhilfe öffnet sich nicht',
        'Waits  for   delivery   while the tracking page  says nothing',
        'Pays 1\u00A0299\u00A0kr by card, then gets a receipt by post'
    ];
    const stages = [0, 1, 2].map(index => {
        const id = `s${index}`;
        const touchpoints = LABELS.slice(index * 4, index * 4 + 4)
            .map((label, i) => touchpoint(id, `t${index}${i}`, label, lines(10 * index + i + 2, 10 * index + i + 2, 8)));
        return stage(index, id, LABELS[(index * 5 + 3) % LABELS.length], lines(10 * index + 1, 10 * index + 9), { touchpoints });
    });
    const journey = documentOf('file:///work/maps/words.journey', [{
        key: 'journey:words', range: lines(0, 40, 0), id: 'words', title: 'Words', kind: 'current-state',
        personas: [], stages, transitions: transitionsOf(stages), opportunities: [], actions: [], emotionLanes: []
    }]);

    /**
     * Mermaid wraps a box's words at 150 px, measuring as it adds each word. Checks the lines it
     * drew with the browser's own measurement of SVG text: each line of several words fits, and
     * would not have fitted with the next line's first word. Counts the lines, and how many of
     * them ended within 12 px of the limit (where a wrong width would break them elsewhere).
     */
    const wrappedAsTheBrowserMeasures = (page: import('playwright-core').Page) => page.evaluate(() => {
        const LIMIT = 150;
        const problems: string[] = [];
        let lines = 0;
        let close = 0;
        for (const text of Array.from(document.querySelectorAll<SVGTextElement>('.overview g.timeline-node text'))) {
            const rows = Array.from(text.querySelectorAll('tspan'), tspan => tspan.textContent ?? '');
            const probe = document.createElementNS('http://www.w3.org/2000/svg', 'tspan');
            text.append(probe);
            const width = (line: string) => { probe.textContent = line; return probe.getComputedTextLength(); };
            rows.forEach((row, i) => {
                lines++;
                const squeezed = row.replace(/[ \t\n\r]+/g, ' ').trim();
                const own = width(squeezed);
                if (squeezed.includes(' ') && own > LIMIT) problems.push(`"${squeezed}" is ${own} px wide`);
                const next = rows[i + 1]?.trim().split(/[ \t\n\r]+/)[0];
                if (next === undefined) return;
                const longer = `${squeezed} ${next}`.trim();
                const withNext = width(longer);
                if (withNext <= LIMIT) problems.push(`"${longer}" fits in ${withNext} px, but "${next}" went to the next line`);
                if (withNext - LIMIT < 12) close++;
            });
            probe.remove();
        }
        return { problems, lines, close };
    });

    /** Counts the page's calls of the canvas's measureText from now on; the preview makes none but for the overview's words. */
    const countCanvasMeasurements = async (page: import('playwright-core').Page) => {
        await page.evaluate(() => {
            const w = window as unknown as { __measured: number };
            w.__measured = 0;
            const measure = CanvasRenderingContext2D.prototype.measureText;
            CanvasRenderingContext2D.prototype.measureText = function (text) { w.__measured++; return measure.call(this, text); };
        });
        return () => page.evaluate(() => (window as unknown as { __measured: number }).__measured);
    };

    test('are wrapped as the browser measures them, in every script, without laying the drawing out per word', async () => {
        const preview = await open();
        const measured = await countCanvasMeasurements(preview.page);
        await preview.draw(journey);
        const result = await wrappedAsTheBrowserMeasures(preview.page);
        expect(result.problems).toEqual([]);
        expect(result.lines).toBeGreaterThan(30);
        expect(result.close).toBeGreaterThan(3);
        // The widths came from the canvas: Mermaid's measuring did not lay the drawing out per word.
        expect(await measured()).toBeGreaterThan(100);
    });

    test('styled in a way the canvas cannot measure, are measured by the browser', async () => {
        const preview = await open();
        const measured = await countCanvasMeasurements(preview.page);
        await preview.page.evaluate(() => {
            const style = document.createElement('style');
            style.textContent = 'svg text { letter-spacing: 2.5px; word-spacing: 4px }';
            document.head.append(style);
        });
        await preview.draw(journey);
        const result = await wrappedAsTheBrowserMeasures(preview.page);
        expect(result.problems).toEqual([]);
        expect(result.lines).toBeGreaterThan(30);
        expect(await measured()).toBe(0);
    });
});

describe('hostile labels', () => {
    test('show as text: no dialog, no script, no injected element, and the overview still parses', async () => {
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
            foreign: document.querySelectorAll('.map foreignObject, .map svg svg').length,
            bodyShown: getComputedStyle(document.body).display !== 'none'
        }));
        expect(injected).toEqual({ scripts: 1, images: 0, handlers: 0, foreign: 0, bodyShown: true });
        expect(await page.locator('th.stage .stage-label').allTextContents()).toEqual([HOSTILE.script, HOSTILE.title, HOSTILE.init, HOSTILE.br]);
        await expect(page.locator('.card.touchpoint .card-title').first().textContent()).resolves.toBe(HOSTILE.img);
        await expect(page.locator('.journey-title').textContent()).resolves.toBe(`${HOSTILE.script}${HOSTILE.init}`);
        const timelineStages = await page.locator('.overview g.timeline-stage text').allTextContents();
        // Mermaid wraps long labels into lines: compare without the white space.
        const squeeze = (text: string) => text.replace(/[\s\u200B]+/g, '');
        expect(timelineStages.map(squeeze)).toEqual([HOSTILE.script, HOSTILE.title, HOSTILE.init, HOSTILE.br].map(label => squeeze(mermaidText(label))));
        expect(timelineStages[1]).toMatch(/^\u200Btitle\s+Hacked$/);
        expect(await page.locator('.diagram-problem:visible').count()).toBe(0);
        expect(await page.locator('g.emotion-point').count()).toBe(3);
    });

    test('a right-to-left override in one label cannot reorder its neighbours', async () => {
        const preview = await open();
        const model = structuredClone(fiveStages);
        model.journeys[0].stages[0].touchpoints[0].label = 'invoice\u202Egnp.exe';
        await preview.draw(model);
        const card = preview.page.locator('.card.touchpoint').first();
        expect(await card.locator('.card-title bdi').textContent()).toBe('invoice\u202Egnp.exe');
        // The channel chip after the title reads as written.
        expect(await card.locator('.chip.channel').textContent()).toBe('Social media');
    });
});

describe('updates', () => {
    test('redraws only what changed: a new emotion score keeps the overview, the other lanes and the other stages\' cells, and moves the point', async () => {
        const preview = await open();
        await preview.draw(fiveStages);
        const page = preview.page;
        const mark = (selector: string) => page.locator(selector).evaluate(e => { (e as unknown as { untouched: boolean }).untouched = true; });
        const untouched = (selector: string) => page.locator(selector).evaluate(e => (e as unknown as { untouched?: boolean }).untouched === true);
        await mark('.overview svg');
        await mark('tr.lane-touchpoints');
        await mark('tr.lane-emotion');
        await mark('tr.lane-emotion td >> nth=0');
        await mark('tr.lane-emotion td >> nth=4');
        const y = () => page.locator('g.emotion-point[data-persona="colleen"] .marker').first().evaluate(e => e.getBoundingClientRect().top);
        const before = await y();

        // The section's attributes are not set again: setting `lang`, even to its value, restyles the whole map.
        await page.evaluate(() => {
            const records: string[] = [];
            new MutationObserver(list => records.push(...list.map(r => r.attributeName ?? ''))).observe(document.querySelector('section.journey')!, { attributes: true });
            (window as unknown as { sectionAttributes: string[] }).sectionAttributes = records;
        });

        const changed = structuredClone(fiveStages);
        changed.version = 2;
        changed.journeys[0].stages[0].touchpoints[0].emotions[0].score = -3;
        changed.journeys[0].emotionLanes[0].points[0].score = -3;
        const result = await preview.draw(changed);
        expect(result.outcome).toBe('drawn');
        expect(await page.evaluate(() => (window as unknown as { sectionAttributes: string[] }).sectionAttributes)).toEqual([]);
        expect(await untouched('.overview svg')).toBe(true);
        expect(await untouched('tr.lane-touchpoints')).toBe(true);
        // The row stays; of its cells, the first stage's is drawn anew and the last stage's is not.
        expect(await untouched('tr.lane-emotion')).toBe(true);
        expect(await untouched('tr.lane-emotion td >> nth=0')).toBe(false);
        expect(await untouched('tr.lane-emotion td >> nth=4')).toBe(true);
        expect(await y()).toBeGreaterThan(before);
    });

    test('the persona filter hides a persona\'s curve and is kept in the webview state', async () => {
        const preview = await open();
        await preview.draw(fiveStages);
        const page = preview.page;
        await page.locator('.persona-filter label:has-text("Budget Bob") input').uncheck();
        await expect.poll(() => page.locator('g.emotion-point[data-persona="bob"]').count()).toBe(0);
        expect(await page.locator('g.emotion-point[data-persona="colleen"]').count()).toBe(7);
        expect((await preview.state())?.personaFilter).toEqual(['colleen']);
        expect((await preview.state())?.uri).toBe(fiveStages.uri);
    });

    test('pan by dragging the background, and zoom', async () => {
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
        await page.locator('button[aria-label="Zoom out"]').click();
        expect((await preview.state())?.zoom).toBeCloseTo(1 / 1.2, 5);
        await page.locator('button[aria-label="Zoom in"]').click();
        expect((await preview.state())?.zoom).toBeCloseTo(1, 5);
        await expect(page.locator('.zoom-label').textContent()).resolves.toBe('100%');
    });

    test('follows the VS Code theme: its palette in the editor, redrawn when the theme changes', async () => {
        const preview = await open('dark');
        await preview.draw(fiveStages);
        const page = preview.page;
        const personaColour = () => page.locator('g.emotion-point[data-persona="colleen"] .marker').first().evaluate(e => getComputedStyle(e).fill);
        expect(await personaColour()).toBe(rgb(PALETTES.dark.personas[0]));
        await page.evaluate(() => {
            document.documentElement.style.setProperty('--vscode-editor-background', '#ffffff');
            document.documentElement.style.setProperty('--vscode-editor-foreground', '#3b3b3b');
            document.body.className = 'vscode-light';
        });
        await expect.poll(personaColour).toBe(rgb(PALETTES.light.personas[0]));
    });
});

describe('segments', () => {
    test('the toolbar draws the map as one segment lives it, and back', async () => {
        const services = await createTestServices();
        const document = await services.validate(fs.readFileSync('examples/elavtal-nulage.journey', 'utf8'));
        const model = services.Journey.model.ViewModelBuilder.build(document);
        const preview = await open();
        await preview.draw(model);
        const select = preview.page.locator('.segment-filter select');
        await expect(select.locator('option').allTextContents()).resolves.toEqual(['All segments', 'Lägenhetskunder', 'Villakunder']);
        const personas = () => preview.page.locator('.journey-header .persona-name').allTextContents();
        await expect(personas()).resolves.toEqual(['Agnes som flyttar', 'Göran i villan']);
        await select.selectOption('Villa');
        await expect.poll(personas).toEqual(['Göran i villan']);
        // The curve is the segment's alone, and the KPI measured for another segment's persona is gone.
        await expect.poll(() => preview.page.locator('tr.lane-emotion g.emotion-point.persona-0').count()).toBe(0);
        expect(await preview.page.locator('tr.lane-emotion g.emotion-point.persona-1').count()).toBeGreaterThan(0);
        const svg = await exported(preview, 'svg');
        expect(svg).not.toContain('Agnes som flyttar');
        await select.selectOption('');
        await expect.poll(personas).toEqual(['Agnes som flyttar', 'Göran i villan']);
    });
});

describe('pictures', () => {
    // A real picture of the examples, its file named as the language server names it.
    const file = 'file:///work/maps/storyboard/doorbell.png';
    const png = `data:image/png;base64,${fs.readFileSync('examples/storyboard/doorbell.png').toString('base64')}`;
    const withPicture = (): DocumentViewModel => {
        const model = structuredClone(fiveStages);
        model.journeys[0].stages[0].touchpoints[0].image = { key: 'picture', range: model.journeys[0].stages[0].touchpoints[0].range, path: 'storyboard/doorbell.png', file, alt: 'A parcel on the doorstep' };
        return model;
    };

    test('the preview draws a picture from where the extension says it loads, under the page\'s policy', async () => {
        const preview = await open();
        await preview.draw(withPicture(), { images: { [file]: png } });
        const image = preview.page.locator('.card.touchpoint img.picture');
        await expect(image.getAttribute('alt')).resolves.toBe('A parcel on the doorstep');
        await expect.poll(() => image.evaluate(img => (img as HTMLImageElement).naturalWidth)).toBe(240);
    });

    test('the toolbar\'s Export asks the extension, which sends the export back with the pictures it read', async () => {
        const preview = await open();
        await preview.draw(withPicture(), { images: { [file]: png } });
        await preview.clearPosted();
        await preview.page.locator('.export-menu > summary').click();
        await preview.page.locator('.export-menu-items button', { hasText: 'SVG picture' }).click();
        await expect.poll(async () => (await preview.posted()).filter(m => m.type === 'requestExport')).toEqual([expect.objectContaining({ type: 'requestExport', format: 'svg' })]);
        expect((await preview.posted()).some(m => m.type === 'exported')).toBe(false);
    });

    test('an export carries it inline, and says what it shows where it has no picture', async () => {
        const preview = await open();
        await preview.draw(withPicture(), { images: { [file]: png } });
        const svg = await exported(preview, 'svg', { [file]: png });
        expect(svg).toMatch(/<image x="[\d.]+" y="[\d.]+" width="[\d.]+" height="[\d.]+" preserveAspectRatio="xMidYMid meet" href="data:image\/png;base64,iVBORw0KGgo[^"]*"><title>A parcel on the doorstep<\/title><\/image>/);
        const html = await exported(preview, 'html', { [file]: png });
        expect(html).toContain(`<img class="picture" src="${png}" alt="A parcel on the doorstep"`);
        // Without the picture's bytes, the export keeps its description instead of a reference to a file.
        expect(await exported(preview, 'svg')).not.toContain('<image');
        expect(await exported(preview, 'html')).toContain('<span class="picture picture-missing">Picture not shown: A parcel on the doorstep</span>');
    });
});

describe('exports from the preview', () => {
    test('SVG, PNG, PDF page, HTML and Mermaid hold the map, in light colours even from a dark editor', async () => {
        const preview = await open('dark');
        await preview.draw(fiveStages);
        const stageNames = fiveStageJourney.stages.map(s => s.label);

        const svg = await exported(preview, 'svg');
        expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" version="1.1" width="\d+" height="\d+"/);
        for (const name of stageNames) expect(svg).toMatch(new RegExp(`<text[^>]*>${name}</text>`));
        expect(svg).not.toContain('foreignObject');
        // Light colours only: the dark editor's background and the dark palette's personas are nowhere.
        expect(svg).not.toMatch(/<rect[^>]* fill="#1f1f1f"/);
        for (const colour of PALETTES.dark.personas) expect(svg).not.toContain(colour);
        expect(svg).toMatch(/^<svg[^>]*><title>[^<]*<\/title><rect [^>]*fill="#ffffff"\/>/);

        const html = await exported(preview, 'html');
        expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
        for (const name of stageNames) expect(html).toContain(name);
        expect(html).not.toMatch(/<script/i);
        expect(html).toContain('class="journey-export"');
        // Opened on its own, as whoever receives the file would: light page, red pain points.
        const reader = await session.browser.newPage();
        await reader.setContent(html);
        const look = await reader.evaluate(() => ({
            page: getComputedStyle(document.body).backgroundColor,
            pain: getComputedStyle(document.querySelector('.card.pain')!).borderLeftColor
        }));
        await reader.close();
        expect(look).toEqual({ page: 'rgb(255, 255, 255)', pain: rgb(PALETTES.light.pain) });

        const png = await exported(preview, 'png');
        expect(png.startsWith('data:image/png;base64,')).toBe(true);

        const pdf = await exported(preview, 'pdf');
        expect(pdf).toMatch(/@page \{ size: \d+px \d+px; margin: 0 \}/);
        expect(pdf).toContain('<svg xmlns=');

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
        expect(svg).not.toMatch(/<(script|img|iframe|foreignObject)[\s>]/i);
        expect(preview.dialogs).toEqual([]);
    });

    test('an empathy map of hostile labels is drawn and exported as text', async () => {
        const preview = await open();
        const result = await preview.draw(hostileEmpathy);
        expect(result.outcome).toBe('drawn');
        await expect(preview.page.locator('.empathy-says .moment-text').textContent()).resolves.toBe(HOSTILE.script);
        expect(await preview.page.evaluate(() => document.querySelectorAll('.map script, .map img, .map iframe, .map a[href]').length)).toBe(0);
        const html = await exported(preview, 'html');
        expect(html).not.toMatch(/<(script|img|iframe)[\s>]/i);
        const svg = await exported(preview, 'svg');
        expect(svg).not.toMatch(/<(script|img|iframe|foreignObject)[\s>]/i);
        expect(svg).toContain('&lt;script&gt;');
        expect(preview.dialogs).toEqual([]);
    });
});
