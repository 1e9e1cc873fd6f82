/**
 * Runs inside code-server's extension host (bundled to CommonJS; `vscode` comes from the host).
 * Activates the journey extension, which starts the language server, and times it; then opens a
 * journey and times how long until the server answers for it. Reports one line per run.
 */
import * as vscode from 'vscode';
import { performance } from 'node:perf_hooks';
import { ACTIVATION_MARKER, JOURNEY_PATH_FILE, type ActivationSample } from './marker.js';

const EXTENSION_ID = 'journey-maps.journey-maps';

export async function run(): Promise<void> {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    if (!extension) throw new Error(`The extension ${EXTENSION_ID} is not loaded: check the extensionDevelopmentPath.`);
    if (extension.isActive) throw new Error('The extension was already active before the benchmark activated it: the time would be wrong.');
    const started = performance.now();
    await extension.activate();
    const activation = performance.now() - started;

    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('The benchmark opened no workspace folder.');
    const pointer = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, JOURNEY_PATH_FILE)));
    const file = vscode.Uri.file(pointer.trim());
    const opened = performance.now();
    const document = await vscode.workspace.openTextDocument(file);
    await vscode.window.showTextDocument(document);
    // Symbols need the parsed document; an empty answer means the server has not read it yet.
    let symbols: unknown[] | undefined;
    while (!symbols?.length) {
        symbols = await vscode.commands.executeCommand<unknown[]>('vscode.executeDocumentSymbolProvider', file);
        if (!symbols?.length) await new Promise(resolve => setTimeout(resolve, 10));
    }
    const firstAnswer = performance.now() - opened;
    const sample: ActivationSample = { activation, firstAnswer, lines: document.lineCount };
    console.log(`${ACTIVATION_MARKER} ${JSON.stringify(sample)}`);
}
