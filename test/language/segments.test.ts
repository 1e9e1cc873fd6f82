/**
 * Segments and regions (seed 002): personas belong to a segment and prefer some channels, a KPI can
 * be measured for one segment or persona, and `kpi "..." 12 % persona Owner` (a KPI and then a
 * persona line) is diagnosed instead of silently changing who the touchpoint involves.
 */
import { expectHover } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { IssueCodes } from '../../src/language/journey-validator.js';
import { gridGeometry } from '../../src/render/grid-geometry.js';
import { gridMarkup, journeyGrid, journeyHeader } from '../../src/render/journey-map.js';
import { messagesFor } from '../../src/render/languages.js';
import { documentMarkdown } from '../../src/render/markdown-document.js';
import { journeyForSegment, journeySegments } from '../../src/model/view-model.js';
import { journeyReport, reportMarkdown, reportText } from '../../src/render/report.js';
import { createTestServices, messages } from './services.js';

let services: Awaited<ReturnType<typeof createTestServices>>;
beforeAll(async () => { services = await createTestServices(); });
afterEach(async () => { await services.reset(); });

const MAP = `segment Nordics "Nordic countries"
segment Baltics "Baltic countries"
persona Nora "Nora in Oslo" {
    segment Nordics
    prefers app, phone
    goal "Pay with her phone"
}
persona Liga "Līga in Riga" {
    segment Baltics
    prefers web
    goal "Pay by card"
}
journey Pay "Paying" {
    personas Nora, Liga
    stage Checkout {
        touchpoint Wallet "Mobile wallet" {
            channel app
            persona Nora
            kpi "Conversion" 2.1 % target 3 for Nordics
        }
        touchpoint Card "Card payment" {
            channel web
            persona Liga
            kpi "Conversion" 1.4 % target 2 for Liga
        }
        touchpoint Letter "Invoice by post" {
            channel mail
        }
    }
}
`;

describe('segments, preferred channels and KPIs for a segment', () => {
    test('are read into the view model', async () => {
        const { model } = await services.view(MAP);
        const journey = model.journeys[0];
        expect(journey.personas.map(p => [p.id, p.segments, p.prefers?.map(c => c.id)])).toEqual([
            ['Nora', [{ id: 'Nordics', label: 'Nordic countries' }], ['app', 'phone']],
            ['Liga', [{ id: 'Baltics', label: 'Baltic countries' }], ['web']]
        ]);
        const [wallet, card] = journey.stages[0].touchpoints;
        expect(wallet.kpis[0].audience).toEqual({ id: 'Nordics', label: 'Nordic countries', kind: 'segment' });
        expect(card.kpis[0].audience).toEqual({ id: 'Liga', label: 'Līga in Riga', kind: 'persona' });
    });

    test('a touchpoint on a channel none of its personas prefers gets a hint that names what they prefer', async () => {
        const document = await services.validate(MAP);
        const hints = (document.diagnostics ?? []).filter(d => d.code === IssueCodes.ChannelNotPreferred);
        expect(hints.map(d => d.message)).toEqual([
            "This touchpoint is on 'mail', a channel none of its personas prefers (Nora prefers app, phone; Liga prefers web). Meet them where they are, or say why this channel."
        ]);
        expect(hints[0].severity).toBe(4);
    });

    test('a persona line on a KPI\'s line is diagnosed, and the fix makes it the KPI\'s audience', async () => {
        const text = MAP.replace('kpi "Conversion" 2.1 % target 3 for Nordics', 'kpi "Conversion" 2.1 % target 3 persona Nora');
        const document = await services.validate(text);
        const warning = (document.diagnostics ?? []).find(d => d.code === IssueCodes.PersonaAfterKpi)!;
        expect(warning.message).toBe("This 'persona Nora' follows the KPI on its line, but it is a statement of its own: it says that the whole touchpoint involves only Nora, not whose KPI it is. For a KPI of one persona or segment, write 'kpi \"Conversion\" ... for Nora'; otherwise put the persona line on a line of its own.");
        const actions = await services.codeActions(document, warning);
        expect(actions[0].title).toBe("Make it the KPI's: for Nora");
        expect(TextDocument.applyEdits(document.textDocument, actions[0].edit!.changes![document.textDocument.uri])).toBe(text.replace('target 3 persona Nora', 'target 3 for Nora'));
        // On a line of its own it is what it says.
        await services.reset();
        expect(((await services.validate(MAP)).diagnostics ?? []).filter(d => d.code === IssueCodes.PersonaAfterKpi)).toEqual([]);
    });

    test('an unknown segment says how to declare one', async () => {
        const document = await services.validate(MAP.replace('for Nordics', 'for Nordic'));
        expect(messages(document)).toContain("Unknown persona or segment 'Nordic'. Did you mean 'Nordics'?");
        await services.reset();
        const missing = await services.validate(MAP.replace('    segment Baltics\n', '    segment Balkans\n'));
        expect(messages(missing)[0]).toMatch(/^Unknown segment 'Balkans'\. Known: Nordics, Baltics\. Declare it at the top of a \.journey file with 'segment Balkans "Label"', or fix the spelling\.$/);
    });

    test('hover on a persona says its segment and the channels it prefers; a segment says what it is for', async () => {
        await expectHover(services.Journey)({ text: MAP.replace('persona Nora "', 'persona No<|>ra "'), index: 0, hover: /- \*segment\*: Nordic countries\n- \*prefers\*: Mobile app, Phone$/ });
        await services.reset();
        await expectHover(services.Journey)({ text: MAP.replace('segment Nordics "', 'segment Nord<|>ics "'), index: 0, hover: /^\*\*Segment\*\* Nordic countries \(`Nordics`\): a group of customers/ });
    });

    test('the preview and Markdown show a persona\'s segment and preferences, and whom a KPI is for', async () => {
        const { model } = await services.view(MAP);
        const options = { messages: messagesFor('lv'), geometry: gridGeometry('comfortable'), personaOrder: ['Nora', 'Liga'] };
        const header = journeyHeader(model.journeys[0], options).value;
        expect(header).toContain('<strong class="persona-name">Nora in Oslo</strong> <span class="chip segment-chip" title="Segments">Nordic countries</span>');
        expect(header).toMatch(/<span class="detail-kind">Dod priekšroku<\/span> [^<]+ un [^<]+<\/li>/);
        const grid = gridMarkup(journeyGrid(model.journeys[0], options)).value;
        expect(grid).toContain('<span class="kpi-audience">segmentam: Nordic countries</span>');
        const markdown = documentMarkdown(model, messagesFor('en'));
        expect(markdown).toContain('Nora in Oslo (Nordic countries), Līga in Riga (Baltic countries)');
        expect(markdown).toContain('Conversion: **2\\.1%** (target 3%) *(for Nordic countries)*<br>Conversion: **1\\.4%** (target 2%) *(for Līga in Riga)*');
    });
});

describe('a map as one segment lives it', () => {
    const SCORED = MAP
        .replace('            persona Nora\n', '            persona Nora\n            emotion Nora 2\n')
        .replace('            persona Liga\n', '            persona Liga\n            emotion Liga -2\n')
        .replace('    stage Checkout {', '    stage Browse {\n        touchpoint Shop "Web shop" {\n            channel web\n            persona Liga\n            emotion Liga 1\n        }\n    }\n    stage Checkout {')
        .replace('            channel mail\n', '            channel mail\n            emotion Nora -1\n            emotion Liga 0\n');

    test('keeps the segment\'s personas, the touchpoints that involve them and the KPIs for them', async () => {
        const { document, model } = await services.view(SCORED);
        expect(messages(document).filter(m => !m.includes('prefers'))).toEqual([]);
        const journey = model.journeys[0];
        expect(journeySegments(journey)).toEqual([{ id: 'Nordics', label: 'Nordic countries' }, { id: 'Baltics', label: 'Baltic countries' }]);
        const nordic = journeyForSegment(journey, 'Nordics');
        expect(nordic.personas.map(p => p.id)).toEqual(['Nora']);
        expect(nordic.emotionLanes.map(lane => [lane.persona, lane.points.map(p => p.score)])).toEqual([['Nora', [2, -1]]]);
        expect(nordic.stages.map(stage => [stage.id, stage.touchpoints.map(t => t.id)])).toEqual([['Browse', []], ['Checkout', ['Wallet', 'Letter']]]);
        expect(nordic.stages[1].touchpoints.flatMap(t => t.kpis.map(k => k.value))).toEqual([2.1]);
        expect(nordic.stages[1].touchpoints[1].emotions.map(e => e.persona)).toEqual(['Nora']);
        // A stage whose touchpoints are all another segment's is empty here, not "not mapped yet".
        const grid = gridMarkup(journeyGrid(nordic, { messages: messagesFor('en'), geometry: gridGeometry('comfortable'), personaOrder: ['Nora', 'Liga'] })).value;
        expect(grid).not.toContain('unmapped-note');
        expect(journeyForSegment(journey, 'Baltics').stages[1].touchpoints.flatMap(t => t.kpis.map(k => k.value))).toEqual([1.4]);
    });

    test('a touchpoint with a score of the segment\'s persona stays, and the curve is averaged from what stays', async () => {
        const { model } = await services.view(SCORED.replace('            persona Liga\n            emotion Liga -2\n', '            persona Liga\n            emotion Liga -2\n            emotion Nora -3\n'));
        const nordic = journeyForSegment(model.journeys[0], 'Nordics');
        expect(nordic.stages[1].touchpoints.map(t => t.id)).toEqual(['Wallet', 'Card', 'Letter']);
        expect(nordic.emotionLanes[0].averageByStage).toEqual({ Browse: null, Checkout: -2 / 3 });
    });

    test('the report gives the curve per segment, and a report of one segment says so', async () => {
        const { model } = await services.view(SCORED);
        const report = journeyReport(model.journeys[0]);
        expect(report.segmentCurve).toEqual({ segments: ['Nordic countries', 'Baltic countries'], stages: [{ stage: 'Browse', averages: [null, 1] }, { stage: 'Checkout', averages: [0.5, -1] }] });
        expect(reportText(report, messagesFor('en'))).toMatch(/Emotion by segment \(average of its personas\)\n +Nordic countries +Baltic countries\n {2}Browse +— +\+1\n {2}Checkout +\+0\.5 +−1\n/);
        expect(reportMarkdown(report, messagesFor('en'))).toContain('| Checkout | +0.5 | −1 |');
        const nordic = { ...journeyReport(journeyForSegment(model.journeys[0], 'Nordics')), segment: 'Nordic countries' };
        expect(reportText(nordic, messagesFor('en')).split('\n')[0]).toBe('Paying  (Pay · Current state · segment Nordic countries only · 2 stages · 2 touchpoints)');
        expect(nordic.segmentCurve?.segments).toEqual(['Nordic countries']);
    });
});

