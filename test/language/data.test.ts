/** Maps bound to research data: reading CSV and JSON, what the map makes of the rows, and what it says when they disagree. */
import { URI } from 'langium';
import { expectCompletion, expectHover, testCodeAction } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-types';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { DataSets } from '../../src/language/data/data-sets.js';
import { toEmotionScore } from '../../src/language/data/data-semantics.js';
import { DataFileError, readJson, readNumber, type DataTable } from '../../src/language/data/data-table.js';
import { DataIssueCodes } from '../../src/language/data/data-validator.js';
import { detectDelimiter, readCsv } from '../../src/language/data/read-csv.js';
import { IssueCodes } from '../../src/language/journey-validator.js';
import { MemoryDataFiles } from './memory-data-files.js';
import { createTestServices, text } from './services.js';

const KEYS = { stage: 'stage', touchpoint: 'touchpoint', persona: 'persona' };

function group(table: DataTable, stage: string, touchpoint = '', persona = '') {
    return [...table.groups.values()].find(g => g.stage === stage && g.touchpoint === touchpoint && g.persona === persona);
}

describe('reading CSV', () => {
    test('quoted fields keep their separators, quotes and line breaks; a byte order mark is not part of the first column', async () => {
        const csv = '\uFEFFstage,touchpoint,persona,score,comment\r\n'
            + 'Buy,Checkout,Colleen,4,"Fine, mostly"\r\n'
            + 'Buy,Checkout,Colleen,2,"Said ""never again""\r\nand left"\r\n'
            + '"Buy","Checkout","Colleen","3",\r\n';
        const table = await readCsv([csv], KEYS);
        expect(table.columns).toEqual(['stage', 'touchpoint', 'persona', 'score', 'comment']);
        expect(table.rows).toBe(3);
        expect(group(table, 'Buy', 'Checkout', 'Colleen')!.measures.get('score')).toEqual({ sum: 9, n: 3 });
        // The comments are text: counted as not numbers, never mistaken for rows.
        expect(table.nonNumeric.get('comment')!.count).toBe(2);
    });

    test('a semicolon-separated export from a Nordic spreadsheet, with decimal commas', async () => {
        const table = await readCsv(['vaihe;tyytyväisyys;osuus\nOsto;3,5;12 %\nOsto;4,5;"14,0 %"\n'], { stage: 'vaihe' });
        expect(table.delimiter).toBe(';');
        expect(group(table, 'Osto')!.measures.get('tyytyväisyys')).toEqual({ sum: 8, n: 2 });
        expect(group(table, 'Osto')!.measures.get('osuus')).toEqual({ sum: 26, n: 2 });
    });

    test('tabs and pipes are recognised from the header; separators inside quotes do not count', () => {
        expect(detectDelimiter('stage\ttouchpoint\tscore')).toBe('\t');
        expect(detectDelimiter('stage|score')).toBe('|');
        expect(detectDelimiter('"a;b;c",stage,score')).toBe(',');
    });

    test('text arriving in pieces that split a line, a quoted value and a multi-byte character reads the same as whole', async () => {
        const csv = 'stage;persona;score;note\n' + Array.from({ length: 50 }, (_, i) => `Köp;Åsa;${i % 5 + 1};"rad ${i};\nnästa"\n`).join('');
        const bytes = new TextEncoder().encode(csv);
        const pieces: Uint8Array[] = [];
        for (let offset = 0; offset < bytes.length; offset += 7) pieces.push(bytes.slice(offset, offset + 7));
        const whole = await readCsv([csv], { stage: 'stage', persona: 'persona' });
        const split = await readCsv(pieces, { stage: 'stage', persona: 'persona' });
        expect(split.rows).toBe(50);
        expect(group(split, 'Köp', '', 'Åsa')!.measures.get('score')).toEqual(group(whole, 'Köp', '', 'Åsa')!.measures.get('score'));
        expect(group(split, 'Köp', '', 'Åsa')!.measures.get('score')).toEqual({ sum: 150, n: 50 });
    });

    test('an empty file, or one of blank lines, says what a data file needs', async () => {
        await expect(readCsv([''], KEYS)).rejects.toThrow(/The file is empty: it needs a header line/);
        await expect(readCsv(['\n\n  \n'], KEYS)).rejects.toThrow(/The file is empty/);
    });

    test('a header without rows is a table with no rows, not an error', async () => {
        const table = await readCsv(['stage,score\n'], { stage: 'stage' });
        expect(table.rows).toBe(0);
        expect(table.columns).toEqual(['stage', 'score']);
    });

    test('a quote never closed is named with its line', async () => {
        const error = await readCsv(['stage,score,note\nBuy,3,"fine\nBuy,4,ok\n'], { stage: 'stage' }).catch(e => e);
        expect(error).toBeInstanceOf(DataFileError);
        expect(error.message).toMatch(/A quoted value on line \d+ is never closed: add the closing quote/);
    });

    test('rows with fewer or more values than the header are read as far as they go', async () => {
        const table = await readCsv(['stage,score,extra\nBuy,3\nBuy,5,1,surplus\n'], { stage: 'stage' });
        expect(group(table, 'Buy')!.measures.get('score')).toEqual({ sum: 8, n: 2 });
    });

    test('a large file (10 MB) is summed into its groups without keeping the rows', async () => {
        const stages = ['Awareness', 'Consideration', 'Purchase', 'Use'];
        const header = 'respondent;stage;touchpoint;persona;satisfaction;comment\n';
        const line = (i: number) => `R${i};${stages[i % 4]};Step ${i % 10};${i % 3 === 0 ? 'Colleen' : 'Ivan'};${i % 5 + 1};"A comment; with ""quotes"" and text to make the row longer than a short one"\n`;
        let rows = 0;
        let size = 0;
        function* chunks() {
            yield header;
            while (size < 10 * 1024 * 1024) {
                let chunk = '';
                for (let i = 0; i < 1000; i++) chunk += line(rows++);
                size += chunk.length;
                yield chunk;
            }
        }
        const table = await readCsv(chunks(), KEYS);
        expect(table.rows).toBe(rows);
        const total = [...table.groups.values()].reduce((sum, g) => sum + g.measures.get('satisfaction')!.n, 0);
        expect(total).toBe(rows);
        // A stage meets 5 of the 10 steps (row number mod 20), each with both personas.
        expect(table.groups.size).toBe(40);
    }, 60_000);
});

describe('numbers as spreadsheets write them', () => {
    test.each([
        ['3', 3], ['-1.5', -1.5], ['3,5', 3.5], ['12 %', 12], ['12%', 12], [' 4 ', 4], [7, 7]
    ])('%s reads as %s', (value, expected) => expect(readNumber(value)).toBe(expected));
    test.each([['1,234.5'], ['1 234'], ['n/a'], ['three'], ['4 stars']])('%s is not a number', value => expect(readNumber(value)).toBeNull());
    test('an empty value is no value at all', () => {
        expect(readNumber('')).toBeUndefined();
        expect(readNumber('  ')).toBeUndefined();
        expect(readNumber(null)).toBeUndefined();
    });
});

describe('reading JSON', () => {
    test('an array of objects, one per row, with numbers or numeric text', () => {
        const table = readJson('[{"stage": "Buy", "score": 4}, {"stage": "Buy", "score": "2"}, {"stage": "Use", "score": null}]', { stage: 'stage' });
        expect(table.columns).toEqual(['stage', 'score']);
        expect(group(table, 'Buy')!.measures.get('score')).toEqual({ sum: 6, n: 2 });
        expect(group(table, 'Use')!.measures.get('score')).toBeUndefined();
    });
    test.each([
        ['{"stage": "Buy"}', /must be an array of objects/],
        ['[1, 2]', /must be an array of objects/],
        ['[{"stage": "Buy",}]', /not valid JSON/]
    ])('%s is refused with what JSON data looks like', (json, message) => {
        expect(() => readJson(json, { stage: 'stage' })).toThrow(message);
    });
});

describe('data files', () => {
    const map = URI.parse('file:///work/maps/shop.journey');
    test.each([
        ['https://example.com/survey.csv', /workspace only, never from the network/],
        ['/home/ana/survey.csv', /absolute path, which only works on one machine/],
        ['C:\\Users\\ana\\survey.csv', /absolute path/],
        ['research/survey.xlsx', /not a data file this map can read: name a CSV file/],
        ['  ', /path is empty/],
        ['survey\uD800.csv', /broken character/]
    ])('%s is refused', (path, problem) => {
        const resolved = new DataSets().resolve(map, path);
        expect('problem' in resolved && resolved.problem).toMatch(problem);
    });

    test('a path is relative to the map, in either kind of slash', () => {
        expect((new DataSets().resolve(map, 'research/q3.csv') as URI).path).toBe('/work/maps/research/q3.csv');
        expect((new DataSets().resolve(map, '..\\data\\q3.tsv') as URI).path).toBe('/work/data/q3.tsv');
    });

    test('a file is read once until it changes; forgetting it reads it again', async () => {
        const files = new MemoryDataFiles();
        const dataSets = new DataSets(files);
        const uri = URI.parse('file:///work/maps/q3.csv');
        files.write('/work/maps/q3.csv', 'stage,score\nBuy,4\n');
        const [first, second] = await Promise.all([dataSets.load(uri, { stage: 'stage' }), dataSets.load(uri, { stage: 'stage' })]);
        expect(first).toBe(second);
        expect(await dataSets.load(uri, { stage: 'stage' })).toBe(first);
        expect(files.reads.get('/work/maps/q3.csv')).toBe(1);
        expect(dataSets.peek(uri, { stage: 'stage' })).toBe(first);

        files.write('/work/maps/q3.csv', 'stage,score\nBuy,2\n');
        const changed = await dataSets.load(uri, { stage: 'stage' });
        expect(changed.ok && dataSets.value(changed.table, 'score', { stage: ['buy'] })).toEqual({ mean: 2, n: 1 });
        expect(dataSets.forget(uri)).toBe(true);
        expect(dataSets.peek(uri, { stage: 'stage' })).toBeUndefined();
        await dataSets.load(uri, { stage: 'stage' });
        expect(files.reads.get('/work/maps/q3.csv')).toBe(3);

        files.delete('/work/maps/q3.csv');
        const gone = await dataSets.load(uri, { stage: 'stage' });
        expect(!gone.ok && gone.missing).toBe(true);
    });
});

describe('the mapping onto the map\'s scale', () => {
    test.each([
        [1, { low: 1, high: 5 }, -3], [5, { low: 1, high: 5 }, 3], [3, { low: 1, high: 5 }, 0],
        [4.2, { low: 1, high: 5 }, 1.8], [0, { low: 0, high: 10 }, -3], [7.5, { low: 0, high: 10 }, 1.5], [-100, { low: -100, high: 100 }, -3]
    ])('a mean of %s on %o is %s', (mean, scale, score) => expect(toEmotionScore(mean, scale)).toBe(score));
});

// ---------------------------------------------------------------- the language

let files: MemoryDataFiles;
let services: Awaited<ReturnType<typeof createTestServices>>;
beforeAll(async () => {
    files = new MemoryDataFiles();
    services = await createTestServices({ dataFiles: files });
});
afterEach(async () => {
    await services.reset();
    services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { journey: {} } });
});

const SURVEY = 'respondent;stage;touchpoint;segment;satisfaction;comment\n'
    + 'R1;Purchase;Web checkout;Curious Colleen;2;"Why an account?"\n'
    + 'R2;Purchase;Web checkout;Colleen;1;\n'
    + 'R3;Purchase;Web checkout;Colleen;2;"slow;\nvery slow"\n'
    + 'R4;Purchase;Web checkout;Ivan;5;\n'
    + 'R5;Purchase;Store visit;Colleen;4;\n'
    + 'R6;Use;First use;Colleen;n/a;\n';
const ANALYTICS = 'week,stage,step,conversion\n2026-W27,Purchase,Web checkout,2.0\n2026-W28,Purchase,Web checkout,2.4\n2026-W28,Purchase,Web checkout,\n';

/** A map at /maps/shop.journey with two data blocks; `checkout` is the body of the web checkout touchpoint. */
function shop(checkout: string, { survey = 'research/survey.csv', extra = '', stageKpi = '' } = {}): string {
    return `persona Colleen "Curious Colleen" { }\npersona Ivan { }\njourney Shop {\n    personas Colleen, Ivan\n    review 2099-01-01\n`
        + `    data Survey "${survey}" {\n        stage "stage"\n        touchpoint "touchpoint"\n        persona "segment"\n        emotion "satisfaction" scale 1..5\n${extra}    }\n`
        + `    data Analytics "research/analytics.csv" {\n        stage "stage"\n        touchpoint "step"\n        kpi "Conversion" "conversion"\n    }\n`
        + `    stage Purchase {\n${stageKpi}        touchpoint Checkout "Web checkout" {\n            channel web\n${checkout}        }\n`
        + `        touchpoint Store "Store visit" {\n            channel store\n            emotion Colleen 1\n        }\n    }\n`
        + `    stage Use {\n        touchpoint FirstUse "First use" {\n            channel product\n            emotion Colleen 1\n        }\n    }\n}\n`;
}

function writeData(survey = SURVEY, analytics = ANALYTICS) {
    files.write('/maps/research/survey.csv', survey);
    files.write('/maps/research/analytics.csv', analytics);
}

/** The map validated afresh at /maps/shop.journey; an earlier one there is removed first. */
async function problems(source: string) {
    await services.reset();
    const document = await services.validate(source, 'file:///maps/shop.journey');
    return { document, messages: (document.diagnostics ?? []).map(d => ({ severity: d.severity, code: d.code, message: text(d.message), line: d.range.start.line + 1 })) };
}

/** Applies the preferred fix of the one diagnostic with the code, on the map at /maps/shop.journey. */
async function fix(source: string, code: string, after: string) {
    const { document } = await problems(source);
    const diagnostics = document.diagnostics!.filter(d => d.code === code);
    expect(diagnostics).toHaveLength(1);
    const actions = await services.Journey.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: document.textDocument.uri }, range: diagnostics[0].range, context: { diagnostics } });
    const preferred = (actions ?? []).find(action => 'isPreferred' in action && action.isPreferred) as CodeAction;
    expect(TextDocument.applyEdits(document.textDocument, preferred.edit!.changes![document.textDocument.uri])).toBe(after);
}

const CHECKOUT_BOUND = '            emotion Colleen from Survey "satisfaction"\n            emotion Ivan from Survey "satisfaction"\n            kpi "Conversion" from Analytics "conversion" %\n';

describe('emotions and KPIs read from data', () => {
    test('the mean of the matching rows, on -3..+3, with n and source in the view model; the persona key may be a segment column', async () => {
        writeData();
        const { document, messages } = await problems(shop(CHECKOUT_BOUND));
        expect(messages.filter(m => m.code?.toString().startsWith('data-'))).toEqual([
            // R6's n/a, said once on the data block; R3's comment spans lines 4 and 5.
            expect.objectContaining({ code: DataIssueCodes.DataNotNumeric, line: 6, message: '1 value in the column \'satisfaction\' of research/survey.csv is not a number (first on line 8: \'n/a\'), so it is left out of the means. Write numbers such as 4, 3.5 or 3,5.' })
        ]);
        const model = services.Journey.model.ViewModelBuilder.build(document);
        const checkout = model.journeys[0].stages[0].touchpoints[0];
        // Colleen's rows (by name or label): 2, 1, 2 on 1..5, a mean of 1.67, a sixth of the way up: -2.
        expect(checkout.emotions.find(e => e.persona === 'Colleen')).toMatchObject({
            score: -2, data: { source: 'Survey', file: 'research/survey.csv', column: 'satisfaction', n: 3, scale: { low: 1, high: 5 } }
        });
        expect(checkout.emotions.find(e => e.persona === 'Colleen')!.data!.mean).toBeCloseTo(5 / 3);
        expect(checkout.emotions.find(e => e.persona === 'Ivan')).toMatchObject({ score: 3, data: { n: 1, mean: 5 } });
        // The empty value of week 28 is no value: the mean of 2.0 and 2.4, over two weeks.
        expect(checkout.kpis[0]).toMatchObject({ label: 'Conversion', value: 2.2, unit: '%', data: { source: 'Analytics', column: 'conversion', n: 2 } });
        // The lane averages count data-backed points like the others.
        const lane = model.journeys[0].emotionLanes.find(l => l.persona === 'Colleen')!;
        expect(lane.points.map(p => p.score)).toEqual([-2, 1, 1]);
    });

    test('an emotion\'s own scale overrides the data block\'s', async () => {
        writeData();
        const { document } = await problems(shop('            emotion Ivan from Survey "satisfaction" scale 0..10\n'));
        const point = services.Journey.model.ViewModelBuilder.build(document).journeys[0].stages[0].touchpoints[0].emotions[0];
        expect(point).toMatchObject({ score: 0, data: { mean: 5, scale: { low: 0, high: 10 } } });
    });

    test('without a touchpoint column, the rows of the whole stage count', async () => {
        writeData('stage;segment;satisfaction\nPurchase;Colleen;5\nPurchase;Colleen;3\nUse;Colleen;4\n');
        const source = shop('            emotion Colleen from Survey "satisfaction"\n').replace('        touchpoint "touchpoint"\n', '');
        const { document, messages } = await problems(source);
        expect(messages.filter(m => m.code?.toString().startsWith('data-'))).toEqual([]);
        const point = services.Journey.model.ViewModelBuilder.build(document).journeys[0].stages[0].touchpoints[0].emotions[0];
        expect(point).toMatchObject({ score: 1.5, data: { n: 2, mean: 4 } });
    });

    test('hover shows the value with its basis, before the map was validated too', async () => {
        writeData();
        const source = shop(CHECKOUT_BOUND);
        const index = source.indexOf('touchpoint Checkout') + 'touchpoint Che'.length;
        await expectHover(services.Journey)({
            text: source.slice(0, index) + '<|>' + source.slice(index), index: 0, parseOptions: { documentUri: 'file:///maps/shop.journey' },
            hover: /emotion of Colleen: -2 \(negative\), from data `Survey` \(research\/survey\\\.csv, 'satisfaction': mean 1\.67 on 1\.\.5, n = 3\)[\s\S]*KPI Conversion: 2\.2 %, from data `Analytics`.*n = 2\)/
        });
    });

    test('hover on a data block says what the file holds', async () => {
        writeData();
        const source = shop(CHECKOUT_BOUND);
        const index = source.indexOf('data Survey') + 'data Sur'.length;
        await expectHover(services.Journey)({
            text: source.slice(0, index) + '<|>' + source.slice(index), index: 0, parseOptions: { documentUri: 'file:///maps/shop.journey' },
            hover: /^\*\*Data\*\* `Survey`: research\/survey\\\.csv\n\nRows say the stage in 'stage', touchpoint in 'touchpoint', persona in 'segment'\.\n\n6 rows; columns: 'respondent', 'stage'/
        });
    });

    test('completion offers the file\'s columns after a data source\'s name', async () => {
        writeData();
        // The file is read when the map is validated; completion uses what was read.
        await problems(shop(CHECKOUT_BOUND));
        await services.reset();
        const options = { parseOptions: { documentUri: 'file:///maps/shop.journey' } };
        await expectCompletion(services.Journey)({
            text: shop('            emotion Ivan from Survey <|>\n'), index: 0, ...options,
            assert: completions => expect(completions.items.map(item => item.label)).toEqual(['"respondent"', '"stage"', '"touchpoint"', '"segment"', '"satisfaction"', '"comment"'])
        });
        await services.reset();
        await expectCompletion(services.Journey)({
            text: shop('').replace('kpi "Conversion" "conversion"', 'kpi "Conversion" "con<|>'), index: 0, ...options,
            assert: completions => expect(completions.items.map(item => item.label)).toContain('"conversion"')
        });
    });
});

describe('what is wrong with the data, said where it can be fixed', () => {
    test('a missing file', async () => {
        writeData();
        const { messages } = await problems(shop(CHECKOUT_BOUND, { survey: 'research/survey-q4.csv' }));
        expect(messages).toContainEqual(expect.objectContaining({
            severity: 1, code: DataIssueCodes.DataFile, line: 6,
            message: 'The data file "research/survey-q4.csv" is not there. There is no file survey-q4.csv in /maps/research. Check the path: it is relative to this map.'
        }));
        // Said once, on the block: the emotions bound to it add nothing.
        expect(messages.filter(m => m.severity === 1)).toHaveLength(1);
    });

    test('a file that is not CSV it can read names the line', async () => {
        writeData('stage;satisfaction\nPurchase;"3\n');
        const { messages } = await problems(shop(''));
        expect(messages).toContainEqual(expect.objectContaining({ code: DataIssueCodes.DataFile, message: expect.stringMatching(/^"research\/survey\.csv" \(line \d\): A quoted value on line \d is never closed/) }));
    });

    test('a column the file lacks, with the closest one and a fix', async () => {
        writeData();
        const source = shop('            emotion Colleen from Survey "satisfation"\n');
        const { messages } = await problems(source);
        expect(messages).toContainEqual(expect.objectContaining({
            severity: 1, code: DataIssueCodes.DataColumn,
            message: 'research/survey.csv has no column \'satisfation\'. Did you mean \'satisfaction\'? Its columns: \'respondent\', \'stage\', \'touchpoint\', \'segment\', \'satisfaction\', \'comment\'.'
        }));
        await fix(source, DataIssueCodes.DataColumn, source.replace('"satisfation"', '"satisfaction"'));
    });

    test('a key column the file lacks is said on the data block', async () => {
        writeData();
        const { messages } = await problems(shop('', { extra: '' }).replace('touchpoint "step"', 'touchpoint "page"'));
        expect(messages).toContainEqual(expect.objectContaining({ code: DataIssueCodes.DataColumn, message: expect.stringMatching(/^research\/analytics.csv has no column 'page'\. Did you mean 'stage'\?|^research\/analytics.csv has no column 'page'\./) }));
    });

    test('a data block that names no stage column', async () => {
        writeData();
        const { messages } = await problems(shop('').replace('        stage "stage"\n        touchpoint "touchpoint"\n', ''));
        expect(messages).toContainEqual(expect.objectContaining({ severity: 2, code: DataIssueCodes.DataColumn, message: expect.stringMatching(/^Which column of research\/survey.csv names the stage each row is about\? Add 'stage "<column>"'/) }));
    });

    test('rows that fit nowhere on the map are counted, and the commonest named', async () => {
        writeData(SURVEY
            + 'R7;Purchase;Phone order;Colleen;3;\nR8;Purchase;Phone order;Colleen;3;\n'
            + 'R9;Delivery;Parcel;Colleen;3;\nR10;Use;First use;Maja;3;\nR11;Return;Form;Colleen;3;\nR12;Repair;Form;Colleen;3;\n');
        const { messages } = await problems(shop(''));
        expect(messages).toContainEqual(expect.objectContaining({
            severity: 2, code: DataIssueCodes.DataUnmatched,
            message: '6 rows of 12 rows in research/survey.csv fit nowhere on this map: touchpoint \'Phone order\' in stage \'Purchase\' (2 rows), stage \'Delivery\' (1 row), persona \'Maja\' (1 row) and 2 more. Fix the spelling in the file or in the map, or add what is missing; stages, touchpoints and personas match by name or label.'
        }));
    });

    test('a value with no rows behind it (n = 0)', async () => {
        writeData();
        const { document, messages } = await problems(shop(CHECKOUT_BOUND).replace('emotion Colleen 1\n        }\n    }\n    stage Use', 'emotion Colleen 1\n            emotion Ivan from Survey "satisfaction"\n        }\n    }\n    stage Use'));
        expect(messages).toContainEqual(expect.objectContaining({
            severity: 2, code: DataIssueCodes.DataEmpty,
            message: 'No row of research/survey.csv has a value in \'satisfaction\' for touchpoint \'Store visit\' and persona \'Ivan\' (n = 0), so the map shows no value here. Check that the file names the stage, touchpoint and persona as the map does (by name or label).'
        }));
        // No made-up point where there is no data.
        const store = services.Journey.model.ViewModelBuilder.build(document).journeys[0].stages[0].touchpoints[1];
        expect(store.emotions.map(e => e.persona)).toEqual(['Colleen']);
    });

    test('an emotion read from data needs the answers\' scale, lowest first', async () => {
        writeData();
        const noScale = await problems(shop('            emotion Colleen from Survey "comment"\n'));
        expect(noScale.messages).toContainEqual(expect.objectContaining({ severity: 1, code: DataIssueCodes.DataScale, message: expect.stringMatching(/^On what scale are the answers in 'comment' given\? Add it after the column, such as 'scale 1..5'/) }));
        const reversed = await problems(shop('            emotion Colleen from Survey "satisfaction" scale 5..1\n'));
        expect(reversed.messages).toContainEqual(expect.objectContaining({ severity: 1, code: DataIssueCodes.DataScale, message: 'The scale 5..1 runs the wrong way: write the lowest answer first, such as \'scale 1..5\'.' }));
    });

    test('a data source that does not exist is a linking error', async () => {
        writeData();
        const { messages } = await problems(shop('            emotion Colleen from Surveys "satisfaction"\n'));
        expect(messages.some(m => m.severity === 1 && /Surveys/.test(m.message))).toBe(true);
    });

    test('data only from the workspace: a URL is refused', async () => {
        writeData();
        const { messages } = await problems(shop('', { survey: 'https://example.com/survey.csv' }));
        expect(messages).toContainEqual(expect.objectContaining({ severity: 1, code: DataIssueCodes.DataFile, message: expect.stringMatching(/workspace only, never from the network/) }));
    });
});

describe('drift between what the map says and what the data says', () => {
    const handWritten = '            emotion Colleen +1\n            emotion Ivan +3\n';
    test('a hand-written emotion far from the data is a warning with both numbers, and two fixes', async () => {
        writeData();
        const source = shop(handWritten);
        const { messages } = await problems(source);
        const drift = messages.filter(m => m.code === DataIssueCodes.DataDrift);
        // Colleen: +1 against -1.7; Ivan's +3 agrees with his one answer of 5.
        expect(drift).toEqual([expect.objectContaining({
            severity: 2, line: source.split('\n').findIndex(l => l.includes('emotion Colleen +1')) + 1,
            message: 'This map says +1, but Survey (research/survey.csv) says -2 (mean 1.67 on 1..5, n = 3): 3 apart, more than the drift allowed (1). Take the data\'s value, or read the emotion from the data so it stays current.'
        })]);
        await fix(source, DataIssueCodes.DataDrift, source.replace('emotion Colleen +1', 'emotion Colleen -2'));
        const { document } = await problems(source);
        const diagnostic = document.diagnostics!.find(d => d.code === DataIssueCodes.DataDrift)!;
        const actions = await services.Journey.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: document.textDocument.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
        expect((actions ?? []).map(a => a.title)).toEqual(['Take the data\'s value: -2', 'Read it from the data: from Survey "satisfaction"']);
    });

    test('binding the emotion to the data settles the drift', async () => {
        writeData();
        const { messages } = await problems(shop(handWritten.replace('+1', 'from Survey "satisfaction"')));
        expect(messages.filter(m => m.code === DataIssueCodes.DataDrift)).toEqual([]);
    });

    test('a hand-written KPI far from the data, in per cent of the data\'s value', async () => {
        writeData();
        const source = shop('', { stageKpi: '        kpi "Conversion" 3.1 % target 3.5\n' });
        const { messages } = await problems(source);
        expect(messages.filter(m => m.code === DataIssueCodes.DataDrift)).toEqual([expect.objectContaining({
            severity: 2,
            message: 'This map says 3.1, but Analytics (research/analytics.csv) says 2.2 (mean of \'conversion\', n = 2): 41 % apart, more than the drift allowed (10 %). Take the data\'s value, or read the KPI from the data so it stays current.'
        })]);
        await fix(source, DataIssueCodes.DataDrift, source.replace('3.1 %', '2.2 %'));
    });

    test('the thresholds are settings', async () => {
        writeData();
        services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { journey: { data: { emotionDrift: 3, kpiDrift: 50 } } } });
        const { messages } = await problems(shop(handWritten, { stageKpi: '        kpi "Conversion" 3.1 % target 3.5\n' }));
        expect(messages.filter(m => m.code === DataIssueCodes.DataDrift)).toEqual([]);
    });

    test('the data changes: the same map drifts, then agrees', async () => {
        writeData(SURVEY.replace(/;Colleen;[12];/g, ';Colleen;4;'));
        expect((await problems(shop(handWritten))).messages.filter(m => m.code === DataIssueCodes.DataDrift)).toEqual([]);
        await services.reset();
        writeData();
        expect((await problems(shop(handWritten))).messages.filter(m => m.code === DataIssueCodes.DataDrift)).toHaveLength(1);
    });
});

describe('actions past their due date', () => {
    const withAction = (due: string) => `journey Shop {\n    review 2099-01-01\n    stage Buy {\n        touchpoint Pay { channel web }\n        pain Slow "Slow" { }\n    }\n`
        + `    opportunity Faster "Faster checkout" { addresses Slow }\n    action Prototype "Prototype it" {\n        for Faster\n        owner "Ana"\n        due ${due}\n    }\n}\n`;

    test('a warning names the action and the date, with a fix; a date to come says nothing', async () => {
        const source = withAction('2020-05-01');
        const overdue = await services.validate(source);
        expect(overdue.diagnostics!.filter(d => d.code === IssueCodes.OverdueAction).map(d => text(d.message))).toEqual([
            'Action \'Prototype\' was due on 2020-05-01. If it is done, remove it or note the result in the map; if not, agree a new due date with its owner.'
        ]);
        const next = new Date();
        next.setUTCMonth(next.getUTCMonth() + 1);
        await testCodeAction(services.Journey)(source, IssueCodes.OverdueAction, source.replace('2020-05-01', next.toISOString().slice(0, 10)));
        expect((await services.validate(withAction('2099-05-01'))).diagnostics!.filter(d => d.code === IssueCodes.OverdueAction)).toEqual([]);
    });

    test('a setting turns the warning off', async () => {
        services.shared.workspace.ConfigurationProvider.updateConfiguration({ settings: { journey: { validation: { overdueActions: false } } } });
        expect((await services.validate(withAction('2020-05-01'))).diagnostics!.filter(d => d.code === IssueCodes.OverdueAction)).toEqual([]);
    });
});
