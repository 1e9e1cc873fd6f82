// Bundles the extension host and the language server (CommonJS for Node), the CLI, and the browser
// scripts (the webview as ESM with lazy chunks; single classic scripts for the Markdown preview and the
// CLI's export page). The options live in scripts/build-options.mjs, shared with the tests.
//
//   node esbuild.mjs [--production] [--watch] [--out DIR]   DIR defaults to the project's out/
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleOptions } from './scripts/build-options.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const outAt = process.argv.indexOf('--out');
const out = outAt >= 0 ? path.resolve(process.argv[outAt + 1]) : undefined;
const bundles = bundleOptions({ root: fileURLToPath(new URL('.', import.meta.url)), production, out });

// Chunk names carry content hashes: clear the old ones so packages do not collect every earlier build.
if (!watch) for (const bundle of [bundles.webview, bundles.cliExport]) fs.rmSync(bundle.outdir, { recursive: true, force: true });

for (const options of Object.values(bundles)) {
    if (watch) {
        const context = await esbuild.context(options);
        await context.watch();
    } else {
        await esbuild.build(options);
    }
}
