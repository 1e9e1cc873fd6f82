/** How the CLI fails: one exit code per kind of failure, so CI scripts can tell them apart. */

export const ExitCode = {
    /** Everything worked and no input had a problem. */
    Ok: 0,
    /** An input has errors (or, with --strict, warnings): the map needs fixing. */
    Problems: 1,
    /** The command could not run: bad options, missing or unreadable files, no browser. */
    Usage: 2
} as const;

/** A failure the user can fix; its message says what is wrong and what to do, and is printed without a stack. */
export class CliError extends Error {
    constructor(message: string, readonly exitCode: number = ExitCode.Usage) {
        super(message);
    }
}
