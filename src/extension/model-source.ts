/**
 * What the preview needs from the language client: view models on request, and word when they change.
 * Implemented over the language server in extension.ts; the preview depends only on this.
 */
import type * as vscode from 'vscode';
import type { DocumentViewModel } from '../model/view-model.js';

export type ServerState =
    | { state: 'starting' }
    | { state: 'running' }
    | { state: 'stopped'; message: string };

export interface JourneyModelSource {
    /** The view model of the document as the server last built it (unsaved edits included). */
    getViewModel(uri: string): Promise<DocumentViewModel | null>;
    /** Fires with the URIs whose view model changed. */
    onDidChangeModels(listener: (uris: string[]) => void): vscode.Disposable;
    /** Fires when the language server starts, stops or crashes. */
    onDidChangeServerState(listener: (state: ServerState) => void): vscode.Disposable;
}
