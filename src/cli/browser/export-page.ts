/**
 * The browser side of `journey render --format html|svg|png`: loaded into headless Chromium,
 * it runs the preview's own export (src/webview/export.ts), so a file exported from the
 * command line is the same as one exported from the editor. Bundled as one classic script
 * (out/cli-export.js) because the CLI injects it into an empty page without a server.
 */
import type { DocumentViewModel } from '../../model/view-model.js';
import type { ExportFormat } from '../../protocol.js';
import { exportMap } from '../../webview/export.js';

/** Every persona of the document, in the order the preview colours them. */
function personasOf(model: DocumentViewModel): Array<{ id: string; label: string }> {
    const personas = model.personas.map(p => ({ id: p.id, label: p.label }));
    for (const journey of model.journeys) {
        for (const lane of [...journey.emotionLanes, ...(journey.baseline?.emotionLanes ?? [])]) {
            if (!personas.some(p => p.id === lane.persona)) personas.push({ id: lane.persona, label: lane.label });
        }
    }
    return personas;
}

export type JourneyExport = (format: ExportFormat, model: DocumentViewModel) => Promise<string>;

declare global {
    interface Window { journeyExport?: JourneyExport }
}

window.journeyExport = (format, model) => {
    const personas = personasOf(model);
    return exportMap(format, model, { personaOrder: personas.map(p => p.id), personaLabels: new Map(personas.map(p => [p.id, p.label])) });
};
