/**
 * Mermaid journey diagrams in and out: `journey import` turns them into maps, `journey render
 * --format mermaid-journey` writes them back, and Mermaid's own parser reads what we write.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { importMermaidJourneys, parseMermaidJourney } from '../../src/import/mermaid-journey.js';
import { cli, FIXTURES, journey, ROOT } from './run.js';

const MERMAID = path.join(FIXTURES, 'mermaid');
let out: string;

beforeAll(async () => {
    await cli();
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-import-'));
});

/** Stages, touchpoints, actors and scores of a Mermaid journey: what a round trip must keep. */
function essence(text: string) {
    const diagram = parseMermaidJourney(text);
    return { title: diagram.title, sections: diagram.sections.map(s => ({ label: s.label, tasks: s.tasks.map(t => ({ label: t.label, score: t.score, actors: [...t.actors].sort() })) })) };
}

describe('journey import', () => {
    test('a .mmd diagram becomes a valid map: sections as stages, tasks as touchpoints, actors as personas, scores as emotions', async () => {
        const file = path.join(out, 'working-day.journey');
        const run = await journey(['import', path.join(MERMAID, 'working-day.mmd'), '-o', file]);
        expect(run.status, run.stderr).toBe(0);
        const map = fs.readFileSync(file, 'utf8');
        expect(map).toContain('// Mermaid scores (1 to 5) became emotions on the -3..+3 scale: 1 \u2192 -3, 2 \u2192 -2, 3 \u2192 0, 4 \u2192 +2, 5 \u2192 +3.');
        expect(map).toContain('persona Me { }');
        expect(map).toContain('persona Cat { }');
        expect(map).toContain('journey MyWorkingDay "My working day" {');
        expect(map).toContain('    stage GoToWork "Go to work" {');
        expect(map).toMatch(/touchpoint DoWork "Do work" \{\n\s+emotion Me -3\n\s+emotion Cat -3\n/);
        const check = await journey(['check', file]);
        expect(check.status, check.stdout).toBe(0);
        expect(check.stdout).toBe('');
        expect(check.stderr).toContain('0 errors, 0 warnings');
    });

    test('a Markdown file gives one journey per ```mermaid journey block, and other diagrams are left alone', async () => {
        const run = await journey(['import', path.join(MERMAID, 'readme.md')]);
        expect(run.status, run.stderr).toBe(0);
        expect(run.stdout.match(/^journey /gm)).toHaveLength(2);
        expect(run.stdout).toContain('journey OnboardingANewCustomer "Onboarding a new customer" {');
        expect(run.stdout).toContain('persona OperationsOlivia "Operations Olivia" { }');
        expect(run.stdout).not.toContain('flowchart');
    });

    test('a diagram that cannot be read names its line, writes nothing and exits 1', async () => {
        const file = path.join(out, 'broken.journey');
        const run = await journey(['import', path.join(MERMAID, 'broken.md'), '-o', file]);
        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(/broken\.md:8: the task "A task without a score" needs a score from 1 to 5 after its colon, like "A task without a score: 3: Me"\. Nothing was written\./);
        expect(fs.existsSync(file)).toBe(false);
    });

    test('a file without a journey diagram says so', async () => {
        const run = await journey(['import', path.join(ROOT, 'README.md')]);
        expect(run.status).toBe(1);
        expect(run.stderr).toContain('no ```mermaid block holding a journey diagram in this Markdown file');
    });
});

describe('journey render --format mermaid-journey', () => {
    test('import, render and import again keep the stages, touchpoints, actors and scores', async () => {
        const original = fs.readFileSync(path.join(MERMAID, 'working-day.mmd'), 'utf8');
        const map = path.join(fs.mkdtempSync(path.join(out, 'trip-')), 'round-trip.journey');
        await journey(['import', path.join(MERMAID, 'working-day.mmd'), '-o', map]);
        const rendered = await journey(['render', map, '--format', 'mermaid-journey']);
        expect(rendered.status, rendered.stderr).toBe(0);
        expect(essence(rendered.stdout)).toEqual(essence(original));
        const again = importMermaidJourneys(rendered.stdout, 'mermaid', 'round-trip.mmd');
        expect(again).toBe(importMermaidJourneys(original, 'mermaid', 'round-trip.mmd'));
    });

    test('a map with more than Mermaid can hold says what is lost, and Mermaid itself reads the diagram', async () => {
        const rendered = await journey(['render', 'examples/b2b-onboarding.journey', '--format', 'mermaid-journey']);
        expect(rendered.status, rendered.stderr).toBe(0);
        expect(rendered.stdout).toMatch(/^journey\n {4}%% Emotions on \u22123\.\.\+3 became Mermaid scores 1\.\.5 \(\u22123 \u2192 1, /);
        expect(rendered.stdout).toContain('%% Not in a Mermaid journey: channels');
        const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
        try {
            const page = await browser.newPage();
            await page.addScriptTag({ path: path.join(ROOT, 'node_modules/mermaid/dist/mermaid.min.js') });
            for (const text of [rendered.stdout, fs.readFileSync(path.join(MERMAID, 'working-day.mmd'), 'utf8')]) {
                const parsed = await page.evaluate(async diagram => {
                    const mermaid = (window as unknown as { mermaid: { parse(text: string): Promise<{ diagramType: string }> } }).mermaid;
                    return (await mermaid.parse(diagram)).diagramType;
                }, text);
                expect(parsed).toBe('journey');
            }
        } finally {
            await browser.close();
        }
    });
});
