/**
 * Which documents the workspace holds: the built-in channel library in every workspace, so `channel web`
 * resolves like a declared channel; and, of the documents a client opens, only those of this language,
 * rebuilt once for a burst of changes.
 */
import {
    Cancellation, DefaultDocumentBuilder, DefaultWorkspaceManager, DocumentState, isOperationCancelled, OperationCancelled, URI,
    type BuildOptions, type LangiumDocument, type LangiumDocumentFactory, type LangiumSharedCoreServices
} from 'langium';
import { DefaultDocumentUpdateHandler, type LangiumSharedServices } from 'langium/lsp';
import type { DidChangeWatchedFilesParams, TextDocumentChangeEvent } from 'vscode-languageserver';
import type { DataSets } from './data/data-sets.js';
import { dataSourceUri } from './data/data-semantics.js';
import { isJourney, type Model } from './generated/ast.js';
import type { JourneyServices } from './journey-module.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { WorkspaceFolder } from 'vscode-languageserver-types';
import { BUILTIN_LIBRARY_URI, builtinLibraryText } from './vocabulary.js';

export class JourneyWorkspaceManager extends DefaultWorkspaceManager {
    private readonly documentFactory: LangiumDocumentFactory;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.documentFactory = services.workspace.LangiumDocumentFactory;
        // Every map of the workspace is validated, not only the open ones: the Problems panel and the
        // Journey Maps view show each map's health, and a rename's consequences, before it is opened.
        this.initialBuildOptions = { validation: true };
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
    private readonly shared: LangiumSharedServices;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.shared = services;
    }

    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        if (this.serviceRegistry.hasServices(URI.parse(change.document.uri))) super.didChangeContent(change);
    }

    /**
     * A research data file changed, appeared or went away: the maps that read it are validated again,
     * so their values, drift warnings and pictures follow the file. Langium itself only follows
     * files of the language.
     */
    override didChangeWatchedFiles(params: DidChangeWatchedFilesParams): void {
        const changed = new Set(params.changes.map(change => URI.parse(change.uri).toString()));
        const readers: LangiumDocument[] = [];
        for (const services of this.serviceRegistry.all) {
            const dataSets = (services as Partial<JourneyServices>).data?.DataSets;
            if (!dataSets) continue;
            for (const uri of changed) dataSets.forget(URI.parse(uri));
            for (const document of this.shared.workspace.LangiumDocuments.all) {
                if (document.state >= DocumentState.Validated && readsDataFile(document, dataSets, changed)) readers.push(document);
            }
        }
        if (readers.length > 0) revalidate(this.shared, readers);
        super.didChangeWatchedFiles(params);
    }
}

function readsDataFile(document: LangiumDocument, dataSets: DataSets, uris: ReadonlySet<string>): boolean {
    const model = document.parseResult.value as Model;
    return (model.elements ?? []).some(element => isJourney(element) && element.dataSources.some(source => {
        const uri = dataSourceUri(dataSets, source);
        return !('problem' in uri) && uris.has(uri.toString());
    }));
}

/**
 * Validates documents again although their text did not change (a setting or a data file did). Under
 * the workspace lock, like every other build, so it never races an edit's build: `update` then
 * rebuilds whatever is below Validated, including documents whose build an earlier write cancelled.
 */
export function revalidate(shared: LangiumSharedServices, documents: Iterable<LangiumDocument>): void {
    void shared.workspace.WorkspaceManager.ready.then(() => shared.workspace.WorkspaceLock.write(token => {
        for (const document of documents) {
            if (document.state >= DocumentState.Validated) shared.workspace.DocumentBuilder.resetToState(document, DocumentState.IndexedReferences);
        }
        return shared.workspace.DocumentBuilder.update([], [], token);
    }));
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
 * this build first. It pauses only after a build that a newer change interrupted: then the server
 * was busy, and more changes may be waiting to be read. A change to an idle server, as typing at
 * a human pace makes, is built at once. Builds that cannot be cancelled (in tests, for example) do not pause.
 */
export class JourneyDocumentBuilder extends DefaultDocumentBuilder {
    private interrupted = false;

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        if (cancelToken !== Cancellation.CancellationToken.None && documents.some(document => document.state < DocumentState.Parsed)) {
            if (cancelToken.isCancellationRequested) throw OperationCancelled;
            if (this.interrupted) {
                await new Promise(resolve => setTimeout(resolve, CHANGE_QUIET_MS));
                if (cancelToken.isCancellationRequested) throw OperationCancelled;
            }
        }
        try {
            await super.buildDocuments(documents, options, cancelToken);
            this.interrupted = false;
        } catch (error) {
            if (isOperationCancelled(error)) this.interrupted = true;
            throw error;
        }
    }
}

export function isBuiltinLibrary(uri: URI | string): boolean {
    return (typeof uri === 'string' ? URI.parse(uri) : uri).toString() === BUILTIN_LIBRARY;
}
