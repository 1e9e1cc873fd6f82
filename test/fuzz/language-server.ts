/** The bundled language server (out/server.cjs, built by test/global-setup.ts) as a child process speaking LSP over stdio. */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';

export const SERVER = path.resolve(__dirname, '../../out/server.cjs');

export interface LanguageServer {
    connection: ProtocolConnection;
    process: ChildProcess;
    /** Everything the server wrote to stderr: crashes and unhandled rejections show up here. */
    stderr(): string;
    /** Resolves when the process ends, with its exit code (null when killed by a signal). */
    exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
    /** Diagnostics as published, latest per URI. */
    diagnostics: Map<string, Array<{ message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }>>;
}

export async function startLanguageServer(): Promise<LanguageServer> {
    const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', chunk => { stderr += String(chunk); });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(resolve => child.on('exit', (code, signal) => resolve({ code, signal })));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const diagnostics: LanguageServer['diagnostics'] = new Map();
    connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; diagnostics: [] }) => { diagnostics.set(params.uri, params.diagnostics); });
    // The server asks for settings and registers watchers; answer as a client would.
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => null));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: { workspace: { configuration: true } }, workspaceFolders: [] });
    await connection.sendNotification('initialized', {});
    return { connection, process: child, stderr: () => stderr, exited, diagnostics };
}

/** The orderly end: `shutdown`, then `exit`; resolves with the exit code. */
export async function stopLanguageServer(server: LanguageServer): Promise<number | null> {
    await server.connection.sendRequest('shutdown');
    await server.connection.sendNotification('exit');
    const { code } = await server.exited;
    server.connection.dispose();
    return code;
}

export async function openDocument(server: LanguageServer, uri: string, text: string, version = 1): Promise<void> {
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version, text } });
}

/** Polls until `check` gives a value; rejects after `timeoutMs` (a safety net for a hung server, not a measurement). */
export function waitFor<T>(check: () => T | undefined, what: string, timeoutMs = 60_000): Promise<T> {
    return new Promise((resolve, reject) => {
        const started = Date.now();
        const poll = () => {
            const value = check();
            if (value !== undefined) return resolve(value);
            if (Date.now() - started > timeoutMs) return reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
            setTimeout(poll, 10);
        };
        poll();
    });
}
