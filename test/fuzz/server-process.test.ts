/**
 * The language server process under hostile requests: garbage parameters, unknown documents and
 * methods, broken JSON on the wire. It must answer each with an error (or an empty result), keep
 * serving, write no crash to stderr, and end cleanly on `shutdown` and `exit`. Nothing is killed:
 * every server started here is stopped the LSP way.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ResponseError } from 'vscode-languageserver-protocol/node';
import { ViewModelRequest } from '../../src/protocol.js';
import { openDocument, startLanguageServer, stopLanguageServer, waitFor, type LanguageServer } from './language-server.js';

const SHOP = 'file:///server-process/shop.journey';
const SHOP_TEXT = 'persona Ann { }\njourney Shop "Shop" {\n    personas Ann\n    stage Browse {\n        touchpoint Home {\n            channel web\n            emotion 1\n        }\n    }\n}\n';

/** The reply to a request: its result, or the error the server sent back. A rejection of any other kind (connection gone) fails the test. */
async function reply(server: LanguageServer, method: string, params: unknown): Promise<{ result?: unknown; error?: ResponseError<unknown> }> {
    try {
        return { result: await server.connection.sendRequest(method, params) };
    } catch (error) {
        if (error instanceof ResponseError) return { error };
        throw error;
    }
}

/** The server still works: it serves the view model of a real document. */
async function stillServes(server: LanguageServer): Promise<void> {
    const model = await server.connection.sendRequest(ViewModelRequest, { uri: SHOP });
    expect(model?.journeys[0].stages.map(stage => stage.id)).toEqual(['Browse']);
    expect(server.process.exitCode).toBeNull();
}

describe('the language server process', () => {
    let server: LanguageServer;

    beforeAll(async () => {
        server = await startLanguageServer();
        await openDocument(server, SHOP, SHOP_TEXT);
        await waitFor(() => server.diagnostics.get(SHOP), 'diagnostics of the shop journey');
    });

    afterAll(async () => {
        if (server.process.exitCode === null) await stopLanguageServer(server);
    });

    test.each([
        ['no params', undefined],
        ['null', null],
        ['an empty object', {}],
        ['a number for the uri', { uri: 42 }],
        ['an object for the uri', { uri: { path: '/x' } }],
        ['an array', ['file:///a.journey']]
    ])('journey/viewModel with %s is answered "invalid params", and the server keeps serving', async (_what, params) => {
        const { error } = await reply(server, ViewModelRequest.method, params);
        expect(error?.code).toBe(-32602);
        expect(error?.message).toMatch(/journey\/viewModel needs the document's URI/);
        await stillServes(server);
    });

    test.each([
        ['an empty uri', ''],
        ['text that is no uri', 'not a uri at all %%% \u0000'],
        ['a broken percent escape', 'file:///%E0%A4%A.journey'],
        ['a very long uri', `file:///${'a'.repeat(1_000_000)}.journey`],
        ['a document that was never opened', 'file:///nowhere/unknown.journey'],
        ['an untitled document', 'untitled:Untitled-1']
    ])('journey/viewModel for %s is null, and the server keeps serving', async (_what, uri) => {
        expect(await reply(server, ViewModelRequest.method, { uri })).toEqual({ result: null });
        await stillServes(server);
    });

    test('requests about an unknown document, an unknown method, or out-of-range positions get error replies', async () => {
        const unknown = { textDocument: { uri: 'file:///nowhere/unknown.journey' }, position: { line: 0, character: 0 } };
        for (const method of ['textDocument/hover', 'textDocument/completion', 'textDocument/definition', 'textDocument/documentSymbol']) {
            const { result, error } = await reply(server, method, unknown);
            expect(error ?? result ?? null, method).not.toBeUndefined();
        }
        expect((await reply(server, 'journey/noSuchRequest', {})).error?.code).toBe(-32601);
        for (const position of [{ line: 1e9, character: 0 }, { line: 0, character: 1e9 }, { line: -1, character: -5 }]) {
            const { error } = await reply(server, 'textDocument/hover', { textDocument: { uri: SHOP }, position });
            expect(error?.message ?? '').not.toMatch(/Cannot read/);
        }
        await stillServes(server);
    });

    test('garbage notifications and broken JSON on the wire do not take it down', async () => {
        await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///never/opened.journey', version: 2 }, contentChanges: [{ text: 'x' }] });
        // Documents of no language the server knows: Langium built them anyway, threw, and the process died.
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 42 } });
        await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///notes/readme.md', languageId: 'markdown', version: 1, text: '# x' } });
        await server.connection.sendNotification('textDocument/didClose', {});
        await server.connection.sendNotification('journey/noSuchNotification', { anything: true });
        // A well-framed message whose body is not JSON, written straight to the server's stdin.
        const body = '{"jsonrpc": "2.0", "id": 99, "method": ';
        server.process.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        await stillServes(server);
        expect(server.stderr()).not.toMatch(/Uncaught|Unhandled|TypeError|RangeError/);
    });

    test('shutdown then exit ends the process with code 0', async () => {
        const code = await stopLanguageServer(server);
        expect(code).toBe(0);
        expect(server.stderr()).not.toMatch(/Uncaught|Unhandled|TypeError|RangeError/);
    });
});

test('exit without shutdown ends the process with code 1, as the protocol says', async () => {
    const server = await startLanguageServer();
    await server.connection.sendNotification('exit');
    expect((await server.exited).code).toBe(1);
    server.connection.dispose();
});
