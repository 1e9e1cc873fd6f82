// The esbuild options of every bundle the extension ships, in one place: esbuild.mjs builds them into
// out/, and the tests build the same bundles into folders of their own.
import fs from 'node:fs';
import path from 'node:path';

/**
 * The project folder is passed in rather than found from this file's location, because the tests
 * that import this are sometimes bundled elsewhere (bench/run.mjs bundles the webview harness).
 * @param {{ root: string, production?: boolean, out?: string }} options `out` defaults to the project's out/.
 * @returns {Record<'host' | 'web' | 'webServer' | 'cli' | 'cliExport' | 'markdownPreview' | 'webview', import('esbuild').BuildOptions>}
 */
export function bundleOptions({ root, production = false, out = path.join(root, 'out') }) {
    const polyfill = fs.readFileSync(path.join(root, 'scripts/polyfill.mjs'), 'utf8');
    const source = file => path.join(root, file);
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
        outdir: out,
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
    /** Bundles for a web worker: no Node, one file each. */
    const browserWorker = {
        bundle: true,
        platform: 'browser',
        target: 'es2022',
        sourcemap: !production,
        minify: production,
        alias: { 'csv-parse': 'csv-parse/browser/esm' },
        outdir: path.join(out, 'web'),
        logLevel: 'warning'
    };
    return {
        host: { ...node, entryPoints: { extension: source('src/extension/extension.ts'), server: source('src/language/main.ts'), 'parser-worker': source('src/language/parser-worker.ts') } },
        // The browser's extension (vscode.dev, github.dev): the extension host's code in a web worker of
        // VS Code's, and the language server in a worker of its own. csv-parse's browser build carries
        // the stream it parses with.
        web: { ...browserWorker, format: 'cjs', external: ['vscode'], entryPoints: { extension: source('src/extension/browser-extension.ts') } },
        webServer: { ...browserWorker, format: 'iife', entryPoints: { server: source('src/language/browser-main.ts') } },
        cli: { ...node, entryPoints: { cli: source('src/cli/main.ts') }, external: ['vscode'] },
        // Served to the CLI's headless browser as modules: Mermaid and its timeline load as chunks only when a map is drawn.
        cliExport: {
            bundle: true,
            platform: 'browser',
            format: 'esm',
            splitting: true,
            target: 'es2022',
            sourcemap: false,
            minify: production,
            entryPoints: { 'export-page': source('src/cli/browser/export-page.ts') },
            outdir: path.join(out, 'cli-export'),
            chunkNames: 'chunks/[name]-[hash]',
            logLevel: 'warning'
        },
        markdownPreview: { ...browserScript, entryPoints: { 'journey-preview': source('src/markdown/preview/main.ts') }, outdir: path.join(out, 'markdown') },
        webview: {
            bundle: true,
            platform: 'browser',
            format: 'esm',
            splitting: true,
            target: 'es2022',
            sourcemap: !production,
            minify: production,
            entryPoints: { preview: source('src/webview/main.ts') },
            outdir: path.join(out, 'webview'),
            chunkNames: 'chunks/[name]-[hash]',
            logLevel: 'warning'
        }
    };
}
