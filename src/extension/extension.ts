/**
 * The extension on the desktop: the language server runs as a Node process, and a PDF is printed by
 * the user's Chrome, Chromium or Edge. Everything else is activate.ts, shared with the browser.
 */
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateJourney, caughtByRestart, deactivateJourney, type CancellationToken, type JourneyExtensionApi, type MessageSignature } from './activate.js';
import { siblingJourneyFiles } from '../markdown/sibling-journey-files.js';
import { printPdfOnDesktop } from './preview/desktop-pdf.js';

export type { JourneyExtensionApi };

/** Answers quietly for a request caught by a restart (see caughtByRestart). */
class JourneyLanguageClient extends LanguageClient {
    override handleFailedRequest<T>(type: MessageSignature, token: CancellationToken | undefined, error: unknown, defaultValue: T, showNotification = true, throwOnCancel = false): T {
        return caughtByRestart(this, type, error) ? defaultValue : super.handleFailedRequest(type, token, error, defaultValue, showNotification, throwOnCancel);
    }
}

export function activate(context: vscode.ExtensionContext): Promise<JourneyExtensionApi> {
    const serverModule = context.asAbsolutePath(path.join('out', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    return activateJourney(context, {
        createClient: options => new JourneyLanguageClient('journey', 'Journey Language Server', serverOptions, options),
        printPdf: printPdfOnDesktop,
        markdownContext: siblingJourneyFiles
    });
}

export const deactivate = deactivateJourney;
