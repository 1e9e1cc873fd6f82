/**
 * The diff as a pure module: two view models in, what changed out, then text and Markdown in the
 * words given. The view models are built from real text with the language services, as the CLI builds them.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import type { JourneyView } from '../../src/model/view-model.js';
import { diffJourneys, diffMarkdown, diffText, pairJourneys } from '../../src/render/diff.js';
import { messagesFor } from '../../src/render/languages.js';
import { createTestServices } from '../language/services.js';

const en = messagesFor('en');
const PERSONAS = fs.readFileSync('examples/personas.journey', 'utf8');
const CURRENT = fs.readFileSync('examples/vacuum-current.journey', 'utf8');
const FUTURE = fs.readFileSync('examples/vacuum-future.journey', 'utf8');

let services: Awaited<ReturnType<typeof createTestServices>>;
beforeAll(async () => { services = await createTestServices(); });

/** The journeys of each text, each version built in a workspace of its own with the shared personas. */
async function journeysOf(...texts: string[]): Promise<JourneyView[]> {
    await services.reset();
    const documents = await services.workspace({
        'file:///maps/personas.journey': PERSONAS,
        ...Object.fromEntries(texts.map((text, i) => [`file:///maps/map${i}.journey`, text]))
    });
    return documents.slice(1).flatMap(document => services.Journey.model.ViewModelBuilder.build(document).journeys);
}

async function diffOf(before: string, after: string) {
    const [old] = await journeysOf(before);
    const [now] = await journeysOf(after);
    return diffJourneys(old, now);
}

function edit(text: string, from: string, to: string): string {
    expect(text).toContain(from);
    return text.replace(from, to);
}

describe('comparing two versions of a journey', () => {
    test('the same text has no changes; the emotion table lists every stage unchanged', async () => {
        const diff = await diffOf(CURRENT, CURRENT);
        expect([diff.stages, diff.touchpoints, diff.pains, diff.opportunities, diff.kpis]).toEqual([[], [], [], [], []]);
        expect(diff.emotions.length).toBeGreaterThan(0);
        expect(diff.emotions.every(e => e.before === e.after)).toBe(true);
        expect(diff.futureState).toBe(false);
    });

    test('a relabelled touchpoint and a changed emotion are said once each, the scores as numbers too', async () => {
        const after = edit(edit(CURRENT, '"Paid search result"', '"Search ad"'), 'emotion Colleen -1\n            // A named pain', 'emotion Colleen +1\n            // A named pain');
        const diff = await diffOf(CURRENT, after);
        expect(diff.touchpoints).toEqual([expect.objectContaining({
            kind: 'changed', id: 'SearchAd', stage: 'Awareness',
            changes: [
                { field: 'label', before: 'Paid search result', after: 'Search ad' },
                expect.objectContaining({ emotion: { persona: 'Curious Colleen', before: -1, after: 1 } })
            ]
        })]);
        expect(diff.emotions.find(e => e.stage === 'Awareness')).toMatchObject({ before: -1.5, after: -0.5 });
    });

    test('a new pain point is added; a pain point gone is resolved, by what addressed it', async () => {
        const after = edit(CURRENT, 'pain GenericLandingPage "The landing page lists specs but never says which problem the vacuum solves"', 'pain SlowPage "The landing page takes eight seconds to load"');
        const diff = await diffOf(CURRENT, after);
        expect(diff.pains).toEqual(expect.arrayContaining([
            expect.objectContaining({ kind: 'added', text: 'The landing page takes eight seconds to load', stage: 'Awareness' }),
            expect.objectContaining({ kind: 'resolved', id: 'GenericLandingPage', addressedBy: [expect.any(String)] })
        ]));
    });

    test('a KPI change keeps its reading as numbers beside the text scripts have read', async () => {
        const diff = await diffOf(CURRENT, edit(CURRENT, 'kpi "Click-through rate" 3.4 %', 'kpi "Click-through rate" 4.1 %'));
        expect(diff.kpis).toEqual([{
            kind: 'changed', label: 'Click-through rate', before: '3.4% (target 5%)', after: '4.1% (target 5%)',
            measured: { before: { value: 3.4, unit: '%', target: 5 }, after: { value: 4.1, unit: '%', target: 5 } }
        }]);
    });

    test('a future state against the current state it improves: stages matched, opportunities delivered', async () => {
        const [current, future] = await journeysOf(CURRENT, FUTURE);
        const diff = diffJourneys(current, future);
        expect(diff.futureState).toBe(true);
        expect(diff.stages.filter(s => s.kind === 'removed')).toEqual([]);
        expect(diff.opportunities.filter(o => o.kind === 'delivered').length).toBeGreaterThan(0);
    });

    test('journeys pair by id; the others are added or removed', async () => {
        const [current, future] = await journeysOf(CURRENT, FUTURE);
        const { pairs, added, removed } = pairJourneys([current], [current, future]);
        expect(pairs).toHaveLength(1);
        expect(added.map(j => j.id)).toEqual(['VacuumFuture']);
        expect(removed).toEqual([]);
    });
});

describe('the diff in words', () => {
    test('text names both versions and writes scores as the language does', async () => {
        const diff = await diffOf(CURRENT, edit(CURRENT, 'emotion Colleen -1\n            // A named pain', 'emotion Colleen +1\n            // A named pain'));
        const english = diffText(diff, 'old.journey', 'new.journey', en);
        expect(english).toContain('old.journey → new.journey');
        expect(english).toContain('\u22121.5 \u2192 \u22120.5');
        const german = diffText(diff, 'a', 'b', messagesFor('de'));
        expect(german).toContain('\u22121,5 \u2192 \u22120,5');
        expect(german).not.toContain('Emotion, average per stage');
    });

    test('Markdown escapes labels: a hostile label stays text', async () => {
        const diff = await diffOf(CURRENT, edit(CURRENT, '"Paid search result"', '"<img src=x onerror=alert(1)> | [link](https://example.com)"'));
        const markdown = diffMarkdown(diff, 'a', 'b', en);
        expect(markdown).not.toMatch(/(^|[^\\])<img/m);
        expect(markdown).not.toMatch(/(^|[^\\])\]\(https/m);
        expect(markdown).toContain('\\<img');
    });
});
