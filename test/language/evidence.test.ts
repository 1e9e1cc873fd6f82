/**
 * Hypotheses that research corrected: `evidence validated` and `evidence refuted`, a refuted item's
 * replacement (`instead NoTotal`), and evidence on an emotion score. Read into the view model,
 * checked, fixed, hovered, and written by the preview, Markdown and the report.
 */
import { expectCompletion, expectFormatting, expectHover } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { IssueCodes } from '../../src/language/journey-validator.js';
import { emotionCells } from '../../src/render/emotion-lane.js';
import { gridGeometry } from '../../src/render/grid-geometry.js';
import { gridMarkup, journeyGrid } from '../../src/render/journey-map.js';
import { messagesFor } from '../../src/render/languages.js';
import { documentMarkdown } from '../../src/render/markdown-document.js';
import { journeyReport, reportMarkdown, reportText } from '../../src/render/report.js';
import { createTestServices, messages } from './services.js';

let services: Awaited<ReturnType<typeof createTestServices>>;
beforeAll(async () => { services = await createTestServices(); });
afterEach(async () => { await services.reset(); });

const MAP = `persona Colleen "Curious Colleen" { goal "A vacuum that lasts" }
journey Shop "Buying a vacuum" {
    personas Colleen
    stage Compare "Compare" {
        touchpoint Prices "Price page" {
            channel web
            emotion Colleen -2 {
                evidence observed "Diary study, week 2"
            }
            pain TooExpensive "Customers think we are too expensive" {
                evidence refuted "Interviews, 8 of 10" instead NoTotal
            }
            pain NoTotal "No price per month for their own use" {
                evidence validated "Interviews, 8 of 10"
            }
        }
    }
    opportunity MonthlyPrice "Monthly price calculator" {
        addresses NoTotal
    }
}
`;

async function preferredFix(text: string, code: string): Promise<string> {
    const document = await services.validate(text);
    const diagnostics = (document.diagnostics ?? []).filter(d => d.code === code);
    expect(diagnostics).toHaveLength(1);
    const preferred = (await services.codeActions(document, diagnostics[0])).find(action => action.isPreferred)!;
    return TextDocument.applyEdits(document.textDocument, preferred.edit!.changes![document.textDocument.uri]);
}

describe('evidence that research validated or refuted', () => {
    test('is read with what was found instead, and an emotion score carries its own', async () => {
        const { document, model } = await services.view(MAP);
        expect(messages(document)).toEqual(["No action takes up the opportunity 'MonthlyPrice' yet. Add an action with 'for MonthlyPrice' and an owner."]);
        const touchpoint = model.journeys[0].stages[0].touchpoints[0];
        expect(touchpoint.pains[0].evidence).toEqual({
            level: 'refuted', source: 'Interviews, 8 of 10',
            instead: { key: 'pain:Shop/NoTotal', range: touchpoint.pains[1].range, label: 'No price per month for their own use' }
        });
        // The replacement's key is the key its own card carries, so the two are one element to the preview.
        expect(touchpoint.pains[1].key).toBe('pain:Shop/NoTotal');
        expect(touchpoint.pains[1].evidence).toEqual({ level: 'validated', source: 'Interviews, 8 of 10' });
        expect(touchpoint.emotions[0].evidence).toEqual({ level: 'observed', source: 'Diary study, week 2' });
    });

    test('a refuted pain point needs no opportunity; one that still addresses it is told what research found instead, with a fix', async () => {
        const text = MAP.replace('addresses NoTotal', 'addresses TooExpensive');
        const document = await services.validate(text);
        const all = document.diagnostics ?? [];
        expect(all.filter(d => d.code === IssueCodes.PainUnaddressed).map(d => d.message)).toEqual([
            "No opportunity addresses the pain point 'NoTotal' yet. Add 'addresses NoTotal' to an opportunity."
        ]);
        expect(all.find(d => d.code === IssueCodes.AddressesRefuted)?.message)
            .toBe("Research refuted the pain point 'TooExpensive', so this opportunity addresses a problem customers do not have. Research found 'NoTotal' instead: address that.");
        await services.reset();
        expect(await preferredFix(text, IssueCodes.AddressesRefuted)).toBe(MAP);
    });

    test('instead on an item that is not refuted is a slip, fixed by marking it refuted', async () => {
        const text = MAP.replace('evidence refuted "Interviews, 8 of 10" instead', 'evidence assumed "Interviews, 8 of 10" instead');
        const document = await services.validate(text);
        expect(messages(document)).toContain("'instead' says what research found in place of a refuted hypothesis, but this item is 'assumed'. Write 'evidence refuted', or remove 'instead NoTotal'.");
        await services.reset();
        expect(await preferredFix(text, IssueCodes.InsteadNotRefuted)).toBe(MAP);
    });

    test('an item replaced by itself, or by a name nobody has, is reported', async () => {
        const self = await services.validate(MAP.replace('instead NoTotal', 'instead TooExpensive'));
        expect(messages(self)).toContain('An item cannot be replaced by itself: name what the research found instead.');
        await services.reset();
        const unknown = await services.validate(MAP.replace('instead NoTotal', 'instead NoTotl'));
        expect(messages(unknown)).toContain("Unknown stage, touchpoint, pain point, good moment, opportunity or action 'NoTotl'. Did you mean 'NoTotal'?");
    });

    test('completion after instead offers the journey\'s named elements', async () => {
        await expectCompletion(services.Journey)({
            text: MAP.replace('instead NoTotal', 'instead <|>'),
            index: 0,
            assert: completion => expect(completion.items.map(item => item.label)).toEqual(expect.arrayContaining(['Compare', 'Prices', 'NoTotal', 'MonthlyPrice']))
        });
    });

    test('hover says how a pain point and a score are known, and what replaced a refuted one', async () => {
        await expectHover(services.Journey)({
            text: MAP.replace('pain TooExpensive', 'pain TooExp<|>ensive'),
            index: 0,
            hover: '**Pain point** `TooExpensive`: Customers think we are too expensive (refuted: Interviews, 8 of 10; found instead: No price per month for their own use)'
        });
        await services.reset();
        await expectHover(services.Journey)({
            text: MAP.replace('touchpoint Prices', 'touchpoint Pri<|>ces'),
            index: 0,
            hover: /- emotion of Colleen: -2 \(negative\) \(observed: Diary study, week 2\)/
        });
    });

    test('formatting keeps instead on the evidence line, one space apart', async () => {
        await expectFormatting(services.Journey)({
            before: 'journey J {\n    stage S {\n        pain A "a" { evidence   refuted "x"   instead    B }\n        pain B "b"\n    }\n}\n',
            after: 'journey J {\n    stage S {\n        pain A "a" {\n            evidence refuted "x" instead B\n        }\n        pain B "b"\n    }\n}\n'
        });
    });
});

describe('what the readers of the view model make of it', () => {
    test('the preview badges each level in the map\'s language, and a refuted item shows what was found instead', async () => {
        const { model } = await services.view(MAP);
        const options = { messages: messagesFor('sv'), geometry: gridGeometry('comfortable'), personaOrder: ['Colleen'] };
        const grid = gridMarkup(journeyGrid(model.journeys[0], options)).value;
        expect(grid).toContain('<span class="evidence evidence-refuted" title="Antaget först, sedan motbevisat av undersökningar: Interviews, 8 of 10; Undersökningen fann i stället: No price per month for their own use">motbevisat</span>'
            + '<span class="chip evidence-instead" title="Undersökningen fann i stället"><span aria-hidden="true">\u2192</span> No price per month for their own use</span>');
        expect(grid).toContain('<span class="evidence evidence-validated" title="Antaget först, sedan bekräftat av undersökningar: Interviews, 8 of 10">validerat</span>');
        const [cell] = emotionCells(model.journeys[0], { ...options, messages: messagesFor('en') });
        expect(cell.value).toContain('aria-label="Curious Colleen, Price page: \u22122, negative (Observed in research: Diary study, week 2)"');
    });

    test('Markdown writes the level after the item, and what replaced a refuted one', async () => {
        const { model } = await services.view(MAP);
        const markdown = documentMarkdown(model, messagesFor('en'));
        expect(markdown).toContain('Customers think we are too expensive *(refuted \u2192 No price per month for their own use)*<br>No price per month for their own use *(validated)*');
        expect(markdown).toContain('\u22122 negative *(observed)*');
    });

    test('the report lists what research refuted and what it found instead, and assumed scores', async () => {
        const { model } = await services.view(MAP.replace('evidence observed "Diary study, week 2"', 'evidence assumed "Workshop"'));
        const report = journeyReport(model.journeys[0]);
        expect(report.refuted).toEqual([{
            kind: 'pain point', label: 'Customers think we are too expensive', where: 'Compare › Price page', source: 'Interviews, 8 of 10', instead: 'No price per month for their own use'
        }]);
        expect(report.assumed).toEqual([{ kind: 'emotion', label: 'Curious Colleen', where: 'Compare › Price page', source: 'Workshop' }]);
        const text = reportText(report, messagesFor('en'));
        expect(text).toMatch(/Refuted by research, and what was found instead\n  pain point  Customers think we are too expensive  Compare › Price page  \(Interviews, 8 of 10\)  \u2192 No price per month for their own use/);
        expect(text).toMatch(/Still assumed, not yet observed\n  emotion  Curious Colleen  Compare › Price page  \(Workshop\)/);
        expect(reportMarkdown(report, messagesFor('nb'))).toContain('| smertepunkt | Customers think we are too expensive | Compare › Price page | Interviews, 8 of 10 | No price per month for their own use |');
        // Nothing refuted, no section.
        await services.reset();
        const plain = journeyReport((await services.view(MAP.replace(' instead NoTotal', '').replace('refuted', 'observed'))).model.journeys[0]);
        expect(reportText(plain, messagesFor('en'))).not.toContain('Refuted by research');
    });
});
