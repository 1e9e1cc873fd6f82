/** PDF exports on the desktop: printed by the user's Chrome, Chromium or Edge. */
import * as vscode from 'vscode';
import { findBrowser } from '../../export/find-browser.js';
import { printToPdf } from '../../export/print-pdf.js';
import type { PdfPrinter } from './journey-preview.js';

export const printPdfOnDesktop: PdfPrinter = async (page, exportHtml) => {
    const configured = vscode.workspace.getConfiguration('journey.export').get<string>('browserPath', '').trim();
    let browser: string | undefined;
    try {
        browser = findBrowser(configured || undefined, process.env, 'The setting journey.export.browserPath');
    } catch (error) {
        void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
        return undefined;
    }
    if (!browser) {
        const choice = await vscode.window.showErrorMessage(
            'A PDF is printed by Chrome, Chromium or Edge, and none was found on this machine. Install one, or set journey.export.browserPath to its program. Meanwhile, the HTML export prints from any browser.',
            'Open Settings', 'Export HTML');
        if (choice === 'Open Settings') void vscode.commands.executeCommand('workbench.action.openSettings', 'journey.export.browserPath');
        if (choice === 'Export HTML') exportHtml();
        return undefined;
    }
    try {
        return await vscode.window.withProgress(
            { location: vscode.ProgressLocation.Notification, title: 'Printing the journey map to PDF\u2026' },
            () => printToPdf(page, browser));
    } catch (error) {
        void vscode.window.showErrorMessage(`Could not make the PDF: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
    }
};
