/**
 * One browser and one harness server per test file, and the pages a test opens: each must stay on
 * its own origin and within its Content-Security-Policy, without uncaught errors or dialogs.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildWebview, launchChromium, openPreview, startServer, type PreviewPage, type PreviewServer, type Theme } from './harness.js';

export interface PreviewSession {
    readonly browser: Browser;
    readonly server: PreviewServer;
    open(theme?: Theme, viewport?: { width: number; height: number }): Promise<PreviewPage>;
}

export function previewSession(): PreviewSession {
    let browser: Browser;
    let server: PreviewServer;
    const opened: PreviewPage[] = [];
    beforeAll(async () => {
        server = await startServer(await buildWebview());
        browser = await launchChromium();
    });
    afterAll(async () => {
        await browser?.close();
        await server?.close();
    });
    afterEach(async () => {
        for (const preview of opened.splice(0)) {
            expect(preview.requests.filter(url => !url.startsWith(server.origin + '/'))).toEqual([]);
            expect(await preview.cspViolations()).toEqual([]);
            expect(preview.pageErrors).toEqual([]);
            expect(preview.dialogs).toEqual([]);
            await preview.close();
        }
    });
    return {
        get browser() { return browser; },
        get server() { return server; },
        async open(theme = 'light', viewport) {
            const preview = await openPreview(browser, server, theme, viewport);
            opened.push(preview);
            return preview;
        }
    };
}
