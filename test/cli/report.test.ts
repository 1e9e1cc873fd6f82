import { beforeAll, describe, expect, test } from 'vitest';
import { cli, journey } from './run.js';

beforeAll(async () => { await cli(); });

describe('journey report', () => {
    test('text: lows per persona, painful stages, gaps, priorities, coverage, assumptions', async () => {
        const run = await journey(['report', 'examples/vacuum-current.journey']);
        expect(run.status).toBe(0);
        const text = run.stdout;
        expect(text.split('\n')[0]).toBe('Buying a vacuum cleaner (current state)  (VacuumCurrent, current state: 6 stages, 12 touchpoints)');
        // The lowest moment comes first: the all-day delivery window.
        expect(text).toMatch(/Lowest emotional moments\n {2}Curious Colleen\n {4}-3 {2}very negative {2}Delivery › Delivery day SMS\n/);
        expect(text).toMatch(/Stages with the most pain points\n {2}Consideration +3 {2}Too much content/);
        expect(text).toContain('None: every stage has at least one touchpoint.');
        expect(text).toMatch(/ {2}1 {2}Guest checkout +high {4}low {5}Enable guest checkout/);
        // Channel by stage: the product itself is met in Awareness once and in Usage twice.
        expect(text).toMatch(/ {2}Product +1 +· +· +· +2 +·\n/);
        expect(text).toMatch(/pain point +Chat is staffed 9-17, but Colleen researches after 21:00 +Consideration › Live chat question/);
    });

    test('unmapped stages and assumed items are called out', async () => {
        const run = await journey(['report', 'test/cli/fixtures/warnings/gaps.journey']);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('  Comparing offers: no touchpoints yet. Add the moments where customers meet you there.');
        expect(run.stdout).toMatch(/pain point +The new price is higher and the email does not say why +Reminder › Renewal email +\(Two complaints in the support inbox\)/);
        expect(run.stdout).toMatch(/opportunity +Explain the price change in the email/);
    });

    test('markdown: one table per finding', async () => {
        const run = await journey(['report', 'examples/vacuum-current.journey', '--format', 'markdown']);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('## Buying a vacuum cleaner \\(current state\\)');
        expect(run.stdout).toContain('| Curious Colleen | -3 very negative | Delivery | Delivery day SMS |');
        expect(run.stdout).toContain('| Channel | Awareness | Consideration | Purchase | Delivery | Usage | Reviews and recommendations |');
        expect(run.stdout).toContain('| 1 | Guest checkout | high | low | Checkout forces account creation before payment | Enable guest checkout |');
    });

    test('a journey without emotions says how to add them', async () => {
        const run = await journey(['report', 'test/cli/fixtures/broken/syntax.journey']);
        expect(run.status).toBe(1);
        expect(run.stdout).toContain('No emotions recorded. Add "emotion <persona> <score>" to touchpoints');
        expect(run.stderr).toContain('syntax.journey:9:11 error');
    });
});
