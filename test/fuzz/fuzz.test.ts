/**
 * Seeded fuzzing of the language services with mutated examples. `npm test` runs a fixed seed;
 * `npm run fuzz -- --cases N --seed S` runs more (scripts/fuzz.mjs passes them as FUZZ_CASES and FUZZ_SEED,
 * and `--case K` replays a single case). A failing case is written to test-results/fuzz/ to be kept
 * as a regression file in test/fuzz/regressions/, which runs here with every offset checked.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { createTestServices } from '../language/services.js';
import { exercise, type TestServices } from './exercise.js';
import { exampleSources, fuzzCase, Random } from './mutate.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const CASES = Number(process.env.FUZZ_CASES ?? 5000);
const ONLY_CASE = process.env.FUZZ_CASE === undefined ? undefined : Number(process.env.FUZZ_CASE);
/** The bound for one case (all services on one document). Typical cases take a few milliseconds. */
const CASE_LIMIT_MS = 2000;
const REGRESSIONS = path.resolve(__dirname, 'regressions');
const FAILED_CASES = path.resolve(__dirname, '../../test-results/fuzz');

let services: TestServices;
beforeAll(async () => { services = await createTestServices(); });

const sources = exampleSources();

describe('the examples, unmutated', () => {
    test.each(sources.map(source => [source.name, source.text]))('%s: every service, every quick fix, formatting keeps the meaning', async (_name, text) => {
        const report = await exercise(services, text, new Random(1), { offsets: 50, appliedFixes: Infinity });
        expect(report.parsesCleanly).toBe(true);
        expect(report.errors).toBe(0);
    });
});

describe('regressions found by fuzzing', () => {
    const files = fs.existsSync(REGRESSIONS) ? fs.readdirSync(REGRESSIONS).filter(file => file.endsWith('.journey')).sort() : [];
    test.each(files)('%s', async file => {
        await exercise(services, fs.readFileSync(path.join(REGRESSIONS, file), 'utf8'), new Random(1), { everyOffset: true });
    });
});

describe(`fuzzing with seed ${SEED}`, () => {
    const indexes = ONLY_CASE === undefined ? Array.from({ length: CASES }, (_, i) => i) : [ONLY_CASE];

    test(`${indexes.length} mutated examples: no exception, no case over ${CASE_LIMIT_MS} ms, meaning kept`, async () => {
        const failures: string[] = [];
        const stats = { cleanParses: 0, fixesChecked: 0, renames: 0, slowest: 0, slowestCase: -1 };
        const started = performance.now();
        for (const index of indexes) {
            // Let vitest's worker answer its own messages: a long run of resolved promises never yields otherwise.
            await new Promise(resolve => setImmediate(resolve));
            const fuzz = fuzzCase(SEED, index, sources);
            const caseStarted = performance.now();
            let failure: string | undefined;
            try {
                const report = await exercise(services, fuzz.text, fuzz.random, { thoroughness: 0.5, appliedFixes: 2 });
                stats.cleanParses += Number(report.parsesCleanly);
                stats.fixesChecked += report.fixesChecked;
                stats.renames += Number(report.renamed);
            } catch (error) {
                failure = error instanceof Error ? error.message : String(error);
            }
            const elapsed = performance.now() - caseStarted;
            if (elapsed > stats.slowest) Object.assign(stats, { slowest: elapsed, slowestCase: index });
            if (!failure && elapsed > CASE_LIMIT_MS) failure = `took ${Math.round(elapsed)} ms (limit ${CASE_LIMIT_MS} ms)`;
            if (failure) failures.push(report(fuzz, failure));
            if (process.env.FUZZ_PROGRESS && (index + 1) % 1000 === 0) console.log(`${index + 1} cases, ${failures.length} failures, ${Math.round((performance.now() - started) / 1000)} s`);
        }
        console.log(`fuzz seed ${SEED}: ${indexes.length} cases in ${Math.round(performance.now() - started)} ms; ${stats.cleanParses} parsed cleanly, `
            + `${stats.fixesChecked} quick fixes and ${stats.renames} renames checked; slowest case ${stats.slowestCase} (${Math.round(stats.slowest)} ms)`);
        expect(failures, failures.join('\n\n')).toEqual([]);
    }, Math.max(120_000, indexes.length * 200));
});

/** Says how to replay the case, and keeps its text for a regression file. */
function report(fuzz: ReturnType<typeof fuzzCase>, failure: string): string {
    fs.mkdirSync(FAILED_CASES, { recursive: true });
    const file = path.join(FAILED_CASES, `seed-${fuzz.seed}-case-${fuzz.index}.journey`);
    fs.writeFileSync(file, fuzz.text);
    return `Seed ${fuzz.seed}, case ${fuzz.index} (${fuzz.source}; ${fuzz.steps.join('; ')}):\n${failure.slice(0, 3000)}\n`
        + `Replay: npm run fuzz -- --seed ${fuzz.seed} --case ${fuzz.index}. Input kept in ${path.relative(process.cwd(), file)}.`;
}
