/**
 * Which documents the workspace holds: the built-in channel library in every workspace, so `channel web`
 * resolves like a declared channel; and, of the documents a client opens, only those of this language,
 * rebuilt once for a burst of changes.
 */
import {
    Cancellation, DefaultDocumentBuilder, DefaultWorkspaceManager, DocumentState, OperationCancelled, URI,
    type BuildOptions, type LangiumDocument, type LangiumDocumentFactory, type LangiumSharedCoreServices
} from 'langium';
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

/**
 * How long a build waits before parsing changed text. Long enough for the server to read the changes
 * that queued up while it was busy (the connection hands over one message per turn of the event loop).
 */
export const CHANGE_QUIET_MS = 5;

/**
 * Builds only the newest text of a burst of changes. Langium queues a build per change, and a newer
 * change cancels a build only between its phases; parsing cannot be interrupted. So while someone
 * typed into a large journey, the server parsed every intermediate version, one after the other, and
 * fell further behind with every keystroke (4 s of typing into a 1,000-touchpoint journey left its
 * diagnostics 18 s behind). Pausing briefly before parsing lets the queued changes arrive and cancel
 * this build first. Builds that cannot be cancelled (in tests, for example) do not pause.
 */
export class JourneyDocumentBuilder extends DefaultDocumentBuilder {
    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        if (cancelToken !== Cancellation.CancellationToken.None && documents.some(document => document.state < DocumentState.Parsed)) {
            if (cancelToken.isCancellationRequested) throw OperationCancelled;
            await new Promise(resolve => setTimeout(resolve, CHANGE_QUIET_MS));
            if (cancelToken.isCancellationRequested) throw OperationCancelled;
        }
        return super.buildDocuments(documents, options, cancelToken);
    }
}

export function isBuiltinLibrary(uri: URI | string): boolean {
    return (typeof uri === 'string' ? URI.parse(uri) : uri).toString() === BUILTIN_LIBRARY;
}
