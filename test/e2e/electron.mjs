// The extension-host suite on desktop VS Code (Electron), for machines that can download VS Code:
// the same suite module (run()) that test/e2e/run.mjs drives in code-server. `npm run test:electron`.
// CI and this project's own machines cannot download VS Code, so only contributors run this.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { buildE2eSuite, suiteBundle } from '../../scripts/build-e2e.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
await buildE2eSuite();
// The suite edits its workspace: give it a fresh copy.
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-e2e-'));
fs.cpSync(path.join(root, 'test/e2e/workspace'), workspace, { recursive: true });
try {
    await runTests({
        version: '1.100.3',
        extensionDevelopmentPath: root,
        extensionTestsPath: suiteBundle,
        launchArgs: [workspace, '--disable-extensions', '--skip-welcome', '--disable-workspace-trust']
    });
} catch (error) {
    console.error(`The extension-host suite failed on desktop VS Code: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
} finally {
    fs.rmSync(workspace, { recursive: true, force: true });
}
