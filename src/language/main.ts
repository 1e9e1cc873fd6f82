/** The journey language server, started by the extension over stdio (or IPC). */
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createJourneyServices } from './journey-module.js';
import { registerViewModelService } from './view-model-service.js';

const connection = createConnection(ProposedFeatures.all);
const { shared, Journey } = createJourneyServices({ connection, ...NodeFileSystem });
registerViewModelService(connection, shared, Journey);
startLanguageServer(shared);
