/**
 * Builds the CLI and its browser export script with esbuild.mjs's own options into a fresh folder
 * that stands for the installed package, so the tests run the real bundle.
 */
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleOptions } from '../../scripts/build-options.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface BuiltCli {
    /** The folder standing for the installed package: package.json, out/cli.cjs, out/cli-export.js. */
    root: string;
    cli: string;
}

export async function buildCli(): Promise<BuiltCli> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-cli-'));
    const bundles = bundleOptions({ root: ROOT, production: true, out: path.join(root, 'out') });
    // Resolved from the repository, as an installed package resolves it from its own node_modules.
    await esbuild.build({ ...bundles.cli, logLevel: 'silent', nodePaths: [path.join(ROOT, 'node_modules')] });
    await esbuild.build({ ...bundles.cliExport, logLevel: 'silent' });
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(root, 'package.json'));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
    return { root, cli: path.join(root, 'out', 'cli.cjs') };
}

/** Bundles the Markdown preview script as esbuild.mjs does: one classic script (VS Code loads it with a nonce, no modules). */
export async function buildMarkdownPreview(): Promise<string> {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-markdown-'));
    await esbuild.build({ ...bundleOptions({ root: ROOT, production: true, out }).markdownPreview, logLevel: 'silent' });
    return path.join(out, 'markdown', 'journey-preview.js');
}
