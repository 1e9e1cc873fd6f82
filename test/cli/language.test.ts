/**
 * `--language`: report, diff and render write every word they add in the team's language, with
 * numbers as that language writes them; scripts get the same JSON whatever the language.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { en } from '../../src/render/catalogs/en.js';
import { LANGUAGES, messagesFor } from '../../src/render/languages.js';
import { rankingSentence } from '../../src/render/report.js';
import { markdownText } from '../../src/render/text-layout.js';
import { OPPORTUNITY_QUADRANTS, OPPORTUNITY_RANKING } from '../../src/language/vocabulary.js';
import { cli, journey } from './run.js';

const CURRENT = 'examples/vacuum-current.journey';
const FUTURE = 'examples/vacuum-future.journey';

/** What the report and the diff add in English; the vacuum maps' own labels contain none of it. */
const ENGLISH_REPORT = [
    'Lowest emotional moments', 'Emotion by stage', 'Stages with the most pain points', 'Unmapped stages', 'None: every stage',
    'best value for effort', 'Ranked as on an impact/effort matrix', 'quick win', 'big bet', 'very negative', 'Channel coverage',
    'Still assumed', 'say nothing about evidence', 'Current state', '6 stages', '12 touchpoints'
];
const ENGLISH_REPORT_MARKDOWN = ['| Persona | Emotion | Stage | Touchpoint |', '| # | Opportunity | Impact | Effort | Quadrant |', '| Kind | Item | Where | Source |'];
const ENGLISH_DIFF = [
    'stages ~1', 'emotion better in', 'pain points 8 resolved', '7 delivered', 'against the current state it improves', 'Emotion, average per stage',
    'pain point gone', 'impact medium', '(target', 'resolved', 'does'
];
const ENGLISH_DIFF_MARKDOWN = ['future state against', '| Change |', '** added', '** removed', '** changed', '** delivered', '| Addressed by |'];

interface Expected {
    /** The report's first line: the map's kind and its size. */
    facts: string;
    lowest: string;
    /** Colleen's average in Awareness: a decimal, with the true minus. */
    awareness: RegExp;
    quickWin: string;
    veryNegative: string;
    assumedPain: string;
    diffSummary: string;
    resolved: string;
    delivered: string;
    kpi: string;
    markdownHeader: string;
}

const EXPECTED: Record<string, Expected> = {
    nb: {
        facts: '(VacuumCurrent · Nåsituasjon · 6 faser · 12 berøringspunkter)',
        lowest: 'Laveste punkter på følelseskurven',
        awareness: /Awareness +\u22121,5\n/,
        quickWin: 'rask gevinst',
        veryNegative: 'svært negativ',
        assumedPain: 'smertepunkt',
        diffSummary: 'faser ~1 · berøringspunkter +10 -9 ~3 · følelser bedre i 6, verre i 0 · smertepunkter 8 løste, 1 nytt · muligheter 7 leverte, +1',
        resolved: 'løst',
        delivered: 'levert: 1 smertepunkt borte',
        kpi: '3,4\u00A0% (mål 5\u00A0%) → 5\u00A0%',
        markdownHeader: '| Endring | Fase | Smertepunkt | Løses av |'
    },
    sv: {
        facts: '(VacuumCurrent · Nuläge · 6 faser · 12 beröringspunkter)',
        lowest: 'Lägsta punkterna på känslokurvan',
        awareness: /Awareness +\u22121,5\n/,
        quickWin: 'snabb vinst',
        veryNegative: 'mycket negativ',
        assumedPain: 'smärtpunkt',
        diffSummary: 'faser ~1 · beröringspunkter +10 -9 ~3 · känslor bättre i 6, sämre i 0 · smärtpunkter 8 lösta, 1 ny · möjligheter 7 levererade, +1',
        resolved: 'löst',
        delivered: 'levererad: 1 smärtpunkt borta',
        kpi: '3,4\u00A0% (mål 5\u00A0%) → 5\u00A0%',
        markdownHeader: '| Ändring | Fas | Smärtpunkt | Åtgärdas av |'
    },
    fi: {
        facts: '(VacuumCurrent · Nykytila · 6 vaihetta · 12 kosketuspistettä)',
        lowest: 'Tunnekäyrän matalimmat kohdat',
        awareness: /Awareness +\u22121,5\n/,
        quickWin: 'nopea voitto',
        veryNegative: 'erittäin kielteinen',
        assumedPain: 'kipupiste',
        diffSummary: 'vaiheet ~1 · kosketuspisteet +10 -9 ~3 · tunne parani: 6, heikkeni: 0 · kipupisteet 8 ratkaistua, 1 uusi · mahdollisuudet 7 toteutettua, +1',
        resolved: 'ratkaistu',
        delivered: 'toteutettu: 1 kipupiste poistunut',
        kpi: '3,4\u00A0% (tavoite 5\u00A0%) → 5\u00A0%',
        markdownHeader: '| Muutos | Vaihe | Kipupiste | Ratkaisu |'
    },
    lv: {
        // 12 takes the genitive plural in Latvian: "12 saskarsmes punktu", but "6 posmi".
        facts: '(VacuumCurrent · Pašreizējais stāvoklis · 6 posmi · 12 saskarsmes punktu)',
        lowest: 'Emociju līknes zemākie punkti',
        awareness: /Awareness +\u22121,5\n/,
        quickWin: 'ātrs ieguvums',
        veryNegative: 'ļoti negatīva',
        assumedPain: 'sāpju punkts',
        diffSummary: 'posmi ~1 · saskarsmes punkti +10 -9 ~3 · emocijas labākas: 6, sliktākas: 0 · sāpju punkti 8 atrisināti, 1 jauns · iespējas 7 īstenotas, +1',
        resolved: 'atrisināts',
        delivered: 'īstenota: 1 sāpju punkta vairs nav',
        kpi: '3,4% (mērķis 5%) → 5%',
        markdownHeader: '| Izmaiņas | Posms | Sāpju punkts | Risinājums |'
    },
    de: {
        facts: '(VacuumCurrent · Ist-Zustand · 6 Phasen · 12 Touchpoints)',
        lowest: 'Tiefpunkte der Emotionskurve',
        awareness: /Awareness +\u22121,5\n/,
        quickWin: 'Quick Win',
        veryNegative: 'sehr negativ',
        assumedPain: 'Pain Point',
        diffSummary: 'Phasen ~1 · Touchpoints +10 -9 ~3 · Emotion besser in 6, schlechter in 0 · Pain Points 8 gelöst, 1 neu · Chancen 7 umgesetzt, +1',
        resolved: 'gelöst',
        delivered: 'umgesetzt: 1 Pain Point behoben',
        kpi: '3,4\u00A0% (Ziel 5\u00A0%) → 5\u00A0%',
        markdownHeader: '| Änderung | Phase | Pain Point | Adressiert durch |'
    }
};

function expectNone(text: string, english: readonly string[]): void {
    for (const words of english) expect(text, words).not.toContain(words);
}

beforeAll(async () => { await cli(); });

describe('journey report and diff --language', () => {
    test.each(Object.keys(EXPECTED))('%s: the report\'s words, counts and decimals', async tag => {
        const words = EXPECTED[tag];
        const text = await journey(['report', CURRENT, '--language', tag]);
        expect(text.status).toBe(0);
        expect(text.stderr).toBe('');
        expectNone(text.stdout, ENGLISH_REPORT);
        // The first line may wrap at 100 columns.
        expect(text.stdout.replace(/\n/g, ' ')).toContain(words.facts);
        expect(text.stdout).toContain(`\n${words.lowest}\n`);
        expect(text.stdout).toMatch(words.awareness);
        expect(text.stdout).toMatch(new RegExp(`\\n {4}\u22123 {4}${words.veryNegative} {2}Delivery › Delivery day SMS\\n`));
        expect(text.stdout).toMatch(new RegExp(` {2}1 {2}Guest checkout +\\S+ +\\S+ +${words.quickWin} +Enable guest checkout\\n`));
        expect(text.stdout).toMatch(new RegExp(`\\n {2}${words.assumedPain} +Chat is staffed`));

        const markdown = await journey(['report', CURRENT, '--language', tag, '--format', 'markdown']);
        expect(markdown.status).toBe(0);
        expectNone(markdown.stdout, [...ENGLISH_REPORT, ...ENGLISH_REPORT_MARKDOWN]);
        expect(markdown.stdout).toContain(`### ${words.lowest}\n`);
        expect(markdown.stdout).toContain(`| Curious Colleen | \u22123 ${words.veryNegative} | Delivery | Delivery day SMS |`);
        expect(markdown.stdout).toMatch(new RegExp(`\\| Awareness \\| \u22121,5 \\|`));
    });

    test.each(Object.keys(EXPECTED))('%s: the diff\'s words, scores and KPIs', async tag => {
        const words = EXPECTED[tag];
        const text = await journey(['diff', CURRENT, FUTURE, '--language', tag]);
        expect(text.status).toBe(0);
        expectNone(text.stdout, ENGLISH_DIFF);
        expect(text.stdout.split('\n')[0]).toBe(words.diffSummary);
        expect(text.stdout).toMatch(/ {2}Awareness +Curious Colleen +\u22121,5 → \u22120,5 {2}\(\+1\)\n/);
        expect(text.stdout).toMatch(/ {2}Consideration +Curious Colleen +\u22120,7 → \+1,7 {2}\(\+2,3\)\n/);
        expect(text.stdout).toMatch(new RegExp(`\\n {2}- {2}${words.resolved} +Purchase +Checkout forces account creation`));
        expect(text.stdout).toMatch(new RegExp(`✓ {2}Guest checkout +${words.delivered}\\n`));
        expect(text.stdout).toMatch(new RegExp(`Click-through rate +${words.kpi.replace(/[()]/g, "\\$&")}\\n`));

        const markdown = await journey(['diff', CURRENT, FUTURE, '--language', tag, '--format', 'markdown']);
        expect(markdown.status).toBe(0);
        expectNone(markdown.stdout, [...ENGLISH_DIFF, ...ENGLISH_DIFF_MARKDOWN]);
        expect(markdown.stdout).toContain(`**${words.diffSummary}**`);
        expect(markdown.stdout).toContain(words.markdownHeader);
        expect(markdown.stdout).toContain('| Awareness | Curious Colleen | \u22121,5 | \u22120,5 | +1 |');
    });

    test('JSON is for scripts: the same keys and values in every language', async () => {
        const english = await journey(['diff', CURRENT, FUTURE, '--format', 'json']);
        const finnish = await journey(['diff', CURRENT, FUTURE, '--format', 'json', '--language', 'fi']);
        expect(finnish.status).toBe(0);
        expect(finnish.stdout).toBe(english.stdout);
        const kpi = (JSON.parse(english.stdout) as { comparisons: Array<{ diff: { kpis: Array<{ label: string; before?: string; measured: unknown }> } }> })
            .comparisons[0].diff.kpis.find(k => k.label === 'Click-through rate');
        expect(kpi).toMatchObject({ before: '3.4% (target 5%)', measured: { before: { value: 3.4, unit: '%', target: 5 }, after: { value: 5, unit: '%' } } });
    });

    test('a journey new in a file, or gone from it, is said in the language too', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-language-'));
        const map = (id: string, title: string) => `journey ${id} "${title}" {\n    stage A { touchpoint T "Visit" { } }\n}\n`;
        fs.writeFileSync(path.join(dir, 'old.journey'), map('One', 'First map') + map('Two', 'Second map'));
        fs.writeFileSync(path.join(dir, 'new.journey'), map('One', 'First map') + map('Three', 'Third map'));
        const run = await journey(['diff', 'old.journey', 'new.journey', '--language', 'nb'], { cwd: dir });
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('\n+ kundereisen Three «Third map» er ny i new.journey\n');
        expect(run.stdout).toContain('\n- kundereisen Two «Second map» finnes ikke lenger i new.journey\n');
        const markdown = await journey(['diff', 'old.journey', 'new.journey', '--language', 'nb', '--format', 'markdown'], { cwd: dir });
        expect(markdown.stdout).toContain('\n**+** kundereisen `Three` «Third map» er ny i `new.journey`\n');
    });

    test('a region or an alias finds its language: sv-FI is Swedish, no is Bokmål', async () => {
        const swedish = await journey(['report', CURRENT, '--language', 'sv-FI']);
        expect(swedish.stdout).toContain('Lägsta punkterna på känslokurvan');
        const norwegian = await journey(['diff', CURRENT, FUTURE, '--language', 'no']);
        expect(norwegian.stdout.split('\n')[0]).toBe(EXPECTED.nb.diffSummary);
    });

    test('a language without words says so in one line on stderr, lists ours, and goes on in English', async () => {
        const run = await journey(['report', CURRENT, '--language', 'xx']);
        expect(run.status).toBe(0);
        expect(run.stderr).toBe("journey: no words for 'xx' yet; using English. Languages: en (English), nb (Norsk bokmål), sv (Svenska), fi (Suomi), lv (Latviešu), de (Deutsch).\n");
        expect(run.stdout).toContain('Lowest emotional moments');
        const broken = await journey(['report', 'test/cli/fixtures/broken/syntax.journey', '--language', 'tlh']);
        // The exit code is the map's, not the language's.
        expect(broken.status).toBe(1);
        expect(broken.stderr.split('\n')[0]).toBe("journey: no words for 'tlh' yet; using English. Languages: en (English), nb (Norsk bokmål), sv (Svenska), fi (Suomi), lv (Latviešu), de (Deutsch).");
    });

    test.each(['render', 'report', 'diff'])('journey %s --help documents --language', async command => {
        const run = await journey([command, '--help']);
        expect(run.stdout).toContain('--language <tag>');
        expect(run.stdout).toContain(LANGUAGES.map(l => l.tag).join(', '));
    });
});

describe('journey render --language', () => {
    test('Markdown in Swedish: lane titles, evidence badges, empty stages and dates, and no English left', async () => {
        const run = await journey(['render', 'test/cli/fixtures/warnings/gaps.journey', '--format', 'markdown', '--language', 'sv']);
        expect(run.status).toBe(0);
        // The map's lane titles carry soft hyphens for its narrow columns; raw Markdown is searched as text and has none.
        const text = run.stdout;
        expect(text).not.toContain('\u00AD');
        for (const english of ['Touchpoints', 'Pain points', 'Opportunities', '(observed)', '(assumed)', 'no touchpoints yet', 'Current state', '| Lane |']) {
            expect(text, english).not.toContain(english);
        }
        for (const swedish of ['**Beröringspunkter**', '**Smärtpunkter**', '*(antaget)*', '*inga beröringspunkter än*', 'Nuläge', '| Rad |']) {
            expect(text, swedish).toContain(swedish);
        }
        const vacuum = await journey(['render', CURRENT, '--format', 'markdown', '--language', 'sv']);
        expect(vacuum.stdout).toContain('Checkout forces account creation before payment *(observerat)*');
        expect(vacuum.stdout).not.toContain('(observed)');
        expect(vacuum.stdout).toContain('| 1 | Enable guest checkout<br>Pay first, offer an account on the receipt page | E\\-commerce, Jonas | 31 mars 2027 |');
        expect(vacuum.stdout).toContain('**3,4\u00A0%** (mål 5\u00A0%)');
    });
});

describe("a journey's own language", () => {
    const SWEDISH = 'examples/elavtal-nulage.journey';
    /** The lane titles and words the map adds, as Markdown writes them (no soft hyphens). */
    const mapWords = (tag: string) => {
        const words = messagesFor(tag).plainText();
        return ['lane.touchpoints', 'lane.pains', 'lane.goods', 'lane.opportunities', 'kind.currentState', 'evidence.observed', 'channel.web']
            .map(key => words.t(key as Parameters<typeof words.t>[0]));
    };
    const ENGLISH = mapWords('en');

    test.each(LANGUAGES.filter(l => l.tag !== 'en').map(l => [l.tag] as const))('%s in the header wins over --language en: Markdown and report speak it', async tag => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-language-'));
        const file = path.join(folder, 'map.journey');
        fs.writeFileSync(file, fs.readFileSync(SWEDISH, 'utf8').replace(/^ {4}language sv$/m, `    language ${tag}`));
        const markdown = await journey(['render', file, '--format', 'markdown', '--language', 'en']);
        expect(markdown.status, markdown.stderr).toBe(0);
        for (const word of mapWords(tag)) expect(markdown.stdout, word).toContain(markdownText(word));
        for (const word of ENGLISH.filter(english => !mapWords(tag).includes(english))) expect(markdown.stdout, word).not.toContain(word);
        const report = await journey(['report', file]);
        expect(report.status, report.stderr).toBe(0);
        expect(report.stdout).toContain(messagesFor(tag).plainText().t('count.stages', { count: 4 }));
        for (const english of ['Lowest emotional moments', 'Emotion by stage', 'Current state']) expect(report.stdout).not.toContain(english);
    });

    test('the Swedish example reads Swedish in every format a reader gets, the SVG included', async () => {
        const svg = await journey(['render', SWEDISH, '--format', 'svg']);
        expect(svg.status, svg.stderr).toBe(0);
        // SVG text is split into lines and words; compare the text content.
        const text = svg.stdout.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
        // Long lane titles break at their soft hyphen, drawn as a hyphen at the end of the line.
        for (const word of ['Berörings- punkter', 'Smärtpunkter', 'Möjligheter', 'Nuläge', 'Webbplats']) expect(text).toContain(word);
        expect(svg.stdout).not.toContain('\u00AD');
        for (const word of ['Touchpoints', 'Pain points', 'Opportunities', 'Current state', 'Website']) expect(text).not.toContain(word);
    });
});

describe('the ranking in words', () => {
    test('English says what the vocabulary ranks by, quadrant for quadrant', () => {
        expect(rankingSentence(messagesFor('en'))).toBe(`Ranked as on an impact/effort matrix: ${OPPORTUNITY_RANKING}`);
        expect(OPPORTUNITY_QUADRANTS.map(q => q.name)).toEqual([en['quadrant.quickWin'], en['quadrant.bigBet'], en['quadrant.fillIn'], en['quadrant.moneyPit']]);
    });

    test('every other language ranks in its own words', () => {
        for (const language of LANGUAGES.filter(l => l.tag !== 'en')) {
            const sentence = rankingSentence(messagesFor(language.tag));
            expect(sentence, language.tag).not.toMatch(/quick win|big bet|fill-in|money pit|impact/);
            expect(sentence, language.tag).toContain(language.messages['quadrant.quickWins']);
        }
    });
});
