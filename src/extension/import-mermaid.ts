/**
 * "Journey: Import Mermaid Journey": the Mermaid journey diagrams of the active editor (its
 * selection, or the whole file: a .mmd file or every ```mermaid journey block of Markdown) as a
 * new, untitled .journey map beside it. Nothing is written to disk, so nothing is left half
 * written when a diagram cannot be read: the error says which line.
 */
import * as vscode from 'vscode';
import { fileName } from './preview/journey-preview.js';
import { importMermaidJourneys, MermaidJourneyError } from '../import/mermaid-journey.js';

export function registerMermaidImport(context: vscode.ExtensionContext): void {
    context.subscriptions.push(vscode.commands.registerCommand('journey.importMermaidJourney', async (resource?: vscode.Uri) => {
        const editor = vscode.window.activeTextEditor;
        let text: string;
        let name: string;
        let markdown: boolean;
        let firstLine = 0;
        if (resource && resource.toString() !== editor?.document.uri.toString()) {
            text = new TextDecoder().decode(await vscode.workspace.fs.readFile(resource));
            name = fileName(resource.path);
            markdown = /\.(md|markdown)$/i.test(name);
        } else if (editor) {
            const selection = editor.selection;
            const selected = !selection.isEmpty;
            text = editor.document.getText(selected ? selection : undefined);
            firstLine = selected ? selection.start.line : 0;
            name = fileName(editor.document.uri.path);
            // A selection of a Markdown file may be one diagram or several fenced blocks.
            markdown = editor.document.languageId === 'markdown' && (!selected || /^\s*(`{3,}|~{3,})/m.test(text));
        } else {
            void vscode.window.showInformationMessage('Open a Markdown or Mermaid file with a journey diagram, or select one, then import it.');
            return;
        }
        try {
            const map = importMermaidJourneys(text, markdown ? 'markdown' : 'mermaid', name);
            const document = await vscode.workspace.openTextDocument({ language: 'journey', content: map });
            await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside });
        } catch (error) {
            if (!(error instanceof MermaidJourneyError)) throw error;
            const line = error.line + firstLine;
            const choice = await vscode.window.showErrorMessage(`Could not import ${name}, line ${line}: ${error.message.replace(/^line \d+: /, '')}`, 'Show the line');
            if (choice === 'Show the line' && editor) {
                const position = new vscode.Position(Math.max(0, line - 1), 0);
                editor.selection = new vscode.Selection(position, position);
                editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
            }
        }
    }));
}
