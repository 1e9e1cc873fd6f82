import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { JourneyDiff } from '../../src/render/diff.js';
import { cli, FIXTURES, journey } from './run.js';

const V1 = 'test/cli/fixtures/versions/v1/shop.journey';
const V2 = 'test/cli/fixtures/versions/v2/shop.journey';

beforeAll(async () => { await cli(); });

describe('journey diff of two versions', () => {
    let text: string;
    beforeAll(async () => {
        const run = await journey(['diff', V1, V2]);
        expect(run.status).toBe(0);
        text = run.stdout;
    });

    test('the summary comes first', () => {
        expect(text.split('\n')[0]).toBe('stages +1 -1 ~1 · touchpoints +1 -1 ~3 · emotion better in 2, worse in 0 · pain points 2 resolved, 1 new · opportunities +1 -1 ~1');
        expect(text.split('\n')[1]).toBe(`${V1} → ${V2}`);
    });

    test('stages added, removed and relabelled', () => {
        expect(text).toContain('  ~  Choosing a model → Choosing the right model\n');
        expect(text).toMatch(/ {2}\+ {2}Unboxing +\(Unbox\)\n/);
        expect(text).toMatch(/ {2}- {2}Wait +\(Wait\)\n/);
    });

    test('touchpoint label, channel, activities and emotion changes, and moves', () => {
        expect(text).toMatch(/~ label +"Newsletter" → "Weekly newsletter"/);
        expect(text).toMatch(/\+ does +"Clicks the coffee machine deal"/);
        expect(text).toMatch(/~ channel +Website → Mobile app/);
        expect(text).toMatch(/- thinks +"Which one is easiest to clean\?"/);
        expect(text).toMatch(/~ emotion Deal-hunting Dana +\u22122 → \+1/);
        expect(text).toMatch(/~ {2}Price alert\n +moved +from Discover\n/);
        expect(text).toMatch(/ {2}Unboxing\n {4}\+ {2}First coffee {2}Product\n/);
        expect(text).toMatch(/ {2}Wait\n {4}- {2}Parcel tracking {2}SMS\n/);
    });

    test('emotion per stage and persona, aligned, with the change', () => {
        expect(text).toMatch(/ {2}Choosing the right model {2}Deal-hunting Dana {4}\u22122 → \+1\.5 {2}\(\+3\.5\)\n/);
        expect(text).toMatch(/ {2}Unboxing +Deal-hunting Dana +— → +\+3 {2}\(new\)\n/);
        expect(text).toMatch(/ {2}Wait +Deal-hunting Dana +0 → +— {2}\(gone\)\n/);
    });

    test('pain points resolved (named and unnamed) and new, opportunities and KPIs', () => {
        expect(text).toMatch(/- {2}resolved {2}Choosing a model {2}Nothing says how the machine is cleaned +\(via Short cleaning video on every product page\)/);
        expect(text).toMatch(/- {2}resolved {2}Pay +Shipping costs appear only at the last step/);
        expect(text).toMatch(/\+ {2}new +Pay +Only card payment is accepted/);
        expect(text).toMatch(/~ {2}Short cleaning video on every product page {2}effort low → medium/);
        expect(text).toMatch(/\+ {2}Accept mobile wallets +impact medium, effort low/);
        expect(text).toMatch(/- {2}Loyalty points +impact low, effort high/);
        expect(text).toContain('~  Product page exit rate  52% → 35%');
    });

    test('a file against itself has no changes', async () => {
        const run = await journey(['diff', V1, V1]);
        expect(run.status).toBe(0);
        expect(run.stdout.split('\n')[0]).toBe('No changes.');
    });

    test('markdown for a pull request', async () => {
        const run = await journey(['diff', V1, V2, '--format', 'markdown']);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('**stages +1 -1 ~1 · touchpoints +1 -1 ~3');
        // File names are code, shown as written.
        expect(run.stdout).toContain('`test/cli/fixtures/versions/v1/shop.journey` → `test/cli/fixtures/versions/v2/shop.journey`');
        expect(run.stdout).toContain('| **~** changed | Choosing a model | Choosing the right model |');
        expect(run.stdout).toContain('| Choosing the right model | Deal\\-hunting Dana | \u22122 | +1.5 | +3.5 |');
        expect(run.stdout).toContain('| **−** resolved | Pay | Shipping costs appear only at the last step |  |');
    });
});

describe('journey diff of a future state against its current state', () => {
    test('stages match by name or `matches`, emotion rises everywhere', async () => {
        const run = await journey(['diff', 'examples/vacuum-current.journey', 'examples/vacuum-future.journey']);
        expect(run.status).toBe(0);
        const lines = run.stdout.split('\n');
        // The seven opportunities of the current state are delivered by the future state, not removed.
        expect(lines[0]).toBe('stages ~1 · touchpoints +10 -9 ~3 · emotion better in 6, worse in 0 · pain points 8 resolved, 1 new · opportunities 7 delivered, +1');
        expect(lines[2]).toBe('Buying a vacuum cleaner (future state), against the current state it improves: Buying a vacuum cleaner (current state)');
        // Advocacy became Sharing through `matches Advocacy`: a relabelled stage, not one removed and one added.
        expect(run.stdout).toMatch(/~ {2}Reviews and recommendations → Sharing the experience {2}\(Advocacy → Sharing\)/);
        expect(run.stdout).toMatch(/ {2}Purchase +Curious Colleen +\u22120\.5 → +\+2 {2}\(\+2\.6\)\n/);
        expect(run.stdout).toMatch(/\+ {2}new +Delivery +Two-hour slots cost extra/);
    });
});

describe('journey diff of a future state: opportunities delivered, not removed', () => {
    const CURRENT = 'test/cli/fixtures/future/current.journey';
    const FUTURE = 'test/cli/fixtures/future/future.journey';

    test('text: delivered by an action that carries on, delivered because its pain is gone, or removed', async () => {
        const run = await journey(['diff', CURRENT, FUTURE]);
        expect(run.status).toBe(0);
        expect(run.stdout.split('\n')[0]).toMatch(/ · opportunities 2 delivered, \+1 -1$/);
        expect(run.stdout).toMatch(/\n {2}✓ {2}Gästkassa +delivered: by 'Bygg gästkassan'\n/);
        expect(run.stdout).toMatch(/\n {2}✓ {2}Jämförelseverktyg +delivered: 1 pain point gone\n/);
        // Its pain is still there and no action took it up: this one was dropped.
        expect(run.stdout).toMatch(/\n {2}- {2}Visa frakten tidigt +impact medium, effort low\n/);
    });

    test('markdown says delivered, and how', async () => {
        const run = await journey(['diff', CURRENT, FUTURE, '--format', 'markdown']);
        expect(run.stdout).toContain("| **✓** delivered | Gästkassa | high | low | by 'Bygg gästkassan' |");
        expect(run.stdout).toContain('| **✓** delivered | Jämförelseverktyg | high | medium | 1 pain point gone |');
        expect(run.stdout).toContain('| **−** removed | Visa frakten tidigt | medium | low |  |');
    });

    test('json gives each change its kind and what delivered it', async () => {
        const run = await journey(['diff', CURRENT, FUTURE, '--format', 'json']);
        expect(run.status).toBe(0);
        const json = JSON.parse(run.stdout) as { comparisons: Array<{ before: string; after: string; diff: JourneyDiff }>; added: unknown[]; removed: unknown[] };
        expect(json.comparisons.map(c => [c.before, c.after])).toEqual([[CURRENT, FUTURE]]);
        const [{ diff }] = json.comparisons;
        expect(diff.futureState).toBe(true);
        expect(diff.opportunities.map(o => [o.id, o.kind, o.delivered])).toEqual([
            ['Snabbleverans', 'added', undefined],
            ['Gastkassa', 'delivered', { actions: ['Bygg gästkassan'], resolved: [] }],
            ['Fraktinfo', 'removed', undefined],
            ['Jamforverktyg', 'delivered', { actions: [], resolved: ['Går inte att jämföra batteritid'] }]
        ]);
    });

    test('two versions of one map remove an opportunity, they do not deliver it', async () => {
        const run = await journey(['diff', V1, V2, '--format', 'json']);
        const [{ diff }] = (JSON.parse(run.stdout) as { comparisons: Array<{ diff: JourneyDiff }> }).comparisons;
        expect(diff.opportunities.filter(o => o.kind === 'delivered')).toEqual([]);
        expect(diff.opportunities.some(o => o.kind === 'removed')).toBe(true);
    });

    test('a persona with no emotion in a stage is a gap, not a number', async () => {
        const text = await journey(['diff', CURRENT, FUTURE]);
        expect(text.stdout).toMatch(/\n {2}Välja modell +Jānis +\u22121 → +— {2}\(gone\)\n/);
        const json = await journey(['diff', CURRENT, FUTURE, '--format', 'json']);
        const [{ diff }] = (JSON.parse(json.stdout) as { comparisons: Array<{ diff: JourneyDiff }> }).comparisons;
        expect(diff.emotions.find(e => e.persona === 'Jānis' && e.stage === 'Välja modell')).toEqual({ stage: 'Välja modell', persona: 'Jānis', before: -1, after: null });
    });
});

describe('journey diff --git', () => {
    let repo: string;
    beforeAll(() => {
        repo = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-git-'));
        const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], { cwd: repo, stdio: 'pipe' });
        git('init', '-q');
        fs.mkdirSync(path.join(repo, 'maps'));
        fs.copyFileSync(path.join(FIXTURES, 'versions/v1/shop.journey'), path.join(repo, 'maps/shop.journey'));
        git('add', '.');
        git('commit', '-q', '-m', 'first map');
        fs.copyFileSync(path.join(FIXTURES, 'versions/v2/shop.journey'), path.join(repo, 'maps/shop.journey'));
    });

    test('compares the working file with the revision', async () => {
        const run = await journey(['diff', '--git', 'HEAD', 'maps/shop.journey'], { cwd: repo });
        expect(run.status).toBe(0);
        expect(run.stdout.split('\n')[0]).toBe('stages +1 -1 ~1 · touchpoints +1 -1 ~3 · emotion better in 2, worse in 0 · pain points 2 resolved, 1 new · opportunities +1 -1 ~1');
        expect(run.stdout.split('\n')[1]).toBe('HEAD:maps/shop.journey → maps/shop.journey');
    });

    test('an unknown revision says what git accepts', async () => {
        const run = await journey(['diff', '--git', 'no-such-branch', 'maps/shop.journey'], { cwd: repo });
        expect(run.status).toBe(2);
        expect(run.stderr).toContain("'no-such-branch' is not a revision git knows");
    });

    test('a file that did not exist at the revision says so', async () => {
        fs.copyFileSync(path.join(FIXTURES, 'versions/v2/shop.journey'), path.join(repo, 'maps/new.journey'));
        const run = await journey(['diff', '--git', 'HEAD', 'maps/new.journey'], { cwd: repo });
        expect(run.status).toBe(2);
        expect(run.stderr).toContain("maps/new.journey did not exist at 'HEAD'");
    });

    test('outside a repository it suggests comparing two files', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-nogit-'));
        fs.copyFileSync(path.join(FIXTURES, 'versions/v1/shop.journey'), path.join(dir, 'shop.journey'));
        const run = await journey(['diff', '--git', 'HEAD', 'shop.journey'], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: path.dirname(dir) } });
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('is not in a git repository');
        expect(run.stderr).toContain('journey diff old.journey new.journey');
    });

    test('diff needs two files, or --git and one', async () => {
        const run = await journey(['diff', V1]);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain("'journey diff' needs two .journey files (old, then new), or --git <revision> and one file.");
    });
});
