/** The journey language server, started by the extension over stdio (or IPC). */
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createJourneyServices } from './journey-module.js';
import { registerViewModelService } from './view-model-service.js';

const connection = createConnection(ProposedFeatures.all);
const { shared, Journey } = createJourneyServices({ connection, ...NodeFileSystem });
registerViewModelService(connection, shared, Journey);
// Settings change what the validator reports: validate every journey again.
shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
    if (update.section !== 'journey') return;
    const uris = shared.workspace.LangiumDocuments.all.map(document => document.uri).toArray();
    void shared.workspace.DocumentBuilder.update(uris, []);
});
startLanguageServer(shared);
