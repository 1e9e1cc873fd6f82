/**
 * Draws the fixtures in the harness page, light and dark, and saves screenshots: for looking at
 * the picture while working on it, and for media/screenshot-light.png / screenshot-dark.png.
 * Run: npx vite-node test/webview/screenshots.ts [output folder]
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildWebview, launchChromium, openPreview, ROOT, startServer, type Theme } from './harness.js';
import { fiveStages } from './fixtures/five-stages.js';
import { futureState } from './fixtures/future-state.js';
import { thirtyStages } from './fixtures/thirty-stages.js';
import { hostile } from './fixtures/hostile.js';

const outdir = path.resolve(process.argv[2] ?? path.join(ROOT, 'media'));
const fixtures = { 'five-stages': fiveStages, 'future-state': futureState, 'thirty-stages': thirtyStages, hostile };

const webview = await buildWebview();
const server = await startServer(webview);
const browser = await launchChromium();
try {
    fs.mkdirSync(outdir, { recursive: true });
    for (const theme of ['light', 'dark'] as Theme[]) {
        for (const [name, model] of Object.entries(fixtures)) {
            const preview = await openPreview(browser, server, theme, { width: Number(process.env.SHOT_WIDTH ?? 1500), height: Number(process.env.SHOT_HEIGHT ?? 1300) });
            await preview.draw(model);
            const file = path.join(outdir, `${name}-${theme}.png`);
            await preview.page.screenshot({ path: file });
            console.log(file);
            await preview.close();
        }
    }
} finally {
    await browser.close();
    await server.close();
}
