// Shared pieces of the end-to-end drivers: Chromium, fixture workspaces, artifacts.
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot, stateRoot } from '../../scripts/code-server.mjs';

export const artifactsDir = path.join(projectRoot, 'test-results', 'e2e');
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Debian's headless Chromium, with nothing that talks to the network on its own: these machines reach only package registries.
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'];

/** Launches Chromium through playwright-core, or fails saying what to install. */
export async function launchChromium() {
    if (!fs.existsSync(chromiumPath)) {
        throw new Error(`Chromium is needed for the end-to-end tests but ${chromiumPath} does not exist.\n` +
            'Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.');
    }
    let chromium;
    try {
        ({ chromium } = await import('playwright-core'));
    } catch (error) {
        throw new Error(`playwright-core is missing (${error.message}): run npm install in the project.`);
    }
    fs.mkdirSync(path.join(stateRoot, 'tmp'), { recursive: true });
    const profile = fs.mkdtempSync(path.join(stateRoot, 'tmp', 'chromium-'));
    // A persistent context is the way to give Chromium its own fresh profile folder.
    const context = await chromium.launchPersistentContext(profile, {
        executablePath: chromiumPath, args: CHROMIUM_ARGS, headless: true, viewport: { width: 1600, height: 1000 }
    });
    return {
        context,
        async close() {
            await context.close();
            fs.rmSync(profile, { recursive: true, force: true });
        }
    };
}

/**
 * Everything one run writes besides artifacts: code-server profiles, workspace copies, the .vsix.
 * Named by process id, so runs started side by side in one checkout do not clobber each other.
 */
export const runProfile = name => path.join(`e2e-run-${process.pid}`, name);
export const runDir = path.join(stateRoot, runProfile(''));

/** A fresh copy of a fixture folder for this run, so the tests never edit the originals. */
export function copyWorkspace(source, name) {
    const target = path.join(runDir, name);
    fs.rmSync(target, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.cpSync(source, target, { recursive: true });
    return target;
}

/** Collects pass/fail per test and prints them as they finish. */
export class Results {
    constructor() { this.entries = []; }

    add(phase, { name, passed, error, ms }) {
        this.entries.push({ phase, name, passed, error, ms });
        const mark = passed ? 'ok  ' : 'FAIL';
        console.log(`  ${mark} [${phase}] ${name} (${(ms / 1000).toFixed(1)} s)`);
        if (!passed && error) console.log(error.split('\n').map(line => `         ${line}`).join('\n'));
    }

    get passed() { return this.entries.filter(entry => entry.passed).length; }
    get failed() { return this.entries.filter(entry => !entry.passed).length; }
}

/** Where a test artifact (screenshot, log) goes: test-results/e2e/, which is gitignored. */
export function artifactPath(name) {
    fs.mkdirSync(artifactsDir, { recursive: true });
    return path.join(artifactsDir, name);
}

/** Keeps code-server's own log and VS Code's logs (extension host, language server output) with the artifacts. */
export function saveServerLogs(server, name) {
    const target = artifactPath(`${name}-logs`);
    fs.rmSync(target, { recursive: true, force: true });
    const logs = path.join(server.paths.userDataDir, 'logs');
    fs.mkdirSync(target, { recursive: true });
    if (fs.existsSync(logs)) fs.cpSync(logs, target, { recursive: true });
    if (fs.existsSync(server.paths.logFile)) fs.copyFileSync(server.paths.logFile, path.join(target, 'code-server.log'));
}

/** Opens a file of the workspace with Quick Open, as a user types its name, and waits for its editor tab. */
export async function quickOpen(page, file) {
    await page.keyboard.press('Control+P');
    await page.locator('.quick-input-widget input').fill(file);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: file }).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator('.tab.active', { hasText: file }).waitFor();
    // The editor takes focus once its text is read; until then the palette would offer the commands of
    // the editor that had it before (an `editorLangId` clause is still false).
    await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor();
}

/**
 * Runs named tests one after another, each within `timeoutMs`. A failure keeps a screenshot of the
 * page (named after the test, starting with `shotPrefix`) and whatever `seen` says the user saw.
 */
export async function runTimedTests({ phase, tests, page, results, timeoutMs, shotPrefix, seen = async () => '' }) {
    for (const [name, body] of tests) {
        const started = Date.now();
        let timer;
        try {
            await Promise.race([body(), new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs); })]);
            results.add(phase, { name, passed: true, ms: Date.now() - started });
        } catch (error) {
            const shot = artifactPath(`${shotPrefix}-FAILED-${name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}.png`);
            await page.screenshot({ path: shot }).catch(() => undefined);
            const said = await seen().catch(() => '');
            results.add(phase, { name, passed: false, ms: Date.now() - started, error: `${error.stack ?? error}\n${said ? `${said}\n` : ''}screenshot: ${path.relative(process.cwd(), shot)}` });
        } finally {
            clearTimeout(timer);
        }
    }
}

