/**
 * The export page's work (loaded by export-page.ts): it runs the preview's own export
 * (src/webview/export/export-map.ts), so a file exported from the command line is the same as
 * one exported from the editor.
 */
import { personasOf } from '../../render/elements.js';
import { messagesFor } from '../../render/languages.js';
import type { JourneyExport } from '../../protocol.js';
import { exportMap, exportPng } from '../../webview/export/export-map.js';
import { timelineConfig, warmUpMermaid } from '../../webview/overview.js';
import { exportTheme } from '../../webview/theme.js';

declare global {
    interface Window { journeyExport?: JourneyExport }
}

window.journeyExport = (format, model, language, images, pngScale) => {
    const context = { messages: messagesFor(language), personaOrder: personasOf(model).map(p => p.id), images, pngScale };
    return format === 'png' ? exportPng(model, context) : exportMap(format, model, context);
};

// Every map's overview is a timeline drawn by Mermaid: it is made ready while the CLI reads the maps.
warmUpMermaid(timelineConfig(exportTheme()));
