/**
 * Builds the CLI the way esbuild.mjs does (CommonJS for Node 20 with the groupBy polyfill and
 * import.meta.url, playwright-core left to node_modules), plus the browser export script,
 * into a fresh folder, so the tests run the real bundle even while other entries of
 * esbuild.mjs are being worked on.
 */
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface BuiltCli {
    /** The folder standing for the installed package: package.json, out/cli.cjs, out/cli-export.js. */
    root: string;
    cli: string;
}

export async function buildCli(): Promise<BuiltCli> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-cli-'));
    const outdir = path.join(root, 'out');
    const polyfill = fs.readFileSync(path.join(ROOT, 'scripts/polyfill.mjs'), 'utf8');
    await esbuild.build({
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['vscode', 'playwright-core'],
        outExtension: { '.js': '.cjs' },
        define: { 'import.meta.url': 'import_meta_url' },
        banner: { js: `const import_meta_url = require('url').pathToFileURL(__filename).href;\n${polyfill}` },
        entryPoints: { cli: path.join(ROOT, 'src/cli/main.ts') },
        outdir,
        logLevel: 'silent',
        // Resolved from the repository, as an installed package resolves it from its own node_modules.
        nodePaths: [path.join(ROOT, 'node_modules')]
    });
    await esbuild.build({
        bundle: true,
        platform: 'browser',
        format: 'iife',
        target: 'es2022',
        minify: true,
        entryPoints: { 'cli-export': path.join(ROOT, 'src/cli/browser/export-page.ts') },
        outdir,
        logLevel: 'silent'
    });
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    return { root, cli: path.join(outdir, 'cli.cjs') };
}

/** Bundles the Markdown preview script as esbuild.mjs should: one classic script (VS Code loads it with a nonce, no modules). */
export async function buildMarkdownPreview(): Promise<string> {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-markdown-'));
    await esbuild.build({
        bundle: true,
        platform: 'browser',
        format: 'iife',
        target: 'es2022',
        minify: true,
        entryPoints: { 'journey-preview': path.join(ROOT, 'src/markdown/preview/main.ts') },
        outdir,
        logLevel: 'silent'
    });
    return path.join(outdir, 'journey-preview.js');
}
