/**
 * Where results go: stdout or the -o file; problems and notes go to stderr. Everything the CLI prints
 * passes through `printable` first, whoever writes it (see `guardOutput`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { BIDI_CONTROL } from '../language/invisible-characters.js';
import { CliError } from './errors.js';
import type { LoadedJourneyFile } from './workspace.js';

/**
 * Control characters (C0 but line break and tab, DEL, C1) and bidirectional controls. Labels come
 * from maps nobody vetted, and printed raw, `ESC ]0;...BEL` retitles the terminal, `ESC [2J` clears
 * it, `ESC [8m` hides what follows, and U+202E reorders a line so it reads as something else.
 */
const UNPRINTABLE = new RegExp(`[\u0000-\u0008\u000B-\u001F\u007F-\u009F]|${BIDI_CONTROL.source}`, 'g');

/**
 * Text with each unprintable character written as a `\u001b` escape. The escape shows the reader that
 * something is there (a review tool should reveal the trick, not hide it; wrapping bidi text in
 * isolates instead relies on terminals that mostly ignore them), and inside JSON it is the same
 * escape JSON.stringify writes, so JSON output stays valid and says the same.
 */
export function printable(text: string): string {
    return text.replace(UNPRINTABLE, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

type Write = (chunk: string | Uint8Array, ...rest: unknown[]) => boolean;
const unguarded = new Map<NodeJS.WriteStream, Write>();

/**
 * Makes every text written to stdout and stderr printable: results, diagnostics, error messages and
 * notes of every command, including those that write directly. Binary output (a PNG) passes as it is.
 */
export function guardOutput(): void {
    for (const stream of [process.stdout, process.stderr]) {
        if (unguarded.has(stream)) continue;
        const write = stream.write.bind(stream) as Write;
        unguarded.set(stream, write);
        stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => write(typeof chunk === 'string' ? printable(chunk) : chunk, ...rest)) as NodeJS.WriteStream['write'];
    }
}

/** Writes the CLI's own terminal sequences (colours, the progress line) around text that is printable already. */
export function writeWithControls(stream: NodeJS.WriteStream, text: string): void {
    (unguarded.get(stream) ?? (stream.write.bind(stream) as Write))(text);
}

/** Writes a result to stdout, or to the -o file; `decorate` adds terminal colours to the printable text. */
export function writeResult(content: string | Buffer, output: string | undefined, decorate?: (text: string) => string): void {
    const result = typeof content === 'string' ? printable(content) : content;
    if (!output) {
        if (decorate && typeof result === 'string') writeWithControls(process.stdout, decorate(result));
        else process.stdout.write(result);
        return;
    }
    try {
        fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
        fs.writeFileSync(output, result);
    } catch (error) {
        throw new CliError(`Cannot write '${output}': ${(error as Error).message}. Choose another path with -o.`);
    }
}

const SEVERITIES: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export function severityName(diagnostic: Diagnostic): string {
    return SEVERITIES[diagnostic.severity ?? 1] ?? 'error';
}

export function messageText(diagnostic: Diagnostic): string {
    const message = diagnostic.message as string | { value: string };
    return typeof message === 'string' ? message : message.value;
}

/** `file:line:column severity message`, one-based, the form editors and CI problem matchers link. */
export function diagnosticLine(shown: string, diagnostic: Diagnostic): string {
    const { line, character } = diagnostic.range.start;
    return `${shown}:${line + 1}:${character + 1} ${severityName(diagnostic)} ${messageText(diagnostic).replace(/\s*\n\s*/g, ' ')}`;
}

/**
 * For the commands that draw or analyse a map: its errors go to stderr, since the output may
 * be incomplete, and the caller exits with 1.
 */
export function reportErrors(loaded: readonly LoadedJourneyFile[]): number {
    let errors = 0;
    for (const file of loaded) {
        for (const diagnostic of file.diagnostics.filter(d => (d.severity ?? 1) === 1)) {
            process.stderr.write(diagnosticLine(file.shown, diagnostic) + '\n');
            errors++;
        }
    }
    if (errors > 0) {
        process.stderr.write(`${errors === 1 ? '1 error' : `${errors} errors`}: the output may be incomplete. Fix the map (journey check shows every problem).\n`);
    }
    return errors;
}

/** Columns a text result should fit: the terminal's, or 100 for a file or a pipe. */
export function terminalWidth(output: string | undefined): number {
    return !output && process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : 100;
}

/** Colours for a terminal only, and never when NO_COLOR is set (no-color.org). */
export function useColour(output: string | undefined): boolean {
    return !output && process.stdout.isTTY === true && !process.env.NO_COLOR;
}

const COLOURS: Record<string, string> = { '+': '\x1b[32m', '✓': '\x1b[32m', '-': '\x1b[31m', '~': '\x1b[33m' };

/** Colours a diff's lines by their marker: added and delivered green, removed red, changed yellow. */
export function colourDiff(text: string): string {
    return text.split('\n').map(line => {
        const marker = /^\s*([+\-~✓])\s/.exec(line)?.[1];
        return marker ? `${COLOURS[marker]}${line}\x1b[0m` : line;
    }).join('\n');
}
