// Runs the fuzz test with more cases or another seed:
//   npm run fuzz -- --cases 100000 --seed 42     (many cases; progress every 1000)
//   npm run fuzz -- --seed 42 --case 1234         (replay one case)
// The cases are test/fuzz/fuzz.test.ts's, so a failure found here reproduces there.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';

const usage = 'Usage: npm run fuzz -- [--cases N] [--seed S] [--case K]';
let values;
try {
    ({ values } = parseArgs({ options: { cases: { type: 'string' }, seed: { type: 'string' }, case: { type: 'string' }, help: { type: 'boolean' } } }));
} catch (error) {
    console.error(`${error.message}\n${usage}`);
    process.exit(2);
}
if (values.help) {
    console.log(usage);
    process.exit(0);
}
for (const [name, value] of Object.entries(values)) {
    if (name !== 'help' && !/^\d+$/.test(value)) {
        console.error(`--${name} needs a whole number, not '${value}'.\n${usage}`);
        process.exit(2);
    }
}

const env = { ...process.env, FUZZ_PROGRESS: '1' };
if (values.cases) env.FUZZ_CASES = values.cases;
if (values.seed) env.FUZZ_SEED = values.seed;
if (values.case) env.FUZZ_CASE = values.case;
const vitest = createRequire(import.meta.url).resolve('vitest/vitest.mjs');
const run = spawnSync(process.execPath, [vitest, 'run', 'test/fuzz/fuzz.test.ts'], { stdio: 'inherit', env });
process.exit(run.status ?? 1);
