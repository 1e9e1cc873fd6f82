/** The journey language server, started by the extension over stdio (or IPC). */
import { DocumentState } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { speakClientUris } from './client-uris.js';
import { createJourneyServices } from './journey-module.js';
import { registerViewModelService } from './lsp/view-model-service.js';

const connection = createConnection(ProposedFeatures.all);
const clientUris = speakClientUris(connection);
const { shared, Journey } = createJourneyServices({ connection, ...NodeFileSystem });
registerViewModelService(connection, shared, Journey, clientUris);
// Settings change what the validator reports, not the text: validate every document again. Under the
// workspace lock, like every other build, so it never races an edit's build: `update` then rebuilds
// whatever is below Validated, including documents whose build an earlier write cancelled.
shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
    if (update.section !== 'journey') return;
    void shared.workspace.WorkspaceLock.write(token => {
        for (const document of shared.workspace.LangiumDocuments.all) {
            if (document.state >= DocumentState.Validated) shared.workspace.DocumentBuilder.resetToState(document, DocumentState.IndexedReferences);
        }
        return shared.workspace.DocumentBuilder.update([], [], token);
    });
});
startLanguageServer(shared);
