/**
 * Which browser the exports take: Chromium's headless shell before any whole browser, wherever
 * each is on the PATH, and the one a setting names above all. Fake executables in folders of
 * their own stand in for the browsers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { browsersOnMachine, findBrowser, isHeadlessShell } from '../../src/export/find-browser.js';

let root: string;

/** A folder holding empty executables of these names. */
function folderWith(name: string, ...executables: string[]): string {
    const folder = path.join(root, name);
    fs.mkdirSync(folder, { recursive: true });
    for (const executable of executables) fs.writeFileSync(path.join(folder, executable), '#!/bin/sh\n', { mode: 0o755 });
    return folder;
}

const pathOf = (...folders: string[]) => ({ PATH: folders.join(path.delimiter) });

beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-find-browser-'));
});

describe('finding the browser the exports draw with', () => {
    test('the headless shell is taken before a whole browser in the same folder', () => {
        const bin = folderWith('same', 'chromium', 'google-chrome', 'chromium-headless-shell');
        expect(findBrowser(undefined, pathOf(bin))).toBe(path.join(bin, 'chromium-headless-shell'));
    });

    test('a headless shell later on the PATH is taken before a whole browser earlier on it', () => {
        const early = folderWith('early', 'chromium');
        const late = folderWith('late', 'chrome-headless-shell');
        expect(findBrowser(undefined, pathOf(early, late))).toBe(path.join(late, 'chrome-headless-shell'));
    });

    test('without a shell, the whole browser first on the PATH', () => {
        const first = folderWith('first', 'google-chrome');
        const second = folderWith('second', 'chromium');
        expect(findBrowser(undefined, pathOf(first, second))).toBe(path.join(first, 'google-chrome'));
        expect(findBrowser(undefined, pathOf(second, first))).toBe(path.join(second, 'chromium'));
    });

    test('a browser named by a setting is taken as it is, even a whole browser where a shell is', () => {
        const bin = folderWith('named', 'chromium', 'chromium-headless-shell');
        expect(findBrowser(path.join(bin, 'chromium'), pathOf(bin))).toBe(path.join(bin, 'chromium'));
        expect(() => findBrowser(path.join(bin, 'chrome'), pathOf(bin), 'The setting journey.export.browserPath'))
            .toThrow(`The setting journey.export.browserPath is set to '${path.join(bin, 'chrome')}', but there is no file there.`);
    });

    test('every browser found is listed once, in the order they are tried', () => {
        const a = folderWith('list-a', 'microsoft-edge', 'chromium');
        const b = folderWith('list-b', 'chromium-headless-shell');
        const found = browsersOnMachine(pathOf(a, b, a));
        // The usual places (/usr/bin and the like) follow what is on the PATH.
        expect(found.slice(0, 3)).toEqual([path.join(b, 'chromium-headless-shell'), path.join(a, 'chromium'), path.join(a, 'microsoft-edge')]);
        expect(new Set(found).size).toBe(found.length);
        expect(found.map(isHeadlessShell).slice(0, 3)).toEqual([true, false, false]);
    });
});
