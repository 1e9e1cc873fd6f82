/**
 * Headless Chromium for the exports that need a browser: Mermaid draws its diagrams with the
 * browser's layout engine, and the map becomes SVG and PNG the way the preview exports it.
 * The browser is the system's (none is ever downloaded); the page gets no
 * network at all, so an export cannot leak the map or depend on a server.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DocumentViewModel } from '../model/view-model.js';
import type { ExportFormat, PngExport } from '../protocol.js';
import { findBrowser } from '../export/find-browser.js';
import { escapeHtml } from '../render/escape.js';
import { CdpBrowser, type CdpPage } from './cdp.js';
import { CliError } from './errors.js';

/** Flags for a browser that only draws: no sandbox (containers, CI), no GPU, no traffic of its own. */
const CHROMIUM_FLAGS = [
    '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-dev-shm-usage',
    // Module scripts from files: the export page's own.
    '--allow-file-access-from-files',
    // No name resolves, so nothing could reach a server even past the page's policy.
    '--host-resolver-rules=MAP * ~NOTFOUND'
];

const HOW_TO_GET_CHROMIUM = 'Install it (Debian/Ubuntu: apt-get install chromium-headless-shell, or chromium; macOS: install Google Chrome), or set JOURNEY_CHROMIUM=/path/to/chromium (JOURNEY_CHROMIUM=none never starts one).';

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

/**
 * The export page: a file in the browser's own temporary folder that loads the export scripts
 * from this installation, opened by the browser as it starts, so the page and Mermaid load while
 * the maps are read. Its policy allows scripts from files and pictures from `data:` URLs and
 * nothing else: a label cannot fetch anything, and nothing reaches the network.
 */
function exportPage(folder: string): string {
    const script = pathToFileURL(path.join(folder, 'export-page.js')).href;
    return '<!DOCTYPE html><html><head><meta charset="utf-8">'
        + `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src file:; style-src 'unsafe-inline'; img-src data:; font-src data:">`
        + `</head><body class="vscode-light"><script type="module" src="${escapeHtml(script)}"></script></body></html>`;
}

/** Until the export page's script has run, in the tab the browser opened at start. */
const EXPORT_PAGE_READY = `new Promise(resolve => {
    const started = Date.now();
    const check = () => location.protocol === 'file:' && 'journeyExport' in window ? resolve(true)
        : Date.now() - started > 30000 ? resolve(false) : setTimeout(check, 5);
    check();
})`;

/** The first tab may still be on its way to the page: a check in the document it leaves is asked again. */
async function whenReady(page: CdpPage): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
        try {
            return await page.evaluate<boolean>(EXPORT_PAGE_READY);
        } catch (error) {
            if (attempt === 20 || !/context was destroyed|Cannot find context/i.test(String(error))) throw error;
        }
    }
}

export type BrowserFormat = Extract<ExportFormat, 'svg' | 'png' | 'pdf' | 'html'>;

/**
 * One headless Chromium with the export page loaded, drawing map after map with the preview's
 * own export code: starting a browser and loading Mermaid are most of an export's time, so a
 * call that renders twenty maps does both once. Asked for several pages, it loads the export
 * page again in tabs with renderer processes of their own, and draws as many maps at a time.
 */
export class ExportBrowser {
    private readonly idle: CdpPage[] = [];
    private readonly waiting: ((page: CdpPage) => void)[] = [];

    private constructor(private readonly browser: CdpBrowser) {}

    /** `pages`: how many maps may be drawn at the same time (one per core is plenty). */
    static async start(executablePath: string, pages = 1): Promise<ExportBrowser> {
        const folder = exportPageFolder();
        let browser: CdpBrowser;
        try {
            browser = await CdpBrowser.launch(executablePath, CHROMIUM_FLAGS, exportPage(folder));
        } catch (error) {
            throw new CliError(`Chromium at ${executablePath} did not start: ${firstLine(error)}. Check that it runs (${executablePath} --version), or set JOURNEY_CHROMIUM to another browser.`);
        }
        const exporter = new ExportBrowser(browser);
        try {
            const page = await browser.startPage();
            if (!await whenReady(page)) throw new Error('its script did not run within 30 s');
            exporter.release(page);
        } catch (error) {
            await browser.close();
            throw new CliError(`The export page did not load in Chromium: ${firstLine(error)}. Rebuild the CLI (node esbuild.mjs) or reinstall journey.`);
        }
        // The other pages load while the first draws; one that does not load only means fewer maps at a time.
        for (let i = 1; i < pages; i++) {
            void browser.newPage(browser.startUrl, true)
                .then(async page => { if (await whenReady(page)) exporter.release(page); })
                .catch(() => undefined);
        }
        return exporter;
    }

    /** The map as SVG or HTML markup, or as PDF bytes (printed from the page that laid it out). */
    async export(format: Exclude<BrowserFormat, 'png'>, model: DocumentViewModel, language?: string, images?: Record<string, string>): Promise<string | Buffer> {
        const result = await this.draw(format, model, language, images, undefined, (page, drawn) => format === 'pdf' ? page.pdf() : Promise.resolve(drawn));
        if (format === 'pdf' ? !Buffer.isBuffer(result) : typeof result !== 'string') throw this.failed(format, 'the export page returned nothing');
        return result as string | Buffer;
    }

    /** The map as PNG bytes, the density it was drawn at (`scale` asks for one), and the map's own size. */
    async exportPng(model: DocumentViewModel, language?: string, images?: Record<string, string>, scale?: number): Promise<{ bytes: Buffer; scale: number; width: number; height: number }> {
        return this.draw('png', model, language, images, scale, async (page, drawn) => {
            const png = drawn as PngExport | undefined;
            const bytes = typeof png?.scale === 'number' ? await page.blob('window.journeyPng') : undefined;
            if (!png || !bytes?.length) throw new Error('the browser produced no PNG (the map may be larger than a canvas can hold)');
            return { bytes, scale: png.scale, width: png.width, height: png.height };
        });
    }

    /** What `read` makes of the export page's answer, read before another map is drawn in the page. */
    private async draw<T>(format: BrowserFormat, model: DocumentViewModel, language: string | undefined, images: Record<string, string> | undefined, scale: number | undefined,
        read: (page: CdpPage, drawn: unknown) => Promise<T>): Promise<T> {
        try {
            // The arguments as JSON, which is also JavaScript: labels stay data and never become code.
            const call = [format, model, language, images, scale].map(value => value === undefined ? 'undefined' : JSON.stringify(value)).join(', ');
            const page = await this.acquire();
            try {
                return await read(page, await page.evaluate<unknown>(`window.journeyExport(${call})`));
            } finally {
                this.release(page);
            }
        } catch (error) {
            throw this.failed(format, error);
        }
    }

    private failed(format: BrowserFormat, error: unknown): CliError {
        if (error instanceof CliError) return error;
        return new CliError(`Drawing the ${format.toUpperCase()} in Chromium failed: ${firstLine(error)}. If the map is very large, try --format markdown or html instead.`);
    }

    async close(): Promise<void> {
        await this.browser.close();
    }

    private acquire(): Promise<CdpPage> {
        const page = this.idle.pop();
        return page ? Promise.resolve(page) : new Promise(resolve => this.waiting.push(resolve));
    }

    private release(page: CdpPage): void {
        const waiting = this.waiting.shift();
        if (waiting) waiting(page);
        else this.idle.push(page);
    }
}

function firstLine(error: unknown): string {
    const message = error instanceof Error ? error.message : String(error);
    return message.split('\n')[0].replace(/\.$/, '');
}
