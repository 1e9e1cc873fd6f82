/**
 * Headless Chromium for the exports that need a browser: Mermaid draws its diagrams with the
 * browser's layout engine, and the map becomes SVG and PNG the way the preview exports it.
 * The browser is the system's (playwright-core never downloads one); the page gets no
 * network at all, so an export cannot leak the map or depend on a server.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentViewModel } from '../model/view-model.js';
import type { ExportFormat, JourneyExport } from '../protocol.js';
import { findBrowser } from '../export/find-browser.js';
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

/** The browser side of the exports, built next to the CLI bundle: out/cli-export/export-page.js and its chunks. */
function exportPageFolder(): string {
    const folder = fileURLToPath(new URL('./cli-export/', import.meta.url));
    if (!fs.existsSync(path.join(folder, 'export-page.js'))) {
        throw new CliError(`The export page ${folder}export-page.js is missing from this installation of journey. Rebuild it (node esbuild.mjs) or reinstall the package.`);
    }
    return folder;
}

/** The export page's own origin: its files are served from disk by the CLI, and nothing else is reachable. */
const EXPORT_ORIGIN = 'https://journey-export.invalid';
const EXPORT_PAGE = '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body class="vscode-light">'
    + '<script type="module">import "./export-page.js"; document.body.dataset.ready = "yes";</script></body></html>';

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

export type BrowserFormat = Extract<ExportFormat, 'svg' | 'png' | 'pdf' | 'html'>;

/**
 * One headless Chromium with the export page loaded, drawing map after map with the preview's
 * own export code: starting a browser and loading Mermaid are most of an export's time, so a
 * call that renders twenty maps does both once.
 */
export class ExportBrowser {
    private constructor(private readonly browser: import('playwright-core').Browser, private readonly page: import('playwright-core').Page) {}

    static async start(executablePath: string): Promise<ExportBrowser> {
        const folder = exportPageFolder();
        const { chromium } = await loadPlaywright();
        let browser;
        try {
            browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_FLAGS });
        } catch (error) {
            throw new CliError(`Chromium at ${executablePath} did not start: ${firstLine(error)}. Check that it runs (${executablePath} --version), or set JOURNEY_CHROMIUM to another browser.`);
        }
        try {
            const page = await browser.newPage();
            // Nothing in an export comes from the network: the page's own files come from disk, every other request is refused.
            await page.route('**/*', async route => {
                const url = new URL(route.request().url());
                if (url.origin !== EXPORT_ORIGIN) return route.abort();
                if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: EXPORT_PAGE });
                const file = path.resolve(folder, `.${decodeURIComponent(url.pathname)}`);
                if (!file.startsWith(folder) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
                return route.fulfill({ contentType: 'text/javascript', body: fs.readFileSync(file) });
            });
            await page.goto(`${EXPORT_ORIGIN}/`);
            // Evaluated in the page, whose globals this Node module does not know: as text.
            await page.waitForFunction('document.body.dataset.ready === "yes" && "journeyExport" in window', undefined, { timeout: 30_000 });
            return new ExportBrowser(browser, page);
        } catch (error) {
            await browser.close();
            if (error instanceof CliError) throw error;
            throw new CliError(`The export page did not load in Chromium: ${firstLine(error)}. Rebuild the CLI (node esbuild.mjs) or reinstall journey.`);
        }
    }

    /** The map as SVG or HTML markup, or as PNG or PDF bytes. */
    async export(format: BrowserFormat, model: DocumentViewModel, language?: string, images?: Record<string, string>): Promise<string | Buffer> {
        try {
            const result = await this.page.evaluate(async ({ format, model, language, images }) => {
                const run = (globalThis as { journeyExport?: JourneyExport }).journeyExport;
                if (!run) throw new Error('the export page did not load');
                return run(format, model, language, images);
            }, { format, model, language, images });
            if (format === 'pdf') return await this.print(result);
            if (format !== 'png') return result;
            const base64 = /^data:image\/png;base64,(.*)$/.exec(result)?.[1];
            if (!base64) throw new Error('the browser produced no PNG (the map may be larger than a canvas can hold)');
            return Buffer.from(base64, 'base64');
        } catch (error) {
            if (error instanceof CliError) throw error;
            throw new CliError(`Drawing the ${format.toUpperCase()} in Chromium failed: ${firstLine(error)}. If the map is very large, try --format markdown or html instead.`);
        }
    }

    async close(): Promise<void> {
        await this.browser.close();
    }

    /** The page to print holds the SVG picture on a page of its own size: text stays text. */
    private async print(page: string): Promise<Buffer> {
        const printer = await this.browser.newPage();
        try {
            await printer.route('**/*', route => route.abort());
            await printer.setContent(page);
            return await printer.pdf({ preferCSSPageSize: true, printBackground: true });
        } finally {
            await printer.close();
        }
    }
}

function firstLine(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    return message.split('\n')[0].replace(/\.$/, '');
}
