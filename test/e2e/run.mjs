// End-to-end tests in a real VS Code (code-server 4.100.3 = VS Code 1.100.3) driven by headless
// Chromium. Exits non-zero on any failure; the last line reads "N passed, M failed".
//
//   node test/e2e/run.mjs             build, package, then both phases
//   node test/e2e/run.mjs --only=host the extension-host suite only (development folder)
//   node test/e2e/run.mjs --only=ui   the UI tests only (installed .vsix)
//   node test/e2e/run.mjs --only=web  the installed .vsix in the web worker extension host, as in vscode.dev
//   node test/e2e/run.mjs --only=bench the benchmark's activation part only (`npm run bench -- --only extension`)
//
// Screenshots and logs go to test-results/e2e/.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildE2eSuite } from '../../scripts/build-e2e.mjs';
import { ensureCodeServer, installExtension, profilePaths, projectRoot, resetProfile, stateRoot } from '../../scripts/code-server.mjs';
import { buildExtension, packageVsix } from '../../scripts/start.mjs';
import { runExtensionHostSuite } from './extension-host.mjs';
import { artifactsDir, chromiumPath, copyWorkspace, launchChromium, Results, runDir, runProfile } from './support.mjs';
import { runUiTests } from './ui.mjs';
import { runWebWorkerTests } from './web-worker.mjs';

const only = process.argv.find(arg => arg.startsWith('--only='))?.slice('--only='.length);
if (only && !['host', 'ui', 'web', 'bench'].includes(only)) {
    console.error(`Unknown --only=${only}: use --only=host, --only=ui, --only=web or --only=bench.`);
    process.exit(2);
}

const started = Date.now();
const results = new Results();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
const step = message => console.log(`[e2e ${elapsed()}] ${message}`);
let browser;

process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));
// A hung workbench must not hold CI: stop everything (code-server groups die with this process).
const RUN_DEADLINE_MS = 9 * 60_000;
setTimeout(() => {
    console.log(`\nThe end-to-end run did not finish within ${RUN_DEADLINE_MS / 60_000} minutes; stopping it.`);
    console.log(`${results.passed} passed, ${results.failed + 1} failed`);
    process.exit(1);
}, RUN_DEADLINE_MS).unref();

/** A step that must work for any test to run; its failure counts as a failed check with the reason. */
async function setup(name, body) {
    const stepStarted = Date.now();
    try {
        return await body();
    } catch (error) {
        results.add('setup', { name, passed: false, ms: Date.now() - stepStarted, error: error.message });
        throw error;
    }
}

/** Leftovers of runs that were killed before they could clean up (their process is gone). */
function removeStaleRuns() {
    for (const entry of fs.existsSync(stateRoot) ? fs.readdirSync(stateRoot) : []) {
        const pid = Number(/^e2e-run-(\d+)$/.exec(entry)?.[1]);
        if (!pid) continue;
        try {
            process.kill(pid, 0);
        } catch {
            fs.rmSync(path.join(stateRoot, entry), { recursive: true, force: true });
        }
    }
}

/**
 * The part of `npm run bench` that the smoke run in the unit tests leaves out, because it needs
 * code-server: the extension's activation and its first answer, timed in a real VS Code. Run the
 * way a user runs it, through npm, with one measured run; the numbers are not judged here.
 */
async function runBenchActivation() {
    const stepStarted = Date.now();
    const out = path.join(runDir, 'bench-results.json');
    const output = [];
    let passed = false;
    let error;
    try {
        const child = spawn('npm', ['run', 'bench', '--', '--only', 'extension', '--runs', '1', '--out', out], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
        for (const stream of [child.stdout, child.stderr]) stream.on('data', chunk => output.push(String(chunk)));
        const code = await new Promise(resolve => child.on('exit', status => resolve(status)));
        const measured = fs.existsSync(out) ? JSON.parse(fs.readFileSync(out, 'utf8')) : undefined;
        const activation = measured?.extension?.activation;
        if (code !== 0) error = `npm run bench -- --only extension exited with ${code}`;
        else if (measured?.extension?.error) error = measured.extension.error;
        else if (!(activation?.activation?.median > 0) || !(activation?.firstAnswer?.median > 0)) error = `no activation times in ${out}: ${JSON.stringify(measured?.extension)}`;
        else passed = true;
        if (passed) console.log(`  activation ${activation.activation.median.toFixed(0)} ms, then the first answer for a 1,000-touchpoint journey ${activation.firstAnswer.median.toFixed(0)} ms`);
    } catch (caught) {
        error = caught.stack ?? String(caught);
    }
    results.add('bench', {
        name: 'npm run bench -- --only extension measures activation and the first answer in code-server',
        passed, ms: Date.now() - stepStarted, error: error && `${error}\n${output.join('').split('\n').slice(-25).join('\n')}`
    });
}

try {
    removeStaleRuns();
    fs.rmSync(artifactsDir, { recursive: true, force: true });
    fs.mkdirSync(artifactsDir, { recursive: true });
    step(`Chromium: ${chromiumPath}`);
    await setup('Chromium is installed', async () => {
        if (!fs.existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH.`);
    });
    step('building the extension and the test suite');
    await setup('the extension builds', () => buildExtension());
    const suitePath = await setup('the extension-host suite builds', () => buildE2eSuite());
    let vsix;
    if (only !== 'host' && only !== 'bench') {
        step('packaging the .vsix');
        vsix = await setup('the extension packages as a .vsix', () => packageVsix(runDir));
    }
    step('installing code-server if needed');
    await setup('code-server is installed', () => ensureCodeServer({ log: message => console.log(`  ${message}`) }));
    browser = await setup('Chromium starts', () => launchChromium());

    if (!only || only === 'host') {
        step('extension-host suite (extension loaded from the development folder)');
        await runExtensionHostSuite({
            browser,
            extensionDevelopmentPath: projectRoot,
            suitePath,
            workspace: copyWorkspace(path.join(projectRoot, 'test', 'e2e', 'workspace'), 'workspace-host'),
            results
        });
    }
    if (!only || only === 'ui') {
        step('UI tests (extension installed from the .vsix)');
        const profile = runProfile('ui');
        resetProfile(profile);
        await setup('the .vsix installs with --install-extension', async () => {
            await installExtension(vsix, { profile, log: message => console.log(`  ${message}`) });
            const installed = fs.readdirSync(profilePaths(profile).extensionsDir).filter(name => name.startsWith('journey-maps.'));
            if (installed.length !== 1) throw new Error(`expected the .vsix to install one journey-maps extension, found: ${installed.join(', ') || 'none'}`);
        });
        await runUiTests({ browser, workspace: copyWorkspace(path.join(projectRoot, 'examples'), 'workspace-ui'), profile, results });
    }
    if (!only || only === 'web') {
        step('the .vsix in the web worker extension host (as vscode.dev and github.dev run it)');
        const profile = runProfile('web');
        resetProfile(profile);
        await setup('the .vsix installs for the web worker run', () => installExtension(vsix, { profile, log: message => console.log(`  ${message}`) }));
        await runWebWorkerTests({ browser, workspace: copyWorkspace(path.join(projectRoot, 'examples'), 'workspace-web'), profile, results });
    }
    if (!only || only === 'bench') {
        step("the benchmark's code-server part, as `npm run bench -- --only extension` runs it (one run)");
        await runBenchActivation();
    }
} catch (error) {
    if (!results.entries.some(entry => !entry.passed)) results.add('setup', { name: 'the end-to-end run', passed: false, ms: 0, error: error.stack ?? String(error) });
    console.error(`\nThe end-to-end run stopped: ${error.message}`);
} finally {
    await browser?.close().catch(() => undefined);
    fs.rmSync(runDir, { recursive: true, force: true });
}

step(`done; screenshots and logs in ${path.relative(process.cwd(), artifactsDir) || artifactsDir}`);
const failures = results.entries.filter(entry => !entry.passed);
if (failures.length > 0) console.log(`\nFailed:\n${failures.map(entry => `  [${entry.phase}] ${entry.name}`).join('\n')}`);
console.log(`${results.passed} passed, ${results.failed} failed`);
process.exit(results.failed > 0 || results.passed === 0 ? 1 : 0);
