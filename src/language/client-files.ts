/**
 * The workspace's files as the client reads them, for a server that cannot read them itself: the
 * language server in a web worker (vscode.dev, github.dev). The extension answers these requests
 * with `vscode.workspace.fs`, so shared personas, channels and research data are found in any
 * file system VS Code has, a GitHub repository opened in the browser among them.
 */
import { URI, type FileSystemNode, type FileSystemProvider } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { fromBase64 } from '../base64.js';
import { ClientReadDirectoryRequest, ClientReadFileRequest, ClientStatRequest } from '../protocol.js';
import type { DataFiles } from './data/data-sets.js';
import { readJson } from './data/data-table.js';
import { readCsv } from './data/read-csv.js';

const NO_SYNC = 'the workspace is read through the editor here, which cannot answer at once';

export class ClientFileSystemProvider implements FileSystemProvider {
    constructor(private readonly connection: Connection) {}

    async stat(uri: URI): Promise<FileSystemNode> {
        const found = await this.connection.sendRequest(ClientStatRequest, { uri: uri.toString() });
        if (!found) throw new Error(`There is no file or folder ${uri.toString()}`);
        return { uri, isFile: found.type === 'file', isDirectory: found.type === 'directory' };
    }

    async exists(uri: URI): Promise<boolean> {
        return (await this.connection.sendRequest(ClientStatRequest, { uri: uri.toString() })) !== null;
    }

    async readBinary(uri: URI): Promise<Uint8Array> {
        return fromBase64(await this.connection.sendRequest(ClientReadFileRequest, { uri: uri.toString() }));
    }

    async readFile(uri: URI): Promise<string> {
        return new TextDecoder().decode(await this.readBinary(uri));
    }

    async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        const entries = await this.connection.sendRequest(ClientReadDirectoryRequest, { uri: uri.toString() });
        return entries.map(entry => ({ uri: URI.parse(entry.uri), isFile: entry.type === 'file', isDirectory: entry.type === 'directory' }));
    }

    statSync(): FileSystemNode { throw new Error(NO_SYNC); }
    existsSync(): boolean { throw new Error(NO_SYNC); }
    readBinarySync(): Uint8Array { throw new Error(NO_SYNC); }
    readFileSync(): string { throw new Error(NO_SYNC); }
    readDirectorySync(): FileSystemNode[] { throw new Error(NO_SYNC); }
}

/** Research data files, read through the client. */
export function clientDataFiles(connection: Connection): DataFiles {
    const files = new ClientFileSystemProvider(connection);
    return {
        async stat(uri) {
            const found = await connection.sendRequest(ClientStatRequest, { uri: uri.toString() });
            return found ? { mtime: found.mtime, size: found.size, directory: found.type === 'directory' } : undefined;
        },
        async readTable(uri, format, keys) {
            const bytes = await files.readBinary(uri);
            return format === 'json' ? readJson(new TextDecoder().decode(bytes), keys) : readCsv([bytes], keys);
        }
    };
}

/**
 * The desktop server's files: those on disk (`file:`) read by the server itself, any other (a
 * virtual workspace, such as a GitHub repository opened without a clone) through the client.
 */
export class SchemeFileSystemProvider implements FileSystemProvider {
    constructor(private readonly disk: FileSystemProvider, private readonly client: FileSystemProvider) {}

    private of(uri: URI): FileSystemProvider {
        return uri.scheme === 'file' ? this.disk : this.client;
    }

    stat(uri: URI): Promise<FileSystemNode> { return this.of(uri).stat(uri); }
    statSync(uri: URI): FileSystemNode { return this.of(uri).statSync(uri); }
    exists(uri: URI): Promise<boolean> { return this.of(uri).exists(uri); }
    existsSync(uri: URI): boolean { return this.of(uri).existsSync(uri); }
    readBinary(uri: URI): Promise<Uint8Array> { return this.of(uri).readBinary(uri); }
    readBinarySync(uri: URI): Uint8Array { return this.of(uri).readBinarySync(uri); }
    readFile(uri: URI): Promise<string> { return this.of(uri).readFile(uri); }
    readFileSync(uri: URI): string { return this.of(uri).readFileSync(uri); }
    readDirectory(uri: URI): Promise<FileSystemNode[]> { return this.of(uri).readDirectory(uri); }
    readDirectorySync(uri: URI): FileSystemNode[] { return this.of(uri).readDirectorySync(uri); }
}

/** Research data the same way: from disk for `file:`, through the client otherwise. */
export function schemeDataFiles(disk: DataFiles, client: DataFiles): DataFiles {
    return {
        stat: uri => (uri.scheme === 'file' ? disk : client).stat(uri),
        readTable: (uri, format, keys) => (uri.scheme === 'file' ? disk : client).readTable(uri, format, keys)
    };
}
