/**
 * A small test runner for the extension host: tests run one after another (they share one
 * workbench), each result goes to the driver as a console line, and `runAll` rejects when any
 * test failed, so the workbench reports a non-zero exit.
 */
import * as vscode from 'vscode';
import { formatResult } from '../protocol.mjs';

interface TestCase { name: string; body: () => Promise<void>; timeoutMs: number }

const tests: TestCase[] = [];

export function test(name: string, body: () => Promise<void>, timeoutMs = 30_000): void {
    tests.push({ name, body, timeoutMs });
}

export async function runAll(): Promise<void> {
    let failed = 0;
    for (const { name, body, timeoutMs } of tests) {
        const started = Date.now();
        let timer: NodeJS.Timeout | undefined;
        try {
            await Promise.race([
                body(),
                new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs / 1000} s`)), timeoutMs); })
            ]);
            console.log(formatResult({ name, passed: true, ms: Date.now() - started }));
        } catch (error) {
            failed++;
            const message = error instanceof Error ? error.stack ?? error.message : String(error);
            console.log(formatResult({ name, passed: false, error: message, ms: Date.now() - started }));
        } finally {
            clearTimeout(timer);
        }
    }
    if (failed > 0) throw new Error(`${failed} of ${tests.length} extension-host tests failed`);
}

type Maybe<T> = T | null | undefined | false;

/**
 * Polls `probe` until it returns something other than null/undefined/false; fails with `what`
 * after the timeout (a function can describe the state at that moment).
 */
export async function waitFor<T>(what: string | (() => string), probe: () => Maybe<T> | Promise<Maybe<T>>, timeoutMs = 20_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    while (Date.now() < deadline) {
        try {
            const value = await probe();
            if (value !== undefined && value !== null && value !== false) return value;
        } catch (error) {
            lastError = error;
        }
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    const description = typeof what === 'function' ? what() : what;
    throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${description}${lastError ? ` (last error: ${lastError})` : ''}`);
}

export function workspaceFile(name: string): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('The tests need a workspace folder: open the fixture copy with ?folder=...');
    return vscode.Uri.joinPath(folder.uri, name);
}

/** The position of the `occurrence`-th match of `pattern` in the document, plus `offset` characters. */
export function positionOf(document: vscode.TextDocument, pattern: string | RegExp, { offset = 0, occurrence = 1 } = {}): vscode.Position {
    const text = document.getText();
    const regex = typeof pattern === 'string' ? new RegExp(escapeRegExp(pattern), 'g') : new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
    let match: RegExpExecArray | null = null;
    for (let i = 0; i < occurrence; i++) {
        match = regex.exec(text);
        if (!match) throw new Error(`${pattern} occurs fewer than ${occurrence} times in ${document.uri.path}`);
    }
    return document.positionAt(match!.index + offset);
}

/** The range of `word` where it follows `prefix` (for example the name in `stage Delivery`). */
export function rangeAfter(document: vscode.TextDocument, prefix: string, word: string, occurrence = 1): vscode.Range {
    const start = positionOf(document, `${prefix}${word}`, { offset: prefix.length, occurrence });
    return new vscode.Range(start, start.translate(0, word.length));
}

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
    return diagnostics.length === 0 ? 'none' : diagnostics.map(d =>
        `${vscode.DiagnosticSeverity[d.severity]} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`).join('; ');
}

export function describeRange(range: vscode.Range): string {
    return `${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1}`;
}
