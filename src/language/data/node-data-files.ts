/** Data files on the local file system, read as a stream so a large export is never one string. */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { URI } from 'langium';
import type { DataFiles } from './data-sets.js';
import { readJson } from './data-table.js';
import { readCsv } from './read-csv.js';

export const NodeDataFiles: DataFiles = {
    async stat(uri: URI) {
        try {
            const found = await stat(uri.fsPath);
            return { mtime: found.mtimeMs, size: found.size, directory: found.isDirectory() };
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
            throw error;
        }
    },
    async readTable(uri, format, keys) {
        if (format === 'json') return readJson(await readFile(uri.fsPath, 'utf8'), keys);
        return readCsv(createReadStream(uri.fsPath, { highWaterMark: 256 * 1024 }), keys);
    }
};
