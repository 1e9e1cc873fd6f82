/**
 * Open questions on any element (`question "..."`), descriptions of opportunities and actions, and
 * the action plan's own order (`priority 1`): read, checked, fixed, hovered, and written by the
 * preview, Markdown, the report and the diff, with the questions numbered alike everywhere.
 */
import { expectHover } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { IssueCodes } from '../../src/language/journey-validator.js';
import { journeyQuestions } from '../../src/model/view-model.js';
import { diffJourneys, diffMarkdown, diffText } from '../../src/render/diff.js';
import { elementAt } from '../../src/render/elements.js';
import { gridGeometry } from '../../src/render/grid-geometry.js';
import { gridMarkup, improvementPlan, journeyGrid } from '../../src/render/journey-map.js';
import { messagesFor } from '../../src/render/languages.js';
import { documentMarkdown } from '../../src/render/markdown-document.js';
import { journeyReport, reportMarkdown, reportText } from '../../src/render/report.js';
import { createTestServices, messages } from './services.js';

let services: Awaited<ReturnType<typeof createTestServices>>;
beforeAll(async () => { services = await createTestServices(); });
afterEach(async () => { await services.reset(); });

const MAP = `journey Shop "Buying a vacuum" {
    question "Do store buyers compare the same way?"
    stage Compare "Compare" {
        question "How long do they compare?"
        touchpoint Pages "Product pages" {
            channel web
            question "Which spec do they look for first?"
            pain NoComparison "No way to compare models" {
                question "Would a printable sheet do?"
            }
        }
        need "Know which model suits a small flat" { question "How small is small?" }
    }
    opportunity Compare2 "Comparison tool" {
        addresses NoComparison
        description "Three models side by side"
        question "Include competitors?"
    }
    action Later "Write the comparison copy" {
        owner "Content"
        for Compare2
    }
    action Build "Build the comparison tool" {
        priority 2
        owner "Web team"
        for Compare2
    }
    action First "Agree the spec list" {
        priority 1
        owner "Product"
        for Compare2
        description "One list of specs, named the same on every page"
    }
}
`;

const en = messagesFor('en');
const options = { messages: en, geometry: gridGeometry('comfortable'), personaOrder: [] };

describe('open questions', () => {
    test('are numbered the same way everywhere: the journey\'s, then stage by stage, then the plan', async () => {
        const { document, model } = await services.view(MAP);
        expect(messages(document)).toEqual([]);
        const asked = journeyQuestions(model.journeys[0]);
        expect(asked.map(a => [a.question.text, a.about?.label, a.about?.where])).toEqual([
            ['Do store buyers compare the same way?', undefined, undefined],
            ['How long do they compare?', 'Compare', undefined],
            ['Which spec do they look for first?', 'Product pages', 'Compare'],
            ['Would a printable sheet do?', 'No way to compare models', 'Compare \u203A Product pages'],
            ['How small is small?', 'Know which model suits a small flat', 'Compare'],
            ['Include competitors?', 'Comparison tool', undefined]
        ]);
        expect(new Set(asked.map(a => a.question.key)).size).toBe(6);
    });

    test('each element marks its questions by number, and the plan lists them all', async () => {
        const { model } = await services.view(MAP);
        const journey = model.journeys[0];
        const grid = gridMarkup(journeyGrid(journey, options)).value;
        expect(grid).toContain('<span class="chip question-ref" title="Which spec do they look for first?"><span aria-hidden="true">?</span><span class="visually-hidden">Open question</span> 3</span>');
        expect(grid).toContain('<span class="chip question-ref" title="Would a printable sheet do?"><span aria-hidden="true">?</span><span class="visually-hidden">Open question</span> 4</span>');
        const plan = improvementPlan(journey, { ...options, messages: messagesFor('nb') }).value;
        expect(plan).toContain('<h2>Åpne spørsmål</h2>');
        expect(plan).toMatch(/<span class="rank question-number">1<\/span><div class="plan-body"><p class="moment-text" dir="auto">Do store buyers compare the same way\?<\/p><div class="card-meta"><span class="question-about">Om hele kundereisen<\/span>/);
        // A pain point is named by what it says, in the language's quotation marks.
        expect(plan).toContain('<span class="question-about">Om «No way to compare models» (Compare \u203A Product pages)</span>');
        expect(plan).toContain('<span class="question-about">Om Product pages (Compare)</span>');
    });

    test('a plan with nothing but questions is still drawn', async () => {
        const { model } = await services.view('journey J {\n    question "Who pays?"\n    stage S { touchpoint T { channel web } }\n}\n');
        expect(improvementPlan(model.journeys[0], options).value).toContain('Who pays?');
    });

    test('the cursor on a question lights up its card in the list', async () => {
        const { model } = await services.view(MAP);
        const asked = journeyQuestions(model.journeys[0]);
        expect(elementAt(model, { line: 8, character: 20 })?.key).toBe(asked[3].question.key);
    });

    test('Markdown and the report list them with what they are about', async () => {
        const { model } = await services.view(MAP);
        const markdown = documentMarkdown(model, en);
        expect(markdown).toContain('### Open questions\n\n1. Do store buyers compare the same way? *(About the whole journey)*\n2. How long do they compare? *(About Compare)*');
        const report = journeyReport(model.journeys[0]);
        expect(report.questions[3]).toEqual({ text: 'Would a printable sheet do?', about: expect.objectContaining({ label: 'No way to compare models', where: 'Compare \u203A Product pages', quoted: true }) });
        expect(reportText(report, en)).toContain('About \u201CNo way to compare models\u201D (Compare \u203A Product pages)');
        expect(reportText(report, en)).toMatch(/Open questions\n  1\.  Do store buyers compare the same way\?\s+About the whole journey\n  2\.  How long do they compare\?\s+About Compare/);
        expect(reportMarkdown(report, messagesFor('sv'))).toContain('### Öppna frågor\n\n1. Do store buyers compare the same way? *(Om hela kundresan)*');
    });

    test('hover on a stage, touchpoint, pain point or opportunity lists its questions', async () => {
        await expectHover(services.Journey)({ text: MAP.replace('touchpoint Pages', 'touchpoint Pa<|>ges'), index: 0, hover: /\n\n- \*open question\*: Which spec do they look for first\?$/ });
        await services.reset();
        await expectHover(services.Journey)({
            text: MAP.replace('opportunity Compare2', 'opportunity Compa<|>re2'), index: 0,
            hover: '**Opportunity** Comparison tool\n\nThree models side by side\n\n- *open question*: Include competitors?'
        });
    });
});

describe('the action plan\'s order and descriptions', () => {
    test('actions with a priority come first, in its order, then the others as written', async () => {
        const { model } = await services.view(MAP);
        const actions = model.journeys[0].actions;
        expect(actions.map(a => [a.id, a.priority])).toEqual([['First', 1], ['Build', 2], ['Later', undefined]]);
        expect(actions[0].description).toBe('One list of specs, named the same on every page');
        expect(model.journeys[0].opportunities[0].description).toBe('Three models side by side');
        const plan = improvementPlan(model.journeys[0], options).value;
        expect(plan.indexOf('Agree the spec list')).toBeLessThan(plan.indexOf('Build the comparison tool</div>'));
        expect(plan).toContain('<span class="rank action-rank" title="Priority">1</span><div class="plan-body"><div class="card-title" dir="auto">Agree the spec list</div><p class="plan-description" dir="auto">One list of specs, named the same on every page</p>');
        const markdown = documentMarkdown(model, en);
        expect(markdown).toContain('| Priority | Action | Owner | Due | For |');
        expect(markdown).toContain('| 1 | Agree the spec list<br>One list of specs, named the same on every page | Product |');
        expect(markdown).toContain('|  | Write the comparison copy | Content |');
    });

    test('two actions with one priority: the second is told the next free number, and the fix gives it', async () => {
        const text = MAP.replace('priority 2', 'priority 1');
        const document = await services.validate(text);
        const warning = (document.diagnostics ?? []).find(d => d.code === IssueCodes.SharedPriority)!;
        expect(warning.message).toBe("'Build' has priority 1 too, so the plan cannot tell which comes first. Give this action another number (2 is free).");
        expect(warning.range.start.line).toBe(MAP.split('\n').findIndex(line => line.includes('priority 1')));
        const actions = await services.codeActions(document, warning);
        const fix = actions.find(a => a.isPreferred)!;
        expect(fix.title).toBe('Use priority 2');
        expect(TextDocument.applyEdits(document.textDocument, fix.edit!.changes![document.textDocument.uri])).toBe(text.replace(/priority 1(\n\s+owner "Product")/, 'priority 2$1'));
    });

    test('a priority that is no place in a plan, a second priority and a second description are reported', async () => {
        const document = await services.validate(MAP.replace('priority 2', 'priority 0.5\n        priority 3').replace('description "Three models side by side"', 'description "A"\n        description "B"'));
        expect(messages(document)).toEqual(expect.arrayContaining([
            'A priority is a place in the action plan: 1 comes first, then 2 and so on. Write a whole number from 1, not 0.5.',
            'This action already has a priority, and only the first counts. Remove this one.',
            "This opportunity already has a description, and only the first is shown. Merge the two into one 'description \"...\"'."
        ]));
    });

    test('hover on an action says its place, owner, due date and description', async () => {
        await expectHover(services.Journey)({
            text: MAP.replace('action First', 'action Fi<|>rst'), index: 0,
            hover: '**Action** Agree the spec list (priority 1, owner Product)\n\nOne list of specs, named the same on every page'
        });
    });

    test('the diff says when an opportunity\'s description changed', async () => {
        const before = (await services.view(MAP)).model.journeys[0];
        await services.reset();
        const after = (await services.view(MAP.replace('"Three models side by side"', '"Up to four models side by side"'))).model.journeys[0];
        const diff = diffJourneys(before, after);
        expect(diff.opportunities).toEqual([expect.objectContaining({ kind: 'changed', changes: [{ field: 'description', before: 'Three models side by side', after: 'Up to four models side by side' }] })]);
        expect(diffText(diff, 'a', 'b', en)).toContain('Description "Three models side by side" → "Up to four models side by side"');
        expect(diffMarkdown(diff, 'a', 'b', en)).toContain('Comparison tool<br>Description: Three models side by side → Up to four models side by side');
    });
});
