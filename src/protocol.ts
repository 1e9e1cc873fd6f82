/**
 * Every message between the language server, the extension host and the preview webview,
 * named once so the three sides cannot drift apart.
 */
import type { DocumentViewModel, SourceRange } from './model/view-model.js';

/** Language server <-> extension (custom LSP messages). */
export const ViewModelRequest = 'journey/viewModel';
export interface ViewModelParams { uri: string }
export type ViewModelResult = DocumentViewModel | null;

/** Sent by the server, debounced, after documents were rebuilt. */
export const ModelChangedNotification = 'journey/modelChanged';
export interface ModelChangedParams { uris: string[] }

/** Extension -> webview. */
export type ToPreviewMessage =
    | { type: 'model'; model: DocumentViewModel; options: PreviewOptions }
    | { type: 'cursor'; position: { line: number; character: number } | null }
    | { type: 'status'; message: string; kind: 'info' | 'error' }
    | { type: 'export'; format: ExportFormat };

export interface PreviewOptions {
    /** The active VS Code theme kind, for the matching Mermaid theme. */
    theme: 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';
    /** Whether the preview is locked to this document; the webview keeps it in its PreviewState. */
    locked?: boolean;
    /** journey.preview.maxTouchpoints: above it the preview says "too large to draw" instead of drawing. */
    maxTouchpoints?: number;
    /** journey.map.language: the language of the map's own words where a journey does not name one. */
    language?: string;
}

export type ExportFormat = 'svg' | 'png' | 'pdf' | 'html' | 'mermaid';

/** Webview -> extension. */
export type FromPreviewMessage =
    | { type: 'ready' }
    | { type: 'reveal'; range: SourceRange; uri?: string }
    /** SVG or HTML markup, Mermaid text, a PNG `data:` URL, or for PDF the HTML page to print. */
    | { type: 'exported'; format: ExportFormat; data: string }
    | { type: 'error'; message: string }
    /** Escape in the preview: the keyboard goes back to the editor. */
    | { type: 'focusEditor' };

/** CLI -> its export page in headless Chromium (`window.journeyExport`): the export as text, a PNG `data:` URL, or the page to print. */
export type JourneyExport = (format: ExportFormat, model: DocumentViewModel, language?: string) => Promise<string>;

/** The state the webview keeps across reloads (getState/setState). */
export interface PreviewState {
    uri: string;
    locked: boolean;
    personaFilter?: string[];
    zoom?: number;
    /** "Fit width" showed the summary of the map. */
    summary?: boolean;
    /** Whether the overview band is shown; shown unless the reader folded it away. */
    overview?: boolean;
}
