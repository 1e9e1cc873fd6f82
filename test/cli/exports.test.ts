/**
 * The pictures `journey render` makes, judged by tools that are not ours: the SVG drawn by
 * librsvg (rsvg-convert) as well as by Chromium, the PDF's text read back by pdftotext, the
 * margins measured by ImageMagick. Run as a real process, the way a user or a CI job runs it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { cli, FIXTURES, HEADLESS_SHELL, journey, WHOLE_BROWSER } from './run.js';

const VACUUM = 'examples/vacuum-current.journey';
const SEVEN = path.join(FIXTURES, 'maps/seven-stages.journey');
const TOOLS = { 'rsvg-convert': 'librsvg2-bin', pdftotext: 'poppler-utils', pdfinfo: 'poppler-utils', convert: 'imagemagick', compare: 'imagemagick' };

let out: string;

function tool(name: keyof typeof TOOLS, args: string[]): string {
    const run = spawnSync(name, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error) throw new Error(`${name} is missing: these tests judge the exports with it. Install it with \`apt-get install ${TOOLS[name]}\` (scripts/setup-machine.sh does).`);
    if (run.status !== 0 && name !== 'compare') throw new Error(`${name} ${args.join(' ')} failed: ${run.stderr}`);
    return name === 'compare' ? run.stderr : run.stdout;
}

/** Margins of a picture: how far from each edge the first pixel that is not the background is. */
function margins(png: string): { left: number; top: number; right: number; bottom: number; width: number; height: number } {
    const [w, h, x, y, width, height] = tool('convert', [png, '-trim', '-format', '%w %h %X %Y %W %H', 'info:']).trim().split(' ').map(v => parseInt(v, 10));
    return { left: x, top: y, right: width - x - w, bottom: height - y - h, width, height };
}

/**
 * How alike two pictures of the same size are: 0 is identical (normalised root mean square error).
 * Compared at half size: a map exported at twice its size is 40 megapixels, and two of them at full
 * size outgrow the pixel cache Debian's ImageMagick policy allows.
 */
function difference(a: string, b: string): number {
    const half = (file: string) => {
        const smaller = file.replace(/\.png$/, '-half.png');
        tool('convert', [file, '-resize', '50%', smaller]);
        return smaller;
    };
    const report = tool('compare', ['-metric', 'RMSE', half(a), half(b), 'null:']);
    const normalised = /\(([\d.e-]+)\)/.exec(report)?.[1];
    if (!normalised) throw new Error(`compare gave no measure: ${report}`);
    return Number(normalised);
}

function labelsOf(file: string): string[] {
    const text = fs.readFileSync(file, 'utf8');
    return [...text.matchAll(/(?:stage|touchpoint) \w+ "([^"]+)"/g)].map(m => m[1]).concat([...text.matchAll(/^\s*stage (\w+) \{/gm)].map(m => m[1]));
}

function words(text: string): string {
    return text.replace(/\s+/g, ' ');
}

beforeAll(async () => {
    for (const [browser, pkg] of [[HEADLESS_SHELL, 'chromium-headless-shell'], [WHOLE_BROWSER, 'chromium']]) {
        if (!fs.existsSync(browser)) throw new Error(`Chromium is missing at ${browser}: the export tests need it. Install it with \`apt-get install ${pkg}\` (scripts/setup-machine.sh does).`);
    }
    await cli();
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-exports-'));
});

describe.each([['vacuum-current', VACUUM], ['seven stages, two personas, long labels', SEVEN]])('exports of %s', (name, map) => {
    const base = () => path.join(out, name.replace(/\W+/g, '-'));
    // The browser the CLI finds for itself, as a user's run does: here the headless shell.
    const env = { JOURNEY_CHROMIUM: undefined };

    test('the SVG is plain SVG: no foreignObject, no external reference, every stage and touchpoint as text', async () => {
        const run = await journey(['render', map, '-o', `${base()}.svg`], { env });
        expect(run.status, run.stderr).toBe(0);
        const svg = fs.readFileSync(`${base()}.svg`, 'utf8');
        expect(svg).not.toMatch(/foreignObject/i);
        expect(svg).not.toMatch(/(href|src)="(?!#|data:image\/)|url\((?!#)|@import/);
        expect(svg).toMatch(/font-family="[^"]*sans-serif"/);
        const text = words([...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(m => m[1]).join(' ').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
        for (const label of labelsOf(map)) {
            // A long label wraps over several lines, each its own text element: compare word by word.
            for (const word of label.split(/\s+/)) expect(text, label).toContain(word);
        }
    });

    test('librsvg draws the SVG as Chromium does, with an even margin of background all round', async () => {
        const svgFile = `${base()}.svg`;
        if (!fs.existsSync(svgFile)) await journey(['render', map, '-o', svgFile], { env });
        const png = `${base()}.png`;
        // At twice the picture's size, asked for: by default a map this size is kept under 25 megapixels.
        const run = await journey(['render', map, '--scale', '2', '-o', png], { env });
        expect(run.status, run.stderr).toBe(0);
        const svg = fs.readFileSync(svgFile, 'utf8');
        const [width, height] = /width="(\d+)" height="(\d+)"/.exec(svg)!.slice(1).map(Number);
        const chromium = margins(png);
        expect(chromium.width).toBe(2 * width);
        expect(chromium.height).toBe(2 * height);
        const librsvg = `${base()}-librsvg.png`;
        tool('rsvg-convert', ['-z', '2', '-b', 'white', svgFile, '-o', librsvg]);
        const drawn = margins(librsvg);
        expect([drawn.width, drawn.height]).toEqual([chromium.width, chromium.height]);
        // Nothing is cut off: on every side there is background before the map starts, the same on all four.
        for (const picture of [chromium, drawn]) {
            const sides = [picture.left, picture.top, picture.right, picture.bottom];
            for (const side of sides) expect(side, `margins ${sides.join(', ')}`).toBeGreaterThanOrEqual(40);
            expect(Math.max(...sides) - Math.min(...sides), `margins ${sides.join(', ')}`).toBeLessThanOrEqual(6);
        }
        // And both draw the same picture: text antialiasing aside, the pixels agree.
        expect(difference(png, librsvg)).toBeLessThan(0.06);
    });

    test('the PDF is one page of the whole map, its text selectable and complete', async () => {
        const pdf = `${base()}.pdf`;
        const run = await journey(['render', map, '--format', 'pdf', '-o', pdf], { env });
        expect(run.status, run.stderr).toBe(0);
        expect(fs.readFileSync(pdf).subarray(0, 5).toString('ascii')).toBe('%PDF-');
        expect(tool('pdfinfo', [pdf])).toMatch(/Pages:\s+1\n/);
        const text = words(tool('pdftotext', ['-layout', pdf, '-']));
        for (const label of labelsOf(map)) {
            for (const word of label.split(/\s+/)) expect(text, label).toContain(word);
        }
    });
});

describe('the headless shell and the whole browser', () => {
    // The CLI takes Chromium's headless shell where there is one, and the whole browser where there
    // is not (Chrome on a Mac): both must give the same picture of the same map. Debian builds both
    // from one source package, so here they are the same version of Blink and agree to the byte.
    const versions = () => [HEADLESS_SHELL, WHOLE_BROWSER].map(browser => spawnSync(browser, ['--version'], { encoding: 'utf8' }).stdout.match(/\d+(\.\d+)+/)?.[0]);

    test.each(['svg', 'png', 'pdf'])('draw the same %s of a map', async format => {
        const [shellVersion, wholeVersion] = versions();
        expect(shellVersion, 'chromium and chromium-headless-shell of one version (apt-get install both again)').toBe(wholeVersion);
        const drawn = await Promise.all([HEADLESS_SHELL, WHOLE_BROWSER].map(async browser => {
            const file = path.join(out, `${path.basename(browser)}-seven.${format}`);
            const run = await journey(['render', SEVEN, '--format', format, '-o', file], { env: { JOURNEY_CHROMIUM: browser } });
            expect(run.status, run.stderr).toBe(0);
            return file;
        }));
        if (format === 'pdf') {
            // A PDF carries its time of printing and its maker (the shell names itself by its user agent);
            // its pages and text are what must agree.
            const [shell, whole] = drawn.map(file => [tool('pdfinfo', [file]).replace(/^(CreationDate|ModDate|File size|Creator):.*\n/gm, ''), tool('pdftotext', ['-layout', file, '-'])]);
            expect(shell[1]).toContain('Awareness');
            expect(shell).toEqual(whole);
        } else {
            const [shell, whole] = drawn.map(file => fs.readFileSync(file));
            expect(shell.length).toBeGreaterThan(10_000);
            expect(shell.equals(whole), `${drawn[0]} and ${drawn[1]} differ`).toBe(true);
        }
    });
});

test('a PDF is never written to the terminal', async () => {
    // `script` (util-linux) runs the command with a terminal as its output, as a user typing it would.
    const run = spawnSync('script', ['-qec', `node ${(await cli()).cli} render ${VACUUM} --format pdf`, '/dev/null'], { encoding: 'utf8', env: { ...process.env, JOURNEY_CHROMIUM: HEADLESS_SHELL } });
    expect(run.error).toBeUndefined();
    expect(run.stdout).toContain('A PDF is binary and would garble the terminal. Write it to a file: -o map.pdf');
});

describe('exports of a storyboard: a day in the life with pictures', () => {
    const env = { JOURNEY_CHROMIUM: HEADLESS_SHELL };

    test('the SVG carries each picture inline, and librsvg draws them where Chromium put them', async () => {
        const svgFile = path.join(out, 'colleen-day.svg');
        const run = await journey(['render', 'examples/colleen-day.journey', '-o', svgFile], { env });
        expect(run.status, run.stderr).toBe(0);
        const svg = fs.readFileSync(svgFile, 'utf8');
        expect(svg).not.toMatch(/(href|src)="(?!#|data:image\/)/);
        const images = [...svg.matchAll(/<image x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"[^>]* href="data:(image\/[a-z+]+);base64,[^"]+"><title>([^<]*)<\/title>/g)];
        expect(images.map(m => [m[5], m[6]])).toEqual([
            ['image/svg+xml', 'Colleen in bed at dawn, reading on her phone'],
            ['image/png', 'A parcel left on the doorstep while Colleen is on a call'],
            ['image/svg+xml', 'Colleen on the sofa in the evening, comparing vacuums on her laptop']
        ]);
        const png = path.join(out, 'colleen-day-librsvg.png');
        tool('rsvg-convert', ['-b', 'white', svgFile, '-o', png]);
        const [left, top] = /viewBox="(-?[\d.]+) (-?[\d.]+)/.exec(svg)!.slice(1).map(Number);
        // Inside each picture, librsvg paints the picture's own background: cream, a light green, a night blue.
        const colourAt = (image: RegExpMatchArray, dx: number, dy: number) => tool('convert', [png, '-format', `%[pixel:p{${Math.round(Number(image[1]) - left + dx)},${Math.round(Number(image[2]) - top + dy)}}]`, 'info:']).trim();
        expect([colourAt(images[0], 4, 4), colourAt(images[1], 4, 4), colourAt(images[2], 4, 4)]).toEqual(['srgb(253,241,216)', 'srgb(232,239,230)', 'srgb(45,51,80)']);
    });

    test('a picture outside the map\'s folder, the current folder and the workspace is never read into an export', async () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-pictures-'));
        fs.mkdirSync(path.join(folder, 'maps'));
        fs.copyFileSync('examples/storyboard/doorbell.png', path.join(folder, 'private.png'));
        fs.copyFileSync('examples/storyboard/doorbell.png', path.join(folder, 'maps', 'own.png'));
        const map = path.join(folder, 'maps', 'day.journey');
        fs.writeFileSync(map, 'journey Day {\n    stage S {\n        image "../private.png" alt "From above the map"\n        touchpoint T {\n            channel web\n            image "own.png" alt "Beside the map"\n        }\n    }\n}\n');
        const run = await journey(['render', map, '--format', 'html', '-o', path.join(folder, 'day.html')], { env });
        expect(run.status, run.stderr).toBe(0);
        const page = fs.readFileSync(path.join(folder, 'day.html'), 'utf8');
        expect(page).toContain('Picture not shown: From above the map');
        expect(page).toMatch(/<img class="picture" src="data:image\/png;base64,[^"]+" alt="Beside the map"/);
    });
});
