/**
 * The research data files maps name (`data Survey "research/survey.csv" { ... }`): where each is,
 * reading it once per modification, and what it says about a stage, touchpoint and persona.
 *
 * A file is read when a map is validated, and the result is kept until the file's modification time or
 * size changes, so the view model (built synchronously after validation) finds it ready. Files are
 * read from the workspace only: a path is relative to the map, and a URL is refused.
 */
import { UriUtils, type URI } from 'langium';
import { resolveWorkspacePath, type FileKind } from '../workspace-path.js';
import { DataFileError, normalizeKey, type DataGroup, type DataKeys, type DataTable } from './data-table.js';

/**
 * How the data files are reached: the file system on the desktop (node-data-files.ts); none where
 * files cannot be read, such as a Markdown preview.
 */
export interface DataFiles {
    /** undefined when there is no file at the URI. */
    stat(uri: URI): Promise<{ mtime: number; size: number; directory: boolean } | undefined>;
    /** Throws a DataFileError for a file that is not the format its name says. */
    readTable(uri: URI, format: 'csv' | 'json', keys: DataKeys): Promise<DataTable>;
}

export type DataLoad =
    | { ok: true; table: DataTable; uri: URI }
    | { ok: false; problem: string; line?: number; missing?: boolean; uri?: URI; unavailable?: boolean };

export interface DataValue {
    /** The mean of the matching rows' values in the column. */
    mean: number;
    /** How many of them had a number there. */
    n: number;
}

/** Which rows a value is computed from: each list holds the names a row may use (name and label); absent means any. */
export interface DataMatch {
    stage: string[];
    touchpoint?: string[];
    persona?: string[];
}

interface Entry {
    stamp: string;
    load: Promise<DataLoad>;
    result?: DataLoad;
}

const DATA_FORMATS: Record<string, 'csv' | 'json'> = { csv: 'csv', tsv: 'csv', txt: 'csv', json: 'json' };

/** Research data: CSV (or tab-separated) and JSON tables. */
const DATA_FILE: FileKind = {
    noun: 'data file',
    localOnly: 'Data is read from files in the workspace only, never from the network or another location',
    extensions: Object.keys(DATA_FORMATS),
    wrongKind: 'name a CSV file (.csv, or .tsv for tab-separated) or a JSON file (.json)',
    example: 'research/survey.csv'
};

export class DataSets {
    private readonly entries = new Map<string, Entry>();
    private readonly stagesIndex = new WeakMap<DataTable, Map<string, DataGroup[]>>();

    /** `workspaceFolders`: the editor's, once it has said them; files outside them are not read. */
    constructor(private readonly files?: DataFiles, private readonly workspaceFolders: () => readonly URI[] = () => []) {}

    /** The file a `data` path names, relative to the map; or why it cannot be read. */
    resolve(documentUri: URI, path: string): URI | { problem: string } {
        return this.resolveFile(documentUri, path, DATA_FILE);
    }

    /** A file of another kind (a picture) by the same rules: relative to the map, in the workspace. */
    resolveFile(documentUri: URI, path: string, kind: FileKind): URI | { problem: string } {
        return resolveWorkspacePath(documentUri, path, kind, this.workspaceFolders());
    }

    /**
     * What there is at a URI: `undefined` for nothing, `unavailable` where no files can be read (a
     * Markdown preview). Pictures are only looked at, not read: the preview and the exports read them.
     */
    async stat(uri: URI): Promise<Awaited<ReturnType<DataFiles['stat']>> | 'unavailable'> {
        return this.files ? this.files.stat(uri) : 'unavailable';
    }

    /** Reads the file, or returns what was read before if it has not changed since. */
    async load(uri: URI, keys: DataKeys): Promise<DataLoad> {
        if (!this.files) {
            return { ok: false, uri, unavailable: true, problem: 'Data files are not read here: open the map in VS Code or use the journey command line, where the file beside the map is read.' };
        }
        let stat: Awaited<ReturnType<DataFiles['stat']>>;
        try {
            stat = await this.files.stat(uri);
        } catch (error) {
            return { ok: false, uri, problem: `The data file cannot be read: ${(error as Error).message}` };
        }
        if (!stat) return { ok: false, uri, missing: true, problem: `There is no file ${uri.path.split('/').pop()} in ${UriUtils.dirname(uri).path}. Check the path: it is relative to this map.` };
        if (stat.directory) return { ok: false, uri, problem: `${uri.path} is a folder. Name a CSV or JSON file in it.` };
        const id = entryId(uri, keys);
        const stamp = `${stat.mtime}:${stat.size}`;
        const cached = this.entries.get(id);
        if (cached?.stamp === stamp) return cached.load;
        // The result is kept before anyone awaiting the load resumes, so peek sees it from then on.
        const entry: Entry = { stamp, load: Promise.resolve() as unknown as Promise<DataLoad> };
        entry.load = this.read(uri, keys).then(result => entry.result = result);
        this.entries.set(id, entry);
        return entry.load;
    }

    /** What the last load of the file with these keys gave, without reading anything. */
    peek(uri: URI, keys: DataKeys): DataLoad | undefined {
        return this.entries.get(entryId(uri, keys))?.result;
    }

    /** Forgets what was read from a file, so the next load reads it again. True if it had been read. */
    forget(uri: URI): boolean {
        const prefix = `${uri.toString()}\u0000`;
        let known = false;
        for (const id of [...this.entries.keys()]) {
            if (id.startsWith(prefix)) {
                this.entries.delete(id);
                known = true;
            }
        }
        return known;
    }

    /** The mean and count of a column over the rows that match. */
    value(table: DataTable, column: string, match: DataMatch): DataValue {
        let sum = 0;
        let n = 0;
        for (const group of this.matchingGroups(table, match)) {
            const measure = group.measures.get(column);
            if (measure) {
                sum += measure.sum;
                n += measure.n;
            }
        }
        return { mean: n > 0 ? sum / n : NaN, n };
    }

    matchingGroups(table: DataTable, match: DataMatch): DataGroup[] {
        const touchpoints = match.touchpoint && new Set(match.touchpoint.map(normalizeKey));
        const personas = match.persona && new Set(match.persona.map(normalizeKey));
        const found: DataGroup[] = [];
        for (const stage of new Set(match.stage.map(normalizeKey))) {
            for (const group of this.byStage(table).get(stage) ?? []) {
                if (touchpoints && !touchpoints.has(normalizeKey(group.touchpoint))) continue;
                if (personas && !personas.has(normalizeKey(group.persona))) continue;
                found.push(group);
            }
        }
        return found;
    }

    private byStage(table: DataTable): Map<string, DataGroup[]> {
        let index = this.stagesIndex.get(table);
        if (!index) {
            index = new Map();
            for (const group of table.groups.values()) {
                const stage = normalizeKey(group.stage);
                let list = index.get(stage);
                if (!list) index.set(stage, list = []);
                list.push(group);
            }
            this.stagesIndex.set(table, index);
        }
        return index;
    }

    private async read(uri: URI, keys: DataKeys): Promise<DataLoad> {
        const format = DATA_FORMATS[/\.([a-z]+)$/i.exec(uri.path)?.[1]?.toLowerCase() ?? ''] ?? 'csv';
        try {
            return { ok: true, uri, table: await this.files!.readTable(uri, format, keys) };
        } catch (error) {
            if (error instanceof DataFileError) return { ok: false, uri, problem: error.message, line: error.line };
            return { ok: false, uri, problem: `The data file cannot be read: ${(error as Error).message}` };
        }
    }
}

function entryId(uri: URI, keys: DataKeys): string {
    return `${uri.toString()}\u0000${keys.stage ?? ''}\u0000${keys.touchpoint ?? ''}\u0000${keys.persona ?? ''}`;
}
