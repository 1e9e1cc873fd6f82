/** How the server turns the editor's changes into rebuilds (JourneyDocumentUpdateHandler). */
import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { expect, test, vi } from 'vitest';
import { FileChangeType } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateJourney } from '../../bench/generate.js';
import { createJourneyServices } from '../../src/language/journey-module.js';
import { CHANGE_QUIET_MS } from '../../src/language/journey-workspace.js';
import { MemoryDataFiles } from './memory-data-files.js';

test('a burst of changes to a journey being built is parsed once more, in its last version; other languages are not built', async () => {
    const { shared, Journey } = createJourneyServices(EmptyFileSystem);
    await shared.workspace.WorkspaceManager.initializeWorkspace([]);
    const parser = Journey.parser.LangiumParser;
    const parsed: string[] = [];
    const parse = parser.parse.bind(parser);
    parser.parse = ((text: string, options?: unknown) => { parsed.push(text); return parse(text, options as never); }) as typeof parser.parse;
    const uri = 'file:///typing/shop.journey';
    const change = (document: TextDocument) => {
        shared.workspace.TextDocuments!.set(document);
        shared.lsp.DocumentUpdateHandler.didChangeContent!({ document });
    };

    // A journey large enough that its build is still running when the next change is read; each version
    // ends in a comment of its own, outside any block, so each is a text to parse in full.
    const journey = generateJourney({ touchpoints: 300, personas: 2 });
    const texts: string[] = [];
    // One change per turn of the event loop, as the connection delivers them when they queued up.
    for (let version = 1; version <= 20; version++) {
        texts.push(`${journey}// version ${version}\n`);
        change(TextDocument.create(uri, 'journey', version, texts[version - 1]));
        await new Promise(resolve => setImmediate(resolve));
    }
    change(TextDocument.create('file:///typing/notes.md', 'markdown', 1, '# Notes'));

    await new Promise(resolve => setTimeout(resolve, CHANGE_QUIET_MS * 4));
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, URI.parse(uri));
    // The first version is parsed at once (the server was idle); a change that interrupts its build makes the
    // next build pause until the queued changes are read, and only the last is parsed (a busy machine may let another slip through).
    // Without the pause, every one of the 20 versions is parsed.
    expect(parsed.length).toBeLessThan(5);
    expect(parsed.at(-1)).toBe(texts[19]);
    expect(shared.workspace.LangiumDocuments.hasDocument(URI.parse('file:///typing/notes.md'))).toBe(false);
});

test('a request right after a change is answered from the changed text, not the one before', async () => {
    const { shared } = createJourneyServices(EmptyFileSystem);
    await shared.workspace.WorkspaceManager.initializeWorkspace([]);
    const uri = 'file:///typing/renamed.journey';
    const change = (version: number, text: string) => {
        const document = TextDocument.create(uri, 'journey', version, text);
        shared.workspace.TextDocuments!.set(document);
        shared.lsp.DocumentUpdateHandler.didChangeContent!({ document });
    };
    change(1, 'journey Shop {\n    stage Browse {\n        touchpoint Home { channel web }\n    }\n}\n');
    await new Promise(resolve => setTimeout(resolve, CHANGE_QUIET_MS * 4));
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, URI.parse(uri));

    change(2, 'journey Shop {\n    stage Browse {\n        touchpoint Landing { channel web }\n    }\n}\n');
    // The language server reads the next request on a later turn of the event loop, and waits for the document to be linked.
    await new Promise(resolve => setImmediate(resolve));
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Linked, URI.parse(uri));
    expect(shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!.parseResult.value.$cstNode?.text).toContain('touchpoint Landing');
});

test('a research data file changes on disk: the maps that read it are validated again, the others are not', async () => {
    const files = new MemoryDataFiles();
    const { shared, Journey } = createJourneyServices({ ...EmptyFileSystem, dataFiles: files });
    await shared.workspace.WorkspaceManager.initializeWorkspace([]);
    const open = (uri: string, text: string) => {
        const document = TextDocument.create(uri, 'journey', 1, text);
        shared.workspace.TextDocuments!.set(document);
        shared.lsp.DocumentUpdateHandler.didChangeContent!({ document });
    };
    const map = (name: string, data: string) => `persona Ana${name} { }\njourney ${name} {\n    personas Ana${name}\n    data Survey "${data}" {\n        stage "stage"\n        emotion "score" scale 1..5\n    }\n`
        + `    stage Buy {\n        touchpoint Pay {\n            channel web\n            emotion Ana${name} +2\n        }\n    }\n}\n`;
    files.write('/maps/survey.csv', 'stage,score\nBuy,5\nBuy,4\n');
    files.write('/maps/other.csv', 'stage,score\nBuy,5\n');
    open('file:///maps/shop.journey', map('Shop', 'survey.csv'));
    open('file:///maps/other.journey', map('Other', 'other.csv'));
    await new Promise(resolve => setTimeout(resolve, CHANGE_QUIET_MS * 4));
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, URI.parse('file:///maps/shop.journey'));
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, URI.parse('file:///maps/other.journey'));
    const drift = (uri: string) => (shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!.diagnostics ?? []).filter(d => d.code === 'data-drift').map(d => String(d.message));
    expect(drift('file:///maps/shop.journey')).toEqual([]);
    const validated: string[] = [];
    shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, document => { validated.push(document.uri.path); });

    // The survey now says the customer is unhappy at Pay; the editor's file watcher reports the change.
    files.write('/maps/survey.csv', 'stage,score\nBuy,1\nBuy,2\n');
    shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles!({ changes: [{ uri: 'file:///maps/survey.csv', type: FileChangeType.Changed }] });
    await vi.waitFor(() => expect(drift('file:///maps/shop.journey')).toEqual([expect.stringMatching(/^This map says \+2, but Survey \(survey\.csv\) says -2\.3 \(mean 1\.5 on 1\.\.5, n = 2\)/)]), { timeout: 5000 });
    expect(validated).toEqual(['/maps/shop.journey']);
    expect(Journey.data.DataSets).toBeDefined();

    // The file goes away: the map says so.
    files.delete('/maps/survey.csv');
    shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles!({ changes: [{ uri: 'file:///maps/survey.csv', type: FileChangeType.Deleted }] });
    await vi.waitFor(() => expect((shared.workspace.LangiumDocuments.getDocument(URI.parse('file:///maps/shop.journey'))!.diagnostics ?? [])
        .some(d => d.code === 'data-file' && /is not there/.test(String(d.message)))).toBe(true), { timeout: 5000 });
});
