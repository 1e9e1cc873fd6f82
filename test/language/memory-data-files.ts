/** Research data files held in memory, read by the same CSV and JSON readers as files on disk. */
import type { URI } from 'langium';
import type { DataFiles } from '../../src/language/data/data-sets.js';
import { readJson } from '../../src/language/data/data-table.js';
import { readCsv } from '../../src/language/data/read-csv.js';

export class MemoryDataFiles implements DataFiles {
    private readonly files = new Map<string, { text: string; mtime: number }>();
    private clock = 0;
    /** How many times each file was read (by path). */
    readonly reads = new Map<string, number>();

    /** Writes a file, as saving it in an editor would: a new modification time. */
    write(path: string, text: string): void {
        this.files.set(path, { text, mtime: ++this.clock });
    }

    delete(path: string): void {
        this.files.delete(path);
    }

    async stat(uri: URI) {
        const file = this.files.get(uri.path);
        return file && { mtime: file.mtime, size: file.text.length, directory: false };
    }

    async readTable(uri: URI, format: 'csv' | 'json', keys: Parameters<DataFiles['readTable']>[2]) {
        const file = this.files.get(uri.path);
        if (!file) throw new Error(`ENOENT: ${uri.path}`);
        this.reads.set(uri.path, (this.reads.get(uri.path) ?? 0) + 1);
        return format === 'json' ? readJson(file.text, keys) : readCsv([file.text], keys);
    }
}
