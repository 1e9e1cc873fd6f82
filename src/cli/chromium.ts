/**
 * Headless Chromium for the exports that need a browser: Mermaid draws its diagrams with the
 * browser's layout engine, and the map becomes SVG and PNG the way the preview exports it.
 * The browser is the system's (playwright-core never downloads one); the page gets no
 * network at all, so an export cannot leak the map or depend on a server.
 */
import * as fs from 'node:fs';
import type { DocumentViewModel } from '../model/view-model.js';
import type { ExportFormat } from '../protocol.js';
import { findBrowser } from '../export/find-browser.js';
import type { JourneyExport } from './browser/export-page.js';
import { CliError } from './errors.js';

/** Flags for a browser that only draws: no sandbox (containers, CI), no GPU, no traffic of its own. */
const CHROMIUM_FLAGS = [
    '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'
];

const HOW_TO_GET_CHROMIUM = 'Install it (Debian/Ubuntu: apt-get install chromium; macOS: install Google Chrome), or set JOURNEY_CHROMIUM=/path/to/chromium (JOURNEY_CHROMIUM=none never starts one).';

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
    const configured = env.JOURNEY_CHROMIUM;
    // For CI jobs that should never start a browser, even where one is installed.
    if (configured === 'none') return undefined;
    try {
        return findBrowser(configured, env);
    } catch (error) {
        throw new CliError(error instanceof Error ? error.message : String(error));
    }
}

export function missingChromiumMessage(what: string): string {
    return `${what} needs Chromium or Chrome to draw the diagrams, and none was found (or JOURNEY_CHROMIUM is none). ${HOW_TO_GET_CHROMIUM}`;
}

/** The browser-side export script, built next to the CLI bundle (out/cli-export.js). */
function exportScript(): string {
    const file = new URL('./cli-export.js', import.meta.url);
    try {
        return fs.readFileSync(file, 'utf8');
    } catch {
        throw new CliError(`The export script ${file.pathname} is missing from this installation of journey. Rebuild it (node esbuild.mjs) or reinstall the package.`);
    }
}

type Playwright = typeof import('playwright-core');

async function loadPlaywright(): Promise<Playwright> {
    try {
        return await import('playwright-core');
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') {
            throw new CliError('Drawing SVG, PNG and HTML exports needs the npm package playwright-core, which is not installed. Run: npm install playwright-core');
        }
        throw new CliError(`playwright-core is installed but could not be loaded: ${firstLine(error)}. Reinstall it (npm install playwright-core).`);
    }
}

/**
 * Exports the map in headless Chromium with the preview's own export code. Returns SVG or
 * HTML markup, or PNG or PDF bytes.
 */
export async function exportInChromium(format: Extract<ExportFormat, 'svg' | 'png' | 'pdf' | 'html'>, model: DocumentViewModel, executablePath: string, language?: string): Promise<string | Buffer> {
    const script = exportScript();
    const { chromium } = await loadPlaywright();
    let browser;
    try {
        browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
    } catch (error) {
        throw new CliError(`Chromium at ${executablePath} did not start: ${firstLine(error)}. Check that it runs (${executablePath} --version), or set JOURNEY_CHROMIUM to another browser.`);
    }
    try {
        const page = await browser.newPage();
        // Nothing in an export comes from the network: refuse every request rather than wait for one.
        await page.route('**/*', route => route.abort());
        await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body class="vscode-light"></body></html>');
        await page.addScriptTag({ content: script });
        const result = await page.evaluate(async ({ format, model, language }) => {
            const run = (window as Window & { journeyExport?: JourneyExport }).journeyExport;
            if (!run) throw new Error('the export script did not load');
            return run(format, model, language);
        }, { format, model, language });
        if (format === 'pdf') {
            // The page to print holds the SVG picture on a page of its own size: text stays text.
            await page.setContent(result);
            return await page.pdf({ preferCSSPageSize: true, printBackground: true });
        }
        if (format !== 'png') return result;
        const base64 = /^data:image\/png;base64,(.*)$/.exec(result)?.[1];
        if (!base64) throw new Error('the browser produced no PNG (the map may be larger than a canvas can hold)');
        return Buffer.from(base64, 'base64');
    } catch (error) {
        if (error instanceof CliError) throw error;
        throw new CliError(`Drawing the ${format.toUpperCase()} in Chromium failed: ${firstLine(error)}. If the map is very large, try --format markdown or html instead.`);
    } finally {
        await browser.close();
    }
}

function firstLine(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    return message.split('\n')[0].replace(/\.$/, '');
}
