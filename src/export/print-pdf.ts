/**
 * Printing a page to PDF with the user's own Chromium, Chrome or Edge, started headless for
 * that one page: the extension host has no browser of its own to print with. The page (the map
 * as an SVG picture on a page of its size) is written to a temporary folder, with a profile of
 * its own there, so nothing of the user's browser profile is touched.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** Long enough for a cold start of a browser on a slow machine and a very large map. */
const PRINT_TIMEOUT_MS = 90_000;

export async function printToPdf(page: string, browser: string): Promise<Uint8Array> {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'journey-pdf-'));
    try {
        const input = path.join(folder, 'map.html');
        const output = path.join(folder, 'map.pdf');
        await fs.writeFile(input, page, 'utf8');
        const args = [
            '--headless', '--disable-gpu', '--no-sandbox', '--no-first-run', '--no-default-browser-check',
            '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-extensions',
            `--user-data-dir=${path.join(folder, 'profile')}`, '--no-pdf-header-footer', `--print-to-pdf=${output}`,
            pathToFileURL(input).href
        ];
        await new Promise<void>((resolve, reject) => {
            execFile(browser, args, { timeout: PRINT_TIMEOUT_MS, windowsHide: true }, (error, _stdout, stderr) => {
                if (error) reject(new Error(`${path.basename(browser)} could not print the PDF: ${error.message.split('\n')[0]}${stderr ? ` (${stderr.trim().split('\n').pop()})` : ''}`));
                else resolve();
            });
        });
        try {
            return await fs.readFile(output);
        } catch {
            throw new Error(`${path.basename(browser)} finished without writing a PDF. It may be too old to print headless; Chrome, Chromium or Edge from 2023 or later can.`);
        }
    } finally {
        await fs.rm(folder, { recursive: true, force: true });
    }
}
