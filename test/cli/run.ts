/** Runs the built CLI as a real process, the way a shell or CI job runs it. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildCli, ROOT, type BuiltCli } from './build.js';

export { ROOT };
export const EXAMPLES = path.join(ROOT, 'examples');
export const FIXTURES = path.join(ROOT, 'test/cli/fixtures');

/**
 * The browsers the exports are drawn with here, Debian's (scripts/setup-machine.sh installs both):
 * Chromium's headless shell, which the CLI and the editor's PDF export find first, and the whole
 * browser they fall back to where there is no shell.
 */
export const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';
export const WHOLE_BROWSER = '/usr/bin/chromium';

export interface CliRun {
    status: number | null;
    stdout: string;
    stderr: string;
    stdoutBytes: Buffer;
}

let built: Promise<BuiltCli> | undefined;

/** The bundle, built once per test file. */
export function cli(): Promise<BuiltCli> {
    built ??= buildCli();
    return built;
}

/** Runs the CLI without blocking the test worker: an export in a browser takes seconds, and the runner must hear from the worker meanwhile. */
export async function journey(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
    const { cli: bundle } = await cli();
    const child = spawn(process.execPath, [bundle, ...args], {
        cwd: options.cwd ?? ROOT,
        env: { ...process.env, NO_COLOR: '1', ...options.env }
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const status = await new Promise<number | null>((resolve, reject) => {
        child.on('error', reject);
        child.on('close', code => resolve(code));
    });
    const out = Buffer.concat(stdout);
    return { status, stdout: out.toString('utf8'), stderr: Buffer.concat(stderr).toString('utf8'), stdoutBytes: out };
}
