// Bundles the extension host and the language server (CommonJS for Node) and the webview (ESM for the browser).
import * as esbuild from 'esbuild';
import fs from 'node:fs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
const polyfill = fs.readFileSync(new URL('./scripts/polyfill.mjs', import.meta.url), 'utf8');

/** CommonJS bundles run on Node 20: they need the groupBy polyfill and a working import.meta.url. */
const node = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: !production,
    minify: production,
    external: ['vscode'],
    outExtension: { '.js': '.cjs' },
    define: { 'import.meta.url': 'import_meta_url' },
    banner: { js: `const import_meta_url = require('url').pathToFileURL(__filename).href;\n${polyfill}` },
    logLevel: 'warning'
};

/** Single classic scripts for pages whose CSP admits one nonce'd script and no chunks (Markdown preview, CLI export page). */
const browserScript = {
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    sourcemap: false,
    minify: production,
    logLevel: 'warning'
};

const builds = [
    { ...node, entryPoints: { extension: 'src/extension/extension.ts', server: 'src/language/main.ts' }, outdir: 'out' },
    // The CLI loads playwright-core at run time, only for SVG/PNG/HTML exports; bundled, it breaks.
    { ...node, entryPoints: { cli: 'src/cli/main.ts' }, outdir: 'out', external: ['vscode', 'playwright-core'] },
    { ...browserScript, entryPoints: { 'cli-export': 'src/cli/browser/export-page.ts' }, outdir: 'out' },
    { ...browserScript, entryPoints: { 'journey-preview': 'src/markdown/preview/main.ts' }, outdir: 'out/markdown' },
    {
        bundle: true,
        platform: 'browser',
        format: 'esm',
        splitting: true,
        target: 'es2022',
        sourcemap: !production,
        minify: production,
        entryPoints: { preview: 'src/webview/main.ts' },
        outdir: 'out/webview',
        chunkNames: 'chunks/[name]-[hash]',
        logLevel: 'warning'
    }
];

// Chunk names carry content hashes: clear the old ones so packages do not collect every earlier build.
if (!watch) fs.rmSync(new URL('./out/webview', import.meta.url), { recursive: true, force: true });

for (const options of builds) {
    if (watch) {
        const context = await esbuild.context(options);
        await context.watch();
    } else {
        await esbuild.build(options);
    }
}
