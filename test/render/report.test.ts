/** The report as a pure module: view model in, findings out, then text and Markdown in the words given. */
import { describe, expect, test } from 'vitest';
import { messagesFor } from '../../src/render/languages.js';
import { journeyReport, rankingSentence, reportMarkdown, reportText } from '../../src/render/report.js';
import { fiveStageJourney } from '../webview/fixtures/five-stages.js';

const report = journeyReport(fiveStageJourney);
const en = messagesFor('en');

describe('the report of a journey', () => {
    test('says what it is: id, title, kind and size', () => {
        expect(report).toMatchObject({ id: 'vacuum', title: 'Buying a vacuum cleaner', kind: 'current-state', stageCount: 5, touchpointCount: 7 });
    });

    test('finds each persona\'s lowest moments, lowest first, with where they happen', () => {
        const colleen = report.lows.find(l => l.label === 'Curious Colleen')!;
        expect(colleen.lows.map(low => [low.score, low.stage, low.touchpoint])).toEqual([
            [-3, 'Usage', 'Vacuum breaks after a month'],
            [-2, 'Consideration', 'Compares models on the website'],
            [-1, 'Consideration', 'Asks the chatbot']
        ]);
    });

    test('averages the curve per stage and persona, and leaves a stage without scores empty, never zero', () => {
        const colleen = report.curve.personas.indexOf('Curious Colleen');
        const averages = (stage: string) => report.curve.stages.find(row => row.stage === stage)!.averages;
        expect(averages('Delivery')[colleen]).toBeNull();
        expect(averages('Consideration')[colleen]).toBe(-1.5);
    });

    test('ranks stages by pain points and names the stage nobody has mapped', () => {
        expect(report.painfulStages[0]).toEqual({ stage: 'Consideration', pains: ['Spec sheets cannot be compared side by side', 'The chatbot only links to the FAQ'] });
        expect(report.unmappedStages).toEqual(['Delivery']);
    });

    test('ranks opportunities quick wins first, higher impact first within them, with the actions that take them up', () => {
        expect(report.opportunities.map(o => [o.rank, o.label, o.quadrant, o.actions])).toEqual([
            [1, 'Hand over from chatbot to a person', 'quick win', ['Staff the chat in opening hours']],
            [2, 'Delivery tracking email', 'quick win', ['Send tracking emails']],
            [3, 'Side-by-side comparison tool', 'big bet', ['Build the comparison page']]
        ]);
        expect(report.opportunities[0].addresses).toEqual(['The chatbot only links to the FAQ', 'Support asks for the receipt again']);
    });

    test('counts touchpoints per channel and stage, one row per channel, touchpoints without a channel last', () => {
        const web = report.coverage.rows.find(row => row.channel?.id === 'web')!;
        expect(web.touchpoints).toEqual([0, 1, 1, 0, 0]);
        expect(report.coverage.rows.filter(row => row.channel === undefined)).toEqual([]);
    });

    test('lists what is still assumed, with its source when it has one', () => {
        expect(report.assumed.map(item => [item.kind, item.label])).toEqual(expect.arrayContaining([
            ['pain point', 'Every ad promises the same thing'],
            ['pain point', 'Nobody knows when the parcel arrives']
        ]));
    });
});

describe('the report in words', () => {
    test('text wraps to the width given and keeps the numbers of the language', () => {
        const text = reportText(report, en, { width: 60 });
        expect(text.split('\n').every(line => line.length <= 60)).toBe(true);
        expect(text).toContain('\u22123');
        expect(reportText(report, messagesFor('fi'))).toContain('\u22121,5');
    });

    test('Markdown has one table per finding and escapes labels', () => {
        const hostile = journeyReport({ ...fiveStageJourney, title: '*bold* <b>x</b> | pipe' });
        const markdown = reportMarkdown(hostile, en);
        expect(markdown).not.toContain('<b>');
        expect(markdown).toContain('\\*bold\\*');
        expect(markdown.match(/^\|/gm)?.length).toBeGreaterThan(10);
    });

    test('the ranking sentence is in the language given', () => {
        expect(rankingSentence(messagesFor('sv'))).toContain('snabba vinster');
    });
});
