// Starts the benchmark (`npm run bench`): builds what ships, with the project's own esbuild.mjs
// in production mode, into a temporary copy of the project (symbolic links to the sources, its
// own out/), so the bundles in out/ that others are testing with stay untouched. Then bundles
// bench/main.ts and runs it with --expose-gc. See BENCHMARKS.md.
//
//   node bench/run.mjs [--smoke] [--runs N] [--only language,lsp,preview,extension] [--write-md]
//   node bench/run.mjs --dev-bundles   measure the bundles already in out/ instead of building
//   node bench/run.mjs --profile       also write a CPU profile of the benchmark process to bench/profiles/ (keeps the folder)
//   node bench/run.mjs --keep          keep the temporary project folder (its path is printed)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const own = ['--dev-bundles', '--keep', '--profile'];
const flag = name => args.includes(name);
const passOn = args.filter(arg => !own.includes(arg));

/** Everything of the project except its build output, linked into a fresh folder. */
function temporaryProject() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-bench-'));
    for (const entry of fs.readdirSync(root)) {
        if (['out', '.git', '.vscode-test'].includes(entry)) continue;
        fs.symlinkSync(path.join(root, entry), path.join(dir, entry));
    }
    return dir;
}

const project = temporaryProject();
const log = message => process.stderr.write(`[bench] ${message}\n`);
let code = 1;
try {
    let bundles;
    if (flag('--dev-bundles')) {
        bundles = path.join(root, 'out');
        if (!fs.existsSync(path.join(bundles, 'server.cjs'))) throw new Error('out/ holds no bundles: run `node esbuild.mjs` first, or leave out --dev-bundles.');
    } else {
        bundles = path.join(project, 'out');
        log('building the production bundles (node esbuild.mjs --production) into a temporary folder');
        const build = spawnSync(process.execPath, [path.join(root, 'esbuild.mjs'), '--production', '--out', bundles], { cwd: project, stdio: 'inherit' });
        if (build.status !== 0) throw new Error(`node esbuild.mjs --production failed (exit ${build.status}).`);
        if (!fs.existsSync(path.join(bundles, 'server.cjs'))) throw new Error(`node esbuild.mjs --production --out ${bundles} left no server.cjs there.`);
    }
    const benchOut = path.join(project, 'out', 'bench');
    // Two folders below the project root, like test/webview/harness.ts, which finds the project from its own location.
    await esbuild.build({
        entryPoints: [path.join(root, 'bench', 'main.ts')],
        outfile: path.join(benchOut, 'main.mjs'),
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        sourcemap: 'linked',
        external: ['playwright-core', 'esbuild'],
        // CommonJS dependencies bundled into ESM still call require() for Node's modules.
        banner: { js: "import { createRequire as createRequireForBundle } from 'node:module'; const require = createRequireForBundle(import.meta.url);" },
        logLevel: 'warning'
    });
    await esbuild.build({
        entryPoints: [path.join(root, 'bench', 'activation', 'suite.ts')],
        outfile: path.join(benchOut, 'activation-suite.cjs'),
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        external: ['vscode'],
        logLevel: 'warning'
    });

    const nodeArgs = ['--expose-gc', '--import', path.join(root, 'scripts', 'polyfill.mjs')];
    if (flag('--profile')) nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${path.join(root, 'bench', 'profiles')}`);
    const child = spawn(process.execPath, [...nodeArgs, path.join(benchOut, 'main.mjs'),
        '--bundles', bundles,
        '--extension', flag('--dev-bundles') ? root : project,
        '--suite', path.join(benchOut, 'activation-suite.cjs'),
        '--root', root,
        ...passOn], { cwd: root, stdio: 'inherit' });
    const stop = signal => child.kill(signal);
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    code = await new Promise(resolve => child.on('exit', (status, signal) => resolve(status ?? (signal ? 1 : 0))));
} catch (error) {
    log(error instanceof Error ? error.message : String(error));
} finally {
    // A profile names its functions by lines of the bundle, which bench/top-frames.mjs reads.
    if (flag('--keep') || flag('--profile')) log(`kept ${project}`);
    else fs.rmSync(project, { recursive: true, force: true });
}
process.exit(code);
