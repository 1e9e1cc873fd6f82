/** The journey language server in the browser (vscode.dev, github.dev): a web worker that reads the workspace through the extension. */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { ClientFileSystemProvider, clientDataFiles } from './client-files.js';
import { startJourneyServer } from './server.js';

/** The worker's own scope, which its messages come to and go from. */
const worker = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
startJourneyServer(connection, { fileSystemProvider: () => new ClientFileSystemProvider(connection), dataFiles: clientDataFiles(connection) });
