/**
 * How long the preview takes: from the model message to the SVGs in the page, on a fresh page
 * (Mermaid's chunks loaded on demand included), and for an edit of one touchpoint afterwards.
 * The bounds are loose on purpose, to catch a hang or a slowdown by an order of magnitude.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import type { DocumentViewModel } from '../../src/model/view-model.js';
import { buildWebview, launchChromium, openPreview, startServer, type PreviewServer } from './harness.js';
import { fiveStages } from './fixtures/five-stages.js';
import { thirtyStages } from './fixtures/thirty-stages.js';

let browser: Browser;
let server: PreviewServer;
let webviewDir: string;

beforeAll(async () => {
    webviewDir = await buildWebview();
    server = await startServer(webviewDir);
    browser = await launchChromium();
});

afterAll(async () => {
    await browser?.close();
    await server?.close();
});

/** The same document after the user changed one touchpoint: its label and its first emotion. */
function editOneTouchpoint(model: DocumentViewModel): DocumentViewModel {
    const edited = structuredClone(model);
    edited.version = model.version + 1;
    const journey = edited.journeys[0];
    const touchpoint = journey.stages[0].touchpoints[0];
    touchpoint.label += ' (edited)';
    touchpoint.emotions[0].score = -touchpoint.emotions[0].score || -1;
    const lane = journey.emotionLanes.find(l => l.persona === touchpoint.emotions[0].persona)!;
    lane.points.find(p => p.key === touchpoint.emotions[0].key)!.score = touchpoint.emotions[0].score;
    return edited;
}

test.each([
    ['5 stages', fiveStages],
    ['30 stages', thirtyStages]
])('first render and one-touchpoint update of %s', async (name, model) => {
    const preview = await openPreview(browser, server);
    try {
        const first = await preview.draw(model);
        const again = await preview.draw({ ...model, version: model.version + 10 });
        const update = await preview.draw(editOneTouchpoint(model));
        const scripts = preview.requests.filter(url => url.endsWith('.js')).map(url => url.slice(url.indexOf('/out/webview/') + '/out/webview/'.length));
        const scriptBytes = scripts.reduce((sum, file) => sum + fs.statSync(path.join(webviewDir, file)).size, 0);
        console.log(`${name}: first render ${first.milliseconds.toFixed(0)} ms (Mermaid loaded on demand, ${scripts.length} scripts, ${(scriptBytes / 1024).toFixed(0)} KB unminified), `
            + `same model again ${again.milliseconds.toFixed(1)} ms, one touchpoint changed ${update.milliseconds.toFixed(0)} ms`);
        expect([first.outcome, again.outcome, update.outcome]).toEqual(['drawn', 'drawn', 'drawn']);
        expect(first.milliseconds).toBeLessThan(8000);
        expect(update.milliseconds).toBeLessThan(3000);
        expect(again.milliseconds).toBeLessThan(update.milliseconds);
        expect(await preview.page.locator('.card.touchpoint').first().textContent()).toContain('(edited)');
    } finally {
        await preview.close();
    }
});
