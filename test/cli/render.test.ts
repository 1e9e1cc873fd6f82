import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DocumentViewModel } from '../../src/model/view-model.js';
import { cli, FIXTURES, HEADLESS_SHELL, journey, ROOT, WHOLE_BROWSER } from './run.js';

const VACUUM = 'examples/vacuum-current.journey';
const STAGES = ['Awareness', 'Consideration', 'Purchase', 'Delivery', 'Usage', 'Reviews and recommendations'];

/** The command lines of the live processes with an environment variable that starts with `prefix` (Linux's /proc). */
function processesWith(prefix: string): string[] {
    const found: string[] = [];
    for (const pid of fs.readdirSync('/proc').filter(name => /^\d+$/.test(name))) {
        try {
            if (fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').some(variable => variable.startsWith(prefix))) {
                found.push(fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim());
            }
        } catch {
            // Gone while being read, or not ours to read.
        }
    }
    return found;
}

/**
 * No process of a browser started with TMPDIR inside `temporary` is left: those of its process group at
 * once. Chromium's crash handler runs outside the group (it keeps its reports in ~/.config) and
 * exits by itself once the browser is gone: it is given a few seconds.
 */
async function expectBrowserGone(temporary: string): Promise<void> {
    const left = processesWith(`TMPDIR=${temporary}/`);
    expect(left.filter(line => !line.includes('chrome_crashpad_handler'))).toEqual([]);
    await expect.poll(() => processesWith(`TMPDIR=${temporary}/`), { timeout: 5_000, interval: 50 }).toEqual([]);
}

let out: string;
beforeAll(async () => {
    await cli();
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-render-'));
});

describe('journey render: text formats', () => {
    test('mermaid (the default) is the stage timeline, titled', async () => {
        const run = await journey(['render', VACUUM]);
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/^timeline\n {4}title Buying a vacuum cleaner \(current state\)\n/);
        for (const stage of ['Awareness', 'Consideration', 'Purchase']) expect(run.stdout).toContain(`    ${stage} : `);
    });

    test('--diagram emotions gives a persona\'s emotional curve, with only the scores there are', async () => {
        const run = await journey(['render', VACUUM, '--diagram', 'emotions']);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('xychart');
        expect(run.stdout).toContain('title "Emotional curve of Curious Colleen\u2236 Buying a vacuum cleaner (current state)"');
        // The checkout's -2.1 is the survey's mean (examples/research), the others are written in the map.
        expect(run.stdout).toContain('    line [-2, -1, -2, -1, 1, -2.1, 1, -3, 2, 3, -1, 0]');
    });

    test('--persona names a persona without scores, and the message lists those with scores', async () => {
        const run = await journey(['render', VACUUM, '--diagram', 'emotions', '--persona', 'Nobody']);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain("No persona 'Nobody' has scores in the journey 'VacuumCurrent'. Personas with scores: Colleen.");
    });

    test('markdown has mermaid blocks GitHub renders and a lane table per journey', async () => {
        const run = await journey(['render', VACUUM, '--format', 'markdown']);
        expect(run.status).toBe(0);
        // Labels are escaped for Markdown: the parentheses render as written.
        expect(run.stdout).toContain('## Buying a vacuum cleaner \\(current state\\)');
        // The timeline and Colleen's curve.
        expect(run.stdout.match(/```mermaid\n/g)).toHaveLength(2);
        expect(run.stdout).toContain('| Lane | 1. Awareness | 2. Consideration |');
        expect(run.stdout).toMatch(/\| \*\*Pain points\*\* \|.*Checkout forces account creation before payment \*\(observed\)\*/);
        expect(run.stdout).toMatch(/\| \*\*Emotion: Curious Colleen\*\* \| \u22122 negative \(Old vacuum loses suction\)<br>\u22121 slightly negative \(Paid search result\) \|/);
        expect(run.stdout).toContain('### Opportunities, quick wins first');
        expect(run.stdout).toContain('| 1 | Guest checkout | high | low |');
    });

    test('markdown draws loops and branches as a flowchart and a Flow lane', async () => {
        const run = await journey(['render', 'examples/support-loop.journey', '--format', 'markdown']);
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/```mermaid\nflowchart LR\n/);
        expect(run.stdout).toContain('    s2 -.->|"fix did not work"| s1\n');
        expect(run.stdout).toContain('    s1 -->|"hardware fault"| s3\n');
        expect(run.stdout).toContain('| **Flow** |');
    });

    test('the format follows the -o extension', async () => {
        const file = path.join(out, 'vacuum.md');
        const run = await journey(['render', VACUUM, '-o', file]);
        expect(run.status).toBe(0);
        expect(run.stdout).toBe('');
        expect(fs.readFileSync(file, 'utf8')).toContain('```mermaid');
    });

    test('an -o extension that names no format asks for --format', async () => {
        const run = await journey(['render', VACUUM, '-o', path.join(out, 'vacuum.txt')]);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain("Cannot tell the format from the output file");
        expect(run.stderr).toContain('Add --format with one of: mermaid, mermaid-journey, markdown, html, json, svg, png, pdf.');
    });

    test('json is the view model, with the sibling persona resolved', async () => {
        const run = await journey(['render', VACUUM, '--format', 'json']);
        expect(run.status).toBe(0);
        const model = JSON.parse(run.stdout) as DocumentViewModel;
        expect(model.journeys[0].stages.map(s => s.label)).toEqual(STAGES);
        expect(model.journeys[0].personas.map(p => p.label)).toEqual(['Curious Colleen']);
        expect(model.diagnostics.errors).toBe(0);
    });

    test('a broken file still renders what it can, prints its errors and exits 1', async () => {
        const run = await journey(['render', 'test/cli/fixtures/broken/unresolved.journey']);
        expect(run.status).toBe(1);
        expect(run.stdout).toContain('timeline');
        expect(run.stderr).toContain("unresolved.journey:3:14 error Unknown persona 'Nobody'");
        expect(run.stderr).toContain('the output may be incomplete');
    });

    test('a map with several journeys names the one drawn', async () => {
        const run = await journey(['render', 'examples/vacuum-current.journey', '--journey', 'Nope']);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain("has no journey named 'Nope'. Its journeys: VacuumCurrent.");
    });
});

describe('journey render without a browser', () => {
    const env = { JOURNEY_CHROMIUM: 'none' };

    test.each(['svg', 'png', 'pdf'])('--format %s names the missing browser and how to get one', async format => {
        const run = await journey(['render', VACUUM, '--format', format, '-o', path.join(out, `x.${format}`)], { env });
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('needs Chromium or Chrome');
        expect(run.stderr).toContain('apt-get install chromium');
        expect(run.stderr).toContain('JOURNEY_CHROMIUM=/path/to/chromium');
        expect(fs.existsSync(path.join(out, `x.${format}`))).toBe(false);
    });

    test('html still works, with the overview timeline as Mermaid text and a warning', async () => {
        const run = await journey(['render', VACUUM, '--format', 'html'], { env });
        expect(run.status).toBe(0);
        expect(run.stderr).toContain('needs Chromium or Chrome');
        expect(run.stdout).toMatch(/^<!DOCTYPE html>/);
        expect(run.stdout).not.toContain('<script');
        expect(run.stdout).toContain('class="map-grid density-comfortable"');
        expect(run.stdout).toContain('<pre class="overview-source">timeline');
        expect(run.stdout).toContain('class="lane lane-emotion"');
    });

    test('a browser that does not start is reported with what it said, and leaves nothing behind', async () => {
        const fake = path.join(out, 'broken-chromium');
        fs.writeFileSync(fake, '#!/bin/sh\necho "Missing X server or display" >&2\nexit 3\n', { mode: 0o755 });
        const temporary = fs.mkdtempSync(path.join(out, 'tmp-'));
        const run = await journey(['render', VACUUM, '--format', 'png', '-o', path.join(out, 'z.png')], { env: { JOURNEY_CHROMIUM: fake, TMPDIR: temporary } });
        expect(run.status).toBe(2);
        expect(run.stderr).toContain(`Chromium at ${fake} did not start: the browser exited (code 3): Missing X server or display.`);
        expect(run.stderr).toContain('or set JOURNEY_CHROMIUM to another browser');
        expect(fs.existsSync(path.join(out, 'z.png'))).toBe(false);
        // The browser's temporary profile is removed.
        expect(fs.readdirSync(temporary)).toEqual([]);
    });

    test('JOURNEY_CHROMIUM pointing nowhere is reported', async () => {
        const run = await journey(['render', VACUUM, '--format', 'svg', '-o', path.join(out, 'y.svg')], { env: { JOURNEY_CHROMIUM: '/opt/no/chromium' } });
        expect(run.status).toBe(2);
        expect(run.stderr).toContain("JOURNEY_CHROMIUM is set to '/opt/no/chromium', but there is no file there");
    });
});

describe('journey render of several maps', () => {
    test('draws each into the folder given, named after the map, with one browser', async () => {
        const folder = path.join(out, 'several');
        const run = await journey(['render', 'examples/vacuum-*.journey', 'examples/colleen-day.journey', '--format', 'svg', '-o', `${folder}/`], { env: { JOURNEY_CHROMIUM: HEADLESS_SHELL } });
        expect(run.status, run.stderr).toBe(0);
        expect(fs.readdirSync(folder).sort()).toEqual(['colleen-day.svg', 'vacuum-current.svg', 'vacuum-empathy.svg', 'vacuum-future.svg']);
        expect(fs.readFileSync(path.join(folder, 'vacuum-future.svg'), 'utf8')).toContain('Buying a vacuum cleaner (future state)');
        // Several maps are drawn side by side in pages of their own: each is the same as when drawn alone.
        for (const name of ['vacuum-current', 'colleen-day']) {
            const alone = path.join(out, `${name}-alone.svg`);
            const single = await journey(['render', `examples/${name}.journey`, '--format', 'svg', '-o', alone], { env: { JOURNEY_CHROMIUM: HEADLESS_SHELL } });
            expect(single.status, single.stderr).toBe(0);
            expect(fs.readFileSync(path.join(folder, `${name}.svg`), 'utf8')).toBe(fs.readFileSync(alone, 'utf8'));
        }
    });

    test('PDFs printed one after another from the same page each hold their own map alone', async () => {
        const folder = path.join(out, 'several-pdf');
        const names = ['vacuum-current', 'colleen-day', 'elavtal-nulage'];
        const run = await journey(['render', ...names.map(name => `examples/${name}.journey`), '--format', 'pdf', '-o', `${folder}/`], { env: { JOURNEY_CHROMIUM: HEADLESS_SHELL } });
        expect(run.status, run.stderr).toBe(0);
        const read = (file: string) => ({
            text: execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }),
            info: execFileSync('pdfinfo', [file], { encoding: 'utf8' }).split('\n').filter(line => /^(Title|Pages|Page size):/.test(line))
        });
        for (const name of names) {
            const alone = path.join(out, `${name}-alone.pdf`);
            const single = await journey(['render', `examples/${name}.journey`, '-o', alone], { env: { JOURNEY_CHROMIUM: HEADLESS_SHELL } });
            expect(single.status, single.stderr).toBe(0);
            const [together, apart] = [read(path.join(folder, `${name}.pdf`)), read(alone)];
            expect(together).toEqual(apart);
            expect(together.info).toContain('Pages:           1');
        }
        // No map's title is printed into another's PDF.
        expect(read(path.join(folder, 'colleen-day.pdf')).text).not.toContain('Buying a vacuum cleaner');
        expect(read(path.join(folder, 'elavtal-nulage.pdf')).text).not.toContain("Colleen's life");
    });

    test('asks for a folder and a format, and refuses two maps of the same name', async () => {
        const noFolder = await journey(['render', 'examples/vacuum-current.journey', 'examples/colleen-day.journey', '--format', 'svg']);
        expect(noFolder.status).toBe(2);
        expect(noFolder.stderr).toContain('2 maps to draw: name a folder for them with -o, for example -o exports/');
        const noFormat = await journey(['render', 'examples/vacuum-current.journey', 'examples/colleen-day.journey', '-o', path.join(out, 'x/')]);
        expect(noFormat.status).toBe(2);
        expect(noFormat.stderr).toContain("Cannot tell the format from the folder");
        const twins = await journey(['render', path.join(FIXTURES, 'versions/v1/shop.journey'), path.join(FIXTURES, 'versions/v2/shop.journey'), '--format', 'json', '-o', path.join(out, 'twins/')]);
        expect(twins.status).toBe(2);
        expect(twins.stderr).toMatch(/Two maps are called shop\.journey/);
    });
});

describe('journey render with Chromium', () => {
    let browser: Browser;
    beforeAll(async () => {
        browser = await chromium.launch({ executablePath: WHOLE_BROWSER, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    });
    afterAll(async () => { await browser?.close(); });

    test('html is a self-contained page: stage names visible, no script, no errors, no network', async () => {
        const file = path.join(out, 'vacuum.html');
        const run = await journey(['render', VACUUM, '-o', file], { env: { JOURNEY_CHROMIUM: HEADLESS_SHELL } });
        expect(run.status).toBe(0);
        const html = fs.readFileSync(file, 'utf8');
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/(src|href)="https?:/);

        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        const requests: string[] = [];
        const errors: string[] = [];
        page.on('request', request => { if (!request.url().startsWith('file:')) requests.push(request.url()); });
        page.on('pageerror', error => errors.push(error.message));
        page.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });
        await page.goto(`file://${file}`);
        for (const stage of STAGES) {
            await expect.poll(() => page.locator('th.stage', { hasText: stage }).first().isVisible()).toBe(true);
        }
        // The overview is drawn SVG, not Mermaid text waiting for a script; the emotion lane is in the grid.
        expect(await page.locator('.overview svg').count()).toBe(1);
        expect(await page.locator('tr.lane-emotion g.emotion-point').count()).toBe(12);
        expect(await page.locator('text=Buying a vacuum cleaner (current state)').first().isVisible()).toBe(true);
        expect(errors).toEqual([]);
        expect(requests).toEqual([]);
        await page.close();
    });

    test('png is a PNG image of the map; the browser and its profile are gone when the command ends', async () => {
        const file = path.join(out, 'vacuum.png');
        const temporary = fs.mkdtempSync(path.join(out, 'tmp-'));
        const run = await journey(['render', VACUUM, '--format', 'png', '-o', file], { env: { JOURNEY_CHROMIUM: HEADLESS_SHELL, TMPDIR: temporary } });
        expect(run.status, run.stderr).toBe(0);
        const bytes = fs.readFileSync(file);
        expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        // Width and height from the IHDR chunk: a map, not an empty canvas.
        expect(bytes.readUInt32BE(16)).toBeGreaterThan(800);
        expect(bytes.readUInt32BE(20)).toBeGreaterThan(600);
        // Every process of the browser's (their TMPDIR is a folder in the CLI's) has ended, none still writing into the removed profile.
        await expectBrowserGone(temporary);
        expect(fs.readdirSync(temporary)).toEqual([]);
    });

    test('Ctrl-C while a map is drawn ends the browser and removes its folder', async () => {
        const temporary = fs.mkdtempSync(path.join(out, 'tmp-'));
        const { cli: bundle } = await cli();
        const child = spawn(process.execPath, [bundle, 'render', VACUUM, '--format', 'png', '-o', path.join(out, 'interrupted.png')], {
            cwd: ROOT, env: { ...process.env, JOURNEY_CHROMIUM: HEADLESS_SHELL, TMPDIR: temporary }, stdio: 'ignore'
        });
        const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
        // Interrupted once the browser runs: its TMPDIR is a folder in the CLI's.
        await expect.poll(() => processesWith(`TMPDIR=${temporary}/`).some(line => /--user-data-dir=/.test(line)), { timeout: 20_000, interval: 20 }).toBe(true);
        child.kill('SIGINT');
        expect(await exited).toBe(130);
        await expectBrowserGone(temporary);
        expect(fs.readdirSync(temporary)).toEqual([]);
    });

    test('png stays within the 25 megapixels slides take and says so; --scale draws at the density asked for', async () => {
        const size = (file: string) => { const bytes = fs.readFileSync(file); return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }; };
        const fitted = path.join(out, 'fitted.png');
        const byDefault = await journey(['render', VACUUM, '--format', 'png', '-o', fitted], { env: { JOURNEY_CHROMIUM: HEADLESS_SHELL } });
        expect(byDefault.status).toBe(0);
        const fit = size(fitted);
        expect(fit.width * fit.height).toBeLessThanOrEqual(25_000_000);
        expect(fit.width * fit.height).toBeGreaterThan(24_000_000);
        expect(byDefault.stderr).toContain(`${VACUUM}: PNG drawn at `);
        expect(byDefault.stderr).toContain(`(${fit.width} × ${fit.height} px) to stay within 25 megapixels, the most Google Slides and Docs take; --scale 2 draws it at 2×`);

        const [one, two] = await Promise.all(['1', '2'].map(async scale => {
            const file = path.join(out, `scale-${scale}.png`);
            const run = await journey(['render', VACUUM, '--format', 'png', '--scale', scale, '-o', file], { env: { JOURNEY_CHROMIUM: HEADLESS_SHELL } });
            expect(run.status).toBe(0);
            expect(run.stderr).toBe('');
            return size(file);
        }));
        expect(two.width * two.height).toBeGreaterThan(25_000_000);
        expect(Math.abs(two.width - 2 * one.width)).toBeLessThanOrEqual(1);
        expect(Math.abs(two.height - 2 * one.height)).toBeLessThanOrEqual(1);
        // The default lies between, in the same proportions.
        expect(fit.width).toBeGreaterThan(one.width);
        expect(fit.width).toBeLessThan(two.width);
        expect(fit.width / fit.height).toBeCloseTo(two.width / two.height, 2);
    });

    test('--scale outside 0.25..4, or with a format that has no density, is refused before anything is drawn', async () => {
        for (const [args, message] of [
            [['--format', 'png', '--scale', '9'], '--scale 9 is not a density journey can draw: give a number from 0.25 to 4'],
            [['--format', 'png', '--scale', 'big'], '--scale big is not a density journey can draw'],
            [['--format', 'svg', '--scale', '2'], '--scale sets the density of a PNG; --format svg has none. Leave --scale out, or use --format png.']
        ] as const) {
            const file = path.join(out, 'refused.out');
            const run = await journey(['render', VACUUM, ...args, '-o', file], { env: { JOURNEY_CHROMIUM: HEADLESS_SHELL } });
            expect(run.status).toBe(2);
            expect(run.stderr).toContain(message);
            expect(fs.existsSync(file)).toBe(false);
        }
    });
});
