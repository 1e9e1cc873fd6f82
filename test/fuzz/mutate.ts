/**
 * Seeded, reproducible hostile text for the journey language: mutations of the examples (for the fuzz
 * test and `npm run fuzz`) and very large or strange files (for the size tests). A fuzz case is a pure
 * function of (seed, case number), so any failure can be replayed on its own.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AstUtils, GrammarAST } from 'langium';
import { JourneyMapGrammar } from '../../src/language/generated/grammar.js';

/** A small, fast, seedable generator (mulberry32): the same seed gives the same cases on every machine. */
export class Random {
    private state: number;

    constructor(seed: number) {
        this.state = seed >>> 0;
    }

    /** A float in [0, 1). */
    next(): number {
        let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }

    /** An integer in [0, max). */
    int(max: number): number {
        return Math.floor(this.next() * max);
    }

    chance(probability: number): boolean {
        return this.next() < probability;
    }

    pick<T>(items: readonly T[]): T {
        return items[this.int(items.length)];
    }

    /** Mostly small numbers, sometimes large ones: lengths of deleted or copied ranges. */
    length(max: number): number {
        const scale = this.pick([4, 16, 64, 512, max]);
        return 1 + this.int(Math.min(scale, max));
    }
}

/** The generator of case `index` of a run with `seed`, independent of every other case. */
export function caseRandom(seed: number, index: number): Random {
    let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
    h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
    return new Random(h ^ (h >>> 15));
}

/** Every keyword and punctuation mark of the grammar, read from the grammar itself. */
export const GRAMMAR_TOKENS: readonly string[] = AstUtils.streamAllContents(JourneyMapGrammar())
    .filter(GrammarAST.isKeyword).map(keyword => keyword.value).distinct().toArray();

/** Tokens of the terminal rules, valid and almost valid. */
const TERMINAL_SAMPLES = [
    'Colleen', 'Awareness', 'X', '_', 'Ähre', 'ɏ', 'a1', '1a', '"text"', '""', "'single'", '"a \\"quoted\\" word"', '"\\\\"', '"\\n"',
    '"unclosed', "'", '"', '0', '+3', '-3', '+4', '-0', '1.5', '.5', '2027-03-31', '2026-02-30', '0000-00-00', '9999-99-99',
    '//', '/*', '*/', '/* comment */', '// comment\n', '\\', '%'
];

/** Text that editors, terminals and parsers get wrong. */
export const STRANGE_TEXT: readonly string[] = [
    '\0', '\u0001', '\u0007', '\u001b[31m', '\u007f', '\uFEFF', '\u200B', '\u200D', '\u202E', '\u2066', '\u00A0', '\u3000',
    '\r', '\r\n', '\n\r', '\u2028', '\u2029', '\u0085', '\t', '\v', '\f',
    '😀', '👨‍👩‍👧', '🏳️‍🌈', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢', 'e\u0301', 'ﷺ', 'مرحبا بالعالم', 'שלום עולם', 'ابحث عن مكنسة', '中文', '한국어', 'Ω≈ç√',
    '\uD800', '\uDC00', '\uDBFF\uDFFF', '\uFFFD', '\uFFFF', 'ǅ', 'İ', 'ß',
    '%%{init: {"theme": "dark"}}%%', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '${1:Name}', '{{x}}', '`code`',
    '&lt;', '&#0;', '-->', ']]>', '\\u0000', '\\', '\\\\', '\\"', '\\n', 'null', 'undefined', '__proto__', 'constructor', 'toString'
];

const WHITESPACE = [' ', '  ', '\t', '\n', '\r\n', '\n\n\n', '', ' \n ', '\r', '\t\n\t'];

export interface Source {
    name: string;
    text: string;
}

/**
 * The examples as self-contained files: each journey with the personas (and, for a future state, the
 * current state) it refers to, so that a case is one document and every edit stays inside it.
 */
export function exampleSources(): Source[] {
    const folder = path.resolve(__dirname, '../../examples');
    const read = (file: string) => fs.readFileSync(path.join(folder, file), 'utf8');
    const files = fs.readdirSync(folder).filter(file => file.endsWith('.journey')).sort();
    // Only the personas a journey names, to keep cases small and fast.
    const personas = read('personas.journey').split(/^(?=persona )/m).slice(1);
    return files.map(file => {
        const journeys = /^\s*improves\s+VacuumCurrent/m.test(read(file)) ? [read('vacuum-current.journey'), read(file)] : [read(file)];
        const named = file === 'personas.journey' ? [] : personas.filter(persona => journeys.some(journey => new RegExp(`\\b${persona.split(/\s+/)[1]}\\b`).test(journey)));
        return { name: file, text: [...named, ...journeys].join('\n') };
    });
}

export interface FuzzCase {
    seed: number;
    index: number;
    source: string;
    /** What was done to the source, for the failure report. */
    steps: string[];
    text: string;
    /** The case's generator, to go on choosing offsets and names reproducibly. */
    random: Random;
}

export function fuzzCase(seed: number, index: number, sources: readonly Source[]): FuzzCase {
    const random = caseRandom(seed, index);
    const source = random.pick(sources);
    const steps: string[] = [];
    let text = source.text;
    // Half the cases keep only some stages: smaller files run faster, so more cases fit in the same time.
    if (random.chance(0.5)) {
        const cropped = keepSomeStages(text, random);
        text = cropped.text;
        steps.push(cropped.step);
    }
    // Some cases keep to whitespace, comments and whole lines, so they still parse and test that formatting keeps the meaning.
    const gentle = random.chance(0.3);
    const count = 1 + (random.chance(0.5) ? 0 : random.length(8));
    for (let i = 0; i < count; i++) {
        const mutation = random.pick(gentle ? GENTLE : MUTATIONS);
        const result = mutation(text, random);
        text = result.text;
        steps.push(result.step);
    }
    return { seed, index, source: source.name, steps, text, random };
}

type Mutation = (text: string, random: Random) => { text: string; step: string };

/** Keeps a random run of one to three stages of each journey (the examples are formatted, so stages start at four spaces). */
function keepSomeStages(text: string, random: Random): { text: string; step: string } {
    const stages = [...text.matchAll(/^ {4}stage [\s\S]*?^ {4}\}\r?\n/gm)];
    if (stages.length < 2) return { text, step: 'keep all stages' };
    const first = random.int(stages.length);
    const kept = new Set(stages.slice(first, first + 1 + random.int(3)));
    let result = '';
    let from = 0;
    for (const stage of stages) {
        result += text.slice(from, stage.index);
        if (kept.has(stage)) result += stage[0];
        from = stage.index! + stage[0].length;
    }
    return { text: result + text.slice(from), step: `keep stages ${first + 1} to ${first + kept.size} of ${stages.length}` };
}

const flipBit: Mutation = (text, random) => {
    if (text.length === 0) return { text, step: 'flip (empty)' };
    const at = random.int(text.length);
    // Mostly the low byte (ASCII noise, control characters); sometimes the high byte (any BMP character, surrogates included).
    const bit = random.chance(0.8) ? random.int(8) : 8 + random.int(8);
    const flipped = String.fromCharCode(text.charCodeAt(at) ^ (1 << bit));
    return { text: text.slice(0, at) + flipped + text.slice(at + 1), step: `flip bit ${bit} at ${at}` };
};

const truncate: Mutation = (text, random) => {
    const at = random.int(text.length + 1);
    return { text: text.slice(0, at), step: `truncate at ${at}` };
};

const deleteRange: Mutation = (text, random) => {
    const at = random.int(text.length + 1);
    const length = random.length(text.length);
    return { text: text.slice(0, at) + text.slice(at + length), step: `delete ${length} at ${at}` };
};

const duplicateRange: Mutation = (text, random) => {
    const from = random.int(text.length + 1);
    const copy = text.slice(from, from + random.length(text.length));
    const to = random.chance(0.5) ? from + copy.length : random.int(text.length + 1);
    return { text: text.slice(0, to) + copy + text.slice(to), step: `copy ${copy.length} from ${from} to ${to}` };
};

const insertToken: Mutation = (text, random) => {
    const at = random.int(text.length + 1);
    const token = random.chance(0.7) ? random.pick(GRAMMAR_TOKENS) : random.pick(TERMINAL_SAMPLES);
    const padded = random.chance(0.7) ? ` ${token} ` : token;
    return { text: text.slice(0, at) + padded + text.slice(at), step: `insert ${JSON.stringify(padded)} at ${at}` };
};

const replaceWord: Mutation = (text, random) => {
    const words = [...text.matchAll(/[\w\u00C0-\u024F-]+/g)];
    if (words.length === 0) return insertToken(text, random);
    const word = random.pick(words);
    const token = random.pick(GRAMMAR_TOKENS);
    return { text: text.slice(0, word.index) + token + text.slice(word.index! + word[0].length), step: `replace ${JSON.stringify(word[0])} at ${word.index} with ${JSON.stringify(token)}` };
};

const insertStrange: Mutation = (text, random) => {
    const at = random.int(text.length + 1);
    const strange = random.pick(STRANGE_TEXT).repeat(random.chance(0.9) ? 1 : random.length(100));
    return { text: text.slice(0, at) + strange + text.slice(at), step: `insert ${JSON.stringify(strange.slice(0, 40))} at ${at}` };
};

/** Somewhere inside a quoted label: injection attempts and escapes land in the view model's strings. */
const insertIntoLabel: Mutation = (text, random) => {
    const labels = [...text.matchAll(/"(?:\\.|[^"\\\r\n])*"/g)];
    if (labels.length === 0) return insertStrange(text, random);
    const label = random.pick(labels);
    const at = label.index! + 1 + random.int(label[0].length - 1);
    const strange = random.pick([...STRANGE_TEXT.filter(s => !/[\r\n\u2028\u2029\u0085"\\]/.test(s)), '\\"', '\\\\', '\\n', '\\t', '\\u0041']);
    return { text: text.slice(0, at) + strange + text.slice(at), step: `insert ${JSON.stringify(strange)} into the label at ${label.index}` };
};

const lines = (text: string) => text.split(/(?<=\n)/);

const deleteLines: Mutation = (text, random) => {
    const all = lines(text);
    const at = random.int(all.length);
    const count = random.length(Math.min(all.length, 20));
    all.splice(at, count);
    return { text: all.join(''), step: `delete ${count} lines at line ${at + 1}` };
};

const duplicateLines: Mutation = (text, random) => {
    const all = lines(text);
    const from = random.int(all.length);
    const copy = all.slice(from, from + random.length(20));
    const to = random.chance(0.5) ? from + copy.length : random.int(all.length + 1);
    all.splice(to, 0, ...copy);
    return { text: all.join(''), step: `copy ${copy.length} lines from line ${from + 1} to line ${to + 1}` };
};

/** Changes a run of whitespace between tokens; words stay apart, so the text means the same. */
const reshapeWhitespace: Mutation = (text, random) => {
    const runs = [...text.matchAll(/[ \t]*\r?\n[ \t\r\n]*|[ \t]+/g)];
    if (runs.length === 0) return { text, step: 'whitespace (none)' };
    const run = random.pick(runs);
    const replacement = random.pick(WHITESPACE.filter(Boolean)) + (random.chance(0.2) ? '\r\n\t ' : '');
    return { text: text.slice(0, run.index) + replacement + text.slice(run.index! + run[0].length), step: `whitespace ${JSON.stringify(replacement)} at ${run.index}` };
};

const insertComment: Mutation = (text, random) => {
    const runs = [...text.matchAll(/\s+/g)];
    if (runs.length === 0) return { text, step: 'comment (no whitespace)' };
    const at = random.pick(runs).index!;
    const words = random.pick(['x', 'TODO: ask support', random.pick(STRANGE_TEXT).replace(/[\r\n\u2028\u2029\u0085]|\*\//g, ''), '{ } " \'']);
    const comment = random.chance(0.5) ? ` /* ${words} */ ` : ` // ${words}\n`;
    return { text: text.slice(0, at) + comment + text.slice(at), step: `comment ${JSON.stringify(comment)} at ${at}` };
};

const MUTATIONS: readonly Mutation[] = [
    flipBit, flipBit, truncate, deleteRange, deleteRange, duplicateRange, insertToken, insertToken, replaceWord,
    insertStrange, insertIntoLabel, deleteLines, duplicateLines, reshapeWhitespace, insertComment
];

const GENTLE: readonly Mutation[] = [reshapeWhitespace, reshapeWhitespace, reshapeWhitespace, insertComment, insertIntoLabel, duplicateLines, deleteLines];

// ---------------------------------------------------------------- large files

const PERSONAS = 'persona Colleen "Curious Colleen" {\n    goal "A vacuum that will not break"\n}\n\npersona Arjun "Admin Arjun" {\n    goal "Tools without help-desk work"\n}\n';

/**
 * One valid journey with `stages` stages of three touchpoints each, a named pain point per stage,
 * and an opportunity and an action per pain: about 850 bytes and 31 lines per stage.
 */
export function largeJourney(stages: number): string {
    const out = [PERSONAS, 'journey Big "A very large journey" {', '    personas Colleen, Arjun'];
    for (let s = 0; s < stages; s++) {
        out.push(`    stage S${s} "Stage ${s}" {`);
        for (let t = 0; t < 3; t++) {
            out.push(`        touchpoint T${s}_${t} "Touchpoint ${t} of stage ${s}" {`, '            channel web', `            does "Does thing ${t}"`,
                '            emotion Colleen +1', '            emotion Arjun -1', '        }');
        }
        out.push(`        pain P${s} "Pain ${s}" { evidence observed "interview ${s}" }`, `        next S${(s + 1) % stages}`, '    }');
    }
    for (let s = 0; s < stages; s++) out.push(`    opportunity O${s} "Fix ${s}" {`, '        impact high', '        effort low', `        addresses P${s}`, '    }');
    for (let s = 0; s < stages; s++) out.push(`    action A${s} "Do ${s}" {`, '        owner "Team"', `        for O${s}`, '    }');
    out.push('}', '');
    return out.join('\n');
}

/** A large journey of about `bytes` bytes. */
export function largeJourneyOfSize(bytes: number): string {
    return largeJourney(Math.max(1, Math.round(bytes / 850)));
}
