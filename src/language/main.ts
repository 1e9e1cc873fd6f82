/**
 * The journey language server on the desktop, started by the extension as a Node process (IPC). It
 * reads files on disk itself, and asks the extension for files of a virtual workspace.
 */
import { NodeFileSystemProvider } from 'langium/node';
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { ClientFileSystemProvider, clientDataFiles, SchemeFileSystemProvider, schemeDataFiles } from './client-files.js';
import { NodeDataFiles } from './data/node-data-files.js';
import { startJourneyServer } from './server.js';
import { ThreadedParser } from './threaded-parser.js';

const connection = createConnection(ProposedFeatures.all);
startJourneyServer(connection, {
    fileSystemProvider: () => new SchemeFileSystemProvider(new NodeFileSystemProvider(), new ClientFileSystemProvider(connection)),
    dataFiles: schemeDataFiles(NodeDataFiles, clientDataFiles(connection)),
    // Beside this file in out/: large journeys are parsed there, off the thread that answers requests.
    asyncParser: services => new ThreadedParser(services, fileURLToPath(new URL('./parser-worker.cjs', import.meta.url)), undefined, message => connection.console.error(message))
});
