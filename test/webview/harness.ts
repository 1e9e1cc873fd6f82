/**
 * Runs the preview webview in headless Chromium the way VS Code hosts it: the real page and
 * Content-Security-Policy from preview-html.ts, VS Code's theme variables and body class, and a
 * fake `acquireVsCodeApi` that records what the preview posts. Served from 127.0.0.1 so every
 * request to anywhere else stands out.
 */
import * as esbuild from 'esbuild';
import { bundleOptions } from '../../scripts/build-options.mjs';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createNonce, previewHtml } from '../../src/extension/preview/preview-html.js';
import type { DocumentViewModel } from '../../src/model/view-model.js';
import type { ExportFormat, FromPreviewMessage, PreviewOptions, PreviewState, ToPreviewMessage, Unsourced } from '../../src/protocol.js';
import { OVERVIEW_EVENT, RENDERED_EVENT, type RenderedDetail } from '../../src/webview/preview-view.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CHROMIUM = '/usr/bin/chromium';

export type Theme = 'light' | 'dark' | 'high-contrast';

/** What VS Code 1.100 puts on a webview's <html> and <body> for its default themes (Light Modern, Dark Modern). */
const VSCODE_THEMES: Record<Theme, { bodyClass: string; variables: Record<string, string> }> = {
    light: {
        bodyClass: 'vscode-light',
        variables: {
            '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
            '--vscode-font-size': '13px',
            '--vscode-font-weight': 'normal',
            '--vscode-editor-font-family': '"Droid Sans Mono", "monospace", monospace',
            '--vscode-editor-background': '#ffffff',
            '--vscode-editor-foreground': '#3b3b3b',
            '--vscode-foreground': '#3b3b3b',
            '--vscode-descriptionForeground': '#3b3b3b',
            '--vscode-focusBorder': '#005fb8',
            '--vscode-textLink-foreground': '#005fb8',
            '--vscode-badge-background': '#cccccc',
            '--vscode-badge-foreground': '#3b3b3b',
            '--vscode-panel-border': '#e5e5e5',
            '--vscode-editorWidget-background': '#f8f8f8',
            '--vscode-editorWidget-border': '#e5e5e5',
            '--vscode-button-background': '#005fb8',
            '--vscode-button-foreground': '#ffffff',
            '--vscode-button-border': '#0000001a',
            '--vscode-button-secondaryBackground': '#e5e5e5',
            '--vscode-button-secondaryForeground': '#3b3b3b',
            '--vscode-button-secondaryHoverBackground': '#cccccc',
            '--vscode-inputValidation-errorBackground': '#f2dede',
            '--vscode-inputValidation-errorBorder': '#be1100',
            '--vscode-inputValidation-infoBackground': '#d6ecf2',
            '--vscode-inputValidation-infoBorder': '#007acc',
            '--vscode-charts-foreground': '#616161',
            '--vscode-charts-lines': 'rgba(97, 97, 97, 0.5)',
            '--vscode-charts-red': '#e51400',
            '--vscode-charts-blue': '#1a85ff',
            '--vscode-charts-yellow': '#bf8803',
            '--vscode-charts-orange': '#d18616',
            '--vscode-charts-green': '#388a34',
            '--vscode-charts-purple': '#652d90'
        }
    },
    dark: {
        bodyClass: 'vscode-dark',
        variables: {
            '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
            '--vscode-font-size': '13px',
            '--vscode-font-weight': 'normal',
            '--vscode-editor-font-family': '"Droid Sans Mono", "monospace", monospace',
            '--vscode-editor-background': '#1f1f1f',
            '--vscode-editor-foreground': '#cccccc',
            '--vscode-foreground': '#cccccc',
            '--vscode-descriptionForeground': '#9d9d9d',
            '--vscode-focusBorder': '#0078d4',
            '--vscode-textLink-foreground': '#4daafc',
            '--vscode-badge-background': '#616161',
            '--vscode-badge-foreground': '#f8f8f8',
            '--vscode-panel-border': '#2b2b2b',
            '--vscode-editorWidget-background': '#202020',
            '--vscode-editorWidget-border': '#313131',
            '--vscode-button-background': '#0078d4',
            '--vscode-button-foreground': '#ffffff',
            '--vscode-button-border': '#ffffff12',
            '--vscode-button-secondaryBackground': '#313131',
            '--vscode-button-secondaryForeground': '#cccccc',
            '--vscode-button-secondaryHoverBackground': '#3c3c3c',
            '--vscode-inputValidation-errorBackground': '#5a1d1d',
            '--vscode-inputValidation-errorBorder': '#be1100',
            '--vscode-inputValidation-infoBackground': '#063b49',
            '--vscode-inputValidation-infoBorder': '#007acc',
            '--vscode-charts-foreground': '#cccccc',
            '--vscode-charts-lines': 'rgba(204, 204, 204, 0.5)',
            '--vscode-charts-red': '#f14c4c',
            '--vscode-charts-blue': '#3794ff',
            '--vscode-charts-yellow': '#cca700',
            '--vscode-charts-orange': '#d18616',
            '--vscode-charts-green': '#89d185',
            '--vscode-charts-purple': '#b180d7'
        }
    },
    'high-contrast': {
        bodyClass: 'vscode-high-contrast',
        variables: {
            '--vscode-font-family': 'system-ui, "Ubuntu", "Droid Sans", sans-serif',
            '--vscode-font-size': '13px',
            '--vscode-font-weight': 'normal',
            '--vscode-editor-font-family': '"Droid Sans Mono", "monospace", monospace',
            '--vscode-editor-background': '#000000',
            '--vscode-editor-foreground': '#ffffff',
            '--vscode-foreground': '#ffffff',
            '--vscode-descriptionForeground': '#ffffff',
            '--vscode-focusBorder': '#f38518',
            '--vscode-contrastBorder': '#6fc3df',
            '--vscode-contrastActiveBorder': '#f38518',
            '--vscode-textLink-foreground': '#21a6ff',
            '--vscode-badge-background': '#000000',
            '--vscode-badge-foreground': '#ffffff',
            '--vscode-panel-border': '#6fc3df',
            '--vscode-editorWidget-background': '#0c141f',
            '--vscode-editorWidget-border': '#6fc3df',
            '--vscode-button-background': '#000000',
            '--vscode-button-foreground': '#ffffff',
            '--vscode-button-border': '#6fc3df',
            '--vscode-button-secondaryBackground': '#000000',
            '--vscode-button-secondaryForeground': '#ffffff',
            '--vscode-inputValidation-errorBackground': '#000000',
            '--vscode-inputValidation-errorBorder': '#6fc3df',
            '--vscode-inputValidation-infoBackground': '#000000',
            '--vscode-inputValidation-infoBorder': '#6fc3df',
            '--vscode-charts-foreground': '#ffffff',
            '--vscode-charts-lines': 'rgba(255, 255, 255, 0.5)',
            '--vscode-charts-red': '#f14c4c',
            '--vscode-charts-blue': '#3794ff',
            '--vscode-charts-yellow': '#cca700',
            '--vscode-charts-orange': '#d18616',
            '--vscode-charts-green': '#89d185',
            '--vscode-charts-purple': '#b180d7'
        }
    }
};

export function themeStyle(theme: Theme): string {
    return Object.entries(VSCODE_THEMES[theme].variables).map(([name, value]) => `${name}: ${value};`).join(' ');
}

/** Bundles src/webview/main.ts with esbuild.mjs's own options into a fresh folder; returns the folder of preview.js. */
export async function buildWebview(): Promise<string> {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-webview-'));
    const options = bundleOptions({ root: ROOT, out }).webview;
    await esbuild.build({ ...options, sourcemap: false, logLevel: 'silent' });
    return options.outdir!;
}

export interface PreviewServer {
    origin: string;
    close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.png': 'image/png', '.svg': 'image/svg+xml' };

/** Serves the preview page (`/preview.html?theme=dark`), the bundle (`/out/webview/`) and `/media/`. */
export async function startServer(webviewDir: string): Promise<PreviewServer> {
    let origin = '';
    const server = http.createServer((request, response) => {
        const url = new URL(request.url ?? '/', origin);
        if (url.pathname === '/preview.html') {
            const requested = url.searchParams.get('theme');
            const theme: Theme = requested === 'dark' || requested === 'high-contrast' ? requested : 'light';
            const page = previewHtml({
                cspSource: origin,
                nonce: createNonce(),
                scriptUri: `${origin}/out/webview/preview.js`,
                styleUri: `${origin}/media/preview.css`
            })
                .replace('<html lang="en">', `<html lang="en" style='${themeStyle(theme)}'>`)
                .replace('<body>', `<body class="${VSCODE_THEMES[theme].bodyClass}" data-vscode-theme-kind="${VSCODE_THEMES[theme].bodyClass}">`);
            response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
            response.end(page);
            return;
        }
        const base = url.pathname.startsWith('/out/webview/') ? webviewDir : url.pathname.startsWith('/media/') ? path.join(ROOT, 'media') : undefined;
        const relative = url.pathname.replace(/^\/(out\/webview|media)\//, '');
        const file = base ? path.resolve(base, relative) : undefined;
        if (!file || !file.startsWith(base!) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
            response.writeHead(404);
            response.end();
            return;
        }
        response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
        response.end(fs.readFileSync(file));
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (!address || typeof address === 'string') throw new Error('the test server has no port');
    origin = `http://127.0.0.1:${address.port}`;
    return { origin, close: () => new Promise(resolve => server.close(() => resolve())) };
}

export async function launchChromium(): Promise<Browser> {
    if (!fs.existsSync(CHROMIUM)) {
        throw new Error(`Chromium is missing at ${CHROMIUM}: the webview tests need a real browser and never skip. Install it with \`apt-get install chromium\`.`);
    }
    return chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage']
    });
}

/** A preview page and everything it did: messages posted, requests made, dialogs opened. */
export interface PreviewPage {
    page: Page;
    /** Every URL the page requested, in order. */
    requests: string[];
    dialogs: string[];
    pageErrors: string[];
    posted(): Promise<FromPreviewMessage[]>;
    clearPosted(): Promise<void>;
    state(): Promise<PreviewState | undefined>;
    cspViolations(): Promise<string[]>;
    /** Sends a model and waits until the preview has handled it. */
    draw(model: DocumentViewModel, options?: Partial<PreviewOptions>): Promise<RenderedDetail & { roundTrip: number; overviewMilliseconds: number }>;
    /** Posts as the extension does; `source` defaults to the URI of the last model drawn. */
    send(message: Unsourced<ToPreviewMessage>, source?: string): Promise<void>;
    close(): Promise<void>;
}

export async function openPreview(browser: Browser, server: PreviewServer, theme: Theme = 'light', viewport = { width: 1400, height: 1000 }): Promise<PreviewPage> {
    const page = await browser.newPage({ viewport });
    const requests: string[] = [];
    const dialogs: string[] = [];
    const pageErrors: string[] = [];
    page.on('request', request => requests.push(request.url()));
    page.on('dialog', dialog => { dialogs.push(dialog.message()); void dialog.dismiss(); });
    page.on('pageerror', error => pageErrors.push(error.message));
    // Nothing may leave the machine: anything not from the test server fails at once.
    await page.route(url => !url.href.startsWith(server.origin), route => route.abort());
    await page.addInitScript(() => {
        const w = window as unknown as Record<string, unknown>;
        const posted: unknown[] = [];
        const violations: string[] = [];
        let state: unknown;
        w.__posted = posted;
        w.__violations = violations;
        w.__getState = () => state;
        w.acquireVsCodeApi = () => ({
            postMessage: (message: unknown) => posted.push(JSON.parse(JSON.stringify(message))),
            getState: () => state,
            setState: (next: unknown) => { state = next; }
        });
        document.addEventListener('securitypolicyviolation', event => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await page.goto(`${server.origin}/preview.html?theme=${theme}`);
    await page.waitForFunction(() => (window as unknown as { __posted: Array<{ type: string }> }).__posted.some(m => m.type === 'ready'));

    // Messages name the document of the last model drawn unless a test says otherwise, as the extension does.
    let shownUri = '';
    const send = async (message: Unsourced<ToPreviewMessage>, source = shownUri) => {
        await page.evaluate(data => window.postMessage(data, '*'), { ...message, source } as ToPreviewMessage);
    };
    return {
        page, requests, dialogs, pageErrors,
        posted: () => page.evaluate(() => (window as unknown as { __posted: FromPreviewMessage[] }).__posted.slice()),
        clearPosted: () => page.evaluate(() => { (window as unknown as { __posted: unknown[] }).__posted.length = 0; }),
        state: () => page.evaluate(() => (window as unknown as { __getState(): PreviewState | undefined }).__getState()),
        cspViolations: () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.slice()),
        send,
        // Waits for the map and then for its overview band, which follows it.
        draw: (model, options = {}) => (shownUri = model.uri, page.evaluate(async ({ model, options, events }) => {
            const started = performance.now();
            const arrival = (name: string) => new Promise<RenderedDetail>(resolve => {
                const listener = (event: Event) => {
                    const detail = (event as CustomEvent<RenderedDetail>).detail;
                    if (detail.version !== model.version) return;
                    window.removeEventListener(name, listener);
                    resolve(detail);
                };
                window.addEventListener(name, listener);
            });
            const drawn = arrival(events.rendered);
            const overview = arrival(events.overview);
            window.postMessage({ type: 'model', model: JSON.stringify(model), options, source: model.uri }, '*');
            const detail = await drawn;
            const roundTrip = performance.now() - started;
            const caughtUp = await overview;
            return { ...detail, roundTrip, overviewMilliseconds: caughtUp.milliseconds };
        }, { model, options: { theme, ...options } as PreviewOptions, events: { rendered: RENDERED_EVENT, overview: OVERVIEW_EVENT } })),
        close: () => page.close()
    };
}

/** Asks the preview for an export and returns what it posts back (an `error` message fails). */
export async function exported(preview: PreviewPage, format: ExportFormat, images?: Record<string, string>): Promise<string> {
    await preview.clearPosted();
    await preview.send({ type: 'export', format, ...(images ? { images } : {}) });
    await preview.page.waitForFunction(f => (window as unknown as { __posted: Array<{ type: string; format?: string }> }).__posted
        .some(m => (m.type === 'exported' && m.format === f) || m.type === 'error'), format, { timeout: 30_000 });
    const message = (await preview.posted()).find(m => m.type === 'exported' || m.type === 'error')!;
    if (message.type !== 'exported') throw new Error(`export failed: ${JSON.stringify(message)}`);
    return message.data;
}
