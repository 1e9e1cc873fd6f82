/**
 * The export page's work (loaded by export-page.ts): it runs the preview's own export
 * (src/webview/export/export-map.ts), so a file exported from the command line is the same as
 * one exported from the editor.
 */
import { personasOf } from '../../render/elements.js';
import { messagesFor } from '../../render/languages.js';
import type { JourneyExport } from '../../protocol.js';
import { exportMap, exportPng, mountForPrint } from '../../webview/export/export-map.js';
import { timelineConfig, warmUpMermaid } from '../../webview/overview.js';
import { exportTheme } from '../../webview/theme.js';

declare global {
    interface Window { journeyExport?: JourneyExport; journeyPng?: Blob }
}

/** What puts the page back after a PDF was printed from it. */
let printed: (() => void) | undefined;

window.journeyExport = async (format, model, language, images, pngScale) => {
    printed?.();
    printed = undefined;
    const context = { messages: messagesFor(language), personaOrder: personasOf(model).map(p => p.id), images, pngScale };
    window.journeyPng = undefined;
    if (format === 'png') {
        const { blob, ...png } = await exportPng(model, context);
        window.journeyPng = blob;
        return png;
    }
    if (format !== 'pdf') return exportMap(format, model, context);
    // Printed from this page: a tab of its own for the printable page would take longer.
    printed = await mountForPrint(model, context);
    return 'print';
};

// Every map's overview is a timeline drawn by Mermaid: it is made ready while the CLI reads the maps.
warmUpMermaid(timelineConfig(exportTheme()));
