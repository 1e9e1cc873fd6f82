/**
 * A stage's needs, challenges and choices (`need "..."`, `challenge "..."`, `choice "..."`): read
 * into the view model with their evidence, completed, hovered and formatted like the rest of the
 * language, and written by every reader of the view model (preview, Markdown, report, diff).
 */
import { expectCompletion, expectFormatting, expectHover } from 'langium/test';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { elementAt } from '../../src/render/elements.js';
import { diffJourneys, diffMarkdown, diffText } from '../../src/render/diff.js';
import { gridMarkup, journeyGrid } from '../../src/render/journey-map.js';
import { messagesFor } from '../../src/render/languages.js';
import { documentMarkdown } from '../../src/render/markdown-document.js';
import { journeyReport, reportText } from '../../src/render/report.js';
import { gridGeometry } from '../../src/render/grid-geometry.js';
import { assumedShare, journeyHealth } from '../../src/render/portfolio.js';
import { createTestServices, messages } from './services.js';

let services: Awaited<ReturnType<typeof createTestServices>>;
beforeAll(async () => { services = await createTestServices(); });
afterEach(async () => { await services.reset(); });

const MAP = `journey Move "Moving house" {
    stage Discover "Discover" {
        touchpoint Site "Comparison site" {
            channel web
        }
        need "Power from the day they move in" {
            evidence observed "Interviews, October"
        }
        challenge "Cannot tell the contract types apart"
        need "A price in kronor per month"
        choice "Stay with the old supplier or switch" {
            evidence assumed "Workshop"
        }
    }
}
`;

describe('needs, challenges and choices of a stage', () => {
    test('are read per kind, in the order written, with their evidence', async () => {
        const { document, model } = await services.view(MAP);
        expect(messages(document)).toEqual([]);
        const stage = model.journeys[0].stages[0];
        expect(stage.notes.need.map(n => [n.text, n.evidence])).toEqual([
            ['Power from the day they move in', { level: 'observed', source: 'Interviews, October' }],
            ['A price in kronor per month', undefined]
        ]);
        expect(stage.notes.challenge.map(n => n.text)).toEqual(['Cannot tell the contract types apart']);
        expect(stage.notes.choice.map(n => [n.text, n.evidence?.level])).toEqual([['Stay with the old supplier or switch', 'assumed']]);
        // Each points at its own line, so a click on it in the preview lands there.
        expect(stage.notes.challenge[0].range.start.line).toBe(8);
    });

    test('challenge and choice can still be names, like the other keywords', async () => {
        const { document, model } = await services.view('journey Shop {\n    stage challenge {\n        touchpoint choice { channel web }\n    }\n}\n');
        expect(messages(document)).toEqual([]);
        expect(model.journeys[0].stages[0].id).toBe('challenge');
        expect(model.journeys[0].stages[0].touchpoints[0].id).toBe('choice');
    });

    test('written in a touchpoint, the error says they belong to the stage', async () => {
        const { document } = await services.view('journey Shop {\n    stage S {\n        touchpoint T {\n            channel web\n            need "Quiet"\n        }\n    }\n}\n');
        expect(messages(document)[0]).toBe("Expected '}' but found 'need'. A 'need' is said of a stage as a whole, not of one touchpoint: move it into the stage, after this block's '}'.");
    });

    test('completion offers them in a stage, and not in a touchpoint', async () => {
        await expectCompletion(services.Journey)({
            text: 'journey J {\n    stage S {\n        <|>\n        touchpoint T {\n            <|>\n        }\n    }\n}',
            index: 0,
            assert: completion => expect(completion.items.map(item => item.label)).toEqual(expect.arrayContaining(['need', 'challenge', 'choice']))
        });
        await services.reset();
        await expectCompletion(services.Journey)({
            text: 'journey J {\n    stage S {\n        <|>\n        touchpoint T {\n            <|>\n        }\n    }\n}',
            index: 1,
            assert: completion => expect(completion.items.map(item => item.label)).not.toEqual(expect.arrayContaining(['challenge']))
        });
    });

    test('hover on one says what it is, in which stage, and how we know it', async () => {
        await expectHover(services.Journey)({
            text: MAP.replace('need "Power', 'ne<|>ed "Power'),
            index: 0,
            hover: '**Need** in stage *Discover*: Power from the day they move in\n\nWhat the customer needs in this stage.\nEvidence (observed: Interviews, October).'
        });
        await services.reset();
        await expectHover(services.Journey)({
            text: MAP.replace('challenge "Cannot', 'challenge "Can<|>not'),
            index: 0,
            hover: /^\*\*Challenge\*\* in stage \*Discover\*: Cannot tell[\s\S]*No evidence given: say how you know it/
        });
    });

    test('the stage\'s card lists them, labels escaped', async () => {
        await expectHover(services.Journey)({
            text: MAP.replace('stage Discover', 'stage Disc<|>over').replace('"A price in kronor per month"', '"A *price* per month"'),
            index: 0,
            hover: /- \*need\*: Power from the day they move in \(observed: Interviews, October\)\n- \*need\*: A \\\*price\\\* per month\n- \*challenge\*: Cannot tell the contract types apart\n- \*choice\*: Stay with the old supplier or switch \(assumed: Workshop\)/
        });
    });

    test('formatting puts each on its line and indents its evidence', async () => {
        await expectFormatting(services.Journey)({
            before: 'journey J {\nstage S {\ntouchpoint T { channel web }\nneed   "Quiet" {   evidence observed "Survey" }\n  choice "Corded"\n}\n}\n',
            after: 'journey J {\n    stage S {\n        touchpoint T {\n            channel web\n        }\n        need "Quiet" {\n            evidence observed "Survey"\n        }\n        choice "Corded"\n    }\n}\n'
        });
    });
});

describe('what the readers of the view model make of them', () => {
    test('the preview draws a lane per kind after what goes well, in the map\'s language, evidence as a badge', async () => {
        const { model } = await services.view(MAP);
        const grid = gridMarkup(journeyGrid(model.journeys[0], { messages: messagesFor('en'), geometry: gridGeometry('comfortable'), personaOrder: [] })).value;
        const lanes = [...grid.matchAll(/<tr class="lane lane-([a-z]+)"/g)].map(m => m[1]);
        expect(lanes).toEqual(['touchpoints', 'need', 'challenge', 'choice']);
        expect(grid).toMatch(/<span class="lane-title">Needs<\/span>[\s\S]*<span class="lane-title">Challenges<\/span>[\s\S]*<span class="lane-title">Choices<\/span>/);
        expect(grid).toMatch(/<div class="card note note-need"[^>]*data-range="5:8-7:9"[^>]*><p class="moment-text" dir="auto">Power from the day they move in<\/p><div class="card-meta"><span class="evidence evidence-observed"/);
        const sv = gridMarkup(journeyGrid(model.journeys[0], { messages: messagesFor('sv'), geometry: gridGeometry('comfortable'), personaOrder: [] })).value;
        expect(sv).toMatch(/<span class="lane-title">Behov<\/span>[\s\S]*<span class="lane-title">Utma\u00ADningar<\/span>[\s\S]*<span class="lane-title">Val<\/span>/);
    });

    test('the cursor on one, or on its evidence, lights up its card', async () => {
        const { model } = await services.view(MAP);
        const stage = model.journeys[0].stages[0];
        expect(elementAt(model, { line: 6, character: 14 })?.key).toBe(stage.notes.need[0].key);
        expect(elementAt(model, { line: 8, character: 20 })?.key).toBe(stage.notes.challenge[0].key);
        expect(new Set([...stage.notes.need, ...stage.notes.challenge, ...stage.notes.choice].map(n => n.key)).size).toBe(4);
    });

    test('Markdown has a row per kind, with the evidence', async () => {
        const { model } = await services.view(MAP);
        const markdown = documentMarkdown(model, messagesFor('en'));
        expect(markdown).toContain('| **Needs** | Power from the day they move in *(observed)*<br>A price in kronor per month |');
        expect(markdown).toContain('| **Challenges** | Cannot tell the contract types apart |');
        expect(markdown).toContain('| **Choices** | Stay with the old supplier or switch *(assumed)* |');
    });

    test('the report lists the assumed ones, and the portfolio counts their evidence', async () => {
        const { model } = await services.view(MAP);
        const report = journeyReport(model.journeys[0]);
        expect(report.assumed).toEqual([{ kind: 'choice', label: 'Stay with the old supplier or switch', where: 'Discover', source: 'Workshop' }]);
        expect(reportText(report, messagesFor('sv'))).toMatch(/val\s+Stay with the old supplier or switch\s+Discover\s+\(Workshop\)/);
        const [health] = journeyHealth(model, [], 'move.journey');
        expect([health.evidenced, health.assumed, assumedShare(health)]).toEqual([2, 1, 50]);
    });

    test('the diff says which were added and removed, per stage', async () => {
        const before = (await services.view(MAP)).model.journeys[0];
        await services.reset();
        const after = (await services.view(MAP.replace('need "A price in kronor per month"', 'challenge "Moving day is also the busiest day"'))).model.journeys[0];
        const diff = diffJourneys(before, after);
        expect(diff.stages).toEqual([expect.objectContaining({
            kind: 'changed',
            changes: [{ field: 'need', before: 'A price in kronor per month' }, { field: 'challenge', after: 'Moving day is also the busiest day' }]
        })]);
        const text = diffText(diff, 'a', 'b', messagesFor('en'));
        expect(text).toMatch(/~\s+Discover\s*\n\s+- need\s+"A price in kronor per month"\n\s+\+ challenge\s+"Moving day is also the busiest day"/);
        expect(diffMarkdown(diff, 'a', 'b', messagesFor('nb'))).toContain('| − behov: ~~A price in kronor per month~~<br>+ utfordring: Moving day is also the busiest day |');
    });
});
