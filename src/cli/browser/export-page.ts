/**
 * The browser side of `journey render --format html|svg|png|pdf`: loaded into headless
 * Chromium, it runs the preview's own export (src/webview/export/export-map.ts), so a file
 * exported from the command line is the same as one exported from the editor. Bundled as one
 * classic script (out/cli-export.js) because the CLI injects it into an empty page without a
 * server.
 */
import type { DocumentViewModel } from '../../model/view-model.js';
import { personasOf } from '../../render/elements.js';
import { messagesFor } from '../../render/languages.js';
import type { ExportFormat } from '../../protocol.js';
import { exportMap } from '../../webview/export/export-map.js';

export type JourneyExport = (format: ExportFormat, model: DocumentViewModel, language?: string) => Promise<string>;

declare global {
    interface Window { journeyExport?: JourneyExport }
}

window.journeyExport = (format, model, language) => {
    const personas = personasOf(model);
    return exportMap(format, model, { messages: messagesFor(language), personaOrder: personas.map(p => p.id) });
};
