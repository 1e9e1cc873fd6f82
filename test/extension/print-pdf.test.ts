/**
 * The extension's PDF export: the page the preview makes, printed by a Chromium started for it
 * (the user's own browser in the editor; Debian's here), read back with pdftotext.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { browsersOnMachine, findBrowser, isHeadlessShell } from '../../src/export/find-browser.js';
import { printToPdf } from '../../src/export/print-pdf.js';
import { exported } from '../webview/harness.js';
import { previewSession } from '../webview/session.js';
import { fiveStageJourney, fiveStages } from '../webview/fixtures/five-stages.js';

const session = previewSession();

describe('printing the preview\'s PDF page', () => {
    // The browser found first, Chromium's headless shell here, and the whole browser a machine without one uses.
    test.each(['headless shell', 'whole browser'])('gives one page of the map whose text reads back (%s)', async kind => {
        const preview = await session.open('dark');
        await preview.draw(fiveStages);
        const page = await exported(preview, 'pdf');
        const browser = kind === 'headless shell' ? findBrowser(undefined) : browsersOnMachine().find(found => !isHeadlessShell(found));
        expect(browser, `a Chromium ${kind} on the PATH (scripts/setup-machine.sh installs both)`).toBeDefined();
        expect(isHeadlessShell(browser!)).toBe(kind === 'headless shell');
        const pdf = await printToPdf(page, browser!);
        expect(Buffer.from(pdf).subarray(0, 5).toString('ascii')).toBe('%PDF-');
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'journey-pdf-test-')), 'map.pdf');
        fs.writeFileSync(file, pdf);
        const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
        expect(info.error, 'pdfinfo (apt-get install poppler-utils)').toBeUndefined();
        expect(info.stdout).toMatch(/Pages:\s+1\n/);
        const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
        for (const stage of fiveStageJourney.stages) expect(text).toContain(stage.label);
        for (const touchpoint of fiveStageJourney.stages.flatMap(s => s.touchpoints)) {
            for (const word of touchpoint.label.split(' ')) expect(text).toContain(word);
        }
    });

    test('a browser setting that points nowhere is reported in words', () => {
        expect(() => findBrowser('/opt/no/chrome', {}, 'The setting journey.export.browserPath'))
            .toThrow("The setting journey.export.browserPath is set to '/opt/no/chrome', but there is no file there.");
    });
});
