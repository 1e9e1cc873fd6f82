/**
 * What the extension ships and loads: the extension-host and server bundles, the webview's
 * initial JavaScript (the entry and everything it imports statically) and its lazy chunks.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface FileSize {
    bytes: number;
    gzip: number;
}

export interface BundleSizes {
    /** Whether the bundles are minified (built with `node esbuild.mjs --production`). */
    production: boolean;
    extension: FileSize;
    server: FileSize;
    /** preview.js and its static imports: what the webview loads before it can show anything. */
    webviewInitial: FileSize & { files: string[] };
    /** Chunks loaded only by a dynamic import (Mermaid, its diagrams, the exports). */
    webviewLazy: FileSize & { files: number };
}

function sizeOf(files: string[]): FileSize {
    let bytes = 0;
    let gzip = 0;
    for (const file of files) {
        const content = fs.readFileSync(file);
        bytes += content.length;
        gzip += zlib.gzipSync(content, { level: 9 }).length;
    }
    return { bytes, gzip };
}

/** `import ... from "./x.js"`, `import "./x.js"` and `export ... from "./x.js"`, but not `import("./x.js")`. */
const STATIC_IMPORT = /(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+)["']/g;

export function staticImportClosure(entry: string): string[] {
    const seen = new Set<string>();
    const visit = (file: string) => {
        if (seen.has(file)) return;
        seen.add(file);
        const text = fs.readFileSync(file, 'utf8');
        for (const match of text.matchAll(STATIC_IMPORT)) {
            if (match[1].startsWith('.')) visit(path.resolve(path.dirname(file), match[1]));
        }
    };
    visit(entry);
    return [...seen];
}

function isMinified(file: string): boolean {
    const text = fs.readFileSync(file, 'utf8');
    const lines = text.split('\n').length;
    return text.length / lines > 300;
}

export function measureBundles(outDir: string): BundleSizes {
    const extension = path.join(outDir, 'extension.cjs');
    const server = path.join(outDir, 'server.cjs');
    const entry = path.join(outDir, 'webview', 'preview.js');
    for (const file of [extension, server, entry]) {
        if (!fs.existsSync(file)) throw new Error(`Missing bundle ${file}: build with \`node esbuild.mjs --production\` first.`);
    }
    const initial = staticImportClosure(entry);
    const chunksDir = path.join(outDir, 'webview', 'chunks');
    const chunks = fs.existsSync(chunksDir) ? fs.readdirSync(chunksDir).filter(name => name.endsWith('.js')).map(name => path.join(chunksDir, name)) : [];
    const lazy = chunks.filter(chunk => !initial.includes(chunk));
    return {
        production: isMinified(server),
        extension: sizeOf([extension]),
        server: sizeOf([server]),
        webviewInitial: { ...sizeOf(initial), files: initial.map(file => path.relative(path.join(outDir, 'webview'), file)) },
        webviewLazy: { ...sizeOf(lazy), files: lazy.length }
    };
}
