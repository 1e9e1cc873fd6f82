/**
 * Every message between the language server, the extension host and the preview webview,
 * named once so the three sides cannot drift apart.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import type { DocumentViewModel, SourceRange } from './model/view-model.js';
import type { JourneyHealth } from './render/portfolio.js';

/**
 * Language server <-> extension (custom LSP messages). Typed, so `client.sendRequest` and
 * `connection.onRequest` check the parameters and the result at both ends.
 */
export interface ViewModelParams { uri: string }
export type ViewModelResult = DocumentViewModel | null;
export const ViewModelRequest = new RequestType<ViewModelParams, ViewModelResult, void>('journey/viewModel');

/**
 * Server -> extension, where the server cannot read the workspace itself (a web worker): the
 * extension reads it with `vscode.workspace.fs`. Bytes travel in base64.
 */
export interface ClientFileStat { type: 'file' | 'directory'; mtime: number; size: number }
export const ClientStatRequest = new RequestType<{ uri: string }, ClientFileStat | null, void>('journey/files/stat');
export const ClientReadDirectoryRequest = new RequestType<{ uri: string }, Array<{ uri: string; type: 'file' | 'directory' }>, void>('journey/files/readDirectory');
export const ClientReadFileRequest = new RequestType<{ uri: string }, string, void>('journey/files/read');

/** Sent by the server, debounced, after documents were rebuilt. */
export interface ModelChangedParams { uris: string[] }
export const ModelChangedNotification = new NotificationType<ModelChangedParams>('journey/modelChanged');

/**
 * Every message between the extension and the preview names the document it is about: `source`,
 * its URI as the language server spells it in the view model. The receiver drops a cursor, an
 * export or a reveal about another document than the one it shows, so a preview that switched
 * documents never applies a message of the old one to the new.
 */
export interface Sourced { source: string }

/** A message before the sender names its document. */
export type Unsourced<T extends Sourced> = T extends unknown ? Omit<T, 'source'> : never;

/** Extension -> webview. */
export type ToPreviewMessage = Sourced & (
    /**
     * `model`: the DocumentViewModel as JSON. On its way to the webview a message is copied at every
     * hop (extension host, workbench, the webview's frames); a string is one block to copy, where
     * the model's tens of thousands of small objects were cloned one by one at each hop.
     */
    | { type: 'model'; model: string; options: PreviewOptions }
    | { type: 'cursor'; position: { line: number; character: number } | null }
    /** About the document the panel follows now, whatever picture is on screen. */
    | { type: 'status'; message: string; kind: 'info' | 'error' }
    /** `images`: each picture's file as an inline `data:` URL, for the export to carry. */
    | { type: 'export'; format: ExportFormat; images?: Record<string, string> });

export interface PreviewOptions {
    /** The active VS Code theme kind, for the matching Mermaid theme. */
    theme: 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';
    /** Whether the preview is locked to this document; the webview keeps it in its PreviewState. */
    locked?: boolean;
    /** journey.preview.maxTouchpoints: above it the preview says "too large to draw" instead of drawing. */
    maxTouchpoints?: number;
    /** journey.map.language: the language of the map's own words where a journey does not name one. */
    language?: string;
    /** Where the preview loads each picture's file from (PictureView.file → the webview's resource URL). */
    images?: Record<string, string>;
}

export type ExportFormat = 'svg' | 'png' | 'pdf' | 'html' | 'mermaid';

/** Webview -> extension; `source` is the document of the picture on screen ('' before the first). */
export type FromPreviewMessage = Sourced & (
    | { type: 'ready' }
    /** `uri` when the element was declared in another file than `source` (a shared persona). */
    | { type: 'reveal'; range: SourceRange; uri?: string }
    /**
     * The toolbar's Export menu: the extension answers with `export`, carrying the pictures' bytes,
     * which the webview may show but not read.
     */
    | { type: 'requestExport'; format: ExportFormat }
    /** SVG or HTML markup, Mermaid text, a PNG `data:` URL, or for PDF the HTML page to print. */
    | { type: 'exported'; format: ExportFormat; data: string }
    | { type: 'error'; message: string }
    /** Escape in the preview: the keyboard goes back to the editor. */
    | { type: 'focusEditor' });

/**
 * A PNG drawn in the CLI's export page: the density it was drawn at and the map's own size in CSS
 * pixels. The image stays in the page as `window.journeyPng`, a Blob the CLI reads with the
 * DevTools protocol's IO domain: as a `data:` URL returned by value it took twice as long.
 */
export interface PngExport { scale: number; width: number; height: number }
/**
 * CLI -> its export page in headless Chromium (`window.journeyExport`): the export as text, or
 * for PNG its density (`pngScale` asks for one). For PDF the page lays the map out for printing
 * and says `'print'`: the CLI prints that page before it draws the next map in it.
 */
export type JourneyExport = (format: ExportFormat, model: DocumentViewModel, language?: string, images?: Record<string, string>, pngScale?: number) => Promise<string | PngExport>;

/** The state the webview keeps across reloads (getState/setState). */
export interface PreviewState {
    uri: string;
    locked: boolean;
    personaFilter?: string[];
    /** The segment whose personas, touchpoints and KPIs alone are drawn; all when absent. */
    segment?: string;
    zoom?: number;
    /** "Fit width" showed the summary of the map. */
    summary?: boolean;
    /** Whether the overview band is shown; shown unless the reader folded it away. */
    overview?: boolean;
}

/**
 * Language server -> extension: every journey of the workspace with its health, for the Explorer's
 * Journey Maps view. `file` is the file's name; the extension shows it relative to the workspace.
 */
export interface PortfolioResult { journeys: JourneyHealth[] }
export const PortfolioRequest = new RequestType<Record<string, never>, PortfolioResult, void>('journey/portfolio');
