/**
 * Empathy maps (`kind empathy-map`, `empathy <Persona> { says "..." thinks "..." ... }`): read into
 * the view model per persona and quadrant, checked, completed, hovered and formatted like the rest
 * of the language, and drawn by every reader of the view model (preview, Markdown, report).
 */
import { expectCompletion, expectFormatting, expectHover } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { IssueCodes } from '../../src/language/journey-validator.js';
import { journeyQuestions } from '../../src/model/view-model.js';
import { elementAt } from '../../src/render/elements.js';
import { gridGeometry } from '../../src/render/grid-geometry.js';
import { gridMarkup, journeyGrid } from '../../src/render/journey-map.js';
import { messagesFor } from '../../src/render/languages.js';
import { documentMarkdown } from '../../src/render/markdown-document.js';
import { journeyReport, reportMarkdown, reportText } from '../../src/render/report.js';
import { diffJourneys, diffMarkdown, diffText } from '../../src/render/diff.js';
import { createTestServices, messages } from './services.js';

let services: Awaited<ReturnType<typeof createTestServices>>;
beforeAll(async () => { services = await createTestServices(); });
afterEach(async () => { await services.reset(); });

const MAP = `persona Colleen "Curious Colleen" { goal "A vacuum that lasts" }
persona Sam "Support-caller Sam" {}

journey Buyers "What buyers say, think, do and feel" {
    kind empathy-map
    personas Colleen, Sam

    empathy Colleen {
        says "I just do not have time to read forty reviews." { evidence observed "Interview 3" }
        thinks "Will the battery go first?" {
            evidence assumed "Workshop"
            question "Is it the battery, or the warranty?"
        }
        does "Researches in 20-minute gaps"
        feels "Overwhelmed"
        says "If it breaks, it was not cheap."
        pain "Cannot compare battery life"
        gain "A vacuum she can repair"
    }

    empathy Sam {
        says "I have explained this three times."
        thinks "They will ask me to reset it."
        does "Calls instead of chatting"
        feels "Unheard"
    }
}
`;

const view = (text = MAP) => services.view(text);
const options = (language = 'en') => ({ messages: messagesFor(language), geometry: gridGeometry('comfortable'), personaOrder: ['Colleen', 'Sam'] });

describe('an empathy map in the language', () => {
    test('is read per persona and quadrant, in the order written, with evidence and questions', async () => {
        const { document, model } = await view();
        expect(messages(document)).toEqual([]);
        const journey = model.journeys[0];
        expect(journey.kind).toBe('empathy-map');
        expect(journey.stages).toEqual([]);
        const [colleen, sam] = journey.empathy!;
        expect([colleen.persona, colleen.label, sam.label]).toEqual(['Colleen', 'Curious Colleen', 'Support-caller Sam']);
        expect(colleen.entries.says.map(entry => [entry.text, entry.evidence])).toEqual([
            ['I just do not have time to read forty reviews.', { level: 'observed', source: 'Interview 3' }],
            ['If it breaks, it was not cheap.', undefined]
        ]);
        expect(colleen.entries.thinks[0]).toMatchObject({ evidence: { level: 'assumed', source: 'Workshop' }, questions: [{ text: 'Is it the battery, or the warranty?' }] });
        expect([colleen.entries.pain[0].text, colleen.entries.gain[0].text]).toEqual(['Cannot compare battery life', 'A vacuum she can repair']);
        expect(sam.entries.pain).toEqual([]);
        // Each entry points at its own line, so a click on it lands there, and the cursor on it lights it up.
        expect(colleen.entries.does[0].range.start.line).toBe(13);
        expect(elementAt(model, { line: 14, character: 12 })?.key).toBe(colleen.entries.feels[0].key);
        const keys = journey.empathy!.flatMap(map => Object.values(map.entries).flat().map(entry => entry.key));
        expect(new Set(keys).size).toBe(keys.length);
    });

    test('a map keeps its keys when another persona\'s map is written before it', async () => {
        const before = (await view()).model.journeys[0].empathy![1];
        await services.reset();
        const moved = MAP.replace('    empathy Colleen {', '    empathy Sam {\n        says "Earlier"\n    }\n\n    empathy Colleen {');
        const after = (await view(moved)).model.journeys[0].empathy!;
        expect(after[2].key).not.toBe(after[0].key);
        expect(after[1].key).toBe('empathy:Buyers/Colleen');
        expect(before.key).toBe('empathy:Buyers/Sam');
    });

    test('its open questions are numbered after the stages\', before the plan\'s, the map\'s own first', async () => {
        const { model } = await view(MAP.replace('        gain "A vacuum she can repair"', '        gain "A vacuum she can repair"\n        question "Does she know we sell spare parts?"'));
        // The map's own first, then its entries', as a stage's own come before its touchpoints'.
        expect(journeyQuestions(model.journeys[0]).map(({ question, about }) => [question.text, about?.label])).toEqual([
            ['Does she know we sell spare parts?', 'Curious Colleen'],
            ['Is it the battery, or the warranty?', 'Will the battery go first?']
        ]);
    });

    test('gain can still be a name, and needs no stages or emotions: no warning of an unmapped map', async () => {
        const { document, model } = await view('journey J {\n    stage gain {\n        touchpoint T { channel web }\n    }\n}\n');
        expect(messages(document)).toEqual([]);
        expect(model.journeys[0].stages[0].id).toBe('gain');
    });

    test('a quadrant left empty is a hint, and its fix adds a line for each', async () => {
        const text = MAP.replace('        thinks "They will ask me to reset it."\n', '').replace('        feels "Unheard"\n', '');
        const document = await services.validate(text);
        const hint = (document.diagnostics ?? []).find(d => d.code === IssueCodes.EmpathyQuadrantEmpty)!;
        expect(hint.severity).toBe(4);
        expect(hint.message).toBe("Sam's empathy map says nothing yet about what they think or feel. Add 'thinks \"...\"', 'feels \"...\"' from your research, or note what you do not know with 'question \"...\"'.");
        expect(hint.range.start.line).toBe(20);
        const actions = await services.codeActions(document, hint);
        expect(actions.map(a => a.title)).toEqual(['Add a line for each empty quadrant']);
        const fixed = TextDocument.applyEdits(document.textDocument, (actions[0] as CodeAction).edit!.changes![document.textDocument.uri]);
        expect(fixed).toContain('        does "Calls instead of chatting"\n        thinks "What they think"\n        feels "How they feel"\n    }');
        await services.reset();
        expect(messages(await services.validate(fixed))).toEqual([]);
    });

    test('a persona outside the journey\'s personas, or mapped twice, gets a warning', async () => {
        const text = MAP.replace('personas Colleen, Sam', 'personas Colleen').replace('    empathy Sam {', '    empathy Colleen {\n        says "Again"\n    }\n\n    empathy Sam {');
        const document = await services.validate(text);
        expect(messages(document)).toEqual(expect.arrayContaining([
            "Persona 'Colleen' already has an empathy map in this journey (line 8). Write what research found about them in one block.",
            "Persona 'Sam' is not one of this journey's personas (Colleen). Add it to the journey's 'personas' line."
        ]));
        const warning = (document.diagnostics ?? []).find(d => d.code === IssueCodes.PersonaNotInJourney)!;
        const [fix] = await services.codeActions(document, warning);
        expect(fix.title).toBe("Add 'Sam' to the journey's personas");
    });

    test('an empathy-map journey without maps, or with a persona left out, gets a hint', async () => {
        const empty = await services.validate('persona P {}\njourney E {\n    kind empathy-map\n    personas P\n}\n');
        expect(messages(empty)).toEqual(["This empathy map has no persona's map yet. Add 'empathy <Persona> { says \"...\" thinks \"...\" does \"...\" feels \"...\" }' for each persona you researched."]);
        await services.reset();
        const partial = await services.validate(MAP.replace(/    empathy Sam \{[\s\S]*?\n    \}\n/, ''));
        expect(messages(partial)).toEqual(["Persona 'Sam' is one of this journey's personas but has no empathy map in it yet. Add 'empathy Sam { ... }' with what research found about them."]);
    });

    test('an unknown persona is a linking error that names the kind', async () => {
        const document = await services.validate(MAP.replace('empathy Sam', 'empathy Samuel'));
        expect(messages(document).join('\n')).toMatch(/Samuel/);
    });

    test('a gain written in a touchpoint says where it belongs', async () => {
        const document = await services.validate('journey J {\n    stage S {\n        touchpoint T {\n            gain "x"\n        }\n    }\n}\n');
        expect(messages(document)[0]).toBe("Expected '}' but found 'gain'. A 'gain' belongs in a persona's empathy map: 'empathy <Persona> { gain \"...\" }'. In a stage or touchpoint, write what goes well with 'good \"...\"'.");
    });

    test('completion offers the quadrants in a map, and the map with its snippet in a journey', async () => {
        await expectCompletion(services.Journey)({
            text: 'persona P {}\njourney J {\n    <|>\n    empathy P {\n        <|>\n    }\n}',
            index: 1,
            assert: completion => expect(completion.items.map(item => item.label)).toEqual(expect.arrayContaining(['says', 'thinks', 'does', 'feels', 'pain', 'gain', 'question']))
        });
        await services.reset();
        await expectCompletion(services.Journey)({
            text: 'persona P {}\njourney J {\n    <|>\n    empathy P {\n        <|>\n    }\n}',
            index: 0,
            assert: completion => expect(completion.items.map(item => item.label)).toEqual(expect.arrayContaining(['empathy', 'empathy (new empathy)']))
        });
    });

    test('hover on an entry says what it is, whose, and how we know it; on the keyword, what the map holds', async () => {
        await expectHover(services.Journey)({
            text: MAP.replace('does "Researches', 'do<|>es "Researches'),
            index: 0,
            hover: '**Does** in the empathy map of *Curious Colleen*: Researches in 20\\-minute gaps\n\nWhat the persona does: behaviour seen in research.\nNo evidence given: say how you know it with `{ evidence observed "source" }`.'
        });
        await services.reset();
        await expectHover(services.Journey)({
            text: MAP.replace('    empathy Sam {', '    empa<|>thy Sam {'),
            index: 0,
            hover: '**Empathy map** of Support\\-caller Sam: what they say, think, do and feel, and their pains and gains.\n\nSays: 1 · Thinks: 1 · Does: 1 · Feels: 1 · Pain: 0 · Gain: 0'
        });
    });

    test('formatting puts each entry on its line and indents its evidence', async () => {
        await expectFormatting(services.Journey)({
            before: 'journey J {\nkind   empathy-map\nempathy P {\nsays "Hi" {   evidence observed "Call" }\n  gain    "Time"\n}\n}\n',
            after: 'journey J {\n    kind empathy-map\n    empathy P {\n        says "Hi" {\n            evidence observed "Call"\n        }\n        gain "Time"\n    }\n}\n'
        });
    });
});

describe('what the readers of the view model make of it', () => {
    test('the map draws a 2x2 per persona, then pains and gains, in the map\'s language', async () => {
        const { model } = await view();
        const markup = gridMarkup(journeyGrid(model.journeys[0], options())).value;
        expect(markup).not.toContain('<table');
        expect([...markup.matchAll(/<h2 class="empathy-title">.*?(Empathy map of [^<]+)</g)].map(m => m[1])).toEqual(['Empathy map of Curious Colleen', 'Empathy map of Support-caller Sam']);
        const parts = [...markup.matchAll(/<section class="empathy-part empathy-([a-z]+)"><h3>([^<]+)<\/h3>/g)].map(m => `${m[1]}:${m[2]}`);
        expect(parts).toEqual(['says:Says', 'thinks:Thinks', 'does:Does', 'feels:Feels', 'pain:Pains', 'gain:Gains', 'says:Says', 'thinks:Thinks', 'does:Does', 'feels:Feels']);
        expect(markup).toMatch(/<div class="card empathy-entry empathy-entry-says"[^>]*data-range="8:8-8:97"[^>]*><p class="moment-text" dir="auto">I just do not have time to read forty reviews.<\/p><div class="card-meta"><span class="evidence evidence-observed"/);
        expect(markup).toMatch(/<span class="chip question-ref"[^>]*>.*?<\/span> 1<\/span>/);
        const fi = gridMarkup(journeyGrid(model.journeys[0], options('fi'))).value;
        expect([...fi.matchAll(/<h3>([^<]+)<\/h3>/g)].slice(0, 6).map(m => m[1])).toEqual(['Sanoo', 'Ajattelee', 'Tekee', 'Tuntee', 'Kipupisteet', 'Hyödyt']);
    });

    test('an empty quadrant says so, and a map without any says how to start one', async () => {
        const { model } = await view(MAP.replace('        feels "Unheard"\n', ''));
        const markup = gridMarkup(journeyGrid(model.journeys[0], options())).value;
        expect(markup).toContain('<section class="empathy-part empathy-feels"><h3>Feels</h3><p class="empathy-empty">Nothing yet</p></section>');
        await services.reset();
        const none = (await view('journey E {\n    kind empathy-map\n}\n')).model;
        expect(gridMarkup(journeyGrid(none.journeys[0], options())).value).toContain('<p class="empty-note">This empathy map names no persona yet. Add a block such as: empathy Colleen { says &quot;...&quot; }.</p>');
    });

    test('a journey map with an empathy map keeps its grid under it', async () => {
        const { model } = await view(MAP.replace('kind empathy-map', 'kind current-state').replace('    empathy Sam {', '    stage S {\n        touchpoint T { channel web emotion Colleen 1 emotion Sam 0 }\n    }\n\n    empathy Sam {'));
        const markup = gridMarkup(journeyGrid(model.journeys[0], options())).value;
        expect(markup.indexOf('class="empathy-maps"')).toBeLessThan(markup.indexOf('<table class="map-grid'));
    });

    test('in an export, nothing in it takes the keyboard focus', async () => {
        const { model } = await view();
        const markup = gridMarkup(journeyGrid(model.journeys[0], { ...options(), exported: true })).value;
        expect(markup).not.toMatch(/tabindex=|role="button"/);
    });

    test('Markdown writes two quadrants side by side, then pains and gains', async () => {
        const { model } = await view();
        const markdown = documentMarkdown(model, messagesFor('en'));
        expect(markdown).toContain([
            '### Empathy map of Curious Colleen',
            '',
            '| Says | Thinks |',
            '| --- | --- |',
            '| I just do not have time to read forty reviews\\. *(observed)*<br>If it breaks, it was not cheap\\. | Will the battery go first? *(assumed)* |',
            '',
            '| Does | Feels |',
            '| --- | --- |',
            '| Researches in 20\\-minute gaps | Overwhelmed |',
            '',
            '| Pains | Gains |'
        ].join('\n'));
        expect(markdown).not.toContain('no stages yet');
        expect(markdown).toContain('1. Is it the battery, or the warranty? *(About \u201CWill the battery go first?\u201D (Curious Colleen))*');
    });

    test('the report counts each quadrant, names the empty ones, lists assumed entries and leaves out stage sections', async () => {
        const { model } = await view(MAP.replace('        feels "Unheard"\n', ''));
        const report = journeyReport(model.journeys[0]);
        expect(report.empathy).toEqual([
            { persona: 'Curious Colleen', counts: { says: 2, thinks: 1, does: 1, feels: 1, pain: 1, gain: 1 } },
            { persona: 'Support-caller Sam', counts: { says: 1, thinks: 1, does: 1, feels: 0, pain: 0, gain: 0 } }
        ]);
        expect(report.assumed).toEqual([{ kind: 'empathy', label: 'Will the battery go first?', where: 'Curious Colleen', source: 'Workshop' }]);
        const text = reportText(report, messagesFor('en'));
        expect(text).toMatch(/^What buyers say, think, do and feel {2}\(Buyers · Empathy map\)\n\nEmpathy maps \(entries per quadrant\)\n +Says +Thinks +Does +Feels +Pains +Gains\n {2}Curious Colleen +2 +1 +1 +1 +1 +1\n/);
        expect(text).toContain('Support-caller Sam: nothing yet in Feels, research still to do.');
        expect(text).not.toContain('Lowest emotional moments');
        expect(text).not.toContain('Channel coverage');
        expect(reportText(report, messagesFor('sv'))).toContain('punkt i empatikartan');
        expect(reportMarkdown(report, messagesFor('en'))).toContain('| Support\\-caller Sam | 1 | 1 | 1 | 0 | 0 | 0 |');
    });

    test('the diff says which entries were added and removed, per persona, and which maps came and went', async () => {
        const before = (await view()).model.journeys[0];
        await services.reset();
        const changed = MAP.replace('        feels "Overwhelmed"\n', '        feels "Overwhelmed"\n        feels "Relieved once she has chosen"\n')
            .replace('        gain "A vacuum she can repair"\n', '')
            .replace(/    empathy Sam \{[\s\S]*?\n    \}\n/, '');
        const after = (await view(changed)).model.journeys[0];
        const diff = diffJourneys(before, after);
        expect(diff.empathy).toEqual([
            { kind: 'changed', persona: 'Colleen', label: 'Curious Colleen', changes: [{ field: 'feels', after: 'Relieved once she has chosen' }, { field: 'gain', before: 'A vacuum she can repair' }] },
            { kind: 'removed', persona: 'Sam', label: 'Support-caller Sam', changes: [] }
        ]);
        const text = diffText(diff, 'a', 'b', messagesFor('en'));
        expect(text.split('\n')[0]).toContain('empathy maps -1 ~1');
        expect(text).toMatch(/Empathy maps\n {2}~ +Curious Colleen *\n {2} +\+ feels +"Relieved once she has chosen"\n {2} +- gain +"A vacuum she can repair"\n {2}- +Support-caller Sam/);
        expect(diffMarkdown(diff, 'a', 'b', messagesFor('sv'))).toContain('| **~** ändrad | Curious Colleen | + känner: Relieved once she has chosen<br>− vinst: ~~A vacuum she can repair~~ |');
    });
});
