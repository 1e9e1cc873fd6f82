/** The language server as the extension sees it: a separate process speaking LSP over stdio. */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { ModelChangedNotification, ViewModelRequest, type ModelChangedParams } from '../../src/protocol.js';

const SERVER = path.resolve(__dirname, '../../out/server.cjs');
let server: ChildProcess;
let connection: ProtocolConnection;
const changes: string[][] = [];

beforeAll(async () => {
    server = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onNotification(ModelChangedNotification, (params: ModelChangedParams) => { changes.push(params.uris); });
    connection.listen();
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: [] });
    await connection.sendNotification('initialized', {});
});

afterAll(async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
});

function waitFor<T>(check: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
    return new Promise((resolve, reject) => {
        const started = Date.now();
        const poll = () => {
            const value = check();
            if (value !== undefined) return resolve(value);
            if (Date.now() - started > timeoutMs) return reject(new Error(`Timed out waiting for ${what}`));
            setTimeout(poll, 20);
        };
        poll();
    });
}

describe('language server over stdio', () => {
    const uri = 'file:///server-test/shop.journey';
    const text = 'persona Ann { }\njourney Shop "Shop" {\n    personas Ann\n    stage Browse {\n        touchpoint Home {\n            channel web\n            emotion 1\n        }\n    }\n    stage Empty {\n    }\n}\n';

    test('publishes diagnostics, announces the changed model, and serves the view model', async () => {
        const diagnostics: Array<{ uri: string; diagnostics: Array<{ message: string; range: { start: { line: number } } }> }> = [];
        connection.onNotification('textDocument/publishDiagnostics', params => { diagnostics.push(params); });
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'journey', version: 1, text } });
        const published = await waitFor(() => diagnostics.find(d => d.uri === uri), 'diagnostics');
        expect(published.diagnostics.map(d => d.message)).toEqual([expect.stringMatching(/Stage 'Empty' has no touchpoints yet/)]);
        expect(published.diagnostics[0].range.start.line).toBe(9);
        await waitFor(() => changes.find(uris => uris.includes(uri)), 'model changed notification');

        const model = await connection.sendRequest(ViewModelRequest, { uri });
        expect(model?.version).toBe(1);
        expect(model?.journeys[0].stages.map(s => [s.id, s.unmapped])).toEqual([['Browse', false], ['Empty', true]]);
        expect(model?.diagnostics.warnings).toBe(1);
    });

    test('an unsaved edit produces a new model version', async () => {
        changes.length = 0;
        await connection.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: 2 },
            contentChanges: [{ text: text.replace('stage Empty {\n    }', 'stage Pay {\n        touchpoint Card {\n            emotion -2\n        }\n    }') }]
        });
        await waitFor(() => changes.find(uris => uris.includes(uri)), 'model changed notification');
        const model = await connection.sendRequest(ViewModelRequest, { uri });
        expect(model?.version).toBe(2);
        expect(model?.journeys[0].emotionLanes[0].points.map(p => p.score)).toEqual([1, -2]);
    });

    test('an unknown document has no model', async () => {
        expect(await connection.sendRequest(ViewModelRequest, { uri: 'file:///nowhere.journey' })).toBeNull();
    });

    test('a settings change validates open journeys again, and the server keeps running', async () => {
        const staleUri = 'file:///server-test/stale.journey';
        const stale = 'persona Bea { }\njourney Old {\n    review 2001-01-01\n    personas Bea\n    stage Only {\n        touchpoint Visit {\n            emotion 1\n        }\n    }\n}\n';
        const published: Array<{ uri: string; diagnostics: Array<{ message: string }> }> = [];
        connection.onNotification('textDocument/publishDiagnostics', params => { published.push(params); });
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: staleUri, languageId: 'journey', version: 1, text: stale } });
        const before = await waitFor(() => published.find(d => d.uri === staleUri), 'diagnostics of the stale journey');
        expect(before.diagnostics.map(d => d.message)).toEqual([expect.stringMatching(/The review date 2001-01-01 has passed/)]);

        published.length = 0;
        await connection.sendNotification('workspace/didChangeConfiguration', { settings: { journey: { validation: { staleReview: false } } } });
        const after = await waitFor(() => published.find(d => d.uri === staleUri), 'diagnostics after the settings change');
        expect(after.diagnostics).toEqual([]);
        expect(server.exitCode).toBeNull();
        expect(await connection.sendRequest(ViewModelRequest, { uri: staleUri })).toMatchObject({ diagnostics: { warnings: 0 } });
    });
});

describe('URIs as the client spells them', () => {
    // Lower-case percent-escapes, as some clients write them; Langium's own spelling is %C3%A4.
    const personasUri = 'file:///tmp/kund%c3%a4/personer.journey';
    const journeyUri = 'file:///tmp/kund%c3%a4/k%c3%b8p.journey';
    const personas = 'persona Åse "Åse Ødegård" { goal "Finne riktig støvsuger" }\n';
    const journeyText = 'journey Kjøp "Kjøpe støvsuger" {\n    personas Åse\n    stage Vurdering {\n        touchpoint Nettside {\n            channel web\n            emotion Åse -1\n        }\n    }\n    stage Levering {\n    }\n}\n';

    test('diagnostics, locations, edits, symbols and the view model use the URI each document was opened with', async () => {
        const published: Array<{ uri: string; diagnostics: Array<{ message: string }> }> = [];
        connection.onNotification('textDocument/publishDiagnostics', params => { published.push(params); });
        changes.length = 0;
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: personasUri, languageId: 'journey', version: 1, text: personas } });
        await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: journeyUri, languageId: 'journey', version: 1, text: journeyText } });

        const diagnostics = await waitFor(() => published.find(d => d.uri === journeyUri && d.diagnostics.length > 0), `diagnostics under ${journeyUri}`);
        expect(diagnostics.diagnostics.map(d => d.message)).toEqual([expect.stringMatching(/Stage 'Levering' has no touchpoints yet/)]);
        expect(published.map(d => d.uri).filter(uri => /%C3/.test(uri))).toEqual([]);
        await waitFor(() => changes.find(uris => uris.includes(journeyUri)), `a model-changed notification naming ${journeyUri}`);

        const fixes = await connection.sendRequest<Array<{ edit?: { changes: Record<string, unknown[]> } }>>('textDocument/codeAction', {
            textDocument: { uri: journeyUri }, range: (diagnostics.diagnostics[0] as unknown as { range: object }).range, context: { diagnostics: diagnostics.diagnostics }
        });
        expect(fixes.flatMap(fix => Object.keys(fix.edit?.changes ?? {}))).toEqual([journeyUri]);

        const position = { line: 5, character: '            emotion Å'.length };
        const definition = await connection.sendRequest<Array<{ uri?: string; targetUri?: string }>>('textDocument/definition', { textDocument: { uri: journeyUri }, position });
        expect(definition.map(location => location.uri ?? location.targetUri)).toEqual([personasUri]);

        const references = await connection.sendRequest<Array<{ uri: string }>>('textDocument/references', { textDocument: { uri: journeyUri }, position, context: { includeDeclaration: true } });
        expect([...new Set(references.map(location => location.uri))].sort()).toEqual([journeyUri, personasUri].sort());

        const rename = await connection.sendRequest<{ changes: Record<string, unknown[]> }>('textDocument/rename', { textDocument: { uri: journeyUri }, position, newName: 'Åsa' });
        expect(Object.keys(rename.changes).sort()).toEqual([journeyUri, personasUri].sort());

        const symbols = await connection.sendRequest<Array<{ name: string; location: { uri: string } }>>('workspace/symbol', { query: 'Kjøp' });
        expect(symbols.find(symbol => symbol.name === 'Kjøp')?.location.uri).toBe(journeyUri);

        const model = await connection.sendRequest(ViewModelRequest, { uri: journeyUri });
        expect(model?.uri).toBe(journeyUri);
        expect(model?.journeys[0].personas[0].uri).toBe(personasUri);
    });
});
