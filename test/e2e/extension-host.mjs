// Runs the bundled extension-host suite (out/test/e2e-suite.cjs) in code-server's real extension
// host: the web workbench's `payload` URL parameter names the extension under development and the
// tests module, and the page reports console output and the end through two exposed functions.
import fs from 'node:fs';
import { remoteUri, resetProfile, startCodeServer, workbenchUrl } from '../../scripts/code-server.mjs';
import { parseResult } from './protocol.mjs';
import { artifactPath, runProfile, saveServerLogs } from './support.mjs';

/**
 * @param {{ browser: { context: import('playwright-core').BrowserContext }, extensionDevelopmentPath: string,
 *           suitePath: string, workspace: string, results: import('./support.mjs').Results, timeoutMs?: number }} options
 */
export async function runExtensionHostSuite({ browser, extensionDevelopmentPath, suitePath, workspace, results, timeoutMs = 180_000 }) {
    const phase = 'extension host';
    const started = Date.now();
    // A profile with nothing installed: the only journey extension is the one under development.
    const profile = runProfile('host');
    resetProfile(profile);
    const server = await startCodeServer({ profile, log: message => console.log(`  ${message}`) });
    const logLines = [];
    const page = await browser.context.newPage();
    try {
        let reported = 0;
        let failedReported = 0;
        let exit;
        const exited = new Promise(resolve => { exit = resolve; });
        await page.exposeFunction('codeAutomationLog', (type, args) => {
            const line = (Array.isArray(args) ? args : [args]).map(arg => typeof arg === 'string' ? arg : JSON.stringify(arg)).join(' ');
            logLines.push(`[${type}] ${line}`);
            const result = parseResult(line);
            if (result) {
                reported++;
                if (!result.passed) failedReported++;
                results.add(phase, result);
            }
        });
        await page.exposeFunction('codeAutomationExit', code => exit(code));
        await page.goto(workbenchUrl(server, {
            folder: workspace,
            payload: [
                ['extensionDevelopmentPath', remoteUri(server, extensionDevelopmentPath)],
                ['extensionTestsPath', remoteUri(server, suitePath)],
                ['skipWelcome', 'true']
            ]
        }));
        const code = await Promise.race([exited, new Promise(resolve => setTimeout(() => resolve('timeout'), timeoutMs))]);
        // The suite must run to the end and report: a load error, crash or hang is a failure of its own.
        const why = code === 'timeout' ? `did not finish within ${timeoutMs / 1000} s`
            : code !== 0 && failedReported === 0 ? `exited with code ${code} without reporting a failing test`
                : reported === 0 ? 'reported no tests' : undefined;
        if (why) {
            results.add(phase, { name: 'the suite runs to the end', passed: false, ms: Date.now() - started,
                error: `The extension-host suite ${why} (${reported} tests reported). Last log lines:\n${logLines.slice(-15).join('\n')}` });
        }
    } finally {
        fs.writeFileSync(artifactPath('extension-host.log'), logLines.join('\n') + '\n');
        await page.screenshot({ path: artifactPath('extension-host-final.png') }).catch(() => undefined);
        await page.close();
        await server.stop();
        saveServerLogs(server, 'extension-host');
    }
}
