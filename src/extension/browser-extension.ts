/**
 * The extension in the browser (vscode.dev, github.dev): the language server runs in a web worker
 * and reads the workspace through the extension (vscode.workspace.fs); a PDF cannot be printed
 * there, so the HTML export is offered instead. Everything else is activate.ts, shared with the desktop.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { activateJourney, caughtByRestart, deactivateJourney, type CancellationToken, type JourneyExtensionApi, type MessageSignature } from './activate.js';

/** Answers quietly for a request caught by a restart (see caughtByRestart). */
class JourneyLanguageClient extends LanguageClient {
    override handleFailedRequest<T>(type: MessageSignature, token: CancellationToken | undefined, error: unknown, defaultValue: T, showNotification = true, throwOnCancel = false): T {
        return caughtByRestart(this, type, error) ? defaultValue : super.handleFailedRequest(type, token, error, defaultValue, showNotification, throwOnCancel);
    }
}

/**
 * The server's worker. Its script is read through VS Code's file system and started from a blob:
 * VS Code starts no worker from an extension's own URL when the extension is installed on a remote
 * (code-server, a dev container), and a blob is the same everywhere.
 */
async function serverWorker(context: vscode.ExtensionContext): Promise<MessageTransports> {
    const script = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'out', 'web', 'server.js'));
    const url = URL.createObjectURL(new Blob([new Uint8Array(script)], { type: 'text/javascript' }));
    const worker = new Worker(url, { name: 'Journey Language Server' });
    // The transports are made here: VS Code's Worker in its extension host is not the class the client tests for.
    return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
}

export function activate(context: vscode.ExtensionContext): Promise<JourneyExtensionApi> {
    return activateJourney(context, {
        // A new worker for each start, so a restart starts a new server.
        createClient: options => new JourneyLanguageClient('journey', 'Journey Language Server', () => serverWorker(context), options)
    });
}

export const deactivate = deactivateJourney;
