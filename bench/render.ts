/**
 * `journey render` as a user runs it: the built CLI in a process of its own, wall time from start
 * to exit, for one map in each picture format and for many maps in one call (one browser draws
 * them all). The maps are generated journeys of a realistic size; the many maps are a workspace of
 * journeys sharing one file of personas, as teams keep them.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findChromium } from '../src/cli/chromium.js';
import { browsersOnMachine, isHeadlessShell } from '../src/export/find-browser.js';
import { generateJourney, generateWorkspace } from './generate.js';
import { summarize, type Timing } from './measure.js';

export const PICTURE_FORMATS = ['png', 'svg', 'pdf'] as const;
export type PictureFormat = typeof PICTURE_FORMATS[number];

export interface RenderResult {
    /** Touchpoints and personas of each map. */
    touchpoints: number;
    personas: number;
    /** The browser the CLI found and drew with, and its version. */
    browser?: string;
    /**
     * One map per call as a PNG drawn by the whole browser, where the CLI found a headless shell
     * and the machine has a whole browser too: what a machine without the shell gets (not a target).
     */
    pngInWholeBrowser?: { browser: string; timing: Timing };
    /** One map per call, per format. */
    single: Partial<Record<PictureFormat, Timing>>;
    /** One map per call as a PNG at `--scale 2`, past the default's 25 megapixels (not a target: for comparison). */
    pngAtTwice?: Timing;
    /** Many maps in one call (PNG). */
    many?: { maps: number; timing: Timing };
}

function run(cli: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): number {
    const started = performance.now();
    const result = spawnSync(process.execPath, [cli, ...args], { cwd, env, encoding: 'utf8', timeout: 300_000 });
    const elapsed = performance.now() - started;
    if (result.status !== 0) throw new Error(`journey ${args.join(' ')} failed (exit ${result.status ?? result.signal}): ${(result.stderr || result.stdout).slice(-2000)}`);
    return elapsed;
}

/** A browser by its path and the version it reports. */
function describeBrowser(executable: string): string {
    const version = spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 30_000 }).stdout?.match(/\d+(\.\d+)+/)?.[0];
    return `${executable}${version ? ` ${version}` : ''}`;
}

/** Runs the CLI bundled in `bundles` (cli.cjs beside its cli-export/ page). */
export function measureRender(bundles: string, options: { runs: number; maps: number; touchpoints: number; personas: number }): RenderResult {
    const cli = path.join(bundles, 'cli.cjs');
    if (!fs.existsSync(cli)) throw new Error(`No CLI bundle at ${cli}: build it first with \`node esbuild.mjs\`.`);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-bench-render-'));
    try {
        // One map alone in its folder, and a workspace as teams keep one: shared personas, one journey per file.
        const single = path.join(folder, 'single', 'map.journey');
        fs.mkdirSync(path.dirname(single));
        fs.writeFileSync(single, generateJourney({ touchpoints: options.touchpoints, personas: options.personas, name: 'Map' }));
        const workspace = path.join(folder, 'workspace');
        fs.mkdirSync(workspace);
        const files = Object.entries(generateWorkspace(options.maps + 1, options.touchpoints)).map(([name, text]) => {
            fs.writeFileSync(path.join(workspace, name), text);
            return path.join(workspace, name);
        }).filter(file => path.basename(file) !== 'personas.journey');
        // The CLI's own choice, JOURNEY_CHROMIUM included.
        const found = findChromium();
        const result: RenderResult = { touchpoints: options.touchpoints, personas: options.personas, browser: found && describeBrowser(found), single: {} };
        for (const format of PICTURE_FORMATS) {
            const samples: number[] = [];
            for (let i = 0; i < options.runs; i++) {
                const output = path.join(folder, `single-${i}.${format}`);
                samples.push(run(cli, ['render', single, '--format', format, '-o', output], folder));
                if (fs.statSync(output).size === 0) throw new Error(`journey render --format ${format} wrote an empty file.`);
            }
            result.single[format] = summarize(samples);
        }
        const twice: number[] = [];
        for (let i = 0; i < options.runs; i++) twice.push(run(cli, ['render', single, '--format', 'png', '--scale', '2', '-o', path.join(folder, `twice-${i}.png`)], folder));
        result.pngAtTwice = summarize(twice);
        const whole = found && isHeadlessShell(found) ? browsersOnMachine().find(browser => !isHeadlessShell(browser)) : undefined;
        if (whole) {
            const samples: number[] = [];
            for (let i = 0; i < options.runs; i++) {
                samples.push(run(cli, ['render', single, '--format', 'png', '-o', path.join(folder, `whole-${i}.png`)], folder, { ...process.env, JOURNEY_CHROMIUM: whole }));
            }
            result.pngInWholeBrowser = { browser: describeBrowser(whole), timing: summarize(samples) };
        }
        const samples: number[] = [];
        for (let i = 0; i < options.runs; i++) {
            const output = path.join(folder, `many-${i}`);
            samples.push(run(cli, ['render', ...files, '--format', 'png', '-o', output], folder));
            const written = fs.readdirSync(output).filter(name => name.endsWith('.png'));
            if (written.length !== options.maps) throw new Error(`journey render of ${options.maps} maps wrote ${written.length} PNG files.`);
        }
        result.many = { maps: options.maps, timing: summarize(samples) };
        return result;
    } finally {
        fs.rmSync(folder, { recursive: true, force: true });
    }
}
