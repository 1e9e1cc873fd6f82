/**
 * The extension host side, the same on the desktop and in the browser: starts the journey language
 * server, relays its view models to the preview, answers the server's requests for files where it
 * cannot read them itself, and restarts the server if it dies. extension.ts (desktop) and
 * browser-extension.ts (vscode.dev) say how the server runs and how a PDF is printed.
 */
import * as vscode from 'vscode';
import {
    CloseAction, ErrorAction, ResponseError, State,
    type BaseLanguageClient, type CancellationToken, type CloseHandlerResult, type MessageSignature, type ErrorHandler, type ErrorHandlerResult, type LanguageClientOptions
} from 'vscode-languageclient';
import { toBase64 } from '../base64.js';
import type { DocumentViewModel } from '../model/view-model.js';
import { ClientReadDirectoryRequest, ClientReadFileRequest, ClientStatRequest, ModelChangedNotification, PortfolioRequest, ViewModelRequest } from '../protocol.js';
import type { PdfPrinter } from './preview/journey-preview.js';
import { registerPortfolioView, type PortfolioView } from './portfolio-view.js';
import type { JourneyModelSource, ServerState } from './model-source.js';
import { registerPreview } from './preview/preview-manager.js';
import { registerGettingStarted } from './getting-started.js';
import { registerMermaidImport } from './import-mermaid.js';
import { journeyMarkdownIt, markdownFileUri, type MarkdownItLike } from '../markdown/markdown-it-journey.js';
import type { ContextDocument } from '../markdown/journey-block-model.js';

/** More crashes than this within the window stop the automatic restarts, so a crash loop cannot spin forever. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60_000;

let client: BaseLanguageClient | undefined;

/** How the language server runs where the extension runs, and how a PDF is printed there. */
export interface Platform {
    createClient(options: LanguageClientOptions): BaseLanguageClient;
    printPdf?: PdfPrinter;
    /** The documents a Markdown file's ```journey blocks may reference (the .journey files beside it, on the desktop). */
    markdownContext?: (env: unknown) => ContextDocument[];
}

/** What the extension gives VS Code and other extensions: the model source, and the ```journey blocks of the Markdown preview. */
export interface JourneyExtensionApi extends JourneyModelSource {
    portfolio: PortfolioView;
    extendMarkdownIt(md: MarkdownItLike): MarkdownItLike;
}

export async function activateJourney(context: vscode.ExtensionContext, platform: Platform): Promise<JourneyExtensionApi> {
    const modelsChanged = new vscode.EventEmitter<string[]>();
    const serverState = new vscode.EventEmitter<ServerState>();
    context.subscriptions.push(modelsChanged, serverState);

    client = platform.createClient(clientOptions(serverState));
    answerFileRequests(client);
    context.subscriptions.push(
        client.onNotification(ModelChangedNotification, params => modelsChanged.fire(params.uris)),
        client.onDidChangeState(event => {
            if (event.newState === State.Running) serverState.fire({ state: 'running' });
            else if (event.newState === State.Starting) serverState.fire({ state: 'starting' });
        }),
        vscode.commands.registerCommand('journey.restartServer', async () => {
            if (!client) return;
            // The desktop client restarts its process itself; elsewhere a stop and a start make a new server.
            const restartable = client as BaseLanguageClient & { restart?: () => Promise<void> };
            if (restartable.restart) await restartable.restart();
            else await client.stop().then(() => client?.start());
        })
    );

    const source: JourneyModelSource = {
        async getViewModel(uri: string): Promise<DocumentViewModel | null> {
            if (!client || client.state !== State.Running) return null;
            return client.sendRequest(ViewModelRequest, { uri });
        },
        onDidChangeModels: listener => modelsChanged.event(listener),
        onDidChangeServerState: listener => serverState.event(listener)
    };
    registerPreview(context, source, platform.printPdf);
    const portfolio = registerPortfolioView(context, async () => client?.state === State.Running ? client.sendRequest(PortfolioRequest, {}) : undefined, listener => modelsChanged.event(listener));
    context.subscriptions.push(serverState.event(state => {
        if (state.state === 'running') portfolio.refreshSoon();
    }));
    registerGettingStarted(context);
    registerMermaidImport(context);
    await client.start();
    return {
        ...source,
        /** The Explorer's Journey Maps view, as its items are built (for tests and other extensions). */
        portfolio,
        extendMarkdownIt(md: MarkdownItLike): MarkdownItLike {
            journeyMarkdownIt(md, {
                contextFor: platform.markdownContext,
                languageFor: env => vscode.workspace.getConfiguration('journey.map', markdownFileUri(env) as vscode.Uri | undefined).get<string>('language')
            });
            return md;
        }
    };
}

export async function deactivateJourney(): Promise<void> {
    await client?.stop();
    client = undefined;
}

function clientOptions(serverState: vscode.EventEmitter<ServerState>): LanguageClientOptions {
    return {
        documentSelector: [{ language: 'journey' }],
        // Maps, and the research data files maps read (`data Survey "research/survey.csv"`).
        synchronize: {
            fileEvents: [vscode.workspace.createFileSystemWatcher('**/*.journey'), vscode.workspace.createFileSystemWatcher('**/*.{csv,tsv,txt,json}')],
            configurationSection: 'journey'
        },
        errorHandler: new RestartingErrorHandler(serverState),
        outputChannelName: 'Journey Language Server'
    };
}

/**
 * The workspace's files for a server that cannot read them itself (in a web worker): read with
 * `vscode.workspace.fs`, so any file system VS Code has will do. Bytes go as base64.
 */
function answerFileRequests(languageClient: BaseLanguageClient): void {
    const kind = (type: vscode.FileType) => type & vscode.FileType.Directory ? 'directory' as const : 'file' as const;
    languageClient.onRequest(ClientStatRequest, async ({ uri }) => {
        try {
            const found = await vscode.workspace.fs.stat(vscode.Uri.parse(uri));
            return { type: kind(found.type), mtime: found.mtime, size: found.size };
        } catch {
            return null;
        }
    });
    languageClient.onRequest(ClientReadDirectoryRequest, async ({ uri }) => {
        const folder = vscode.Uri.parse(uri);
        const entries = await vscode.workspace.fs.readDirectory(folder);
        return entries.map(([name, type]) => ({ uri: vscode.Uri.joinPath(folder, name).toString(), type: kind(type) }));
    });
    languageClient.onRequest(ClientReadFileRequest, async ({ uri }) => toBase64(await vscode.workspace.fs.readFile(vscode.Uri.parse(uri))));
}

/**
 * For a language client, of either platform, that answers quietly for a request caught by a restart.
 *
 * VS Code asks for code actions, hovers and the like whenever the cursor rests. A request that
 * passed the client's "is it running?" check just before "Journey: Restart Language Server" stops
 * the server fails inside vscode-languageclient with a plain `Error("Starting server failed")`,
 * which the client shows as an error notification, although nothing is wrong: the new server
 * answers the next request. The client already answers a request sent while it is stopped with the
 * empty default (`ConnectionInactive`); this treats the one caught half-way the same. A failure
 * while the client runs, or an error the server sent, is reported as before.
 */
export function caughtByRestart(client: BaseLanguageClient, type: MessageSignature, error: unknown): boolean {
    if (client.isRunning() || error instanceof ResponseError) return false;
    client.info(`Request ${type.method} was sent while the server was restarting; it is answered empty.`);
    return true;
}

export type { CancellationToken, MessageSignature };

/** Restarts a server that died, tells the preview, and gives up (with a way to retry) after a crash loop. */
class RestartingErrorHandler implements ErrorHandler {
    private readonly crashes: number[] = [];

    constructor(private readonly serverState: vscode.EventEmitter<ServerState>) { }

    error(): ErrorHandlerResult {
        return { action: ErrorAction.Continue };
    }

    closed(): CloseHandlerResult {
        const now = Date.now();
        this.crashes.push(now);
        while (this.crashes.length > 0 && now - this.crashes[0] > RESTART_WINDOW_MS) this.crashes.shift();
        if (this.crashes.length <= MAX_RESTARTS) {
            this.serverState.fire({ state: 'stopped', message: 'The journey language server stopped unexpectedly and is restarting.' });
            return { action: CloseAction.Restart, message: undefined, handled: true };
        }
        const message = `The journey language server crashed ${this.crashes.length} times in ${RESTART_WINDOW_MS / 60_000} minutes and was not restarted. Run "Journey: Restart Language Server" after checking the output channel "Journey Language Server".`;
        this.serverState.fire({ state: 'stopped', message });
        return { action: CloseAction.DoNotRestart, message };
    }
}
