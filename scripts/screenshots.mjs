// `npm run screenshots`: pictures of the preview in a real VS Code, for looking at the design and
// for the README. Builds and packages the extension, installs the .vsix into code-server with a
// profile of its own, opens a copy of examples/ and, for every example journey in a light and a
// dark theme, opens it with the preview to the side and saves:
//   NAME-THEME-window.png   the whole 1600x1000 window, editor and preview side by side
//   NAME-THEME-panel.png    the preview panel alone, as tall as the map (the window is stretched)
//   NAME-THEME-wide.png     the preview alone in the whole window, as tall as the map
// plus stale-review-THEME-window.png, a journey whose review date has passed, and the README's
// pictures readme-light.png and readme-dark.png (the window without the side bar).
//
//   node scripts/screenshots.mjs [--only=NAME,NAME] [--themes=light,dark] [--media]
//
// Pictures go to test-results/screenshots/ (gitignored); --media also copies the README's
// pictures to media/screenshot-light.png and media/screenshot-dark.png.
import fs from 'node:fs';
import path from 'node:path';
import { installExtension, profilePaths, projectRoot, resetProfile, startCodeServer, workbenchUrl } from './code-server.mjs';
import { buildExtension, packageVsix } from './start.mjs';
import { launchChromium } from '../test/e2e/support.mjs';

/** The `workbench.colorTheme` setting of each theme, and its name in the Color Theme picker. */
const THEMES = {
    light: { setting: 'Default Light Modern', label: 'Light Modern' },
    dark: { setting: 'Default Dark Modern', label: 'Dark Modern' }
};
const WINDOW = { width: 1600, height: 1000 };
/** The tallest panel picture: past this the map is cut off (and the PNG gets very large). */
const MAX_PANEL_HEIGHT = 9000;
const PROFILE = 'screenshots';
const STALE_REVIEW = 'stale-review.journey';
/**
 * The README's pictures: the editor with the preview beside it. The dark one is scrolled to the
 * diagrams, so between them the two show the header, both diagrams and the grid.
 */
const README_SHOTS = [
    { example: 'vacuum-current.journey', theme: 'light', media: 'screenshot-light.png' },
    { example: 'b2b-onboarding.journey', theme: 'dark', media: 'screenshot-dark.png', scrollTo: '.diagram-timeline' }
];
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
for (const theme of themes) {
    if (!THEMES[theme]) throw new Error(`Unknown theme "${theme}": use --themes=${Object.keys(THEMES).join(',')}.`);
}

const step = message => console.log(`[screenshots] ${message}`);

function examplesToShoot(workspace) {
    const names = fs.readdirSync(workspace).filter(name => name.endsWith('.journey') && name !== 'personas.journey').sort();
    if (!onlyNames) return names;
    const wanted = onlyNames.map(name => name.endsWith('.journey') ? name : `${name}.journey`);
    const unknown = wanted.filter(name => !names.includes(name));
    if (unknown.length > 0) throw new Error(`No example named ${unknown.join(', ')} in examples/ (there are: ${names.join(', ')}).`);
    return wanted;
}

/**
 * A copy of newsletter-signup.journey under another name, reviewed long ago: shows the "review
 * overdue" badge. Added only for its own pictures, so no other picture lists it in the Explorer.
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
        await page.locator('.part.statusbar').click({ position: { x: WINDOW.width / 2, y: 5 } });
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

/** Picks a colour theme as a user does, with Preferences: Color Theme. */
async function setTheme(page, theme) {
    const workbenchClass = theme === 'dark' ? 'vs-dark' : 'vs';
    const current = () => page.evaluate(cls => document.querySelector('.monaco-workbench')?.classList.contains(cls) ?? false, workbenchClass);
    if (await current()) return;
    await runCommand(page, 'Preferences: Color Theme');
    const { label } = THEMES[theme];
    await page.locator('.quick-input-widget input').fill(label);
    await pickRow(page, label);
    await waitUntil(`the ${label} theme`, current);
}

/** Closes every editor, then opens a file from the Explorer, as a user does, and waits for its tab. */
async function openFile(page, name) {
    await runCommand(page, 'View: Close All Editors');
    await waitUntil('every editor to close', async () => await page.locator('.tab').count() === 0, 5000);
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
    await page.locator('.tab.active', { hasText: name }).waitFor();
}

/** Clicks the editor-title preview button and waits until the map is drawn and settled. */
async function openPreview(page, name) {
    await page.locator('.editor-actions .action-label[aria-label^="Open Preview to the Side"]').click();
    await page.locator('.tab', { hasText: `Preview ${name}` }).waitFor();
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await preview.locator('body[data-rendered-version] .journey svg').first().waitFor({ timeout: 30_000 });
    // Fonts, the emotion chart and the editor's syntax colouring arrive just after the first drawing.
    await page.waitForTimeout(1200);
    return preview;
}

/** The preview panel as tall as its content: the window is stretched so VS Code gives the webview the room. */
async function shootPanel(page, preview, file) {
    const frame = page.locator('iframe.webview.ready');
    const before = await frame.boundingBox();
    const contentHeight = await preview.locator('.viewport').evaluate(viewport => viewport.scrollHeight);
    const height = Math.min(MAX_PANEL_HEIGHT, Math.ceil(contentHeight + WINDOW.height - before.height + 60));
    await page.setViewportSize({ width: WINDOW.width, height });
    try {
        await waitUntil('the preview to grow with the window', async () => height <= WINDOW.height || ((await frame.boundingBox())?.height ?? 0) > before.height, 5000);
        await page.waitForTimeout(500);
        await frame.screenshot({ path: file });
    } finally {
        await page.setViewportSize(WINDOW);
        await page.waitForTimeout(300);
    }
}

/** The preview with the whole window to itself (editor group maximized, side bar hidden), as tall as its content. */
async function shootWide(page, preview, name, file) {
    await page.locator('.tab', { hasText: `Preview ${name}` }).click();
    await runCommand(page, 'View: Toggle Maximize Editor Group');
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    await page.waitForTimeout(800);
    try {
        await shootPanel(page, preview, file);
    } finally {
        await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
        await runCommand(page, 'View: Toggle Maximize Editor Group');
    }
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
    // A copy, so the stale-review journey added for its pictures never lands in examples/.
    const workspace = path.join(runFolder, 'workspace');
    fs.cpSync(path.join(projectRoot, 'examples'), workspace, { recursive: true });
    const examples = examplesToShoot(workspace);
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.mkdirSync(outDir, { recursive: true });

    const server = await startCodeServer({ profile: PROFILE, settings: SETTINGS, log: message => step(message) });
    const browser = await launchChromium();
    const page = await browser.context.newPage();
    const written = [];
    /** Where the window is saved if taking the next picture fails, to see what was in the way. */
    let failure;
    /** Opens the journey with its preview beside it and the editor's cursor at the top; returns the preview's frame. */
    const show = async (name, theme) => {
        const base = path.basename(name, '.journey');
        step(`${base}, ${theme}`);
        failure = path.join(outDir, `FAILED-${base}-${theme}.png`);
        await setTheme(page, theme);
        await openFile(page, name);
        await page.locator('.editor-group-container.active .monaco-editor .view-lines').click({ position: { x: 40, y: 5 } });
        await page.keyboard.press('Control+Home');
        return openPreview(page, name);
    };
    const shoot = async (file, take) => {
        const target = path.join(outDir, file);
        await take(target);
        written.push(target);
    };
    try {
        await page.setViewportSize(WINDOW);
        page.setDefaultTimeout(15_000);
        await page.goto(workbenchUrl(server, { folder: workspace }));
        await page.locator('.monaco-workbench').waitFor({ timeout: 30_000 });
        await page.waitForTimeout(1500);
        for (const theme of themes) {
            for (const name of examples) {
                const base = path.basename(name, '.journey');
                const preview = await show(name, theme);
                await shoot(`${base}-${theme}-window.png`, file => page.screenshot({ path: file }));
                await shoot(`${base}-${theme}-panel.png`, file => shootPanel(page, preview, file));
                await shoot(`${base}-${theme}-wide.png`, file => shootWide(page, preview, name, file));
            }
            if (!onlyNames) {
                addStaleReviewJourney(workspace);
                await show(STALE_REVIEW, theme);
                await shoot(`stale-review-${theme}-window.png`, file => page.screenshot({ path: file }));
                await runCommand(page, 'View: Close All Editors');
                fs.rmSync(path.join(workspace, STALE_REVIEW));
            }
        }
        const readmeShots = README_SHOTS.filter(shot => themes.includes(shot.theme) && examples.includes(shot.example));
        for (const shot of readmeShots) {
            const preview = await show(shot.example, shot.theme);
            // Without the side bar, editor and preview share the window.
            await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
            await page.waitForTimeout(800);
            if (shot.scrollTo) {
                // Right up to the top edge: scrollIntoView would leave a sliver of what is above.
                await preview.locator(shot.scrollTo).first().evaluate(element => {
                    const viewport = element.closest('.viewport');
                    viewport.scrollTop += element.getBoundingClientRect().top - viewport.getBoundingClientRect().top - 6;
                });
                await page.waitForTimeout(300);
            }
            await shoot(`readme-${shot.theme}.png`, async file => {
                await page.screenshot({ path: file });
                if (copyToMedia) fs.copyFileSync(file, path.join(projectRoot, 'media', shot.media));
            });
            await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
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
