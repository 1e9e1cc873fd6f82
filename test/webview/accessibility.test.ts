/**
 * The map for everyone: axe-core (WCAG 2.1 A and AA) on the preview in light, dark and high
 * contrast, beside the editor and wide, and on the HTML export; no text under 11 px; the map
 * from the keyboard; and what a screen reader is told.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { DocumentViewModel } from '../../src/model/view-model.js';
import { exported, type Theme } from './harness.js';
import { previewSession } from './session.js';
import { fiveStageJourney, fiveStages } from './fixtures/five-stages.js';
import { futureState } from './fixtures/future-state.js';
import { hostile, hostileEmpathy } from './fixtures/hostile.js';
import { createTestServices } from '../language/services.js';

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const session = previewSession();
const open = session.open;

interface Violation { id: string; impact: string; help: string; nodes: Array<{ target: string[]; failureSummary: string }> }

/** axe-core's WCAG 2.1 AA violations on the page, each with the first few elements it found. */
async function axe(page: Page): Promise<string[]> {
    // Evaluated through the debugging protocol, which the page's Content-Security-Policy does not restrict.
    await page.evaluate(AXE);
    const violations = await page.evaluate(async tags => {
        const run = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: Violation[] }> } }).axe;
        return (await run.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations;
    }, WCAG_21_AA);
    return violations.map(v => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.length} elements, e.g. ${v.nodes.slice(0, 3).map(n => `${n.target.join(' ')} ${n.failureSummary}`).join(' | ')}`);
}

/**
 * Examples as the language server builds them, for what the hand-written fixtures do not hold: needs,
 * challenges and choices, refuted evidence, segments, open questions, times of day and moments.
 */
async function examplesModel(file: string): Promise<DocumentViewModel> {
    const services = await createTestServices();
    const [, document] = await services.workspace({
        'file:///examples/personas.journey': fs.readFileSync('examples/personas.journey', 'utf8'),
        [`file:///examples/${file}`]: fs.readFileSync(`examples/${file}`, 'utf8')
    });
    return services.Journey.model.ViewModelBuilder.build(document);
}

describe('axe-core finds nothing against WCAG 2.1 AA', async () => {
    const models: Array<[string, DocumentViewModel]> = [
        ['the five-stage map', fiveStages], ['a future state', futureState], ['hostile labels', hostile],
        ['the Swedish example (needs, refuted evidence, segments)', await examplesModel('elavtal-nulage.journey')],
        ['the day in the life (times, moments, open questions)', await examplesModel('colleen-day.journey')],
        ['the empathy map', await examplesModel('vacuum-empathy.journey')], ['an empathy map of hostile labels', hostileEmpathy]
    ];
    for (const theme of ['light', 'dark', 'high-contrast'] as Theme[]) {
        for (const [name, model] of models) {
            test(`the preview of ${name}, ${theme}, wide and beside the editor`, async () => {
                for (const viewport of [{ width: 1400, height: 900 }, { width: 600, height: 760 }]) {
                    const preview = await open(theme, viewport);
                    await preview.draw(model);
                    // The overview band and a persona's details unfolded are part of what is checked.
                    if (viewport.width < 1000) await preview.page.locator('button:has-text("Overview")').click();
                    await preview.page.locator('details.persona-more').first().evaluate(d => { (d as HTMLDetailsElement).open = true; }).catch(() => undefined);
                    await preview.page.waitForTimeout(200);
                    expect(await axe(preview.page), `${theme} at ${viewport.width} px`).toEqual([]);
                }
            });
        }
    }

    test('the HTML export, opened on its own', async () => {
        const preview = await open('dark');
        await preview.draw(fiveStages);
        const html = await exported(preview, 'html');
        const reader = await session.browser.newPage();
        await reader.setContent(html);
        expect(await axe(reader)).toEqual([]);
        expect(await reader.locator('main').count()).toBe(1);
        expect(await reader.locator('html').getAttribute('lang')).toBe('en');
        await reader.close();
    });
});

describe('readable at 100 %', () => {
    test('no text in the preview or the export is smaller than 11 px', async () => {
        for (const theme of ['light', 'dark'] as Theme[]) {
            const preview = await open(theme);
            await preview.draw(fiveStages);
            const sizes = await preview.page.evaluate(() => {
                const found: Array<{ text: string; size: number }> = [];
                const walker = document.createTreeWalker(document.querySelector('.preview')!, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const parent = node.parentElement!;
                    if (!node.textContent?.trim() || parent.closest('.visually-hidden, title')) continue;
                    const rect = parent.getBoundingClientRect();
                    if (rect.width === 0 && rect.height === 0) continue;
                    found.push({ text: node.textContent.trim().slice(0, 30), size: parseFloat(getComputedStyle(parent).fontSize) });
                }
                return found;
            });
            expect(sizes.length).toBeGreaterThan(100);
            expect(sizes.filter(s => s.size < 11), theme).toEqual([]);
        }
    });
});

describe('from the keyboard', () => {
    test('Tab goes through the stages, touchpoints, emotion points, pain points and opportunities in reading order', async () => {
        const preview = await open('light');
        await preview.draw(fiveStages);
        const page = preview.page;
        await page.locator('.journey-title').focus();
        const order: string[] = [];
        for (let i = 0; i < 150; i++) {
            await page.keyboard.press('Tab');
            const key = await page.evaluate(() => document.activeElement?.getAttribute('data-key') ?? '');
            // Round the page and back to the toolbar: one pass is enough.
            if (key === 'journey:vacuum') break;
            if (key) order.push(key);
        }
        const stages = fiveStageJourney.stages.map(s => s.key);
        const touchpoints = fiveStageJourney.stages.flatMap(s => s.touchpoints.map(t => t.key));
        expect(order.filter(k => stages.includes(k))).toEqual(stages);
        expect(order.filter(k => touchpoints.includes(k))).toEqual(touchpoints);
        const firstOf = (prefix: string) => order.findIndex(k => k.startsWith(prefix));
        // The grid row by row: stages, then touchpoints, emotion points, pain points, opportunities; then the plan.
        expect(firstOf('stage:')).toBeLessThan(firstOf('tp:'));
        expect(firstOf('tp:')).toBeLessThan(firstOf('emotion:'));
        expect(firstOf('emotion:')).toBeLessThan(firstOf('moment:'));
        expect(firstOf('moment:')).toBeLessThan(firstOf('opp:'));
        expect(firstOf('opp:')).toBeLessThan(firstOf('action:'));
    });

    test('arrow keys move across stages and down a stage; Enter reveals; Escape goes back to the editor', async () => {
        const preview = await open('light');
        await preview.draw(fiveStages);
        const page = preview.page;
        const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-key'));
        await page.locator('.card.touchpoint[data-key="tp:awareness/ad"]').focus();
        // Along the lane: the next touchpoint of the stage, then the first of the next stage, and back.
        await page.keyboard.press('ArrowRight');
        expect(await focused()).toBe('tp:awareness/reviews');
        await page.keyboard.press('ArrowRight');
        expect(await focused()).toBe('tp:consideration/compare');
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('ArrowLeft');
        expect(await focused()).toBe('tp:awareness/ad');
        await page.keyboard.press('ArrowDown');
        // What the customer does at that touchpoint: reachable though it is not a Tab stop.
        expect(await focused()).toBe('tp:awareness/ad');
        expect(await page.evaluate(() => document.activeElement?.className)).toContain('activity-does');
        await preview.clearPosted();
        await page.keyboard.press('Enter');
        const reveal = (await preview.posted()).find(m => m.type === 'reveal');
        expect(reveal).toEqual({ type: 'reveal', range: fiveStageJourney.stages[0].touchpoints[0].range, source: fiveStages.uri });
        await page.keyboard.press('Escape');
        expect((await preview.posted()).some(m => m.type === 'focusEditor')).toBe(true);
    });
});

describe('what a screen reader is told', () => {
    test('the grid is a table with stages as column headers and lanes as row headers; every emotion point has a name', async () => {
        const preview = await open('light');
        await preview.draw(fiveStages);
        const page = preview.page;
        const table = page.getByRole('table', { name: /Journey map of Buying a vacuum cleaner/ });
        expect(await table.count()).toBe(1);
        expect(await table.getByRole('columnheader').count()).toBe(6);
        expect(await table.getByRole('rowheader', { name: 'Pain points' }).count()).toBe(1);
        expect(await table.getByRole('rowheader', { name: /^Emotion/ }).count()).toBe(1);
        expect(await page.getByRole('button', { name: 'Curious Colleen, Vacuum breaks after a month: \u22123, very negative' }).count()).toBe(1);
        expect(await page.getByRole('group', { name: 'Emotion in Usage' }).count()).toBe(1);
        // Colour is not the only sign of a score: each point carries its signed number beside it.
        expect(await page.locator('g.emotion-point text.emotion-score').allTextContents()).toContain('\u22123');
    });
});
