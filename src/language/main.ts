/** The journey language server, started by the extension over stdio (or IPC). */
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { speakClientUris } from './client-uris.js';
import { NodeDataFiles } from './data/node-data-files.js';
import { createJourneyServices } from './journey-module.js';
import { revalidate } from './journey-workspace.js';
import { registerPortfolioService } from './lsp/portfolio-service.js';
import { registerViewModelService } from './lsp/view-model-service.js';

const connection = createConnection(ProposedFeatures.all);
const clientUris = speakClientUris(connection);
const { shared, Journey } = createJourneyServices({ connection, ...NodeFileSystem, dataFiles: NodeDataFiles });
registerViewModelService(connection, shared, Journey, clientUris);
registerPortfolioService(connection, shared, Journey, clientUris);
// Settings change what the validator reports, not the text: validate every document again.
shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
    if (update.section === 'journey') revalidate(shared, shared.workspace.LangiumDocuments.all);
});
startLanguageServer(shared);
