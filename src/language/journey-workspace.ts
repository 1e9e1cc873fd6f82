/**
 * Which documents the workspace holds: the built-in channel library in every workspace, so `channel web`
 * resolves like a declared channel; and, of the documents a client opens, only those of this language.
 */
import { DefaultWorkspaceManager, URI, type LangiumDocument, type LangiumDocumentFactory, type LangiumSharedCoreServices } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceFolder } from 'vscode-languageserver-types';
import { BUILTIN_LIBRARY_URI, builtinLibraryText } from './vocabulary.js';

export class JourneyWorkspaceManager extends DefaultWorkspaceManager {
    private readonly documentFactory: LangiumDocumentFactory;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.documentFactory = services.workspace.LangiumDocumentFactory;
    }

    protected override async loadAdditionalDocuments(folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void): Promise<void> {
        await super.loadAdditionalDocuments(folders, collector);
        collector(this.documentFactory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI)));
    }
}

/** Compared in URI's own spelling: it writes `journey-builtin:///channels.journey` as `journey-builtin:/channels.journey`. */
const BUILTIN_LIBRARY = URI.parse(BUILTIN_LIBRARY_URI).toString();

/**
 * Builds an opened document only if the journey language can serve it (by language id or extension).
 * Langium builds any opened document; one it has no services for throws inside the build, which ends
 * the server process (an unhandled rejection) and would fail every later build as well.
 */
export class JourneyDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        if (this.serviceRegistry.hasServices(URI.parse(change.document.uri))) super.didChangeContent(change);
    }
}

export function isBuiltinLibrary(uri: URI | string): boolean {
    return (typeof uri === 'string' ? URI.parse(uri) : uri).toString() === BUILTIN_LIBRARY;
}
