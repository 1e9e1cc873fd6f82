// The extension as VS Code in the browser runs it (vscode.dev, github.dev): its browser entry in the
// web worker extension host, the language server in a worker of its own that reads the workspace
// through the extension. code-server runs an installed extension there when the user setting
// `remote.extensionKind` asks for `web`; the core of the UI suite then runs against it.
import fs from 'node:fs';
import path from 'node:path';
import { startCodeServer, workbenchUrl } from '../../scripts/code-server.mjs';
import { artifactPath, quickOpen, runTimedTests, saveServerLogs } from './support.mjs';

const TEST_TIMEOUT_MS = 45_000;
const FILE = 'web-check.journey';
// Colleen and the other personas are declared in personas.journey: resolving them needs the other file.
const MAP = `journey WebCheck "Checked in the browser" {
    personas Colleen
    stage Aftercare {
    }
    stage Visit "A visit to the shop" {
        touchpoint Shop "Shop" {
            channel store
            emotion Colleen 1
        }
    }
}
`;

const SETTINGS = {
    'remote.extensionKind': { 'journey-maps.journey-maps': ['web'] },
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'editor.suggestOnTriggerCharacters': false,
    'workbench.editor.enablePreview': false
};

/** Language server processes started from this profile's extensions: in the browser there must be none. */
function serverProcesses(extensionsDir) {
    return fs.readdirSync('/proc').filter(entry => /^\d+$/.test(entry)).filter(entry => {
        try {
            const args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
            return args.includes('out/server.cjs') && args.includes(extensionsDir);
        } catch {
            return false;
        }
    });
}

/**
 * @param {{ browser: { context: import('playwright-core').BrowserContext }, workspace: string, profile: string,
 *           results: import('./support.mjs').Results }} options
 */
export async function runWebWorkerTests({ browser, workspace, profile, results }) {
    const phase = 'web worker';
    fs.writeFileSync(path.join(workspace, FILE), MAP);
    const server = await startCodeServer({ profile, settings: SETTINGS, log: message => console.log(`  ${message}`) });
    const page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
    const consoleLines = [];
    page.on('console', message => consoleLines.push(`[${message.type()}] ${message.text()}`));
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const runCommand = async title => {
        // The palette lists a command whose `when` clause holds as it opens; one that is not listed yet (the
        // editor's language still being set) is looked for again in a palette opened anew, as a user would.
        const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
        for (let attempt = 1; ; attempt++) {
            await page.keyboard.press('F1');
            await page.locator('.quick-input-widget input').fill(`>${title}`);
            const listed = await row.waitFor({ timeout: 5000 }).then(() => true, () => false);
            // Clicked, not Enter: the palette's first match may be another command ("Open Locked Preview to the Side").
            if (listed) return row.click();
            if (attempt === 3) throw new Error(`the command palette does not list "${title}": ${await page.locator('.quick-input-list').innerText().catch(() => '(no list)')}`);
            await page.keyboard.press('Escape');
        }
    };
    const goToLine = async line => {
        await page.keyboard.press('Control+G');
        await page.locator('.quick-input-widget input').fill(`:${line}`);
        await page.keyboard.press('Enter');
    };
    /** The status bar's selection: the line its active end is on, and how many characters are selected. */
    const selection = async () => {
        const match = /Ln (\d+), Col \d+(?: \((\d+) selected\))?/.exec(await page.locator('[id="status.editor.selection"]').innerText());
        return { line: Number(match?.[1]), selected: Number(match?.[2] ?? 0) };
    };

    const tests = [
        ['the extension runs in the web worker extension host, with no language server process of its own', async () => {
            await page.goto(workbenchUrl(server, { folder: workspace }));
            await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
            await quickOpen(page, FILE);
            await runCommand('Developer: Show Running Extensions');
            const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: 'Journey Maps' }).first();
            await row.waitFor({ timeout: 20_000 });
            const text = await row.innerText();
            if (!/web worker/i.test(text)) throw new Error(`Running Extensions does not list Journey Maps under "web worker":\n${text}`);
            const processes = serverProcesses(server.paths.extensionsDir);
            if (processes.length > 0) throw new Error(`a Node language server runs for the extension (pids ${processes.join(', ')}): it should run in a worker`);
            await page.screenshot({ path: artifactPath('web-running-extensions.png') });
            await page.locator('.tab', { hasText: FILE }).click();
        }],
        ['the unmapped stage is in the Problems panel, and the persona of another file resolves', async () => {
            await runCommand('View: Focus Problems');
            const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'Aftercare' }).filter({ hasText: 'no touchpoints' }).first();
            await row.waitFor({ timeout: 30_000 });
            const problems = (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).join('\n');
            if (/Colleen/.test(problems)) throw new Error(`the persona Colleen, declared in personas.journey, does not resolve in the browser:\n${problems}`);
        }],
        ['completion offers the personas declared in another file', async () => {
            await page.locator('.editor-group-container .monaco-editor').first().click();
            await goToLine(2);
            await page.keyboard.press('End');
            await page.keyboard.type(', ');
            // Asked again if the first request met the text before the server had the new version, as a user would.
            const suggest = page.locator('.suggest-widget .monaco-list-row', { hasText: 'Sam' }).first();
            let offered = false;
            for (let attempt = 0; attempt < 4 && !offered; attempt++) {
                await page.keyboard.press('Control+Space');
                offered = await suggest.waitFor({ timeout: 4000 }).then(() => true, () => false);
                if (!offered) await page.keyboard.press('Escape');
            }
            if (!offered) {
                const widget = await page.locator('.suggest-widget').innerText().catch(() => '(no suggest widget)');
                throw new Error(`completion after "personas Colleen, " does not offer Sam from personas.journey; the suggestions: ${widget}`);
            }
            await page.keyboard.press('Escape');
            await page.keyboard.press('Backspace');
            await page.keyboard.press('Backspace');
        }],
        ['the preview draws the map, and a click on a stage selects its source', async () => {
            await runCommand('Journey: Open Preview to the Side');
            await preview.locator('table.map-grid').first().waitFor({ timeout: 30_000 });
            await preview.locator('th.stage .stage-label', { hasText: 'A visit to the shop' }).first().waitFor();
            await preview.locator('tr.lane-emotion g.emotion-point').first().waitFor();
            await page.screenshot({ path: artifactPath('web-preview.png') });
            await preview.locator('th.stage .stage-head', { hasText: 'A visit to the shop' }).first().click();
            // The stage's whole block is selected, from `stage Visit` (line 5) to its closing brace (line 10).
            const stage = MAP.slice(MAP.indexOf('stage Visit'), MAP.indexOf('    }\n}') + 5);
            const deadline = Date.now() + 10_000;
            let state = await selection();
            while ((state.line !== 10 || state.selected !== stage.length) && Date.now() < deadline) {
                await page.waitForTimeout(200);
                state = await selection();
            }
            if (state.line !== 10 || state.selected !== stage.length) throw new Error(`a click on the stage selected ${state.selected} characters ending on line ${state.line}, not the stage's ${stage.length} on lines 5 to 10`);
        }],
        ['research data and pictures are read through VS Code: a storyboard shows its pictures, and the Journey Maps view lists every map', async () => {
            await quickOpen(page, 'colleen-day.journey');
            await runCommand('Journey: Open Preview to the Side');
            const pictures = preview.locator('img.picture');
            const deadline = Date.now() + 30_000;
            let widths = [];
            while (Date.now() < deadline) {
                widths = await pictures.evaluateAll(images => images.map(image => image.naturalWidth)).catch(() => []);
                if (widths.length === 3 && widths.every(width => width > 0)) break;
                await page.waitForTimeout(300);
            }
            if (widths.length !== 3 || !widths.every(width => width > 0)) throw new Error(`the storyboard's pictures did not load in the browser's preview (natural widths: ${widths.join(', ') || 'none'})`);
            await page.screenshot({ path: artifactPath('web-storyboard.png') });
            // The map whose data file is read through VS Code has no problem (a missing file would be one).
            await runCommand('View: Focus Problems');
            const problems = (await page.locator('.markers-panel').innerText()).replace(/\s+/g, ' ');
            if (/vacuum-current|data file/i.test(problems)) throw new Error(`the research data is not read in the browser: ${problems}`);
            await runCommand('Focus on Journey Maps View');
            const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Journey Maps' }) });
            await view.locator('.monaco-list-row', { hasText: 'Buying a vacuum cleaner (current state)' }).first().waitFor({ timeout: 20_000 });
        }]
    ];

    try {
        await runTimedTests({ phase, tests, page, results, timeoutMs: TEST_TIMEOUT_MS, shotPrefix: 'web' });
    } finally {
        fs.writeFileSync(artifactPath('web-console.log'), consoleLines.join('\n') + '\n');
        await page.close();
        await server.stop();
        saveServerLogs(server, 'web');
    }
}
