// Bundles the extension-host test suite (test/e2e/suite/) into out/test/e2e-suite.cjs:
// CommonJS for the extension host's require(), with `vscode` provided by the host.
import * as esbuild from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const suiteBundle = path.join(root, 'out', 'test', 'e2e-suite.cjs');

export async function buildE2eSuite() {
    await esbuild.build({
        entryPoints: [path.join(root, 'test', 'e2e', 'suite', 'index.ts')],
        outfile: suiteBundle,
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        sourcemap: 'inline',
        external: ['vscode'],
        logLevel: 'warning'
    });
    return suiteBundle;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    await buildE2eSuite();
}
