/**
 * A day in the life: the time of day of stages and touchpoints (`at 07:30`, `at 06:30-09:00`), and
 * moments of the customer's day without us in them (`moment Coffee { ... }`, no channel).
 */
import { expectFormatting, expectHover } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { IssueCodes } from '../../src/language/journey-validator.js';
import { gridGeometry } from '../../src/render/grid-geometry.js';
import { gridMarkup, journeyGrid } from '../../src/render/journey-map.js';
import { messagesFor } from '../../src/render/languages.js';
import { documentMarkdown } from '../../src/render/markdown-document.js';
import { timelineMermaid } from '../../src/render/mermaid.js';
import { journeyReport } from '../../src/render/report.js';
import { createTestServices, messages } from './services.js';

let services: Awaited<ReturnType<typeof createTestServices>>;
beforeAll(async () => { services = await createTestServices(); });
afterEach(async () => { await services.reset(); });

const MAP = `journey Day "A weekday" {
    kind day-in-the-life
    stage Morning "Morning" {
        at 06:30-09:00
        touchpoint Phone "Phone in bed" {
            at 06:30
            channel social
        }
        moment Coffee "Coffee, alone" {
            at 06:50
            feels "Quiet"
        }
    }
    stage Night "Night shift" {
        at 22:00-02:00
        moment Shift "Starts the shift" { at 22:00 }
        moment Break "Break" { at 01:30 }
    }
}
`;

const options = (tag: string) => ({ messages: messagesFor(tag), geometry: gridGeometry('comfortable'), personaOrder: [] });

describe('times of day and moments without us', () => {
    test('are read into the view model; a span past midnight is a day that goes on, not an error', async () => {
        const { document, model } = await services.view(MAP);
        expect(messages(document)).toEqual([]);
        const [morning, night] = model.journeys[0].stages;
        expect(morning.time).toEqual({ start: '06:30', end: '09:00' });
        expect(morning.touchpoints.map(t => [t.id, t.time, t.moment, t.channel?.id])).toEqual([
            ['Phone', { start: '06:30' }, undefined, 'social'],
            ['Coffee', { start: '06:50' }, true, undefined]
        ]);
        expect(night.touchpoints.map(t => t.time?.start)).toEqual(['22:00', '01:30']);
    });

    test('a time earlier than the one before it is told to run forwards', async () => {
        const document = await services.validate(MAP.replace('at 06:50', 'at 06:10'));
        expect(messages(document)).toEqual([
            "Moment 'Coffee' starts at 06:10, earlier than touchpoint 'Phone' before it (06:30): a day in the map runs forwards. Check the time, or move it to where it belongs in the day."
        ]);
    });

    test('a span written with spaces says how to write it', async () => {
        const spaced = await services.validate(MAP.replace('at 06:50', 'at 06:50 - 07:10'));
        expect(messages(spaced)[0]).toBe("Expected '}' but found '-'. A span of time is written without spaces (at 06:30-09:00), and a negative number with its sign against it (-2).");
    });

    test('a time that is no time of day is a syntax error where it is written; a second time is reported', async () => {
        const wrong = await services.validate(MAP.replace('at 06:50', 'at 26:50'));
        expect(messages(wrong)[0]).toBe("'26:50' is not a time of day. Write a time on the 24-hour clock, hours 00 to 23 and minutes 00 to 59, like 07:30 (or a span, 06:30-09:00).");
        await services.reset();
        const twice = await services.validate(MAP.replace('at 06:50', 'at 06:50\n            at 07:00'));
        expect(messages(twice)).toContain("This moment already has a time, and only the first counts. Write one 'at', with a span if it lasts ('at 06:30-09:00').");
    });

    test('a moment with a channel of ours is a touchpoint after all: the fixes make it one, or drop the channel', async () => {
        const text = MAP.replace('            feels "Quiet"', '            channel web\n            feels "Quiet"');
        const document = await services.validate(text);
        const warning = (document.diagnostics ?? []).find(d => d.code === IssueCodes.MomentWithChannel)!;
        expect(warning.message).toBe("A moment is part of the customer's day that involves no channel of ours, but 'Coffee' names the channel 'web'. Make it a touchpoint, or remove the channel.");
        const actions = await services.codeActions(document, warning);
        expect(actions.map(a => a.title)).toEqual(['Make it a touchpoint', 'Remove the channel']);
        const apply = (action: CodeAction) => TextDocument.applyEdits(document.textDocument, action.edit!.changes![document.textDocument.uri]);
        expect(apply(actions[0])).toBe(text.replace('moment Coffee', 'touchpoint Coffee'));
        expect(apply(actions[1])).toBe(MAP);
    });

    test('hover says when, and that a moment has none of our channels', async () => {
        await expectHover(services.Journey)({
            text: MAP.replace('moment Coffee', 'moment Cof<|>fee'), index: 0,
            hover: /^\*\*Moment\*\* Coffee, alone at 06:50, without us: no channel of ours is involved/
        });
        await services.reset();
        await expectHover(services.Journey)({ text: MAP.replace('stage Morning', 'stage Mor<|>ning'), index: 0, hover: /^\*\*Stage\*\* Morning at 06:30\u201309:00 of \*A weekday\*/ });
    });

    test('formatting keeps a span together', async () => {
        await expectFormatting(services.Journey)({
            before: 'journey J {\n    stage S {\n        at    06:30-09:00\n        moment M { at 07:00 }\n    }\n}\n',
            after: 'journey J {\n    stage S {\n        at 06:30-09:00\n        moment M {\n            at 07:00\n        }\n    }\n}\n'
        });
    });
});

describe('what the readers of the view model make of them', () => {
    test('the preview writes the time before the label as the language writes times, and marks a moment in words', async () => {
        const { model } = await services.view(MAP);
        const grid = gridMarkup(journeyGrid(model.journeys[0], options('en'))).value;
        expect(grid).toContain('<span class="stage-label" dir="auto" title="Morning"><time class="time-of-day" datetime="06:30">06:30\u201309:00</time> Morning</span>');
        expect(grid).toMatch(/<div class="card touchpoint moment"[^>]*><div class="card-title" dir="auto"><time class="time-of-day" datetime="06:50">06:50<\/time> Coffee, alone<\/div><div class="card-meta"><span class="chip moment-chip" title="A moment of the customer&#39;s day that involves no channel of ours">without us<\/span>/);
        const fi = gridMarkup(journeyGrid(model.journeys[0], options('fi'))).value;
        expect(fi).toContain('<time class="time-of-day" datetime="06:50">06.50</time>');
        expect(fi).toContain('>ilman meitä</span>');
    });

    test('Markdown and the overview timeline carry the times; the report leaves moments out of channel coverage', async () => {
        const { model } = await services.view(MAP);
        const markdown = documentMarkdown(model, messagesFor('sv'));
        expect(markdown).toContain(' | 1. 06\\:30–09\\:00 Morning | 2. 22\\:00–02\\:00 Night shift |');
        expect(markdown).toContain('06\\:50 Coffee, alone *(utan oss)*');
        const timeline = timelineMermaid(model.journeys[0], { messages: messagesFor('en') });
        // Mermaid's timeline reads a colon as a separator: the time's colon is drawn as a ratio sign.
        expect(timeline).toContain('06\u223630\u201309\u223600 Morning : 06\u223630 Phone in bed (Social media) : 06\u223650 Coffee, alone (without us)');
        expect(journeyReport(model.journeys[0]).coverage.rows).toEqual([{ channel: expect.objectContaining({ id: 'social' }), touchpoints: [1, 0] }]);
    });
});
