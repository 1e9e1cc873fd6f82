/**
 * One preview panel: shows the journey map of one document, follows its edits and cursor,
 * reveals clicked elements in the editor and writes exports.
 */
import * as vscode from 'vscode';
import type { SourceRange } from '../../model/view-model.js';
import type { ExportFormat, FromPreviewMessage, PreviewOptions, ToPreviewMessage, Unsourced } from '../../protocol.js';
import type { JourneyModelSource, ServerState } from '../model-source.js';
import { fromBase64 } from '../../base64.js';
import { inlinePictures, type PictureReader } from '../../export/pictures.js';
import { isWithin } from '../../language/workspace-path.js';
import { journeyPictures, type DocumentViewModel } from '../../model/view-model.js';
import { createNonce, previewHtml } from './preview-html.js';
import { UpdateSchedule } from './update-schedule.js';

export const PREVIEW_VIEW_TYPE = 'journey.preview';

function journeyPicturesOf(model: DocumentViewModel) {
    return model.journeys.flatMap(journeyPictures);
}

/** Cursor moves arrive per keystroke; the picture only needs the one where typing paused. */
const CURSOR_DELAY_MS = 40;
/** Someone typing without a pause still sees the map follow at least this often. */
const MAX_UPDATE_WAIT_MS = 1000;

const EXPORT_FILTERS: Record<Exclude<ExportFormat, 'mermaid'>, { extension: string; filter: Record<string, string[]> }> = {
    svg: { extension: 'svg', filter: { 'SVG picture': ['svg'] } },
    png: { extension: 'png', filter: { 'PNG picture': ['png'] } },
    pdf: { extension: 'pdf', filter: { 'PDF document': ['pdf'] } },
    html: { extension: 'html', filter: { 'HTML page': ['html', 'htm'] } }
};

/**
 * The webview loads the extension's script and styles, and the maps' pictures from the workspace
 * folders and the folder of the map it shows: nothing else on the machine.
 */
export function webviewOptions(extensionUri: vscode.Uri, document?: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
    return {
        enableScripts: true,
        enableFindWidget: true,
        localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'out', 'webview'), vscode.Uri.joinPath(extensionUri, 'media'), ...pictureRoots(document)]
    };
}

function pictureRoots(document: vscode.Uri | undefined): vscode.Uri[] {
    const folders = (vscode.workspace.workspaceFolders ?? []).map(folder => folder.uri);
    return document && !vscode.workspace.getWorkspaceFolder(document) ? [...folders, vscode.Uri.joinPath(document, '..')] : folders;
}

/**
 * A picture's file, if it is one: a symbolic link is refused, since the roots are compared by path
 * and a link in the workspace can point anywhere (a key file, named like a picture).
 */
async function pictureFile(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
    try {
        const found = await vscode.workspace.fs.stat(uri);
        return found.type & vscode.FileType.SymbolicLink || !(found.type & vscode.FileType.File) ? undefined : found;
    } catch {
        return undefined;
    }
}

/** Whether a picture's file lies in one of the roots the webview may load from. */
function inPictureRoots(file: vscode.Uri, document: vscode.Uri): boolean {
    return pictureRoots(document).some(root => isWithin(file, root));
}

function themeOf(kind: vscode.ColorThemeKind): PreviewOptions['theme'] {
    switch (kind) {
        case vscode.ColorThemeKind.Dark: return 'dark';
        case vscode.ColorThemeKind.HighContrast: return 'high-contrast';
        case vscode.ColorThemeKind.HighContrastLight: return 'high-contrast-light';
        default: return 'light';
    }
}

/**
 * Prints the export page to PDF bytes: with the user's browser on the desktop; undefined (after
 * saying why) when there is none to print with.
 */
export type PdfPrinter = (page: string, exportHtml: () => void) => Promise<Uint8Array | undefined>;

/** The last segment of a URI's path: the file's name. */
export function fileName(uriPath: string): string {
    return uriPath.slice(uriPath.lastIndexOf('/') + 1);
}

export interface PreviewHost {
    readonly extensionUri: vscode.Uri;
    /** Absent where no browser can be started (vscode.dev): a PDF export says how to get one instead. */
    readonly printPdf?: PdfPrinter;
    readonly source: JourneyModelSource;
    readonly log: vscode.LogOutputChannel;
    /** The language server's state as last reported, for previews opened after it changed. */
    readonly serverState: ServerState | undefined;
    didBecomeActive(preview: JourneyPreview): void;
    didDispose(preview: JourneyPreview): void;
}

export class JourneyPreview implements vscode.Disposable {
    private readonly disposables: vscode.Disposable[] = [];
    private ready = false;
    private readonly updates = new UpdateSchedule(() => void this.sendModel());
    private cursorTimer: ReturnType<typeof setTimeout> | undefined;
    /** Bumped per model request, so a slow answer for an older state is dropped. */
    private request = 0;
    /** Where the user last edited the document: reveals go back there. */
    private sourceColumn: vscode.ViewColumn | undefined;
    private disposed = false;
    /** The model last sent: its pictures go with an export. */
    private shown: DocumentViewModel | undefined;

    constructor(
        readonly panel: vscode.WebviewPanel,
        private resourceUri: vscode.Uri,
        private lockedToResource: boolean,
        private readonly host: PreviewHost
    ) {
        panel.webview.options = webviewOptions(host.extensionUri, resourceUri);
        panel.webview.html = this.html();
        this.updateTitle();
        this.disposables.push(
            panel.onDidDispose(() => this.dispose()),
            panel.onDidChangeViewState(event => { if (event.webviewPanel.active) host.didBecomeActive(this); }),
            panel.webview.onDidReceiveMessage((message: FromPreviewMessage) => void this.receive(message)),
            host.source.onDidChangeModels(uris => { if (uris.includes(this.resourceUri.toString())) this.scheduleModel(); }),
            host.source.onDidChangeServerState(state => this.serverStateChanged(state)),
            vscode.window.onDidChangeTextEditorSelection(event => {
                if (event.textEditor.document.uri.toString() !== this.resourceUri.toString()) return;
                this.sourceColumn = event.textEditor.viewColumn ?? this.sourceColumn;
                this.scheduleCursor(event.textEditor.document, event.selections[0]?.active);
            }),
            vscode.window.onDidChangeActiveColorTheme(() => void this.sendModel()),
            vscode.workspace.onDidChangeConfiguration(event => {
                if (event.affectsConfiguration('journey.preview') || event.affectsConfiguration('journey.map')) void this.sendModel();
            })
        );
    }

    get resource(): vscode.Uri {
        return this.resourceUri;
    }

    get locked(): boolean {
        return this.lockedToResource;
    }

    /** Shows another document (an unlocked preview follows the active journey editor). */
    show(resource: vscode.Uri): void {
        if (resource.toString() === this.resourceUri.toString()) return;
        this.resourceUri = resource;
        this.panel.webview.options = webviewOptions(this.host.extensionUri, resource);
        this.sourceColumn = undefined;
        this.updateTitle();
        void this.sendModel();
    }

    setLocked(locked: boolean): void {
        this.lockedToResource = locked;
        this.updateTitle();
        void this.sendModel();
    }

    /** Exports carry their pictures inline, read here: the webview may show a file but not read its bytes. */
    async requestExport(format: ExportFormat): Promise<void> {
        const images = this.shown && journeyPicturesOf(this.shown).length > 0 ? await inlinePictures(this.shown, this.pictureReader()).catch(() => ({})) : undefined;
        this.post({ type: 'export', format, ...(images ? { images } : {}) });
    }

    private pictureReader(): PictureReader {
        const document = this.resourceUri;
        return {
            allowed: file => inPictureRoots(vscode.Uri.parse(file), document),
            async read(file, limit) {
                const uri = vscode.Uri.parse(file);
                const found = await pictureFile(uri);
                return found && found.size <= limit ? vscode.workspace.fs.readFile(uri) : undefined;
            }
        };
    }

    /**
     * Where the webview loads each picture from: its resource URL, for the files it may load and
     * that are there. The URL carries the file's modification time, so an edited picture is drawn anew.
     */
    private async pictureUrls(model: DocumentViewModel): Promise<Record<string, string> | undefined> {
        const pictures = journeyPicturesOf(model);
        if (pictures.length === 0) return undefined;
        const urls: Record<string, string> = {};
        await Promise.all(pictures.map(async picture => {
            const file = vscode.Uri.parse(picture.file);
            if (!inPictureRoots(file, this.resourceUri)) return;
            const found = await pictureFile(file);
            if (found) urls[picture.file] = this.panel.webview.asWebviewUri(file).with({ query: `mtime=${found.mtime}` }).toString();
        }));
        return urls;
    }

    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        this.updates.dispose();
        clearTimeout(this.cursorTimer);
        for (const disposable of this.disposables.splice(0)) disposable.dispose();
        this.panel.dispose();
        this.host.didDispose(this);
    }

    private html(): string {
        const webview = this.panel.webview;
        const extensionUri = this.host.extensionUri;
        return previewHtml({
            cspSource: webview.cspSource,
            nonce: createNonce(),
            scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'out', 'webview', 'preview.js')).toString(),
            styleUri: webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'preview.css')).toString()
        });
    }

    private updateTitle(): void {
        const name = fileName(this.resourceUri.path);
        this.panel.title = this.lockedToResource ? `[Preview] ${name}` : `Preview ${name}`;
    }

    private post(message: Unsourced<ToPreviewMessage>): void {
        if (this.ready && !this.disposed) void this.panel.webview.postMessage({ ...message, source: this.resourceUri.toString() } satisfies ToPreviewMessage);
    }

    /** Whether a message from the webview is about the document shown now, not one it showed before. */
    private isAbout(source: string): boolean {
        try {
            return vscode.Uri.parse(source, true).toString() === this.resourceUri.toString();
        } catch {
            return false;
        }
    }

    private options(): PreviewOptions {
        const maxTouchpoints = vscode.workspace.getConfiguration('journey.preview', this.resourceUri).get<number>('maxTouchpoints', 2000);
        const language = vscode.workspace.getConfiguration('journey.map', this.resourceUri).get<string>('language', '').trim() || undefined;
        return { theme: themeOf(vscode.window.activeColorTheme.kind), locked: this.lockedToResource, maxTouchpoints, language };
    }

    private scheduleModel(): void {
        const delay = vscode.workspace.getConfiguration('journey.preview', this.resourceUri).get<number>('updateDelay', 100);
        this.updates.request(delay, Math.max(MAX_UPDATE_WAIT_MS, delay));
    }

    /**
     * The cursor in a line's indentation (where Go to Line and Home put it) counts as on the line's
     * statement, so the picture shows what the line says rather than the block around it.
     */
    private scheduleCursor(document: vscode.TextDocument, position: vscode.Position | undefined): void {
        clearTimeout(this.cursorTimer);
        const character = position && position.line < document.lineCount
            ? Math.max(position.character, document.lineAt(position.line).firstNonWhitespaceCharacterIndex)
            : position?.character;
        this.cursorTimer = setTimeout(() => {
            this.post({ type: 'cursor', position: position ? { line: position.line, character: character! } : null });
        }, CURSOR_DELAY_MS);
    }

    private async sendModel(): Promise<void> {
        if (!this.ready) return;
        const request = ++this.request;
        const uri = this.resourceUri.toString();
        let model;
        try {
            model = await this.host.source.getViewModel(uri);
        } catch (error) {
            if (request !== this.request) return;
            this.host.log.error(`Preview: could not get the journey model of ${uri}`, error);
            this.post({ type: 'status', kind: 'error', message: `The language server could not build the map of ${fileName(this.resourceUri.path)}. Details are in the output channel "Journey Preview".` });
            return;
        }
        if (request !== this.request || this.disposed) return;
        if (!model) {
            const state = this.host.serverState;
            this.post(state?.state === 'stopped'
                ? { type: 'status', kind: 'error', message: state.message }
                : { type: 'status', kind: 'info', message: 'Waiting for the journey language server to read this file\u2026' });
            return;
        }
        this.shown = model;
        const images = await this.pictureUrls(model);
        if (request !== this.request || this.disposed) return;
        this.post({ type: 'model', model: JSON.stringify(model), options: { ...this.options(), ...(images ? { images } : {}) } });
        const editor = vscode.window.activeTextEditor;
        if (editor?.document.uri.toString() === uri) this.scheduleCursor(editor.document, editor.selection.active);
    }

    private serverStateChanged(state: ServerState): void {
        if (state.state === 'stopped') {
            this.post({ type: 'status', kind: 'error', message: `${state.message} The preview keeps the last picture until the server is back.` });
        } else if (state.state === 'running') {
            void this.sendModel();
        }
    }

    private async receive(message: FromPreviewMessage): Promise<void> {
        switch (message.type) {
            case 'ready':
                this.ready = true;
                await this.sendModel();
                break;
            case 'reveal':
                // A click on the picture of a document the preview no longer shows.
                if (!this.isAbout(message.source)) return this.host.log.info(`Preview: dropped a reveal in ${message.source}, which the preview no longer shows.`);
                await this.reveal(message.range, message.uri ? vscode.Uri.parse(message.uri) : this.resourceUri);
                break;
            case 'requestExport':
                if (this.isAbout(message.source)) await this.requestExport(message.format);
                break;
            case 'exported':
                if (!this.isAbout(message.source)) {
                    void vscode.window.showInformationMessage(`The preview moved on to ${fileName(this.resourceUri.path)} before the export of the earlier map was ready: nothing was saved. Export again.`);
                    return;
                }
                await this.saveExport(message.format, message.data);
                break;
            case 'error':
                this.host.log.warn(`Preview of ${this.resourceUri.toString()}: ${message.message}`);
                break;
            case 'focusEditor':
                await this.focusEditor();
                break;
        }
    }

    /** Escape in the preview: back to the editor of the document it shows, where the cursor was. */
    private async focusEditor(): Promise<void> {
        const visible = vscode.window.visibleTextEditors.find(editor => editor.document.uri.toString() === this.resourceUri.toString());
        if (visible) {
            await vscode.window.showTextDocument(visible.document, { viewColumn: visible.viewColumn, preserveFocus: false, selection: visible.selection });
        } else {
            await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
        }
    }

    /** Selects the range in the document, opening it beside the preview if it is not visible. */
    private async reveal(range: SourceRange, uri: vscode.Uri): Promise<void> {
        const selection = new vscode.Selection(range.start.line, range.start.character, range.end.line, range.end.character);
        const visible = vscode.window.visibleTextEditors.find(editor => editor.document.uri.toString() === uri.toString());
        const column = visible?.viewColumn
            ?? (uri.toString() === this.resourceUri.toString() ? this.sourceColumn : undefined)
            ?? (this.panel.viewColumn && this.panel.viewColumn > vscode.ViewColumn.One ? this.panel.viewColumn - 1 : vscode.ViewColumn.Beside);
        try {
            const document = visible?.document ?? await vscode.workspace.openTextDocument(uri);
            const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false, selection });
            editor.selection = selection;
            editor.revealRange(selection, vscode.TextEditorRevealType.InCenter);
        } catch (error) {
            this.host.log.error(`Preview: could not open ${uri.toString()}`, error);
            void vscode.window.showWarningMessage(`Could not open ${fileName(uri.path)} to show the clicked element: ${error instanceof Error ? error.message : String(error)}`);
        }
    }

    /** The PDF, printed by the platform; in the browser, where nothing can print one, the HTML export is offered. */
    private async printPdf(page: string): Promise<Uint8Array | undefined> {
        if (this.host.printPdf) return this.host.printPdf(page, () => void this.requestExport('html'));
        const choice = await vscode.window.showInformationMessage(
            'A PDF is printed by Chrome, Chromium or Edge, which VS Code in the browser cannot start. Export the map as an HTML page and print it from your browser, or export the PDF from VS Code on the desktop or with `journey render --format pdf`.',
            'Export HTML');
        if (choice === 'Export HTML') void this.requestExport('html');
        return undefined;
    }

    private async saveExport(format: ExportFormat, data: string): Promise<void> {
        const name = fileName(this.resourceUri.path).replace(/\.journey$/i, '');
        if (format === 'mermaid') {
            await vscode.env.clipboard.writeText(data);
            void vscode.window.showInformationMessage(`Copied the Mermaid diagrams of ${name} to the clipboard.`);
            return;
        }
        const { extension, filter } = EXPORT_FILTERS[format];
        const folder = this.resourceUri.scheme === 'untitled' ? undefined : vscode.Uri.joinPath(this.resourceUri, '..');
        const target = await vscode.window.showSaveDialog({
            defaultUri: folder ? vscode.Uri.joinPath(folder, `${name}.${extension}`) : undefined,
            filters: filter,
            title: `Export ${name} as ${extension.toUpperCase()}`
        });
        if (!target) return;
        let bytes: Uint8Array;
        if (format === 'pdf') {
            const printed = await this.printPdf(data);
            if (!printed) return;
            bytes = printed;
        } else {
            bytes = format === 'png' ? fromBase64(data.slice(data.indexOf(',') + 1)) : new TextEncoder().encode(data);
        }
        try {
            await vscode.workspace.fs.writeFile(target, bytes);
            void vscode.window.showInformationMessage(`Saved the journey map to ${vscode.workspace.asRelativePath(target)}.`);
        } catch (error) {
            void vscode.window.showErrorMessage(`Could not save ${target.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
        }
    }
}
