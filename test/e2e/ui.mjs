// UI tests: a user's session in code-server driven through headless Chromium, against the
// extension installed from the packaged .vsix. They run in order in one workbench.
import fs from 'node:fs';
import path from 'node:path';
import { startCodeServer, workbenchUrl } from '../../scripts/code-server.mjs';
import { artifactPath, quickOpen, runTimedTests, saveServerLogs } from './support.mjs';

const EXAMPLE = 'vacuum-current.journey';
const TEST_TIMEOUT_MS = 45_000;

/**
 * A map from someone nobody vetted: every label tries to make the workbench fetch a remote picture
 * (Markdown and HTML images, a reference-style image), link elsewhere or inject markup. `.invalid`
 * hosts never resolve, but a request for them is still a request.
 */
const HOSTILE_FILE = 'hostile-labels.journey';
function hostileLabel(name) {
    return `![${name}](https://tracker.invalid/${name}.png) [open](https://phish.invalid/${name}) <img src=https://tracker.invalid/${name}-html.png> <b>bold</b> &lt;x&gt; \`\`\`${name}`;
}
const HOSTILE_MAP = `persona P "${hostileLabel('persona')}" { backstory "${hostileLabel('backstory')}" }
channel C "${hostileLabel('channel')}"
journey J "${hostileLabel('journey')}" {
    personas P
    stage S "${hostileLabel('stage')}" {
        touchpoint T "${hostileLabel('touchpoint')}" {
            channel C
            does "${hostileLabel('does')}"
            emotion P 1
            pain Slow "${hostileLabel('pain')}"
        }
    }
    opportunity O "${hostileLabel('opportunity')}" { addresses Slow }
}
`;
/** Each name of the map, where it is declared and where it is used: the word its hover card starts with, and whose label the card shows. */
const HOSTILE_NAMES = [
    ['persona P ', 'Persona', 'persona'], ['channel C ', 'Channel', 'channel'], ['journey J ', 'Journey', 'journey'], ['personas P', 'Persona', 'persona'],
    ['stage S ', 'Stage', 'stage'], ['touchpoint T ', 'Touchpoint', 'touchpoint'], ['channel C\n', 'Channel', 'channel'], ['emotion P ', 'Persona', 'persona'],
    ['pain Slow ', 'Pain point', 'pain'], ['opportunity O ', 'Opportunity', 'opportunity'], ['addresses Slow', 'Pain point', 'pain']
];

/** A request that leaves this machine: any web or socket URL whose host is not 127.0.0.1. */
function leavesTheMachine(url) {
    const { protocol, hostname } = new URL(url);
    return ['http:', 'https:', 'ws:', 'wss:'].includes(protocol) && hostname !== '127.0.0.1';
}

// Keep the editor from popping up suggestions while the tests type; completion is tested in the extension host.
const UI_SETTINGS = {
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'editor.suggestOnTriggerCharacters': false,
    'editor.acceptSuggestionOnEnter': 'off',
    'workbench.editor.enablePreview': false
};

/** Where each stage is written in the example: its name, the label the map shows, its start and end offsets. */
function stagesOf(text) {
    const stages = [];
    for (const match of text.matchAll(/^([ \t]*)stage (\w+)(?:[ \t]+"([^"]*)")?/gm)) {
        const start = match.index + match[1].length;
        stages.push({ name: match[2], label: match[3] ?? match[2], start, end: blockEnd(text, start) });
    }
    return stages;
}

/** The offset just after the `}` that closes the first block opened after `from` (strings and comments skipped). */
function blockEnd(text, from) {
    let depth = 0;
    for (let i = text.indexOf('{', from); i < text.length; i++) {
        const ch = text[i];
        if (ch === '"') {
            for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
        } else if (ch === '/' && text[i + 1] === '/') {
            i = text.indexOf('\n', i);
            if (i < 0) break;
        } else if (ch === '{') {
            depth++;
        } else if (ch === '}' && --depth === 0) {
            return i + 1;
        }
    }
    throw new Error('unbalanced braces in the example');
}

function positionAt(text, offset) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
}

/**
 * Language servers of this run, found by their command line (what `ps` shows, read from /proc so
 * minimal machines without procps work too), which names the extension's install folder.
 */
function serverPids(extensionsDir) {
    const servers = [];
    for (const entry of fs.readdirSync('/proc')) {
        if (!/^\d+$/.test(entry)) continue;
        let args;
        try {
            args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ');
        } catch {
            continue; // the process ended while we looked
        }
        if (args.includes('out/server.cjs') && args.includes(extensionsDir)) servers.push({ pid: Number(entry), args });
    }
    return servers;
}

async function waitUntil(what, probe, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    let last;
    while (Date.now() < deadline) {
        last = await probe();
        if (last) return last;
        await new Promise(resolve => setTimeout(resolve, 200));
    }
    throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

/**
 * @param {{ browser: { context: import('playwright-core').BrowserContext }, workspace: string, profile: string,
 *           results: import('./support.mjs').Results }} options
 */
export async function runUiTests({ browser, workspace, profile, results }) {
    const phase = 'ui';
    const original = fs.readFileSync(path.join(workspace, EXAMPLE), 'utf8');
    const stages = stagesOf(original);
    if (stages.length < 2) throw new Error(`examples/${EXAMPLE} needs at least two stages for the UI tests`);
    const [, second] = stages;
    // In the workspace from the start, so Quick Open finds it without waiting for a file watcher.
    fs.writeFileSync(path.join(workspace, HOSTILE_FILE), HOSTILE_MAP);
    // All typing goes onto the second stage's line, in front of the stage: no line numbers move.
    let inserted = '';

    const server = await startCodeServer({ profile, settings: UI_SETTINGS, log: message => console.log(`  ${message}`) });
    const extensionsDir = server.paths.extensionsDir;
    const page = await browser.context.newPage();
    page.setDefaultTimeout(15_000);
    const consoleLines = [];
    page.on('console', message => consoleLines.push(`[${message.type()}] ${message.text()}`));

    const preview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const statusSelection = async () => {
        const text = await page.locator('[id="status.editor.selection"]').innerText();
        const match = /Ln (\d+), Col (\d+)(?: \((\d+) selected\))?/.exec(text);
        if (!match) throw new Error(`unexpected status bar text "${text}"`);
        return { line: Number(match[1]), column: Number(match[2]), selected: Number(match[3] ?? 0) };
    };
    const runCommand = async title => {
        await page.keyboard.press('F1');
        const input = page.locator('.quick-input-widget input');
        await input.fill(`>${title}`);
        await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor();
        await page.keyboard.press('Enter');
    };
    const focusEditor = async () => {
        await page.keyboard.press('Control+1');
        await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor();
    };
    const goToLine = async line => {
        await focusEditor();
        await page.keyboard.press('Control+G');
        await page.locator('.quick-input-widget input').fill(`:${line}`);
        await page.keyboard.press('Enter');
        await waitUntil(`the cursor on line ${line}`, async () => (await statusSelection()).line === line, 5000);
    };
    /** Inserts text at the start of the second stage's line, as a user typing there would. */
    const typeBeforeSecondStage = async text => {
        await goToLine(positionAt(original, second.start).line);
        await page.keyboard.press('Home');
        await page.keyboard.insertText(text);
        await page.keyboard.press('Escape');
        inserted = text + inserted;
    };
    const renderedVersion = async () => Number(await preview.locator('body').getAttribute('data-rendered-version') ?? -1);
    const problemsRow = text => page.locator('.markers-panel .monaco-list-row', { hasText: text });
    /**
     * After a new language server started, without any typing: the Problems panel lists the
     * unmapped stage Aftercare again, the preview shows the map without a banner (such as
     * "waiting for the server"), and no request failed in a way the user is told about.
     */
    const serverWorkRecovers = async when => {
        await runCommand('View: Focus Problems');
        await problemsRow('Aftercare').filter({ hasText: 'no touchpoints' }).first().waitFor({ timeout: 20_000 })
            .catch(() => { throw new Error(`the Problems panel does not list the unmapped stage Aftercare again ${when}`); });
        await waitUntil(`the preview to show the map without a banner ${when}`, async () =>
            !(await preview.locator('.banner').isVisible()) && await preview.locator('table.map-grid').first().isVisible(), 15_000);
        const failures = (await page.locator('.notification-list-item-message').allInnerTexts()).filter(text => /failed/i.test(text));
        if (failures.length > 0) throw new Error(`error notifications ${when}:\n${failures.join('\n')}`);
    };

    const tests = [
        ['the example opens as a Journey Map file, with the extension from the .vsix', async () => {
            await page.goto(workbenchUrl(server, { folder: workspace }));
            await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
            await quickOpen(page, EXAMPLE);
            await waitUntil('the language mode "Journey Map" in the status bar', async () =>
                (await page.locator('[id="status.editor.mode"]').innerText()).includes('Journey Map'));
            const servers = await waitUntil('the journey language server process', () => serverPids(extensionsDir).length > 0 && serverPids(extensionsDir));
            if (!servers[0].args.includes(path.join(extensionsDir, 'journey-maps.journey-maps-'))) {
                throw new Error(`the language server does not run from the installed .vsix: ${servers[0].args}`);
            }
            // Large journeys are parsed in a worker thread whose script ships beside the server's.
            const serverScript = servers[0].args.split(' ').find(arg => arg.endsWith('server.cjs'));
            if (!serverScript || !fs.existsSync(path.join(path.dirname(serverScript), 'parser-worker.cjs'))) {
                throw new Error(`the installed .vsix has no out/parser-worker.cjs beside the language server (${serverScript}): add it to .vscodeignore`);
            }
        }],
        ['the editor-title button opens the preview to the side, with the map drawn', async () => {
            await page.locator('.editor-actions .action-label[aria-label^="Open Preview to the Side"]').click();
            await page.locator('.tab', { hasText: `Preview ${EXAMPLE}` }).waitFor();
            await preview.locator('table.map-grid').first().waitFor({ timeout: 30_000 });
            for (const stage of stages) {
                await preview.locator('th.stage .stage-label', { hasText: stage.label }).first().waitFor();
            }
            // Beside the editor, every scored touchpoint has its point in the emotion lane.
            await preview.locator('tr.lane-emotion g.emotion-point').first().waitFor();
            await page.screenshot({ path: artifactPath('ui-preview.png') });
        }],
        ['typing in the editor changes the preview', async () => {
            const before = await renderedVersion();
            await typeBeforeSecondStage('stage Research "Reading up on vacuums" { touchpoint Forum "Asks on a forum" { channel web emotion Colleen 0 } } ');
            await preview.locator('th.stage .stage-label', { hasText: 'Reading up on vacuums' }).first().waitFor();
            if (await renderedVersion() <= before) throw new Error('the preview did not draw a newer version of the document');
            await page.screenshot({ path: artifactPath('ui-typed.png') });
        }],
        ['clicking an unmapped-stage problem puts the cursor on that stage', async () => {
            await typeBeforeSecondStage('stage Aftercare { } ');
            await page.keyboard.press('Control+Home');
            await runCommand('View: Focus Problems');
            const row = problemsRow('Aftercare').filter({ hasText: 'no touchpoints' }).first();
            await row.waitFor();
            await page.screenshot({ path: artifactPath('ui-problems.png') });
            await row.click();
            // The second stage's line now reads: indentation, the inserted text (newest first), the original stage.
            const { line, column: indentEnd } = positionAt(original, second.start);
            const column = indentEnd + inserted.indexOf('Aftercare');
            const cursor = await waitUntil(`the cursor on line ${line}`, async () => { const s = await statusSelection(); return s.line === line && s; }, 5000);
            if (cursor.column < column || cursor.column > column + 'Aftercare'.length) {
                throw new Error(`the cursor is at column ${cursor.column}, not on the stage name (columns ${column}-${column + 'Aftercare'.length})`);
            }
        }],
        ['clicking a stage in the preview selects its source in the editor', async () => {
            const target = stages.at(-1);
            await goToLine(1);
            await preview.locator('th.stage .stage-head', { hasText: target.label }).first().click();
            // Insertions went into the second stage's line only, so the last stage keeps its lines and length.
            const expectedLine = positionAt(original, target.end).line;
            const state = await waitUntil(`the selection to end on line ${expectedLine}`, async () => { const s = await statusSelection(); return s.line === expectedLine && s; }, 5000);
            const expectedSelected = target.end - target.start;
            if (state.selected !== expectedSelected) {
                throw new Error(`${state.selected} characters selected, expected the ${expectedSelected} of stage ${target.name}`);
            }
            await page.screenshot({ path: artifactPath('ui-reveal.png') });
        }],
        ['the Restart Language Server command starts a new server; problems and preview come back without typing', async () => {
            await runCommand('Notifications: Clear All Notifications');
            const [old] = serverPids(extensionsDir);
            await runCommand('Journey: Restart Language Server');
            await waitUntil('the old language server to be replaced by a new one', () => {
                const now = serverPids(extensionsDir);
                return now.length === 1 && now[0].pid !== old?.pid;
            });
            await serverWorkRecovers('after the restart');
            await typeBeforeSecondStage('stage AfterRestart "Typed after the restart" { touchpoint Call "Calls the shop" { channel phone emotion Colleen 1 } } ');
            await preview.locator('th.stage .stage-label', { hasText: 'Typed after the restart' }).first().waitFor();
        }],
        ['after the server process is killed, a new one starts; problems and preview come back and follow typing', async () => {
            await runCommand('Notifications: Clear All Notifications');
            const before = serverPids(extensionsDir);
            if (before.length !== 1) throw new Error(`expected one language server, found ${before.length}: ${before.map(p => p.args).join('; ')}`);
            process.kill(before[0].pid, 'SIGKILL');
            const after = await waitUntil('the language server to come back', () => serverPids(extensionsDir).find(p => p.pid !== before[0].pid), 30_000);
            await serverWorkRecovers('after the crash');
            await typeBeforeSecondStage('stage AfterKill "Typed after the crash" { touchpoint Visit "Visits the shop" { channel store emotion Colleen 2 } } stage Forgotten { } ');
            await preview.locator('th.stage .stage-label', { hasText: 'Typed after the crash' }).first().waitFor({ timeout: 20_000 });
            await runCommand('View: Focus Problems');
            await problemsRow('Forgotten').filter({ hasText: 'no touchpoints' }).first().waitFor({ timeout: 20_000 });
            if (!serverPids(extensionsDir).some(p => p.pid === after.pid)) throw new Error('the restarted server died again');
            await page.screenshot({ path: artifactPath('ui-after-kill.png') });
        }],
        ['hovering every name of a map with hostile labels fetches nothing from outside 127.0.0.1 and shows the labels as text', async () => {
            const outside = [];
            const onRequest = request => { if (leavesTheMachine(request.url())) outside.push(request.url()); };
            browser.context.on('request', onRequest);
            try {
                await quickOpen(page, HOSTILE_FILE);
                const hover = page.locator('.monaco-hover:visible').first();
                for (const [anchor, card, labelOf] of HOSTILE_NAMES) {
                    const nameAt = HOSTILE_MAP.indexOf(anchor) + anchor.trimEnd().lastIndexOf(' ') + 1;
                    const { line, column } = positionAt(HOSTILE_MAP, nameAt);
                    await focusEditor();
                    await page.keyboard.press('Control+G');
                    await page.locator('.quick-input-widget input').fill(`:${line}:${column}`);
                    await page.keyboard.press('Enter');
                    await waitUntil(`the cursor on ${line}:${column}`, async () => { const s = await statusSelection(); return s.line === line && s.column === column; }, 5000);
                    // The mouse goes where the cursor is, as a user pointing at the name.
                    const cursor = await page.locator('.editor-group-container.active .monaco-editor .cursors-layer .cursor').first().boundingBox();
                    await page.mouse.move(0, 0);
                    await page.mouse.move(cursor.x + 3, cursor.y + cursor.height / 2);
                    await hover.filter({ hasText: card }).waitFor({ timeout: 10_000 })
                        .catch(() => { throw new Error(`no hover card "${card}" over the name at ${line}:${column} (${anchor.trim()})`); });
                    // Time for a picture to be fetched, had the card made one.
                    await page.waitForTimeout(400);
                    if (outside.length > 0) throw new Error(`requests left 127.0.0.1 while hovering the name at ${line}:${column}:\n${[...new Set(outside)].join('\n')}`);
                    const text = (await hover.innerText()).replace(/\s+/g, ' ');
                    if (!text.includes(hostileLabel(labelOf))) throw new Error(`the hover at ${line}:${column} does not show the label as written:\n${text}`);
                    // The cards have no links, pictures or bold text of their own: any in the rendered Markdown came from a label.
                    // (The workbench adds its own "Quick Fix..." link next to a problem's message, outside the Markdown.)
                    const markdown = hover.locator('.rendered-markdown');
                    if (await markdown.count() === 0) throw new Error(`the hover at ${line}:${column} has no rendered Markdown to check`);
                    const markup = await markdown.locator('img, a, b').count();
                    if (markup > 0) throw new Error(`the hover at ${line}:${column} turned a label into ${markup} image(s), link(s) or bold text`);
                    if (anchor === HOSTILE_NAMES[0][0]) await page.screenshot({ path: artifactPath('ui-hostile-hover.png') });
                    await page.keyboard.press('Escape');
                }
            } finally {
                browser.context.off('request', onRequest);
            }
        }],
        ['the Journey Maps view in the Explorer lists the maps with their health; clicking one opens it', async () => {
            await runCommand('Focus on Journey Maps View');
            // The folder's file list above it takes the side bar's height: fold it, as a user would to see more maps.
            const folders = page.locator('.pane-header[aria-expanded="true"]', { hasText: 'WORKSPACE-UI' });
            if (await folders.count() > 0) await folders.first().click();
            const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Journey Maps' }) });
            const row = label => view.locator('.monaco-list-row', { hasText: label }).first();
            // Grouped by kind; each map with its health in its accessible name (what a screen reader says).
            await view.locator('.monaco-list-row', { hasText: 'Current state' }).first().waitFor({ timeout: 20_000 });
            await row('Buying a vacuum cleaner (current state)').waitFor({ timeout: 20_000 });
            await row('A weekday in Colleen\'s life').waitFor();
            const futureLabel = await row('Buying a vacuum cleaner (future state)').getAttribute('aria-label');
            if (!/^Buying a vacuum cleaner \(future state\), /.test(futureLabel ?? '')) throw new Error(`the future-state map's row is named "${futureLabel}"`);
            // A map with a problem (or a review date passed) shows a warning icon, a healthy one a pass icon.
            const icons = await view.locator('.monaco-list-row .codicon-warning, .monaco-list-row .codicon-pass').count();
            if (icons < 5) throw new Error(`only ${icons} health icons in the Journey Maps view`);
            await page.screenshot({ path: artifactPath('ui-journey-maps.png') });
            await row('Buying a vacuum cleaner (future state)').click();
            await page.locator('.tab.active[data-resource-name="vacuum-future.journey"]').waitFor();
        }],
        ['the pictures of a storyboard are shown in the preview, loaded from the workspace by VS Code, nothing from outside', async () => {
            const outside = [];
            const requests = new Map();
            const onRequest = request => { if (leavesTheMachine(request.url())) { outside.push(request.url()); requests.set(request.url(), request); } };
            browser.context.on('request', onRequest);
            try {
                await quickOpen(page, 'colleen-day.journey');
                // The preview follows the active map; each picture must have loaded, not only be named.
                const pictures = preview.locator('img.picture');
                await waitUntil('the three pictures of colleen-day.journey loaded in the preview', async () =>
                    await pictures.count() === 3 && (await pictures.evaluateAll(images => images.map(image => image.naturalWidth))).every(width => width > 0), 30_000);
                const sources = await pictures.evaluateAll(images => images.map(image => image.getAttribute('src')));
                if (sources.some(src => src.startsWith('data:') || !src.includes('storyboard'))) throw new Error(`the pictures are not loaded from the workspace's files: ${sources.join(', ')}`);
                const alts = await pictures.evaluateAll(images => images.map(image => image.alt));
                if (!alts.includes('A parcel left on the doorstep while Colleen is on a call')) throw new Error(`the pictures are not described: ${alts.join(' | ')}`);
                // VS Code names a webview's files with its resource host; the webview's service worker answers
                // those from the workspace, so they never reach the network. Anything else would have left.
                const left = [];
                for (const url of new Set(outside)) {
                    const request = requests.get(url);
                    const local = new URL(url).hostname.endsWith('.vscode-resource.vscode-cdn.net') && (await request?.response())?.fromServiceWorker();
                    if (!local) left.push(url);
                }
                if (left.length > 0) throw new Error(`requests left 127.0.0.1 while the pictures loaded:\n${left.join('\n')}`);
                await page.screenshot({ path: artifactPath('ui-storyboard.png') });
                // Exported from the preview's own menu, the page carries the pictures within it.
                const saved = path.join(workspace, 'colleen-day.html');
                await preview.locator('.export-menu > summary').click();
                await preview.locator('.export-menu-items button', { hasText: 'HTML page' }).click();
                await page.locator('.quick-input-widget input').waitFor();
                await page.keyboard.press('Enter');
                await waitUntil('the HTML export saved beside the map', () => fs.existsSync(saved) && fs.statSync(saved).size > 0, 20_000);
                const html = fs.readFileSync(saved, 'utf8');
                const inline = [...html.matchAll(/<img class="picture" src="data:image\/(png|svg\+xml);base64,/g)].length;
                if (inline !== 3) throw new Error(`the HTML export carries ${inline} of the 3 pictures inline`);
            } finally {
                browser.context.off('request', onRequest);
            }
        }]
    ];

    try {
        await runTimedTests({
            phase, tests, page, results, timeoutMs: TEST_TIMEOUT_MS, shotPrefix: 'ui',
            // What the user would see: the preview's banner and the workbench's notifications.
            seen: async () => {
                const banner = await preview.locator('.banner:visible').innerText({ timeout: 1000 }).catch(() => '');
                const notifications = await page.locator('.notification-list-item-message').allInnerTexts().catch(() => []);
                return [banner && `preview banner: ${banner}`, ...notifications.map(text => `notification: ${text}`)].filter(Boolean).join('\n');
            }
        });
    } finally {
        fs.writeFileSync(artifactPath('ui-console.log'), consoleLines.join('\n') + '\n');
        await page.close();
        await server.stop();
        saveServerLogs(server, 'ui');
    }
}
