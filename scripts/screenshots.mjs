// `npm run screenshots`: pictures of the preview in a real VS Code, for looking at the design and
// for the README. Builds and packages the extension, installs the .vsix into code-server with a
// profile of its own, opens a copy of examples/ (with a seven-stage, two-persona map added) and,
// for every journey, in light, dark and high-contrast themes, with the preview 600, 1,000 and
// 1,900 px wide, saves:
//   NAME-THEME-WIDTH.png         the window: the editor beside the preview (at 1,900 px the preview alone)
//   NAME-THEME-WIDTH-cursor.png  the same after the cursor moved into the journey's third stage
//                                (or onto the first line holding --cursor=TEXT)
// plus stale-review-THEME-1000.png, a journey whose review date has passed, and the README's
// pictures readme-light.png and readme-dark.png (a 1,440 x 900 laptop window).
//
//   node scripts/screenshots.mjs [--only=NAME,NAME] [--themes=light,dark,high-contrast] [--widths=600,1000,1900] [--cursor=TEXT] [--media]
//
// Pictures go to test-results/screenshots/ (gitignored); --media also copies the README's
// pictures to media/screenshot-light.png and media/screenshot-dark.png.
import fs from 'node:fs';
import path from 'node:path';
import { installExtension, profilePaths, projectRoot, resetProfile, startCodeServer, workbenchUrl } from './code-server.mjs';
import { buildExtension, packageVsix } from './start.mjs';
import { launchChromium } from '../test/e2e/support.mjs';

/** The `workbench.colorTheme` setting of each theme, its name in the Color Theme picker, and the workbench's class for it. */
const THEMES = {
    light: { setting: 'Default Light Modern', label: 'Light Modern', workbench: 'vs' },
    dark: { setting: 'Default Dark Modern', label: 'Dark Modern', workbench: 'vs-dark' },
    'high-contrast': { setting: 'Default High Contrast', label: 'Dark High Contrast', workbench: 'hc-black' }
};
const HEIGHT = 1000;
const WIDTHS = [600, 1000, 1900];
/** Width of the activity bar, the only part of the workbench beside the editors once the side bar is hidden. */
const ACTIVITY_BAR = 48;
const PROFILE = 'screenshots';
const STALE_REVIEW = 'stale-review.journey';
/** More stages, personas and longer labels than the examples: what a side panel and an export must cope with. */
const SEVEN_STAGES = path.join(projectRoot, 'test/cli/fixtures/maps/seven-stages.journey');
/** The README's pictures: a laptop's window, the editor beside the preview. */
const README_SHOTS = [
    { example: 'vacuum-current.journey', theme: 'light', media: 'screenshot-light.png' },
    { example: 'b2b-onboarding.journey', theme: 'dark', media: 'screenshot-dark.png', line: 70 }
];
const README_WINDOW = { width: 1440, height: 900 };
const outDir = path.join(projectRoot, 'test-results', 'screenshots');

const SETTINGS = {
    // Nothing pops up over the editor while pictures are taken.
    'editor.quickSuggestions': { other: false, comments: false, strings: false },
    'editor.minimap.enabled': false,
    'workbench.editor.enablePreview': false,
    'workbench.tips.enabled': false,
    'window.commandCenter': false,
    'workbench.layoutControl.enabled': false,
    'workbench.colorTheme': THEMES.light.setting
};

const argument = name => process.argv.find(arg => arg.startsWith(`--${name}=`))?.slice(name.length + 3).split(',').filter(Boolean);
const onlyNames = argument('only');
const copyToMedia = process.argv.includes('--media');
const themes = argument('themes') ?? Object.keys(THEMES);
const widths = (argument('widths') ?? WIDTHS).map(Number);
/** `--cursor=TEXT`: the -cursor pictures put the cursor on the first line holding TEXT instead of in the third stage. */
const cursorText = process.argv.find(arg => arg.startsWith('--cursor='))?.slice('--cursor='.length);
for (const theme of themes) {
    if (!THEMES[theme]) throw new Error(`Unknown theme "${theme}": use --themes=${Object.keys(THEMES).join(',')}.`);
}

const step = message => console.log(`[screenshots] ${message}`);

function journeysToShoot(workspace) {
    const names = fs.readdirSync(workspace).filter(name => name.endsWith('.journey') && name !== 'personas.journey').sort();
    if (!onlyNames) return names;
    const wanted = onlyNames.map(name => name.endsWith('.journey') ? name : `${name}.journey`);
    const unknown = wanted.filter(name => !names.includes(name));
    if (unknown.length > 0) throw new Error(`No journey named ${unknown.join(', ')} to shoot (there are: ${names.join(', ')}).`);
    return wanted;
}

/**
 * A copy of newsletter-signup.journey under another name, reviewed long ago: shows the "review
 * overdue" badge. Added only for its own pictures, so no other picture lists it.
 */
function addStaleReviewJourney(workspace) {
    const source = fs.readFileSync(path.join(workspace, 'newsletter-signup.journey'), 'utf8');
    const stale = source
        .replace(/^journey NewsletterSignup "([^"]*)"/m, 'journey NewsletterSignupStale "$1 (review overdue)"')
        .replace(/^(\s*)review \d{4}-\d{2}-\d{2}/m, '$1review 2024-01-31');
    fs.writeFileSync(path.join(workspace, STALE_REVIEW), stale);
}

async function waitUntil(what, probe, timeoutMs = 20_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        const value = await probe();
        if (value) return value;
        await new Promise(resolve => setTimeout(resolve, 200));
    }
    throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
}

async function runCommand(page, title) {
    const input = page.locator('.quick-input-widget input');
    for (let attempt = 1; ; attempt++) {
        // A webview that holds the keyboard focus may swallow F1 or take the focus back and close the
        // palette; a click on an empty part of the status bar gives the focus to the workbench first.
        await page.locator('.part.statusbar').click({ position: { x: page.viewportSize().width / 2, y: 5 } });
        await page.keyboard.press('F1');
        try {
            await input.fill(`>${title}`, { timeout: 3000 });
            await pickRow(page, title, 5000);
            return;
        } catch (error) {
            if (attempt === 3) throw new Error(`Could not run "${title}" from the command palette: ${error.message}`);
            await page.keyboard.press('Escape');
        }
    }
}

/** Clicks the quick-pick row labelled exactly `label`: Enter would take the best fuzzy match, which may be another. */
async function pickRow(page, label, timeout) {
    const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
    const row = page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exact }) }).first();
    await row.click({ timeout });
}

/** The kind of theme the workbench shows now, from its class. */
function themeNow(page) {
    return page.evaluate(themes => {
        const classes = document.querySelector('.monaco-workbench')?.classList;
        return Object.entries(themes).find(([, theme]) => classes?.contains(theme.workbench))?.[0];
    }, THEMES);
}

/** Picks a colour theme as a user does, with Preferences: Color Theme. */
async function setTheme(page, theme) {
    if (await themeNow(page) === theme) return;
    const { label } = THEMES[theme];
    for (let attempt = 1; ; attempt++) {
        await runCommand(page, 'Preferences: Color Theme');
        await page.locator('.quick-input-widget input').fill(label);
        try {
            // The built-in themes are listed once the extension host has scanned its extensions.
            await pickRow(page, label, 5000);
            await waitUntil(`the ${label} theme`, async () => await themeNow(page) === theme, 10_000);
            await page.waitForTimeout(400);
            return;
        } catch (error) {
            if (attempt === 3) throw error;
            await page.keyboard.press('Escape');
            await page.waitForTimeout(2000);
        }
    }
}

/** Closes every editor, then opens a file with Quick Open, as a user does, and waits for its tab. */
async function openFile(page, name) {
    await runCommand(page, 'View: Close All Editors');
    await waitUntil('every editor to close', async () => await page.locator('.tab').count() === 0, 5000);
    // A file written a moment ago may not be in Quick Open's list yet: ask again.
    for (let attempt = 1; ; attempt++) {
        await page.keyboard.press('Control+P');
        await page.locator('.quick-input-widget input').fill(name);
        try {
            await page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().click({ timeout: 4000 });
            break;
        } catch (error) {
            if (attempt === 4) throw error;
            await page.keyboard.press('Escape');
            await page.waitForTimeout(1500);
        }
    }
    await page.locator('.tab.active', { hasText: name }).waitFor();
}

/** Clicks the editor-title preview button and waits until the map is drawn and settled. */
async function openPreview(page, name) {
    await page.locator('.editor-actions .action-label[aria-label^="Open Preview to the Side"]').click();
    await page.locator('.tab', { hasText: `Preview ${name}` }).waitFor();
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await preview.locator('body[data-rendered-version] :is(.journey table.map-grid, .journey .empathy-maps)').first().waitFor({ timeout: 30_000 });
    // Fonts and the editor's syntax colouring arrive just after the first drawing.
    await page.waitForTimeout(1000);
    return preview;
}

async function previewWidth(page) {
    return Math.round((await page.locator('iframe.webview.ready').boundingBox())?.width ?? 0);
}

/**
 * Sizes the window so that the preview beside the editor is `width` pixels wide (the two editor
 * groups share the window evenly); the widest view gives the preview the whole window.
 */
async function fitPreviewTo(page, width) {
    if (width >= 1400) {
        await page.setViewportSize({ width: width + ACTIVITY_BAR, height: HEIGHT });
        await page.locator('.tab', { hasText: 'Preview ' }).first().click();
        await runCommand(page, 'View: Toggle Maximize Editor Group');
        await page.waitForTimeout(800);
        return;
    }
    let window = 2 * width + ACTIVITY_BAR;
    for (let attempt = 0; attempt < 3; attempt++) {
        await page.setViewportSize({ width: window, height: HEIGHT });
        await page.waitForTimeout(500);
        const actual = await previewWidth(page);
        if (Math.abs(actual - width) <= 4) break;
        window += 2 * (width - actual);
    }
    await page.waitForTimeout(600);
}

/** The line (1-based) of the journey's third stage, or its last when it has fewer. */
function thirdStageLine(file) {
    const lines = fs.readFileSync(file, 'utf8').split('\n');
    const stages = lines.flatMap((line, i) => /^\s*stage\s/.test(line) ? [i + 1] : []);
    return stages[Math.min(2, stages.length - 1)] ?? 1;
}

/** The line (1-based) the -cursor picture puts the cursor on: a line into the third stage, or the first holding --cursor. */
function cursorLine(file) {
    const holding = cursorText === undefined ? -1 : fs.readFileSync(file, 'utf8').split('\n').findIndex(line => line.includes(cursorText));
    return holding >= 0 ? holding + 1 : thirdStageLine(file) + 1;
}

/** Puts the editor's cursor on its line (cursorLine) with Go to Line, so the preview follows it there. */
async function cursorToThirdStage(page, file) {
    await page.locator('.tab', { hasText: path.basename(file) }).first().click();
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').fill(`:${cursorLine(file)}`);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1000);
}

async function main() {
    const started = Date.now();
    step('building and packaging the extension');
    await buildExtension();
    // A profile of its own, made fresh each run: no editors or settings left over from `npm start`.
    resetProfile(PROFILE);
    const runFolder = profilePaths(PROFILE).dir;
    const vsix = await packageVsix(runFolder);
    await installExtension(vsix, { profile: PROFILE, log: message => step(message) });
    // A copy, so the journeys added for the pictures never land in examples/.
    const workspace = path.join(runFolder, 'workspace');
    fs.cpSync(path.join(projectRoot, 'examples'), workspace, { recursive: true });
    fs.copyFileSync(SEVEN_STAGES, path.join(workspace, path.basename(SEVEN_STAGES)));
    const journeys = journeysToShoot(workspace);
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.mkdirSync(outDir, { recursive: true });

    const server = await startCodeServer({ profile: PROFILE, settings: SETTINGS, log: message => step(message) });
    const browser = await launchChromium();
    const page = await browser.context.newPage();
    const written = [];
    /** Where the window is saved if taking the next picture fails, to see what was in the way. */
    let failure;
    /** Opens the journey with its preview beside it and the editor's cursor at the top. */
    const show = async (name, theme) => {
        failure = path.join(outDir, `FAILED-${path.basename(name, '.journey')}-${theme}.png`);
        await setTheme(page, theme);
        // Quick Open leaves the keyboard in the editor.
        await openFile(page, name);
        await page.keyboard.press('Control+Home');
        await openPreview(page, name);
    };
    const shoot = async (file, take) => {
        const target = path.join(outDir, file);
        await take(target);
        written.push(target);
    };
    try {
        await page.setViewportSize({ width: 1600, height: HEIGHT });
        page.setDefaultTimeout(15_000);
        await page.goto(workbenchUrl(server, { folder: workspace }));
        await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
        await page.waitForTimeout(1500);
        // The editor and the preview share the window: the Explorer would only take room from them.
        await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
        await waitUntil('the extensions to be activated', async () => !(await page.locator('.part.statusbar').innerText()).includes('Activating Extensions'), 60_000);
        for (const theme of themes) {
            for (const name of journeys) {
                const base = path.basename(name, '.journey');
                for (const width of widths) {
                    step(`${base}, ${theme}, ${width} px`);
                    await page.setViewportSize({ width: 1600, height: HEIGHT });
                    await show(name, theme);
                    await fitPreviewTo(page, width);
                    const label = `${base}-${theme}-${width}`;
                    await shoot(`${label}.png`, file => page.screenshot({ path: file }));
                    if (width >= 1400) {
                        await runCommand(page, 'View: Toggle Maximize Editor Group');
                    } else {
                        await cursorToThirdStage(page, path.join(workspace, name));
                        await shoot(`${label}-cursor.png`, file => page.screenshot({ path: file }));
                    }
                }
            }
            if (!onlyNames) {
                addStaleReviewJourney(workspace);
                await page.setViewportSize({ width: 1600, height: HEIGHT });
                await show(STALE_REVIEW, theme);
                await fitPreviewTo(page, 1000);
                await shoot(`stale-review-${theme}-1000.png`, file => page.screenshot({ path: file }));
                await runCommand(page, 'View: Close All Editors');
                fs.rmSync(path.join(workspace, STALE_REVIEW));
            }
        }
        const readmeShots = README_SHOTS.filter(shot => themes.includes(shot.theme) && journeys.includes(shot.example));
        for (const shot of readmeShots) {
            await page.setViewportSize(README_WINDOW);
            await show(shot.example, shot.theme);
            if (shot.line) {
                await page.keyboard.press('Control+G');
                await page.locator('.quick-input-widget input').fill(`:${shot.line}`);
                await page.keyboard.press('Enter');
                await page.waitForTimeout(900);
            }
            await shoot(`readme-${shot.theme}.png`, async file => {
                await page.screenshot({ path: file });
                if (copyToMedia) fs.copyFileSync(file, path.join(projectRoot, 'media', shot.media));
            });
        }
        if (copyToMedia && readmeShots.length > 0) step(`copied ${readmeShots.map(shot => `media/${shot.media}`).join(' and ')}`);
    } catch (error) {
        if (failure) {
            await page.screenshot({ path: failure }).catch(() => undefined);
            error.message += `\nThe window at the time: ${path.relative(process.cwd(), failure)}`;
        }
        throw error;
    } finally {
        await browser.close();
        await server.stop();
        fs.rmSync(runFolder, { recursive: true, force: true });
    }
    step(`${written.length} screenshots in ${path.relative(process.cwd(), outDir)}/ (${Math.round((Date.now() - started) / 1000)} s)`);
}

main().catch(error => {
    console.error(error.stack ?? error.message);
    process.exit(1);
});
