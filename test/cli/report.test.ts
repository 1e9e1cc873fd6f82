import { beforeAll, describe, expect, test } from 'vitest';
import { alignColumns } from '../../src/render/text-layout.js';
import { cli, journey } from './run.js';

const PRIORITIES = 'test/cli/fixtures/report/priorities.journey';

/** Width in terminal columns of the widest line. */
function widest(text: string): number {
    return Math.max(...text.split('\n').map(line => Array.from(line).length));
}

beforeAll(async () => { await cli(); });

describe('journey report', () => {
    test('text: lows per persona, painful stages, gaps, priorities, coverage, assumptions', async () => {
        const run = await journey(['report', 'examples/vacuum-current.journey']);
        expect(run.status).toBe(0);
        const text = run.stdout;
        expect(text.split('\n')[0]).toBe('Buying a vacuum cleaner (current state)  (VacuumCurrent · Current state · 6 stages · 12 touchpoints)');
        // The lowest moment comes first: the all-day delivery window. Scores take a true minus, as on the map.
        // The checkout's emotion is the survey's mean (research/vacuum-survey-2026q3.csv), to one decimal.
        expect(text).toMatch(/Lowest emotional moments\n {2}Curious Colleen\n {4}\u22123 {4}very negative {2}Delivery › Delivery day SMS\n {4}\u22122\.1 {2}negative {7}Purchase › Web checkout\n/);
        expect(text).toMatch(/Read from research data\n {2}Item +Where +Value +n +Source\n {2}Emotion: Curious Colleen +Purchase › Web checkout +\u22122\.1 negative +10 +Survey\n/);
        expect(text).toMatch(/\n {2}KPI: Conversion rate +Purchase › Web checkout +2\.13% +6 +Analytics\n/);
        expect(text).toMatch(/Stages with the most pain points\n {2}Consideration +3 {2}Too much content/);
        expect(text).toContain('None: every stage has at least one touchpoint.');
        expect(text).toMatch(/ {2}1 {2}Guest checkout +high {4}low {5}quick win {2}Enable guest checkout/);
        // Channel by stage: the product itself is met in Awareness once and in Usage twice.
        expect(text).toMatch(/ {2}Product +1 +· +· +· +2 +·\n/);
        // Rows wrap to 100 columns: the first line of each cell is on the row's first line.
        expect(text).toMatch(/pain point +Chat is staffed 9-17, but +Consideration › Live chat +\(Chat logs show evening/);
    });

    test('unmapped stages and assumed items are called out', async () => {
        const run = await journey(['report', 'test/cli/fixtures/warnings/gaps.journey']);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('  Comparing offers: no touchpoints yet. Add the moments where customers meet you there.');
        expect(run.stdout).toMatch(/pain point +The new price is higher and +Reminder › Renewal email +\(Two complaints in the support\n +the email does not say why +inbox\)\n/);
        expect(run.stdout).toMatch(/opportunity +Explain the price change in\n +the email\n/);
    });

    test('markdown: one table per finding', async () => {
        const run = await journey(['report', 'examples/vacuum-current.journey', '--format', 'markdown']);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('## Buying a vacuum cleaner \\(current state\\)');
        expect(run.stdout).toContain('| Curious Colleen | \u22123 very negative | Delivery | Delivery day SMS |');
        expect(run.stdout).toContain('| Channel | Awareness | Consideration | Purchase | Delivery | Usage | Reviews and recommendations |');
        expect(run.stdout).toContain('| 1 | Guest checkout | high | low | quick win | Checkout forces account creation before payment | Enable guest checkout |');
    });

    test('a journey without emotions says how to add them', async () => {
        const run = await journey(['report', 'test/cli/fixtures/broken/syntax.journey']);
        expect(run.status).toBe(1);
        expect(run.stdout).toContain('No emotions recorded. Add "emotion <persona> <score>" to touchpoints');
        expect(run.stderr).toContain('syntax.journey:9:11 error');
    });
});

describe('journey report ranks opportunities by value for effort', () => {
    test('quick wins, then big bets, fill-ins and money pits, and the report says so', async () => {
        const run = await journey(['report', PRIORITIES]);
        expect(run.status).toBe(0);
        const rows = run.stdout.split('\n').filter(line => /^ {2}\d {2}/.test(line)).map(line => line.trim().split(/ {2,}/));
        expect(rows.map(([rank, label, impact, effort, quadrant]) => [rank, label.slice(0, 22), impact, effort, quadrant])).toEqual([
            ['1', 'Gjestekasse uten konto', 'high', 'low', 'quick win'],
            ['2', 'Fordelsutsagn på hver ', 'medium', 'low', 'quick win'],
            ['3', 'Sammenligningsverktøy ', 'high', 'high', 'big bet'],
            ['4', 'Ikke vurdert ennå', 'not rated', 'not rated', 'big bet'],
            ['5', 'Byta färg på knappen', 'low', 'low', 'fill-in'],
            ['6', 'Bygge en egen app for ', 'low', 'high', 'money pit']
        ]);
        expect(run.stdout.replace(/\s+/g, ' ')).toContain('Ranked as on an impact/effort matrix: quick wins (medium or high impact, low effort), then big bets (medium or high impact, more effort), then fill-ins (low impact, low effort), then money pits (low impact, more effort); within each, higher impact first, then lower effort. An unrated impact or effort counts as medium.');
        const markdown = await journey(['report', PRIORITIES, '--format', 'markdown']);
        expect(markdown.stdout).toMatch(/\| 1 \| Gjestekasse uten konto \| high \| low \| quick win \|[^\n]*\n\| 2 \| Fordelsutsagn[^\n]*\| medium \| low \| quick win \|[^\n]*\n\| 3 \| Sammenligningsverktøy[^\n]*\| high \| high \| big bet \|/);
        expect(markdown.stdout).toContain('Ranked as on an impact/effort matrix: quick wins');
    });
});

describe('journey report fits the terminal', () => {
    test('tables with long labels wrap to 100 columns when the output is not a terminal', async () => {
        const run = await journey(['report', PRIORITIES]);
        expect(widest(run.stdout)).toBeLessThanOrEqual(100);
        // A wrapped cell goes on under its own column.
        expect(run.stdout).toMatch(/\n {2}3 {2}Sammenligningsverktøy for alle modeller og +high +high +big bet +no action yet\n {5}konkurrenter med batteritid, filter og garanti\n/);
    });

    test('alignColumns narrows the widest columns to the width given and wraps their cells at spaces', () => {
        const lines = alignColumns([['#', 'Opportunity', 'Impact'], ['1', 'Sammenligningsverktøy for alle modeller og konkurrenter', 'high']], '  ', '  ', 40);
        expect(lines).toEqual([
            '  #  Opportunity                Impact',
            '  1  Sammenligningsverktøy for  high',
            '     alle modeller og',
            '     konkurrenter'
        ]);
        expect(Math.max(...lines.map(line => Array.from(line).length))).toBeLessThanOrEqual(40);
    });
});

describe('journey report shows gaps in the emotional curve as gaps', () => {
    test('a persona with no emotion in a stage gets a dash, never a number', async () => {
        const run = await journey(['report', PRIORITIES]);
        const section = run.stdout.slice(run.stdout.indexOf('Emotion by stage'), run.stdout.indexOf('Stages with the most pain points'));
        expect(section).toMatch(/\n {2}Oppdage behovet og lete etter +\u22121 +\+1\n/);
        expect(section).toMatch(/\n {2}Jämföra modeller, läsa +\u22122 +—\n/);
        expect(section).toMatch(/\n {2}Toimitus kotiovelle ja +\+1 +—\n/);
        expect(section).toContain('— marks a gap: the persona has no emotion there (a hole in the curve, not a neutral moment).');
        const markdown = await journey(['report', PRIORITIES, '--format', 'markdown']);
        expect(markdown.stdout).toContain('| Jämföra modeller, läsa recensioner och fråga i chatten på kvällen | \u22122 | — |');
        expect(markdown.stdout).toContain('| Toimitus kotiovelle ja kuljettajan viesti | +1 | — |');
    });
});

describe('journey report --segment', () => {
    test('reports on one segment\'s personas alone, says so, and splits the curve by segment without it', async () => {
        const whole = await journey(['report', 'examples/elavtal-nulage.journey']);
        expect(whole.status, whole.stderr).toBe(0);
        expect(whole.stdout).toMatch(/Känslor per segment \(snitt av dess personor\)\n +Lägenhetskunder +Villakunder\n/);
        const villa = await journey(['report', 'examples/elavtal-nulage.journey', '--segment', 'Villa']);
        expect(villa.status, villa.stderr).toBe(0);
        expect(villa.stdout.split('\n')[0]).toContain('endast segmentet Villakunder');
        expect(villa.stdout).toContain('Göran i villan');
        expect(villa.stdout).not.toContain('Agnes som flyttar');
        // One segment's report does not split its curve by segment again.
        expect(villa.stdout).not.toContain('Känslor per segment');
    });

    test('with --portfolio it says the two do not go together', async () => {
        const run = await journey(['report', '--portfolio', 'examples', '--segment', 'Villa']);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain("--segment reports on one map as one segment lives it; the portfolio table is every map's health. Leave out one of them.");
    });

    test('an unknown segment names the ones there are', async () => {
        const run = await journey(['report', 'examples/elavtal-nulage.journey', '--segment', 'Nordics']);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain("No persona of examples/elavtal-nulage.journey belongs to the segment 'Nordics'. Segments of its personas: Lagenhet, Villa.");
    });
});

