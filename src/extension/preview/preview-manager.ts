/**
 * The journey map previews, managed the way VS Code's Markdown preview is: one preview follows
 * the active journey editor, locked previews stay on their document, and every preview comes
 * back after a window reload.
 */
import * as vscode from 'vscode';
import type { ExportFormat, PreviewState } from '../../protocol.js';
import type { JourneyModelSource, ServerState } from '../model-source.js';
import { JourneyPreview, PREVIEW_VIEW_TYPE, webviewOptions, type PdfPrinter, type PreviewHost } from './journey-preview.js';

const JOURNEY_LANGUAGE = 'journey';

interface ShowOptions {
    resource?: vscode.Uri;
    toSide: boolean;
    locked: boolean;
}

class PreviewManager implements vscode.Disposable, PreviewHost, vscode.WebviewPanelSerializer<PreviewState> {
    private readonly previews = new Set<JourneyPreview>();
    private active: JourneyPreview | undefined;
    private readonly serverWatch: vscode.Disposable;
    readonly log: vscode.LogOutputChannel;
    serverState: ServerState | undefined;

    constructor(readonly extensionUri: vscode.Uri, readonly source: JourneyModelSource, readonly printPdf: PdfPrinter | undefined) {
        this.log = vscode.window.createOutputChannel('Journey Preview', { log: true });
        this.serverWatch = source.onDidChangeServerState(state => { this.serverState = state; });
    }

    /** The journey document a command without an argument means: the active editor's. */
    private activeJourney(): vscode.Uri | undefined {
        const document = vscode.window.activeTextEditor?.document;
        return document?.languageId === JOURNEY_LANGUAGE ? document.uri : undefined;
    }

    show({ resource, toSide, locked }: ShowOptions): void {
        const uri = resource ?? this.activeJourney() ?? this.active?.resource;
        if (!uri) {
            void vscode.window.showInformationMessage('Open a .journey file to preview its journey map.');
            return;
        }
        const editorColumn = vscode.window.activeTextEditor?.viewColumn ?? vscode.ViewColumn.One;
        const column = toSide ? vscode.ViewColumn.Beside : editorColumn;
        const existing = [...this.previews].find(p => locked
            ? p.locked && p.resource.toString() === uri.toString()
            : !p.locked);
        if (existing) {
            existing.show(uri);
            existing.panel.reveal(toSide ? existing.panel.viewColumn : column, toSide);
            return;
        }
        const panel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, 'Preview', { viewColumn: column, preserveFocus: toSide }, webviewOptions(this.extensionUri));
        this.track(new JourneyPreview(panel, uri, locked, this));
    }

    toggleLock(): void {
        const preview = this.active;
        if (!preview) {
            void vscode.window.showInformationMessage('Open a journey preview first: its lock decides whether it follows the active editor.');
            return;
        }
        const unlocking = preview.locked;
        // Only one preview follows the editor: unlocking this one retires the previous follower.
        if (unlocking) for (const other of this.previews) if (other !== preview && !other.locked) other.dispose();
        preview.setLocked(!unlocking);
        if (unlocking) {
            const current = this.activeJourney();
            if (current) preview.show(current);
        }
    }

    requestExport(format: ExportFormat): void {
        const preview = this.active ?? [...this.previews].find(p => p.panel.visible);
        if (!preview) {
            void vscode.window.showInformationMessage('Open a journey preview first (Journey: Open Preview to the Side), then export it.');
            return;
        }
        void preview.requestExport(format);
    }

    followEditor(editor: vscode.TextEditor | undefined): void {
        if (editor?.document.languageId !== JOURNEY_LANGUAGE) return;
        for (const preview of this.previews) if (!preview.locked) preview.show(editor.document.uri);
    }

    async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: PreviewState | undefined): Promise<void> {
        const uri = state?.uri ? vscode.Uri.parse(state.uri) : this.activeJourney();
        if (!uri) {
            // Nothing says which journey this panel showed: better no panel than an empty one.
            panel.dispose();
            return;
        }
        this.track(new JourneyPreview(panel, uri, state?.locked ?? false, this));
    }

    didBecomeActive(preview: JourneyPreview): void {
        this.active = preview;
    }

    didDispose(preview: JourneyPreview): void {
        this.previews.delete(preview);
        if (this.active === preview) this.active = undefined;
    }

    dispose(): void {
        for (const preview of [...this.previews]) preview.dispose();
        this.serverWatch.dispose();
        this.log.dispose();
    }

    private track(preview: JourneyPreview): void {
        this.previews.add(preview);
        this.active = preview;
    }
}

/** Registers the preview commands, the panel serializer and editor following. Called from activate(). */
export function registerPreview(context: vscode.ExtensionContext, source: JourneyModelSource, printPdf?: PdfPrinter): void {
    const manager = new PreviewManager(context.extensionUri, source, printPdf);
    const exportCommand = (command: string, format: ExportFormat) =>
        vscode.commands.registerCommand(command, () => manager.requestExport(format));
    context.subscriptions.push(
        manager,
        vscode.commands.registerCommand('journey.showPreview', (resource?: vscode.Uri) => manager.show({ resource, toSide: false, locked: false })),
        vscode.commands.registerCommand('journey.showPreviewToSide', (resource?: vscode.Uri) => manager.show({ resource, toSide: true, locked: false })),
        vscode.commands.registerCommand('journey.showLockedPreviewToSide', (resource?: vscode.Uri) => manager.show({ resource, toSide: true, locked: true })),
        vscode.commands.registerCommand('journey.togglePreviewLock', () => manager.toggleLock()),
        exportCommand('journey.exportSvg', 'svg'),
        exportCommand('journey.exportPng', 'png'),
        exportCommand('journey.exportPdf', 'pdf'),
        exportCommand('journey.exportHtml', 'html'),
        exportCommand('journey.copyMermaid', 'mermaid'),
        vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, manager),
        vscode.window.onDidChangeActiveTextEditor(editor => manager.followEditor(editor))
    );
}
