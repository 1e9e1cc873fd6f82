/**
 * Finding a Chromium-family browser (Chromium, Chrome, Edge) on this machine, for the exports a
 * browser makes: the CLI draws SVG, PNG and PDF in one, and the extension prints PDFs with one.
 * The browser is always the user's own: nothing downloads one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Names on the PATH, in the order they are tried. */
const PATH_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable'];

/** Where the browsers usually live when they are not on the PATH. */
function knownLocations(env: NodeJS.ProcessEnv): string[] {
    const windows = [env['PROGRAMFILES'], env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((folder): folder is string => Boolean(folder));
    return [
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
 * first found on the PATH or in the usual places; undefined when there is none.
 */
export function findBrowser(configured: string | undefined, env: NodeJS.ProcessEnv = process.env, settingName = 'JOURNEY_CHROMIUM'): string | undefined {
    if (configured) {
        if (!fs.existsSync(configured)) {
            throw new BrowserSettingError(`${settingName} is set to '${configured}', but there is no file there. Point it at a Chromium, Chrome or Edge executable, or leave it empty to use the one on the PATH.`);
        }
        return configured;
    }
    const names = process.platform === 'win32' ? PATH_NAMES.flatMap(name => [name, `${name}.exe`]) : PATH_NAMES;
    for (const folder of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
        for (const name of names) {
            const candidate = path.join(folder, name);
            if (fs.existsSync(candidate)) return candidate;
        }
    }
    return knownLocations(env).find(candidate => fs.existsSync(candidate));
}
