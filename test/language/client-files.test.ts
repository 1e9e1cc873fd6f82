/**
 * The workspace read through the client, for the language server in a web worker (and for files of a
 * virtual workspace on the desktop): requests answered by the extension with vscode.workspace.fs.
 */
import { URI, type FileSystemProvider } from 'langium';
import type { Connection } from 'vscode-languageserver';
import { describe, expect, test } from 'vitest';
import { clientDataFiles, ClientFileSystemProvider, SchemeFileSystemProvider, schemeDataFiles } from '../../src/language/client-files.js';
import type { DataFiles } from '../../src/language/data/data-sets.js';

const FILES: Record<string, string> = {
    'vscode-vfs://github/acme/maps/personas.journey': 'persona Goran "Göran i villan" {}\n',
    'vscode-vfs://github/acme/maps/research/survey.csv': 'stage;persona;score\nUpptäckt;Goran;"3,5"\nUpptäckt;Goran;4\n'
};

/** A client that answers from FILES, as the extension answers from vscode.workspace.fs. */
function connection(): { connection: Connection; asked: string[] } {
    const asked: string[] = [];
    const send = async (type: { method: string }, params: { uri: string }) => {
        asked.push(`${type.method} ${params.uri}`);
        if (type.method === 'journey/files/stat') {
            if (FILES[params.uri] !== undefined) return { type: 'file', mtime: 1, size: new TextEncoder().encode(FILES[params.uri]).length };
            return Object.keys(FILES).some(file => file.startsWith(`${params.uri}/`)) ? { type: 'directory', mtime: 1, size: 0 } : null;
        }
        if (type.method === 'journey/files/read') {
            const bytes = new TextEncoder().encode(FILES[params.uri]);
            return btoa(String.fromCharCode(...bytes));
        }
        if (type.method === 'journey/files/readDirectory') {
            const children = new Map<string, 'file' | 'directory'>();
            for (const file of Object.keys(FILES).filter(f => f.startsWith(`${params.uri}/`))) {
                const [name, ...rest] = file.slice(params.uri.length + 1).split('/');
                children.set(`${params.uri}/${name}`, rest.length > 0 ? 'directory' : 'file');
            }
            return [...children].map(([uri, kind]) => ({ uri, type: kind }));
        }
        throw new Error(`unexpected ${type.method}`);
    };
    return { connection: { sendRequest: send } as unknown as Connection, asked };
}

describe('files read through the client', () => {
    test('a folder lists its files and folders, and a file reads as UTF-8 text', async () => {
        const files = new ClientFileSystemProvider(connection().connection);
        const entries = await files.readDirectory(URI.parse('vscode-vfs://github/acme/maps'));
        expect(entries.map(e => [e.uri.toString(), e.isFile, e.isDirectory])).toEqual([
            ['vscode-vfs://github/acme/maps/personas.journey', true, false],
            ['vscode-vfs://github/acme/maps/research', false, true]
        ]);
        expect(await files.readFile(URI.parse('vscode-vfs://github/acme/maps/personas.journey'))).toBe('persona Goran "Göran i villan" {}\n');
        expect(await files.exists(URI.parse('vscode-vfs://github/acme/maps/nothing.journey'))).toBe(false);
        await expect(files.stat(URI.parse('vscode-vfs://github/acme/maps/nothing.journey'))).rejects.toThrow('There is no file or folder');
        expect(() => files.readFileSync()).toThrow('cannot answer at once');
    });

    test('research data is read and parsed like a file on disk', async () => {
        const data = clientDataFiles(connection().connection);
        const uri = URI.parse('vscode-vfs://github/acme/maps/research/survey.csv');
        expect(await data.stat(uri)).toMatchObject({ directory: false });
        const table = await data.readTable(uri, 'csv', { stage: 'stage', persona: 'persona' });
        expect(table.columns).toEqual(['stage', 'persona', 'score']);
        expect(table.rows).toBe(2);
    });

    test('on the desktop, files on disk are read by the server and any other through the client', async () => {
        const disk = { readFile: async () => 'from disk' } as unknown as FileSystemProvider;
        const { connection: client, asked } = connection();
        const files = new SchemeFileSystemProvider(disk, new ClientFileSystemProvider(client));
        expect(await files.readFile(URI.parse('file:///home/me/maps/a.journey'))).toBe('from disk');
        expect(asked).toEqual([]);
        expect(await files.readFile(URI.parse('vscode-vfs://github/acme/maps/personas.journey'))).toContain('Göran');
        expect(asked).toEqual(['journey/files/read vscode-vfs://github/acme/maps/personas.journey']);
        const data = schemeDataFiles({ stat: async () => ({ mtime: 2, size: 3, directory: false }) } as unknown as DataFiles, clientDataFiles(client));
        expect(await data.stat(URI.parse('file:///home/me/maps/x.csv'))).toEqual({ mtime: 2, size: 3, directory: false });
    });
});
