/**
 * Answers under the URI each document was opened with. Langium keys documents by a normalised URI, and
 * vscode-uri writes percent-escapes in upper case: a client that opened `file:///tmp/kund%c3%a4.journey`
 * got diagnostics and locations for `file:///tmp/kund%C3%A4.journey`. Neovim compares URIs by what they
 * mean; a client that compares them as strings found no diagnostics at all. So every URI that goes out
 * (published diagnostics, locations, edits, symbols, the view model) is written the way the client
 * wrote it for any document it opened, and as Langium writes it for the rest.
 */
import { UriUtils } from 'langium';
import type { Connection } from 'vscode-languageserver';

/** The requests whose results hold document URIs (locations, edits, symbols). */
const ANSWERS_WITH_URIS = [
    'onDefinition', 'onDeclaration', 'onTypeDefinition', 'onImplementation', 'onReferences',
    'onRenameRequest', 'onCodeAction', 'onCodeActionResolve', 'onWorkspaceSymbol', 'onWorkspaceSymbolResolve', 'onDocumentLinks'
] as const;

export class ClientUris {
    private readonly spelling = new Map<string, string>();
    /** Whether any client spelling differs from Langium's; most clients write URIs as Langium does, and then nothing is copied. */
    private respelled = false;

    /** Remembers how the client wrote a document's URI when it opened it. */
    opened(uri: string): void {
        const normalized = UriUtils.normalize(uri);
        this.spelling.set(normalized, uri);
        this.respelled ||= normalized !== uri;
    }

    /** A URI as the client wrote it, if it opened that document. */
    toClient(uri: string): string {
        return this.spelling.get(UriUtils.normalize(uri)) ?? uri;
    }

    /**
     * A result or notification with every document URI in it written as the client wrote it: `uri` and
     * `targetUri` properties (locations, links, symbols, the view model) and the keys of an edit's `changes`.
     */
    inClientSpelling<T>(value: T): T {
        if (!this.respelled) return value;
        if (Array.isArray(value)) return value.map(item => this.inClientSpelling(item)) as T;
        // Only plain data: an error the handler answers with (a ResponseError) must stay what it is.
        if (!value || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
        const copy: Record<string, unknown> = {};
        for (const [key, inner] of Object.entries(value)) {
            if ((key === 'uri' || key === 'targetUri') && typeof inner === 'string') copy[key] = this.toClient(inner);
            else if (key === 'changes' && inner && typeof inner === 'object' && !Array.isArray(inner)) {
                copy[key] = Object.fromEntries(Object.entries(inner).map(([uri, edits]) => [this.toClient(uri), edits]));
            } else copy[key] = this.inClientSpelling(inner);
        }
        return copy as T;
    }
}

type Handler = (...args: unknown[]) => unknown;

/**
 * Makes the connection speak the client's URIs: it learns each spelling from `didOpen` and rewrites
 * published diagnostics and the results of the requests that answer with URIs. Call it before the
 * language server registers its handlers.
 */
export function speakClientUris(connection: Connection): ClientUris {
    const uris = new ClientUris();
    const register = connection.onDidOpenTextDocument.bind(connection);
    connection.onDidOpenTextDocument = handler => register(params => {
        uris.opened(params.textDocument.uri);
        return handler(params);
    });
    const sendDiagnostics = connection.sendDiagnostics.bind(connection);
    connection.sendDiagnostics = params => sendDiagnostics({ ...params, uri: uris.toClient(params.uri) });
    for (const method of ANSWERS_WITH_URIS) {
        const original = (connection[method] as (handler: Handler) => unknown).bind(connection);
        (connection as unknown as Record<string, (handler: Handler) => unknown>)[method] = handler =>
            original(async (...args: unknown[]) => uris.inClientSpelling(await handler(...args)));
    }
    return uris;
}
