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

const builds = [
    { ...node, entryPoints: { extension: 'src/extension/extension.ts', server: 'src/language/main.ts', cli: 'src/cli/main.ts' }, outdir: 'out' },
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
].map(options => ({ ...options, entryPoints: Object.fromEntries(Object.entries(options.entryPoints).filter(([, file]) => fs.existsSync(file))) }));

for (const options of builds) {
    if (Object.keys(options.entryPoints).length === 0) continue;
    if (watch) {
        const context = await esbuild.context(options);
        await context.watch();
    } else {
        await esbuild.build(options);
    }
}
