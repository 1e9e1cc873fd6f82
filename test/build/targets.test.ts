/**
 * Each source file runs on one platform or is shared: tsconfig.node.json checks what runs in Node
 * (no DOM), tsconfig.browser.json what runs in a browser page (no Node), tsconfig.web.json what runs
 * in a web worker (the extension in vscode.dev: neither). A new file neither reaches
 * would be checked against both platforms at once only, so this test names it.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';

function filesOf(config: string): Set<string> {
    const { config: json } = ts.readConfigFile(config, ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(json, ts.sys, path.dirname(path.resolve(config)));
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noResolve: false } });
    return new Set(program.getSourceFiles().map(file => path.resolve(file.fileName)));
}

function sources(folder: string): string[] {
    return fs.readdirSync(folder, { withFileTypes: true, recursive: true })
        .filter(entry => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
        .map(entry => path.resolve(entry.parentPath, entry.name));
}

describe('build targets', () => {
    test('every source file is checked for the platform it runs on', () => {
        const reached = new Set([...filesOf('tsconfig.node.json'), ...filesOf('tsconfig.browser.json'), ...filesOf('tsconfig.web.json')]);
        const missing = sources('src').filter(file => !reached.has(file)).map(file => path.relative('.', file));
        expect(missing, 'add these to tsconfig.node.json, tsconfig.browser.json or tsconfig.web.json, or import them from a file there').toEqual([]);
    });
});
