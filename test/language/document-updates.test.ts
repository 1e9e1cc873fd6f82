/** How the server turns the editor's changes into rebuilds (JourneyDocumentUpdateHandler). */
import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createJourneyServices } from '../../src/language/journey-module.js';
import { CHANGE_QUIET_MS } from '../../src/language/journey-workspace.js';

test('a burst of changes, as from fast typing, is parsed once, in its last version; other languages are not built', async () => {
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

    // One change per turn of the event loop, as the connection delivers them when they queued up.
    const texts: string[] = [];
    for (let version = 1; version <= 20; version++) {
        texts.push(`journey Shop {\n    stage Browse {\n        touchpoint Home "${'H'.repeat(version)}" { channel web }\n    }\n}\n`);
        change(TextDocument.create(uri, 'journey', version, texts[version - 1]));
        await new Promise(resolve => setImmediate(resolve));
    }
    change(TextDocument.create('file:///typing/notes.md', 'markdown', 1, '# Notes'));

    await new Promise(resolve => setTimeout(resolve, CHANGE_QUIET_MS * 4));
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, URI.parse(uri));
    // Without the pause before parsing, every one of the 20 versions is parsed; with it, the last (a busy machine may let another slip through).
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
