/** Runs the built CLI as a real process, the way a shell or CI job runs it. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildCli, ROOT, type BuiltCli } from './build.js';

export { ROOT };
export const EXAMPLES = path.join(ROOT, 'examples');
export const FIXTURES = path.join(ROOT, 'test/cli/fixtures');

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

export async function journey(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
    const { cli: bundle } = await cli();
    const result = spawnSync(process.execPath, [bundle, ...args], {
        cwd: options.cwd ?? ROOT,
        env: { ...process.env, NO_COLOR: '1', ...options.env },
        maxBuffer: 64 * 1024 * 1024
    });
    return { status: result.status, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8'), stdoutBytes: result.stdout };
}
