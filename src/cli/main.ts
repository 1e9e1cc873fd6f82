#!/usr/bin/env node
/**
 * The `journey` command: journey maps outside the editor, for CI, documents and reviews.
 * Every command runs the same language services as the editor, so it reports the same
 * problems and draws the same map.
 */
import * as fs from 'node:fs';
import { CliError, ExitCode } from './errors.js';
import { COMMAND_HELP, COMMANDS, MAIN_HELP, type CommandName } from './help.js';
import { guardOutput } from './output.js';

/** The version in the package.json next to the bundle (out/cli.cjs sits one folder below it). */
function version(): string {
    try {
        return (JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
    } catch {
        return 'unknown';
    }
}

type Command = (args: string[]) => Promise<number>;

/**
 * Each command's code is loaded when it runs: the language services are most of the CLI, and
 * `journey render` starts its browser before it loads them, so the two start together.
 */
const RUN: Record<CommandName, () => Promise<Command>> = {
    check: async () => (await import('./check.js')).check,
    render: async () => (await import('./render.js')).render,
    report: async () => (await import('./report.js')).report,
    diff: async () => (await import('./diff.js')).diff,
    import: async () => (await import('./import.js')).importCommand
};

function isCommand(name: string): name is CommandName {
    return (COMMANDS as readonly string[]).includes(name);
}

export async function main(argv: string[]): Promise<number> {
    const [command, ...args] = argv;
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
        const topic = args[0];
        process.stdout.write(topic && isCommand(topic) ? COMMAND_HELP[topic] : MAIN_HELP);
        return ExitCode.Ok;
    }
    if (command === '-v' || command === '--version') {
        process.stdout.write(`${version()}\n`);
        return ExitCode.Ok;
    }
    if (!isCommand(command)) {
        throw new CliError(`'${command}' is not a journey command. Use one of: ${COMMANDS.join(', ')} (journey --help explains them).`);
    }
    if (args.includes('--help') || args.includes('-h')) {
        process.stdout.write(COMMAND_HELP[command]);
        return ExitCode.Ok;
    }
    return (await RUN[command]())(args);
}

guardOutput();

// `journey diff ... | head` closes the pipe early: that is the reader being done, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? ExitCode.Ok);
    throw error;
});

main(process.argv.slice(2)).then(
    code => { process.exitCode = code; },
    (error: unknown) => {
        if (error instanceof CliError) {
            process.stderr.write(`journey: ${error.message}\n`);
            process.exitCode = error.exitCode;
        } else {
            // A bug, not a user mistake: the stack is what a bug report needs.
            process.stderr.write(`journey: unexpected failure, please report it with the command you ran:\n${error instanceof Error ? error.stack : String(error)}\n`);
            process.exitCode = ExitCode.Usage;
        }
    }
);
