/**
 * Serves the journey view model over LSP: a request for one document's model, and a debounced
 * notification naming the documents whose model changed after a build.
 */
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver';
import { ModelChangedNotification, ViewModelRequest, type ModelChangedParams, type ViewModelResult } from '../../protocol.js';
import type { ClientUris } from '../client-uris.js';
import type { JourneyServices } from '../journey-module.js';
import { isBuiltinLibrary } from '../journey-workspace.js';

/** Builds in quick succession (one per keystroke) are announced once. */
const NOTIFY_DELAY_MS = 30;

export function registerViewModelService(connection: Connection, shared: LangiumSharedServices, journey: JourneyServices, clientUris: ClientUris): void {
    const documents = shared.workspace.LangiumDocuments;
    const builder = shared.workspace.DocumentBuilder;

    connection.onRequest(ViewModelRequest, async (params): Promise<ViewModelResult> => {
        if (typeof params?.uri !== 'string') {
            throw new ResponseError(ErrorCodes.InvalidParams, `${ViewModelRequest.method} needs the document's URI as { "uri": "file:///..." }; it got ${JSON.stringify(params)?.slice(0, 100)}.`);
        }
        const uri = URI.parse(params.uri);
        if (!documents.hasDocument(uri)) return null;
        await builder.waitUntil(DocumentState.Validated, uri);
        const document = documents.getDocument(uri);
        return document ? clientUris.inClientSpelling(journey.model.ViewModelBuilder.build(document)) : null;
    });

    const changed = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | undefined;
    builder.onBuildPhase(DocumentState.Validated, (built: LangiumDocument[]) => {
        for (const document of built) {
            if (!isBuiltinLibrary(document.uri)) changed.add(document.uri.toString());
        }
        if (changed.size === 0 || timer) return;
        timer = setTimeout(() => {
            timer = undefined;
            const params: ModelChangedParams = { uris: [...changed].map(uri => clientUris.toClient(uri)) };
            changed.clear();
            void connection.sendNotification(ModelChangedNotification, params);
        }, NOTIFY_DELAY_MS);
    });
}
