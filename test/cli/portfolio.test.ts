/** `journey report --portfolio` over a generated workspace, and `journey check` on maps bound to research data. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli, journey } from './run.js';

let workspace: string;

/** A map with the health given: every problem the portfolio looks for can be switched on. */
function map(id: string, options: { kind?: string; owner?: string; review?: string; unmapped?: boolean; assumed?: boolean; unaddressed?: boolean; overdue?: boolean; drift?: boolean; error?: boolean } = {}): string {
    const lines = [
        `persona P${id} { }`,
        `journey ${id} "Map ${id}" {`,
        `    kind ${options.kind ?? 'current-state'}`,
        options.owner ? `    owner "${options.owner}"` : '',
        `    review ${options.review ?? '2099-01-01'}`,
        `    personas P${id}`,
        options.drift ? `    data Survey "data/${id}.csv" {\n        stage "stage"\n        emotion "score" scale 1..5\n    }` : '',
        '    stage Buy {',
        `        touchpoint Pay {\n            channel ${options.error ? 'pigeon' : 'web'}\n            emotion P${id} +2\n${options.assumed ? '            evidence assumed\n' : '            evidence observed "Checkout analytics"\n'}        }`,
        `        pain Slow "Slow payment" { evidence observed "Support tickets" }`,
        '    }',
        options.unmapped ? '    stage Use { }' : '',
        options.unaddressed ? '' : '    opportunity Faster "Faster payment" {\n        addresses Slow\n    }',
        options.unaddressed ? '' : `    action Build "Build it" {\n        for Faster\n        owner "Ana"\n        due ${options.overdue ? '2021-02-01' : '2099-02-01'}\n    }`,
        '}'
    ];
    return lines.filter(line => line !== '').join('\n') + '\n';
}

beforeAll(async () => {
    await cli();
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-portfolio-'));
    const write = (file: string, text: string) => {
        fs.mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
        fs.writeFileSync(path.join(workspace, file), text);
    };
    write('maps/checkout/healthy.journey', map('Healthy', { owner: 'Team Checkout' }));
    write('maps/checkout/stale.journey', map('Stale', { owner: 'Team Checkout', review: '2020-01-01', overdue: true }));
    write('maps/service/drifting.journey', map('Drifting', { kind: 'service-blueprint', owner: 'Team Service', drift: true, unmapped: true }));
    write('maps/service/data/Drifting.csv', 'stage;score\nBuy;1\nBuy;2\nBuy;1\n');
    write('maps/draft.journey', map('Draft', { assumed: true, unaddressed: true }));
    write('maps/broken.journey', map('Broken', { error: true }));
    // Not a journey: never listed.
    write('maps/notes.md', '# Notes');
    // Many maps, as a large workspace has.
    for (let i = 0; i < 40; i++) write(`maps/generated/map-${String(i).padStart(2, '0')}.journey`, map(`Generated${i}`, { owner: `Team ${i % 3}` }));
});

afterAll(() => fs.rmSync(workspace, { recursive: true, force: true }));

describe('journey report --portfolio', () => {
    test('text: worst first, each journey with what needs attention; exit 1 because one map has errors', async () => {
        const run = await journey(['report', '--portfolio', 'maps/**/*.journey'], { cwd: workspace });
        expect(run.stderr).toBe('');
        expect(run.status).toBe(1);
        const lines = run.stdout.trimEnd().split('\n');
        expect(lines[0]).toMatch(/^ +Journey +File +Needs attention$/);
        expect(lines).toHaveLength(1 + 45 + 2);
        expect(lines.at(-1)).toBe('45 journeys: 41 healthy, 3 needing attention, 1 with errors.');
        expect(lines[1]).toMatch(/^✗ {2}Map Broken +maps\/broken\.journey +1 error$/);
        // Those needing attention by file, before the healthy ones.
        expect(lines[2]).toMatch(/^! {2}Map Stale +maps\/checkout\/stale\.journey +review due since 2020-01-01; 1 action overdue$/);
        expect(lines[3]).toMatch(/^! {2}Map Draft +maps\/draft\.journey +1 pain point unaddressed; 50 % still assumed$/);
        expect(lines[4]).toMatch(/^! {2}Map Drifting +maps\/service\/drifting\.journey +1 value drifted from data; 1 stage unmapped$/);
        expect(lines[5]).toMatch(/^✓ {2}Map Healthy +maps\/checkout\/healthy\.journey +nothing$/);
        expect(lines.filter(line => line.startsWith('✓'))).toHaveLength(41);
    });

    test('markdown: a table for a wiki page with every column', async () => {
        const run = await journey(['report', '--portfolio', 'maps', '--format', 'markdown'], { cwd: workspace });
        expect(run.status).toBe(1);
        // Labels are escaped for Markdown; read without the escapes.
        const table = run.stdout.replace(/\\/g, '');
        expect(table).toContain('| Journey | File | Kind | Owner | Review | Unmapped | Assumed | Unaddressed | Overdue | Drift | Problems |');
        expect(table).toMatch(/\| Map Stale \| maps\/checkout\/stale\.journey \| current-state \| Team Checkout \| 2020-01-01 \(due\) \| 0\/1 \| 0 % \| 0\/1 \| 1\/1 \| 0 \| 0 errors, 2 warnings \|/);
        expect(table).toMatch(/\| Map Drifting \| maps\/service\/drifting\.journey \| service-blueprint \| Team Service \| 2099-01-01 \| 1\/2 \|/);
    });

    test('json: the same rows, with level and problems, for a CI summary', async () => {
        const run = await journey(['report', '--portfolio', 'maps/checkout', 'maps/service/drifting.journey', '--format', 'json'], { cwd: workspace });
        expect(run.status).toBe(0);
        const { journeys } = JSON.parse(run.stdout);
        expect(journeys.map((row: { id: string }) => row.id)).toEqual(['Stale', 'Drifting', 'Healthy']);
        expect(journeys[0]).toMatchObject({ file: 'maps/checkout/stale.journey', owner: 'Team Checkout', level: 'attention', review: { date: '2020-01-01', passed: true }, overdueActions: ['Build it'] });
        expect(journeys[1]).toMatchObject({ kind: 'service-blueprint', drift: 1, unmappedStages: ['Use'], problems: ['1 value drifted from data', '1 stage unmapped'] });
        expect(journeys[2]).toMatchObject({ level: 'ok', problems: [] });
    });

    test('a glob that matches nothing says so', async () => {
        const run = await journey(['report', '--portfolio', 'nowhere/**/*.journey'], { cwd: workspace });
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/nowhere/);
    });
});

describe('journey check on maps bound to research data', () => {
    test('drift is a warning with both numbers; --strict fails on it', async () => {
        const run = await journey(['check', 'maps/service/drifting.journey'], { cwd: workspace });
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('warning This map says +2, but Survey (data/Drifting.csv) says -2.5 (mean 1.33 on 1..5, n = 3): 4.5 apart, more than the drift allowed (1).');
        const strict = await journey(['check', '--strict', 'maps/service/drifting.journey'], { cwd: workspace });
        expect(strict.status).toBe(1);
    });

    test('a data file that is not there is an error that names the folder looked in', async () => {
        fs.writeFileSync(path.join(workspace, 'missing.journey'), map('Missing', { drift: true }));
        const run = await journey(['check', 'missing.journey'], { cwd: workspace });
        expect(run.status).toBe(1);
        expect(run.stdout).toMatch(/missing\.journey:\d+:\d+ error The data file "data\/Missing\.csv" is not there\. There is no file Missing\.csv in .*\/data\. Check the path: it is relative to this map\./);
    });
});
