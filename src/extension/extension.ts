/**
 * The extension host side: starts the journey language server, relays its view models to the
 * preview, and restarts the server if it dies.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
    CloseAction, ErrorAction, LanguageClient, ResponseError, State, TransportKind,
    type CancellationToken, type CloseHandlerResult, type MessageSignature, type ErrorHandler, type ErrorHandlerResult, type LanguageClientOptions, type ServerOptions
} from 'vscode-languageclient/node';
import type { DocumentViewModel } from '../model/view-model.js';
import { ModelChangedNotification, PortfolioRequest, ViewModelRequest } from '../protocol.js';
import { registerPortfolioView, type PortfolioView } from './portfolio-view.js';
import type { JourneyModelSource, ServerState } from './model-source.js';
import { registerPreview } from './preview/preview-manager.js';
import { registerGettingStarted } from './getting-started.js';
import { registerMermaidImport } from './import-mermaid.js';
import { journeyMarkdownIt, markdownFileUri, type MarkdownItLike } from '../markdown/markdown-it-journey.js';

/** More crashes than this within the window stop the automatic restarts, so a crash loop cannot spin forever. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60_000;

let client: LanguageClient | undefined;

/** What the extension gives VS Code and other extensions: the model source, and the ```journey blocks of the Markdown preview. */
export interface JourneyExtensionApi extends JourneyModelSource {
    portfolio: PortfolioView;
    extendMarkdownIt(md: MarkdownItLike): MarkdownItLike;
}

export async function activate(context: vscode.ExtensionContext): Promise<JourneyExtensionApi> {
    const modelsChanged = new vscode.EventEmitter<string[]>();
    const serverState = new vscode.EventEmitter<ServerState>();
    context.subscriptions.push(modelsChanged, serverState);

    client = createClient(context, serverState);
    context.subscriptions.push(
        client.onNotification(ModelChangedNotification, params => modelsChanged.fire(params.uris)),
        client.onDidChangeState(event => {
            if (event.newState === State.Running) serverState.fire({ state: 'running' });
            else if (event.newState === State.Starting) serverState.fire({ state: 'starting' });
        }),
        vscode.commands.registerCommand('journey.restartServer', async () => {
            await client?.restart();
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
    registerPreview(context, source);
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
                languageFor: env => vscode.workspace.getConfiguration('journey.map', markdownFileUri(env) as vscode.Uri | undefined).get<string>('language')
            });
            return md;
        }
    };
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

function createClient(context: vscode.ExtensionContext, serverState: vscode.EventEmitter<ServerState>): LanguageClient {
    const serverModule = context.asAbsolutePath(path.join('out', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } }
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'journey' }],
        // Maps, and the research data files maps read (`data Survey "research/survey.csv"`).
        synchronize: {
            fileEvents: [vscode.workspace.createFileSystemWatcher('**/*.journey'), vscode.workspace.createFileSystemWatcher('**/*.{csv,tsv,txt,json}')],
            configurationSection: 'journey'
        },
        errorHandler: new RestartingErrorHandler(serverState),
        outputChannelName: 'Journey Language Server'
    };
    return new JourneyLanguageClient('journey', 'Journey Language Server', serverOptions, clientOptions);
}

/**
 * A language client that answers quietly for a request caught by a restart.
 *
 * VS Code asks for code actions, hovers and the like whenever the cursor rests. A request that
 * passed the client's "is it running?" check just before "Journey: Restart Language Server" stops
 * the server fails inside vscode-languageclient with a plain `Error("Starting server failed")`,
 * which the client shows as an error notification, although nothing is wrong: the new server
 * answers the next request. The client already answers a request sent while it is stopped with the
 * empty default (`ConnectionInactive`); this treats the one caught half-way the same. A failure
 * while the client runs, or an error the server sent, is reported as before.
 */
class JourneyLanguageClient extends LanguageClient {
    override handleFailedRequest<T>(type: MessageSignature, token: CancellationToken | undefined, error: unknown, defaultValue: T, showNotification = true, throwOnCancel = false): T {
        if (!this.isRunning() && !(error instanceof ResponseError)) {
            this.info(`Request ${type.method} was sent while the server was restarting; it is answered empty.`);
            return defaultValue;
        }
        return super.handleFailedRequest(type, token, error, defaultValue, showNotification, throwOnCancel);
    }
}

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
