/** The pure render layer: escaping, markup, messages, the palette, lanes, the emotion lane, Mermaid text and the map's HTML. */
import { describe, expect, test } from 'vitest';
import { escapeHtml, mermaidText, truncate } from '../../src/render/escape.js';
import { decodeRange, elementAt, encodeRange } from '../../src/render/elements.js';
import { emotionCells } from '../../src/render/emotion-lane.js';
import { gridGeometry, stageColumns, summaryGeometry } from '../../src/render/grid-geometry.js';
import { GridCellMemo, gridMarkup, improvementPlan, journeyParts, journeyGrid, journeySection, standaloneHtmlDocument, type MapOptions } from '../../src/render/journey-map.js';
import { laneById, lanesOf, stageItems } from '../../src/render/lanes.js';
import { documentMessages, journeyMessages, messagesFor } from '../../src/render/languages.js';
import { documentMarkdown } from '../../src/render/markdown-document.js';
import { html, trusted } from '../../src/render/markup.js';
import { formatMessage } from '../../src/render/messages.js';
import { curveMermaid, documentMermaid, personaCurves, timelineMermaid } from '../../src/render/mermaid.js';
import { contrastRatio, mixHex, PALETTES, paletteCss, THEME_KINDS } from '../../src/render/palette.js';
import { fiveStageJourney, fiveStages } from './fixtures/five-stages.js';
import { futureJourney } from './fixtures/future-state.js';
import { HOSTILE, hostile, hostileEmpathyJourney, hostileJourney } from './fixtures/hostile.js';
import { thirtyStageJourney } from './fixtures/thirty-stages.js';

const messages = messagesFor('en');
const personaOrder = ['colleen', 'bob'];
const options: MapOptions = { messages, geometry: gridGeometry('comfortable'), personaOrder };

describe('escapeHtml', () => {
    test('escapes every character that can open markup or close an attribute', () => {
        expect(escapeHtml(`<a href="x" onclick='y'>&\`</a>`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
    });

    test('keeps already escaped text visible as written', () => {
        expect(escapeHtml('&lt;b&gt;')).toBe('&amp;lt;b&amp;gt;');
    });
});

describe('the html template', () => {
    test('escapes what it is given, in text and in attributes, and inserts only its own markup as it is', () => {
        const label = '<img src=x onerror=alert(1)>';
        expect(html`<p title="${label}">${label}</p>`.value).toBe('<p title="&lt;img src=x onerror=alert(1)&gt;">&lt;img src=x onerror=alert(1)&gt;</p>');
        expect(html`<ul>${['a<', 'b'].map(x => html`<li>${x}</li>`)}</ul>`.value).toBe('<ul><li>a&lt;</li><li>b</li></ul>');
        expect(html`<p>${undefined}${false}${0}</p>`.value).toBe('<p>0</p>');
        expect(html`<p>${trusted('<b>ok</b>')}</p>`.value).toBe('<p><b>ok</b></p>');
    });

    test('isolates text that could turn its neighbours around, and only that', () => {
        expect(html`<p>${'invoice\u202Egnp.exe'} (Email)</p>`.value).toBe('<p><bdi>invoice\u202Egnp.exe</bdi> (Email)</p>');
        expect(html`<p>${'\u05E9\u05DC\u05D5\u05DD'}</p>`.value).toBe('<p><bdi>\u05E9\u05DC\u05D5\u05DD</bdi></p>');
        expect(html`<p title="${'a\u202Eb'}">${'Kundreså'}</p>`.value).toBe('<p title="a\u202Eb">Kundreså</p>');
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

describe('messages', () => {
    test('fill placeholders and plurals, and leave a missing parameter visible instead of writing "undefined"', () => {
        const plural = (n: number) => new Intl.PluralRules('en').select(n);
        const message = '{count, plural, one {# touchpoint} other {# touchpoints}} in {stage}';
        expect(formatMessage(message, { count: 1, stage: 'Usage' }, String, plural)).toBe('1 touchpoint in Usage');
        expect(formatMessage(message, { count: 3, stage: 'Usage' }, String, plural)).toBe('3 touchpoints in Usage');
        expect(formatMessage('{a} and {b}', { a: 'x' }, String, plural)).toBe('x and {b}');
    });

    test('write signed scores with a true minus, numbers and dates for the language', () => {
        expect([messages.signed(2), messages.signed(-1.5), messages.signed(0)]).toEqual(['+2', '\u22121.5', '0']);
        expect(messages.date('2027-03-01')).toBe('Mar 1, 2027');
        expect(messages.date('not a date')).toBe('not a date');
    });
});

describe('a journey in a language of its own', () => {
    const swedish = { ...fiveStageJourney, language: 'sv-FI' };
    const withBuiltinChannel = (journey: typeof fiveStageJourney) => ({
        ...journey,
        stages: journey.stages.map((stage, index) => index > 0 ? stage : {
            ...stage, touchpoints: stage.touchpoints.map(t => ({ ...t, channel: { id: 'social', label: 'Social media', builtin: true } }))
        })
    });

    test('wins over the language asked for: the map, its timeline and its Markdown speak it', () => {
        const journey = withBuiltinChannel(swedish);
        const section = journeySection(journey, journeyParts(journey, options), '', options).value;
        expect(section).toContain('lang="sv"');
        for (const english of ['Touchpoints', 'Pain points', 'no touchpoints yet', 'Social media', 'Current state']) expect(section).not.toContain(english);
        for (const swedishWord of ['Berörings\u00ADpunkter', 'Smärt\u00ADpunkter', 'inga beröringspunkter än', 'Sociala medier']) expect(section).toContain(swedishWord);
        expect(timelineMermaid(journey, { messages })).toContain('inga beröringspunkter än');
        expect(timelineMermaid(journey, { messages })).toContain('(Sociala medier)');
        const markdown = documentMarkdown({ ...fiveStages, journeys: [journey] }, messages);
        expect(markdown).toContain('**Beröringspunkter**');
        expect(markdown).not.toContain('**Touchpoints**');
    });

    test('a channel its author declared keeps the author\'s label in every language', () => {
        const section = journeySection(swedish, journeyParts(swedish, options), '', options).value;
        expect(section).toContain('Reviews');
    });

    test('without one, the language asked for applies; a tag without words draws in English', () => {
        expect(journeyMessages(fiveStageJourney, messagesFor('fi')).locale).toBe('fi');
        expect(journeyMessages({ language: 'xx' }, messagesFor('fi')).locale).toBe('en');
        expect(journeyMessages({ language: 'nb' }, messagesFor('fi').plainText()).softHyphens).toBe(false);
    });

    test('a page of several journeys speaks their shared language, else the one asked for', () => {
        expect(documentMessages([{ language: 'sv' }, { language: 'sv-SE' }], messages).locale).toBe('sv');
        expect(documentMessages([{ language: 'sv' }, {}], messages).locale).toBe('en');
        expect(documentMessages([], messagesFor('lv')).locale).toBe('lv');
    });
});

describe('the palette', () => {
    test('text is readable on every surface and marks stand out from the background, in every kind of theme', () => {
        for (const kind of THEME_KINDS) {
            const palette = PALETTES[kind];
            const surfaces = [palette.background, palette.surface, ...palette.stageHues.map(hue => mixHex(hue, palette.background, palette.tint))];
            for (const surface of surfaces) {
                expect(contrastRatio(palette.foreground, surface), `${kind}: text on ${surface}`).toBeGreaterThanOrEqual(4.5);
                expect(contrastRatio(palette.muted, surface), `${kind}: muted text on ${surface}`).toBeGreaterThanOrEqual(4.5);
            }
            for (const mark of [...palette.personas, ...palette.stageHues, palette.pain, palette.good, palette.opportunity, palette.loop, palette.gridline === palette.muted ? palette.muted : palette.muted]) {
                expect(contrastRatio(mark, palette.background), `${kind}: ${mark} on the background`).toBeGreaterThanOrEqual(3);
            }
        }
    });

    test('becomes CSS variables for each kind of VS Code theme and for exports', () => {
        const css = paletteCss();
        for (const selector of [':root', 'body.vscode-light', 'body.vscode-dark', 'body.vscode-high-contrast', 'body.vscode-high-contrast-light', '.journey-export']) {
            expect(css).toContain(`${selector}{`);
        }
        expect(css).toContain(`--journey-persona-0:${PALETTES.dark.personas[0]};`);
        expect(css).toMatch(/\.journey-export\{[^}]*--journey-background:#ffffff;/);
    });
});

describe('the lanes', () => {
    test('are drawn when they hold something, in one order for every renderer', () => {
        expect(lanesOf(fiveStageJourney).map(l => l.id)).toEqual([
            'flow', 'touchpoints', 'does', 'thinks', 'feels', 'says', 'emotion', 'pains', 'goods', 'opportunities', 'kpis', 'frontstage', 'backstage', 'support'
        ]);
        expect(lanesOf(futureJourney).map(l => l.id)).toEqual(['touchpoints', 'emotion', 'goods']);
    });

    test('find a stage\'s items through its touchpoints and the stage itself', () => {
        const pains = laneById('pains');
        expect(stageItems(pains, fiveStageJourney.stages[3], fiveStageJourney).map(p => p.text)).toEqual(['Nobody knows when the parcel arrives']);
        expect(stageItems(pains, fiveStageJourney.stages[1], fiveStageJourney)).toHaveLength(2);
        const opportunities = laneById('opportunities');
        expect(stageItems(opportunities, fiveStageJourney.stages[1], fiveStageJourney).map(o => o.rank)).toEqual([1, 3]);
    });
});

describe('the emotion lane', () => {
    const geometry = gridGeometry('comfortable');
    const cells = emotionCells(fiveStageJourney, { geometry, messages, personaOrder });
    const columns = stageColumns(fiveStageJourney, geometry);

    test('puts each point in its stage\'s cell, at its touchpoint\'s column', () => {
        cells.forEach((cell, stageIndex) => {
            const stage = fiveStageJourney.stages[stageIndex];
            const xs = [...cell.value.matchAll(/<g class="emotion-point persona-0[^>]*>.*?<path class="marker" d="M([\d.]+),/g)].map(m => Number(m[1]) + 5);
            const expected = stage.touchpoints.flatMap((t, i) => t.emotions.some(e => e.persona === 'colleen') ? [columns[stageIndex].centres[i] - 1] : []);
            expect(xs).toHaveLength(expected.length);
            xs.forEach((x, i) => expect(Math.abs(x - expected[i])).toBeLessThan(9));
        });
    });

    test('joins points only where nothing was left unrecorded, and names whose score is missing', () => {
        // Delivery has no touchpoints: neither curve crosses it.
        expect(cells[3].value).not.toContain('emotion-line');
        const gap = structuredClone(fiveStageJourney);
        gap.stages[2].touchpoints[0].emotions = gap.stages[2].touchpoints[0].emotions.filter(e => e.persona !== 'bob');
        gap.emotionLanes[1].points = gap.emotionLanes[1].points.filter(p => p.stageId !== 'purchase');
        const withGap = emotionCells(gap, { geometry, messages, personaOrder });
        expect(withGap[2].value).toContain('Budget Bob: no score here');
        expect(withGap[2].value).not.toContain('emotion-line persona-1');
        expect(withGap[1].value).toMatch(/emotion-line persona-1/);
    });

    test('names every point for a screen reader: persona, touchpoint, signed score and words', () => {
        expect(cells[4].value).toContain('aria-label="Curious Colleen, Vacuum breaks after a month: \u22123, very negative"');
    });

    test('draws a future state\'s current curve dashed in the same lane, a point per stage', () => {
        const future = emotionCells(futureJourney, { geometry, messages, personaOrder });
        expect(future.map(cell => (cell.value.match(/emotion-point persona-0 emotion-baseline/g) ?? []).length)).toEqual([1, 1, 1, 0, 1]);
        expect(future[1].value).toContain('aria-label="Curious Colleen, current state, Comparison: \u22121.5, negative (average)"');
    });
});

describe('the grid', () => {
    test('what a touchpoint\'s persona experiences has a lane of its own, in every language, and in Markdown', () => {
        const journey = structuredClone(fiveStageJourney);
        journey.stages[1].touchpoints[0].activities.experiences = ['Three tabs of spec sheets that look the same'];
        const grid = gridMarkup(journeyGrid(journey, options)).value;
        expect(grid).toMatch(/<tr class="lane lane-experiences"><th scope="row" class="lane-name"><span class="lane-title">Experiencing<\/span>/);
        expect(grid).toContain('Three tabs of spec sheets that look the same');
        expect(gridMarkup(journeyGrid(journey, { ...options, messages: messagesFor('sv') })).value).toContain('<span class="lane-title">Upplever</span>');
        expect(gridMarkup(journeyGrid(fiveStageJourney, options)).value).not.toContain('lane-experiences');
        expect(documentMarkdown({ ...fiveStages, journeys: [journey] }, messages)).toContain('Three tabs of spec sheets that look the same');
    });
    test('a drawing that follows an edit takes back the cells of the stages that did not change, and is the same markup as a drawing anew', () => {
        const cells = new GridCellMemo();
        const lane = (grid: ReturnType<typeof journeyGrid>, id: string) => grid.rows.find(row => row.lane === id)!.cells;
        const first = journeyGrid(fiveStageJourney, { ...options, cells });
        expect(gridMarkup(first).value).toBe(gridMarkup(journeyGrid(fiveStageJourney, options)).value);

        const edited = structuredClone(fiveStageJourney);
        edited.stages[2].touchpoints[0].label = 'Pays with a card (edited)';
        const again = journeyGrid(edited, { ...options, cells });
        expect(gridMarkup(again).value).toBe(gridMarkup(journeyGrid(edited, options)).value);
        // Cell 0 is the lane's name; stage i is cell i + 1.
        expect(lane(again, 'touchpoints')[1]).toBe(lane(first, 'touchpoints')[1]);
        expect(lane(again, 'touchpoints')[3]).not.toBe(lane(first, 'touchpoints')[3]);
        expect(lane(again, 'touchpoints')[3].value).toContain('Pays with a card (edited)');

        // A change around the stages (an opportunity renamed, which pain point cards name) draws every cell anew.
        const renamed = structuredClone(edited);
        renamed.opportunities[0].label = 'Hand over to a person at once';
        const third = journeyGrid(renamed, { ...options, cells });
        expect(lane(third, 'touchpoints')[1]).not.toBe(lane(again, 'touchpoints')[1]);
        expect(gridMarkup(third).value).toBe(gridMarkup(journeyGrid(renamed, options)).value);
    });

    test('has a column per stage as wide as its touchpoints, the stage without touchpoints marked', () => {
        const grid = gridMarkup(journeyGrid(fiveStageJourney, options)).value;
        expect(grid.match(/<th scope="col" class="stage /g)).toHaveLength(5);
        expect(grid).toMatch(/<col style="width:128px"><col style="width:399px"><col style="width:399px"><col style="width:205px"><col style="width:205px"><col style="width:399px">/);
        expect(grid).toMatch(/class="stage stage-hue-3 unmapped"><div class="stage-head"[^>]*><span class="stage-index" aria-hidden="true">4<\/span><span class="stage-label" dir="auto" title="Delivery">Delivery<\/span>/);
        expect(grid).toContain('\u21A9</span> back to Consideration: when the vacuum breaks');
        expect(grid).toContain('<th scope="row" class="lane-name"><span class="lane-title">Backstage</span></th>');
    });

    test('in the summary keeps the stages and the curve, sized to the width given', () => {
        const geometry = summaryGeometry(fiveStageJourney, 560);
        const grid = journeyGrid(fiveStageJourney, { ...options, geometry });
        expect(grid.rows.map(r => r.lane)).toEqual(['emotion']);
        const width = Number(/style="width:(\d+)px/.exec(grid.head.value)![1]);
        expect(width).toBeLessThanOrEqual(560);
        // Thirty stages do not fit in 560 px: columns keep a readable minimum and the summary scrolls.
        const thirty = summaryGeometry(thirtyStageJourney, 560);
        expect(thirty.touchpointWidth).toBeGreaterThanOrEqual(26);
    });

    test('orders opportunities by priority and names the owner of each action', () => {
        const plan = improvementPlan(fiveStageJourney, options).value;
        const titles = [...plan.matchAll(/<li><div class="card opportunity"[^>]*>.*?<div class="card-title" dir="auto">([^<]+)<\/div>/g)].map(m => m[1]);
        expect(titles).toEqual(['Hand over from chatbot to a person', 'Delivery tracking email', 'Side-by-side comparison tool']);
        expect(plan).toContain('Owner: <strong>Support team lead</strong>');
        expect(plan).toContain('No owner yet');
    });

    test('gives every drawn element its key and a range that decodes back', () => {
        const { header, grid, plan } = journeyParts(fiveStageJourney, options);
        const all = header.value + gridMarkup(grid).value + plan.value;
        const ranges = [...all.matchAll(/data-key="([^"]+)" data-range="([^"]+)"/g)];
        expect(ranges.length).toBeGreaterThan(40);
        for (const [, , range] of ranges) expect(decodeRange(range)).toBeDefined();
        const pain = fiveStageJourney.stages[1].touchpoints[0].pains[0];
        expect(all).toContain(`data-key="${pain.key}" data-range="${encodeRange(pain.range)}"`);
    });

    test('in an export, nothing takes the keyboard focus or claims to be a button', () => {
        const { header, grid, plan } = journeyParts(fiveStageJourney, { ...options, exported: true });
        const all = header.value + gridMarkup(grid).value + plan.value;
        expect(all).not.toMatch(/tabindex=|role="button"/);
    });

    /** A journey's markup with hostile labels: no tag, attribute or style of theirs survives, and each label is there as text. */
    function expectLabelsAsText(journey: typeof hostileJourney, labels: string[]): void {
        const { header, grid, plan } = journeyParts(journey, { ...options, personaOrder: ['mallory'] });
        const all = header.value + gridMarkup(grid).value + plan.value;
        expect(all).not.toMatch(/<(script|img|iframe|a|style|foreignObject)[\s>/]/i);
        const tagsWithoutValues = all.replace(/"[^"]*"/g, '""').match(/<[^>]*>/g) ?? [];
        expect(tagsWithoutValues.filter(tag => /\son\w+=/i.test(tag))).toEqual([]);
        for (const label of labels) expect(all).toContain(escapeHtml(label));
    }

    test('shows hostile labels as text: no tag, attribute or style of theirs survives', () => {
        expectLabelsAsText(hostileJourney, [HOSTILE.img, HOSTILE.entities]);
    });

    test('shows hostile labels of an empathy map as text', () => {
        expectLabelsAsText(hostileEmpathyJourney, [HOSTILE.img, HOSTILE.script, HOSTILE.br, HOSTILE.svg, HOSTILE.css, HOSTILE.link]);
    });

    test('writes a standalone page whose title and styles cannot close their elements', () => {
        const page = standaloneHtmlDocument(HOSTILE.script, 'a{}</style><script>alert(1)</script>', html`<p></p>`, messages);
        expect(page.match(/<\/style/gi)).toHaveLength(1);
        expect(page.match(/<\/title/gi)).toHaveLength(1);
        expect(page).toContain(`<title>${escapeHtml(HOSTILE.script)}</title>`);
        expect(page).toContain('<html lang="en">');
        expect(page).toContain('<main class="map">');
    });
});

describe('Mermaid text', () => {
    test('the timeline has one period per stage with its touchpoints and channels as events', () => {
        const lines = timelineMermaid(fiveStageJourney, { messages }).trimEnd().split('\n');
        expect(lines[0]).toBe('timeline');
        expect(lines[1]).toBe('    Awareness : Sees a social ad (Social media) : Reads reviews (Reviews)');
        expect(lines[4]).toBe('    Delivery : no touchpoints yet');
    });

    test('keeps hostile labels inside their own period and event', () => {
        const lines = timelineMermaid(hostileJourney, { messages, titles: true }).trimEnd().split('\n');
        expect(lines[1].startsWith('    title ')).toBe(true);
        for (const line of lines.slice(2)) expect(line.split(' : ')).toHaveLength(2);
    });

    test('a persona\'s curve has only the touchpoints where it has a score: nothing is filled in', () => {
        const gap = structuredClone(fiveStageJourney);
        gap.emotionLanes[1].points = gap.emotionLanes[1].points.filter(p => p.stageId !== 'purchase');
        gap.emotionLanes[1].averageByStage.purchase = null;
        const [, bob] = personaCurves(gap);
        expect(bob.points.map(p => p.score)).toEqual([0, 1, -1, 1, -2]);
        expect(bob.missingStages).toEqual(['Purchase']);
        const chart = curveMermaid(gap, bob, { messages });
        expect(chart).toContain('    line [0, 1, -1, 1, -2]');
        expect(chart).toContain('%% No score in Purchase\u2236 left out, not filled in');
        expect(chart).toContain('y-axis "Emotion" -3 --> 3');
    });

    test('a document is every journey\'s diagrams as fenced blocks under a heading', () => {
        const text = documentMermaid(fiveStages, { messages });
        expect(text).toMatch(/^## Buying a vacuum cleaner\n\n```mermaid\ntimeline\n    title Buying a vacuum cleaner\n/);
        expect(text.match(/```mermaid\n---\nconfig/g)).toHaveLength(2);
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
        // A service blueprint's lane item is an element of its own.
        expect(at(74)).toBe('stage:purchase/frontstage0');
        expect(at(76)).toBe('stage:purchase/support2');
        expect(at(12, 2)).toBe('journey:vacuum');
        expect(at(500)).toBeUndefined();
    });

    test('ignores elements defined in another document', () => {
        expect(elementAt(hostile, { line: 1, character: 3 })?.key).toBe('persona:mallory');
        const elsewhere = { ...hostile, journeys: [{ ...hostileJourney, personas: [{ ...hostileJourney.personas[0], uri: 'file:///other.journey' }] }] };
        expect(elementAt(elsewhere, { line: 1, character: 3 })).toBeUndefined();
    });
});
