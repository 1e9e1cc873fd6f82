/**
 * Finding a Chromium-family browser (Chromium, Chrome, Edge) on this machine, for the exports a
 * browser makes: the CLI draws SVG, PNG and PDF in one, and the extension prints PDFs with one.
 * The browser is always the user's own: nothing downloads one.
 *
 * Chromium's headless shell (Debian's chromium-headless-shell, Google's chrome-headless-shell) is
 * tried first: the same Blink without the browser around it, made for this. It draws the same
 * pictures, byte for byte, and starts in about half the time, which is most of one map's export.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Names on the PATH, in the order they are tried: any headless shell on the PATH before any whole browser. */
const PATH_NAMES = [
    ['chromium-headless-shell', 'chrome-headless-shell'],
    ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable']
];

/** Whether a browser found here is a headless shell rather than a whole browser. */
export function isHeadlessShell(executable: string): boolean {
    return /-headless-shell(\.exe)?$/i.test(path.basename(executable));
}

/** Where the browsers usually live when they are not on the PATH. */
function knownLocations(env: NodeJS.ProcessEnv): string[] {
    const windows = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((folder): folder is string => Boolean(folder));
    return [
        '/usr/bin/chromium-headless-shell',
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/usr/bin/google-chrome',
        '/usr/bin/google-chrome-stable',
        '/usr/bin/microsoft-edge',
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
        '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
        ...windows.flatMap(folder => [
            path.join(folder, 'Google', 'Chrome', 'Application', 'chrome.exe'),
            path.join(folder, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
            path.join(folder, 'Chromium', 'Application', 'chrome.exe')
        ])
    ];
}

export class BrowserSettingError extends Error {}

/**
 * The browser to use: `configured` when given (an error if there is nothing there), else the
 * first of `browsersOnMachine`; undefined when there is none.
 */
export function findBrowser(configured: string | undefined, env: NodeJS.ProcessEnv = process.env, settingName = 'JOURNEY_CHROMIUM'): string | undefined {
    if (configured) {
        if (!fs.existsSync(configured)) {
            throw new BrowserSettingError(`${settingName} is set to '${configured}', but there is no file there. Point it at a Chromium, Chrome or Edge executable, or leave it empty to use the one on the PATH.`);
        }
        return configured;
    }
    return found(env).next().value;
}

/** Every browser found, in the order they are tried, each executable once. */
export function browsersOnMachine(env: NodeJS.ProcessEnv = process.env): string[] {
    return [...new Set(found(env))];
}

/** The browsers on the PATH, by the names above, then in the usual places. */
function* found(env: NodeJS.ProcessEnv): Generator<string, undefined> {
    const folders = (env.PATH ?? '').split(path.delimiter).filter(Boolean);
    for (const group of PATH_NAMES) {
        const names = process.platform === 'win32' ? group.flatMap(name => [name, `${name}.exe`]) : group;
        for (const folder of folders) {
            for (const name of names) {
                const candidate = path.join(folder, name);
                if (fs.existsSync(candidate)) yield candidate;
            }
        }
    }
    for (const candidate of knownLocations(env)) if (fs.existsSync(candidate)) yield candidate;
    return undefined;
}
