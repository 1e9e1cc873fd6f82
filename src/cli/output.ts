/** Where results go: stdout or the -o file; problems and notes go to stderr. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import { CliError } from './errors.js';
import type { LoadedJourneyFile } from './workspace.js';

export function writeResult(content: string | Buffer, output: string | undefined): void {
    if (!output) {
        process.stdout.write(content);
        return;
    }
    try {
        fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
        fs.writeFileSync(output, content);
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

/** Colours for a terminal only, and never when NO_COLOR is set (no-color.org). */
export function useColour(output: string | undefined): boolean {
    return !output && process.stdout.isTTY === true && !process.env.NO_COLOR;
}

const COLOURS: Record<string, string> = { '+': '\x1b[32m', '-': '\x1b[31m', '~': '\x1b[33m' };

/** Colours a diff's lines by their marker: added green, removed red, changed yellow. */
export function colourDiff(text: string): string {
    return text.split('\n').map(line => {
        const marker = /^\s*([+\-~])\s/.exec(line)?.[1];
        return marker ? `${COLOURS[marker]}${line}\x1b[0m` : line;
    }).join('\n');
}
