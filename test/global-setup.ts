/** Builds the bundles once before the tests that start the server, the CLI or the webview. */
import { execFileSync } from 'node:child_process';

export default function setup(): void {
    execFileSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit' });
}
