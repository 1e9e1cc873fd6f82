/**
 * Serves every journey's health for the Explorer's Journey Maps view. All .journey files of the
 * workspace are validated (see JourneyWorkspaceManager), so each has its diagnostics; a document's
 * rows are kept until its next validation, so a workspace of hundreds of maps answers at once.
 */
import { DocumentState, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { Diagnostic } from 'vscode-languageserver-types';
import { PortfolioRequest, type PortfolioResult } from '../../protocol.js';
import { journeyHealth, type JourneyHealth } from '../../render/portfolio.js';
import type { ClientUris } from '../client-uris.js';
import type { JourneyServices } from '../journey-module.js';
import { isBuiltinLibrary } from '../journey-workspace.js';

export function registerPortfolioService(connection: Connection, shared: LangiumSharedServices, journey: JourneyServices, clientUris: ClientUris): void {
    const cache = new WeakMap<LangiumDocument, { diagnostics: Diagnostic[]; rows: JourneyHealth[] }>();
    connection.onRequest(PortfolioRequest, async (_params, token): Promise<PortfolioResult> => {
        await shared.workspace.WorkspaceManager.ready;
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, token);
        const rows: JourneyHealth[] = [];
        for (const document of shared.workspace.LangiumDocuments.all) {
            // Maps saved in the workspace: not the built-in library, nor a new map not yet saved.
            if (isBuiltinLibrary(document.uri) || document.uri.scheme === 'untitled' || document.state < DocumentState.Validated || !document.diagnostics) continue;
            let cached = cache.get(document);
            if (cached?.diagnostics !== document.diagnostics) {
                const model = journey.model.ViewModelBuilder.build(document);
                cached = { diagnostics: document.diagnostics, rows: journeyHealth(model, document.diagnostics, document.uri.path.split('/').pop() ?? '') };
                cache.set(document, cached);
            }
            rows.push(...cached.rows);
        }
        return clientUris.inClientSpelling({ journeys: rows });
    });
}
