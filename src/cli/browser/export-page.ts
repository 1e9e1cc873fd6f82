/**
 * The browser side of `journey render --format html|svg|png`: loaded into headless Chromium,
 * it runs the preview's own export (src/webview/export.ts), so a file exported from the
 * command line is the same as one exported from the editor. Bundled as one classic script
 * (out/cli-export.js) because the CLI injects it into an empty page without a server.
 */
import type { DocumentViewModel } from '../../model/view-model.js';
import { personasOf } from '../../render/elements.js';
import type { ExportFormat } from '../../protocol.js';
import { exportMap } from '../../webview/export.js';

export type JourneyExport = (format: ExportFormat, model: DocumentViewModel) => Promise<string>;

declare global {
    interface Window { journeyExport?: JourneyExport }
}

window.journeyExport = (format, model) => {
    const personas = personasOf(model);
    return exportMap(format, model, { personaOrder: personas.map(p => p.id), personaLabels: new Map(personas.map(p => [p.id, p.label])) });
};
