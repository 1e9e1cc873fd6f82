/** The pure render layer: escaping, Mermaid text, chart data and the HTML of the map. */
import { describe, expect, test } from 'vitest';
import { escapeHtml, mermaidText, truncate } from '../../src/render/escape.js';
import { decodeRange, elementAt, encodeRange } from '../../src/render/elements.js';
import { emotionChart, filledValues, MAX_TOUCHPOINT_CATEGORIES } from '../../src/render/emotion-chart.js';
import { improvementPlanHtml, journeyHtml, standaloneHtmlDocument, swimlaneGridHtml } from '../../src/render/html.js';
import { documentMermaid, emotionChartMermaid, timelineMermaid } from '../../src/render/mermaid.js';
import { fiveStageJourney, fiveStages } from './fixtures/five-stages.js';
import { futureJourney } from './fixtures/future-state.js';
import { HOSTILE, hostile, hostileJourney } from './fixtures/hostile.js';
import { thirtyStageJourney } from './fixtures/thirty-stages.js';

const personaOrder = ['colleen', 'bob'];

describe('escapeHtml', () => {
    test('escapes every character that can open markup or close an attribute', () => {
        expect(escapeHtml(`<a href="x" onclick='y'>&\`</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
    });

    test('keeps already escaped text visible as written', () => {
        expect(escapeHtml('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;');
    });
});

describe('mermaidText', () => {
    test('puts text on one line, so it cannot start a statement of its own', () => {
        expect(mermaidText('Checkout\nclick checkout call alert(1)')).toBe('Checkout click checkout call alert(1)');
        expect(mermaidText('a\r\nb\u2028c\u2029d\te')).toBe('a b c d e');
    });

    test('replaces every Mermaid syntax and markup character', () => {
        const cleaned = mermaidText(`${HOSTILE.init} ${HOSTILE.syntax} ${HOSTILE.br} ${HOSTILE.entities} & \\`);
        expect(cleaned).not.toMatch(/[%:;#"`<>&{}[\]\\]/);
        expect(cleaned).toContain('init');
        expect(cleaned).toContain('Line one');
    });

    test('keeps a label that starts with a keyword from being read as that keyword', () => {
        for (const label of ['title Hacked', 'section x', 'click a call b()', 'accTitle: t', 'TIMELINE', 'x-axis [1]', 'line "a" [1]']) {
            expect(mermaidText(label).startsWith('\u200B')).toBe(true);
        }
        expect(mermaidText('Titles of books')).toBe('Titles of books');
    });

    test('gives the fallback for text that is empty once cleaned', () => {
        expect(mermaidText(' \n\t ', 'stage1')).toBe('stage1');
    });
});

describe('truncate', () => {
    test('cuts long text with an ellipsis and leaves short text alone', () => {
        expect(truncate('Compares models on the website', 16)).toBe('Compares models\u2026');
        expect(truncate('Usage', 16)).toBe('Usage');
    });
});

describe('timelineMermaid', () => {
    test('draws one period per stage with its touchpoints and channels as events', () => {
        const text = timelineMermaid(fiveStageJourney);
        const lines = text.trimEnd().split('\n');
        expect(lines[0]).toBe('timeline');
        expect(lines).toHaveLength(1 + 5);
        expect(lines[1]).toBe('    Awareness : Sees a social ad (Social media) : Reads reviews (Reviews)');
        expect(lines[4]).toBe('    Delivery : no touchpoints yet');
    });

    test('keeps hostile labels inside their own period and event', () => {
        const text = timelineMermaid(hostileJourney, { titles: true });
        const lines = text.trimEnd().split('\n');
        expect(lines).toHaveLength(2 + hostileJourney.stages.length);
        for (const line of lines.slice(1)) {
            expect(line).toMatch(/^ {4}\S/);
            expect(line).not.toMatch(/%%|<|>|#|;|"|`/);
        }
        const eventSeparators = lines.slice(2).map(line => line.split(' : ').length - 1);
        expect(eventSeparators).toEqual(hostileJourney.stages.map(s => Math.max(1, s.touchpoints.length)));
        expect(lines[3]).toMatch(/^ {4}\u200Btitle Hacked : /);
    });
});

describe('emotionChart', () => {
    test('plots a 5-stage journey per touchpoint, with a gap where a persona felt nothing', () => {
        const chart = emotionChart(fiveStageJourney)!;
        expect(chart.granularity).toBe('touchpoint');
        expect(chart.categories.map(c => c.label)).toEqual([
            'Sees a social ad', 'Reads reviews', 'Compares models on the website', 'Asks the chatbot', 'Checks out online', 'First vacuuming', 'Vacuum breaks after a month'
        ]);
        const [colleen, bob] = chart.series;
        expect(colleen.points.map(p => p?.value ?? null)).toEqual([1, 2, -2, -1, 2, 3, -3]);
        expect(bob.points.map(p => p?.value ?? null)).toEqual([0, 1, -1, null, 2, 1, -2]);
        expect(colleen.points[0]!.covers).toEqual(['emotion:awareness/ad/colleen', 'tp:awareness/ad']);
    });

    test('switches to one point per stage when there are too many touchpoints to label', () => {
        const chart = emotionChart(thirtyStageJourney)!;
        expect(chart.granularity).toBe('stage');
        expect(chart.categories).toHaveLength(30);
        const felt = thirtyStageJourney.stages.filter(s => s.touchpoints.length > 0).length;
        expect(chart.series[0].points.filter(p => p !== null)).toHaveLength(felt);
        expect(thirtyStageJourney.stages.flatMap(s => s.touchpoints).length).toBeGreaterThan(MAX_TOUCHPOINT_CATEGORIES);
    });

    test('compares a future state with its baseline, stage by stage through the counterparts', () => {
        const chart = emotionChart(futureJourney)!;
        expect(chart.comparison).toBe(true);
        expect(chart.series.map(s => s.label)).toEqual(['Curious Colleen (current)', 'Curious Colleen (future)', 'Budget Bob (current)', 'Budget Bob (future)']);
        const colleenNow = chart.series[0].points.map(p => p?.value ?? null);
        expect(colleenNow).toEqual([1.5, -1.5, 2, null, 0]);
        expect(chart.series[0].points[0]!.uri).toBe('file:///work/maps/vacuum.journey');
    });

    test('draws only the personas asked for', () => {
        const chart = emotionChart(fiveStageJourney, { personas: ['bob'] })!;
        expect(chart.series.map(s => s.persona)).toEqual(['bob']);
        expect(emotionChart(fiveStageJourney, { personas: [] })).toBeUndefined();
    });

    test('fills gaps for Mermaid by the straight line between neighbours', () => {
        const series = { persona: 'p', label: 'P', role: 'journey' as const, points: [null, point(1), null, null, point(-2), null] };
        expect(filledValues(series)).toEqual([1, 1, 0, -1, -2, -2]);
    });
});

function point(value: number) {
    return { value, key: 'k', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, covers: [] };
}

describe('emotionChartMermaid', () => {
    test('puts the emotion scale on the y axis and one line per persona', () => {
        const chart = emotionChart(fiveStageJourney)!;
        const text = emotionChartMermaid(fiveStageJourney, chart);
        expect(text).toContain('y-axis "Emotion" -3 --> 3');
        expect(text).toContain('line "Curious Colleen" [1, 2, -2, -1, 2, 3, -3]');
        expect(text).toContain('line "Budget Bob" [0, 1, -1, 0.5, 2, 1, -2]');
        expect(text).toContain('x-axis "Touchpoints" ["Sees a social ad", "Reads reviews", "Compares models\u2026"');
        expect(text).toMatch(/%% No emotion recorded \(values interpolated\): series 2 at 4\n/);
    });

    test('keeps hostile labels inside their quotes', () => {
        const chart = emotionChart(hostileJourney)!;
        const text = emotionChartMermaid(hostileJourney, chart, { titles: true });
        for (const line of text.split('\n').filter(l => l.startsWith('    '))) {
            expect((line.match(/"/g) ?? []).length % 2).toBe(0);
            expect(line.replace(' --> ', ' ')).not.toMatch(/%%|<|>|#|;|`/);
        }
        expect(text.split('\n').filter(l => /^\s*(click|%%\{)/.test(l))).toEqual([]);
    });

    test('widens the chart with the number of categories so labels do not overlap', () => {
        const wide = emotionChartMermaid(thirtyStageJourney, emotionChart(thirtyStageJourney)!);
        const width = Number(/width: (\d+)/.exec(wide)![1]);
        expect(width).toBeGreaterThanOrEqual(30 * 100);
    });
});

describe('documentMermaid', () => {
    test('gives every diagram of the document as a fenced block under a heading per journey', () => {
        const text = documentMermaid(fiveStages);
        expect(text.match(/```mermaid\n/g)).toHaveLength(2);
        expect(text).toMatch(/^## Buying a vacuum cleaner \(Current state\)\n/);
        expect(text).toContain('    title Buying a vacuum cleaner\n');
    });
});

describe('journey HTML', () => {
    test('shows every stage as a column, marks the stage without touchpoints and the loop', () => {
        const grid = swimlaneGridHtml(fiveStageJourney, { personaOrder });
        expect(grid.match(/<th scope="col" class="stage /g)).toHaveLength(5);
        expect(grid).toMatch(/class="stage stage-hue-3 unmapped"[^>]*><span class="stage-index">4<\/span><span class="stage-label">Delivery<\/span>/);
        expect(grid).toContain('↩ back to <strong>Consideration</strong>: when the vacuum breaks');
        expect(grid).toContain('<th scope="row" class="lane-name">Backstage</th>');
    });

    test('orders opportunities by priority and names the owner of each action', () => {
        const plan = improvementPlanHtml(fiveStageJourney);
        const titles = [...plan.matchAll(/<li class="card opportunity"[^>]*>.*?<div class="card-title">([^<]+)<\/div>/g)].map(m => m[1]);
        expect(titles).toEqual(['Hand over from chatbot to a person', 'Side-by-side comparison tool', 'Delivery tracking email']);
        expect(plan).toContain('Owner: <strong>Support team lead</strong>');
        expect(plan).toContain('No owner yet');
    });

    test('gives every drawn element its key and a range that decodes back', () => {
        const { header, grid, plan } = journeyHtml(fiveStageJourney, { personaOrder });
        const ranges = [...(header + grid + plan).matchAll(/data-key="([^"]+)" data-range="([^"]+)"/g)];
        expect(ranges.length).toBeGreaterThan(40);
        for (const [, , range] of ranges) expect(decodeRange(range)).toBeDefined();
        const pain = fiveStageJourney.stages[1].touchpoints[0].pains[0];
        expect(grid).toContain(`data-key="${pain.key}" data-range="${encodeRange(pain.range)}"`);
    });

    test('shows hostile labels as text: no tag, attribute or style of theirs survives', () => {
        const { header, grid, plan } = journeyHtml(hostileJourney, { personaOrder: ['mallory'] });
        const html = header + grid + plan;
        expect(html).not.toMatch(/<(script|img|svg|iframe|a|style|foreignObject)[\s>/]/i);
        const tagsWithoutValues = html.replace(/"[^"]*"/g, '""').match(/<[^>]*>/g) ?? [];
        expect(tagsWithoutValues.filter(tag => /\son\w+=/i.test(tag))).toEqual([]);
        expect(html).toContain(escapeHtml(HOSTILE.img));
        expect(html).toContain(escapeHtml(HOSTILE.entities));
    });

    test('writes a standalone page whose title and styles cannot close their elements', () => {
        const page = standaloneHtmlDocument(HOSTILE.script, 'a{}</style><script>alert(1)</script>', '<main></main>');
        expect(page.match(/<\/style/gi)).toHaveLength(1);
        expect(page.match(/<\/title/gi)).toHaveLength(1);
        expect(page).toContain(`<title>${escapeHtml(HOSTILE.script)}</title>`);
    });
});

describe('elementAt', () => {
    const at = (line: number, character = 10) => elementAt(fiveStages, { line, character })?.key;

    test('finds the innermost element under the cursor', () => {
        expect(at(25)).toBe('emotion:awareness/ad/colleen');
        expect(at(22)).toBe('tp:awareness/ad');
        expect(at(38)).toBe('kpi:38');
        expect(at(39)).toBe('stage:awareness');
        expect(at(112)).toBe('opp:humanHandover');
        expect(at(12, 2)).toBe('journey:vacuum');
        expect(at(500)).toBeUndefined();
    });

    test('ignores elements defined in another document', () => {
        expect(elementAt(hostile, { line: 1, character: 3 })?.key).toBe('persona:mallory');
        const elsewhere = { ...hostile, journeys: [{ ...hostileJourney, personas: [{ ...hostileJourney.personas[0], uri: 'file:///other.journey' }] }] };
        expect(elementAt(elsewhere, { line: 1, character: 3 })).toBeUndefined();
    });
});
