/**
 * The journey language server, the same on the desktop (a Node process) and in the browser (a web
 * worker): only how it reaches the client and the files differs, and the entry points say which.
 */
import { startLanguageServer } from 'langium/lsp';
import type { AsyncParser, FileSystemProvider } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { speakClientUris } from './client-uris.js';
import type { DataFiles } from './data/data-sets.js';
import { createJourneyServices, type JourneyServices } from './journey-module.js';
import { revalidate } from './journey-workspace.js';
import { registerPortfolioService } from './lsp/portfolio-service.js';
import { registerViewModelService } from './lsp/view-model-service.js';

export function startJourneyServer(connection: Connection, files: { fileSystemProvider: () => FileSystemProvider; dataFiles: DataFiles; asyncParser?: (services: JourneyServices) => AsyncParser }): void {
    const clientUris = speakClientUris(connection);
    const { shared, Journey } = createJourneyServices({ connection, ...files });
    registerViewModelService(connection, shared, Journey, clientUris);
    registerPortfolioService(connection, shared, Journey, clientUris);
    // Settings change what the validator reports, not the text: validate every document again.
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(update => {
        if (update.section === 'journey') revalidate(shared, shared.workspace.LangiumDocuments.all);
    });
    startLanguageServer(shared);
}
