import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { journeyMarkdownIt, type MarkdownItLike } from '../../src/markdown/markdown-it-journey.js';
import { siblingJourneyFiles } from '../../src/markdown/sibling-journey-files.js';
import { JourneyBlockModels, type ContextDocument } from '../../src/markdown/journey-block-model.js';
import { themeStyle } from '../webview/harness.js';
import { buildMarkdownPreview, ROOT } from './build.js';

const EXAMPLES = path.join(ROOT, 'examples');
const CHROMIUM = '/usr/bin/chromium';

/** The markdown-it in node_modules (the one VS Code's preview uses is the same major version). */
type MarkdownIt = MarkdownItLike & { use(plugin: (md: MarkdownItLike) => void): MarkdownIt; render(source: string, env?: unknown): string };
const markdownIt = createRequire(import.meta.url)('markdown-it') as (options?: object) => MarkdownIt;

function md(): MarkdownIt {
    return markdownIt({ html: true }).use(plugin => journeyMarkdownIt(plugin, { contextFor: () => [] }));
}

const BLOCK = `persona Ann "Anxious Ann" { }
journey Tiny "A tiny journey" {
    personas Ann
    stage Look { touchpoint Ad "Poster <b>ad</b>" { channel ad emotion Ann -1 } }
    stage Buy { touchpoint Till "Till" { channel store emotion Ann 2 } }
}
`;

const README = `# Our journeys

Some text.

\`\`\`journey
${BLOCK}\`\`\`

\`\`\`js
const x = 1;
\`\`\`
`;

function examplesContext(): ContextDocument[] {
    return siblingJourneyFiles({ currentDocument: { scheme: 'file', fsPath: path.join(EXAMPLES, 'README.md') } });
}

describe('the markdown-it plugin', () => {
    test('a journey fence becomes a placeholder that carries the text, escaped', () => {
        const html = md().render(README);
        expect(html).toContain('<div class="journey-block" data-journey-line="6" data-journey-source="persona Ann');
        expect(html).toContain('touchpoint Ad &quot;Poster &lt;b&gt;ad&lt;/b&gt;&quot;');
        expect(html).not.toContain('<b>ad</b>');
        // Until the preview script runs, the block reads as code.
        expect(html).toContain('<pre class="journey-block-source"><code>persona Ann');
    });

    test('other fences render as before', () => {
        const html = md().render(README);
        expect(html).toContain('<pre><code class="language-js">const x = 1;\n</code></pre>');
    });

    test('the token attributes the preview uses for scroll sync are kept', () => {
        const instance = md();
        // VS Code's preview marks block tokens with class code-line and data-line before rendering.
        const parse = (instance as unknown as { parse(s: string, env: object): Array<{ type: string; map: [number, number] | null; attrJoin(n: string, v: string): void; attrSet(n: string, v: string): void }> }).parse(README, {});
        for (const token of parse) {
            if (token.map && token.type === 'fence') { token.attrJoin('class', 'code-line'); token.attrSet('data-line', String(token.map[0])); }
        }
        const html = (instance as unknown as { renderer: { render(tokens: unknown, options: unknown, env: unknown): string }; options: unknown }).renderer.render(parse, (instance as unknown as { options: unknown }).options, {});
        expect(html).toMatch(/<div class="code-line journey-block" data-line="4" data-journey-line="6"/);
    });

    test('the .journey files beside the Markdown file come along as context', () => {
        const context = examplesContext();
        expect(context.map(d => path.basename(d.uri)).sort()).toEqual(fs.readdirSync(EXAMPLES).filter(f => f.endsWith('.journey')).sort());
        expect(context.every(d => d.uri.startsWith('file:///'))).toBe(true);
        expect(siblingJourneyFiles({ currentDocument: { scheme: 'untitled', fsPath: 'Untitled-1' } })).toEqual([]);
        const html = markdownIt().use(plugin => journeyMarkdownIt(plugin, { contextFor: siblingJourneyFiles })).render(README, { currentDocument: { scheme: 'file', fsPath: path.join(EXAMPLES, 'README.md') } });
        expect(html).toContain('personas.journey');
    });
});

describe('the view model of a block', () => {
    const models = new JourneyBlockModels();

    test('a self-contained block links and validates', async () => {
        const { model, diagnostics } = await models.build(BLOCK, []);
        expect(diagnostics.filter(d => d.severity === 1)).toEqual([]);
        expect(model.journeys[0].stages.map(s => s.label)).toEqual(['Look', 'Buy']);
        expect(model.journeys[0].emotionLanes[0].points.map(p => p.score)).toEqual([-1, 2]);
    });

    test('personas and the baseline resolve from the files beside the Markdown file', async () => {
        const future = fs.readFileSync(path.join(EXAMPLES, 'vacuum-future.journey'), 'utf8');
        const { model, diagnostics } = await models.build(future, examplesContext());
        // The block repeats vacuum-future.journey: that file is left out, so nothing is declared twice.
        expect(diagnostics.filter(d => d.severity === 1).map(d => d.message)).toEqual([]);
        expect(model.journeys[0].personas.map(p => p.label)).toEqual(['Curious Colleen']);
        expect(model.journeys[0].baseline?.id).toBe('VacuumCurrent');
    });

    test('a broken block reports its problems', async () => {
        const { diagnostics } = await models.build('journey X { personas Nobody stage A { } }', []);
        expect(diagnostics.some(d => String(d.message).includes("Unknown persona 'Nobody'"))).toBe(true);
    });
});

describe('the preview script in a page like VS Code\'s Markdown preview', () => {
    let browser: Browser;
    let script: string;
    beforeAll(async () => {
        script = fs.readFileSync(await buildMarkdownPreview(), 'utf8');
        browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
    });
    afterAll(async () => { await browser?.close(); });

    test('draws the map with the preview\'s renderer, under the preview\'s CSP, without network', async () => {
        const body = md().render(README + '\n```journey\njourney Broken { personas Nobody stage A { } }\n```\n');
        const variables = themeStyle('light');
        // The Content-Security-Policy VS Code's Markdown preview sets (markdown-language-features, default level).
        const page = `<!DOCTYPE html><html style="${variables}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self' https: data:; media-src 'self' https: data:; script-src 'nonce-test'; style-src 'self' 'unsafe-inline' https: data:; font-src 'self' https: data:;">
<style>table { border: 3px solid red; } th, td { padding: 20px; }</style></head>
<body class="vscode-body vscode-light">${body}<script async src="/journey-preview.js" nonce="test" charset="UTF-8"></script></body></html>`;
        const tab = await browser.newPage();
        const outside: string[] = [];
        const errors: string[] = [];
        tab.on('pageerror', error => errors.push(error.message));
        tab.on('console', message => { if (message.type() === 'error') errors.push(message.text()); });
        await tab.route('**/*', async route => {
            const url = new URL(route.request().url());
            if (url.origin !== 'https://preview.test') { outside.push(url.href); return route.abort(); }
            if (url.pathname === '/journey-preview.js') return route.fulfill({ contentType: 'text/javascript', body: script });
            return route.fulfill({ contentType: 'text/html', body: page });
        });
        await tab.goto('https://preview.test/index.html');
        const first = tab.locator('.journey-block').first();
        await expect.poll(() => first.locator('th.stage').count(), { timeout: 20_000 }).toBe(2);
        expect(await first.locator('th.stage', { hasText: 'Look' }).isVisible()).toBe(true);
        await expect.poll(() => first.locator('.overview svg').count(), { timeout: 20_000 }).toBe(1);
        expect(await first.locator('tr.lane-emotion g.emotion-point').count()).toBe(2);
        // The Markdown page's table style does not reach into the map.
        expect(await first.locator('table.map-grid').evaluate(table => getComputedStyle(table).borderTopWidth)).not.toBe('3px');
        // The code fallback is no longer shown, and the ordinary code block is untouched.
        expect(await first.locator('pre.journey-block-source').isVisible()).toBe(false);
        expect(await tab.locator('code.language-js').isVisible()).toBe(true);

        const broken = tab.locator('.journey-block').nth(1);
        await expect.poll(() => broken.locator('.banner-error').count(), { timeout: 20_000 }).toBe(1);
        expect(await broken.locator('.banner-error').innerText()).toMatch(/Line 19: Unknown persona 'Nobody'/);

        // VS Code patches the page on edits, then fires this event: the block is drawn again from its new text.
        await tab.evaluate(() => {
            const block = document.querySelector<HTMLElement>('.journey-block')!;
            block.dataset.journeySource = block.dataset.journeySource!.replace('stage Buy', 'stage Pay');
            window.dispatchEvent(new CustomEvent('vscode.markdown.updateContent'));
        });
        await expect.poll(() => first.locator('th.stage', { hasText: 'Pay' }).count(), { timeout: 20_000 }).toBe(1);

        expect(errors).toEqual([]);
        expect(outside).toEqual([]);
        await tab.close();
    });
});
