/**
 * What a map asks of a research data file (CSV or JSON): for each combination of stage, touchpoint and
 * persona the rows name, how many rows there are and the sum and count of every numeric column. Rows
 * are summed as they are read and never kept, so a 50 MB survey export costs memory in proportion to
 * its groups, not its rows. CSV is read in read-csv.ts, where the file system is.
 */
/** Which column names the stage, touchpoint and persona of a row (as declared in the map). */
export interface DataKeys {
    stage?: string;
    touchpoint?: string;
    persona?: string;
}

export const DATA_KEY_KINDS = ['stage', 'touchpoint', 'persona'] as const;
export type DataKeyKind = typeof DATA_KEY_KINDS[number];

export interface MeasureSum {
    sum: number;
    n: number;
}

/** The rows that share a stage, touchpoint and persona value. */
export interface DataGroup {
    /** The values as written in the file (of the first row), or '' where the map declares no such column. */
    stage: string;
    touchpoint: string;
    persona: string;
    rows: number;
    /** Numeric values per column. */
    measures: Map<string, MeasureSum>;
}

export interface NonNumeric {
    count: number;
    /** Where the first one is: a line of a CSV file, a row (counted from 1) of a JSON array. */
    firstAt: number;
    example: string;
}

export interface DataTable {
    format: 'csv' | 'json';
    /** The header's column names in file order. */
    columns: string[];
    rows: number;
    /** By the normalised values of the key columns (see groupKey). */
    groups: Map<string, DataGroup>;
    /** Non-empty values that are not numbers, per column. */
    nonNumeric: Map<string, NonNumeric>;
    /** CSV only: the separator the header line uses. */
    delimiter?: string;
    /** Columns the map declares as keys that the header lacks; their values read as empty. */
    missingKeys: DataKeyKind[];
}

export class DataFileError extends Error {
    constructor(message: string, readonly line?: number) {
        super(message);
    }
}

/** A stage, touchpoint or persona value compared as people mean it: case, spacing and Unicode form aside. */
export function normalizeKey(value: string): string {
    return value.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('und');
}

export function groupKey(stage: string, touchpoint: string, persona: string): string {
    return `${normalizeKey(stage)}\u0000${normalizeKey(touchpoint)}\u0000${normalizeKey(persona)}`;
}

/**
 * A number as spreadsheets write it: `3`, `-1.5`, `3,5` (decimal comma), `12 %`. Anything else,
 * including thousands separators, is not a number; an empty value is no value at all (undefined).
 */
export function readNumber(value: unknown): number | null | undefined {
    if (typeof value === 'number') return Number.isFinite(value) ? value : null;
    if (value === null || value === undefined) return undefined;
    if (typeof value !== 'string') return null;
    const text = value.trim();
    if (text === '') return undefined;
    const match = /^([+-]?\d+(?:[.,]\d+)?)\s*%?$/.exec(text);
    return match ? Number(match[1].replace(',', '.')) : null;
}

/** Sums rows into groups; shared by the CSV and JSON readers. */
export class TableBuilder {
    readonly groups = new Map<string, DataGroup>();
    readonly nonNumeric = new Map<string, NonNumeric>();
    rows = 0;
    private readonly byRawKey = new Map<string, DataGroup>();
    private keyIndexes: Array<[DataKeyKind, number]> = [];
    private measureIndexes: Array<[string, number]> = [];

    constructor(readonly columns: string[], private readonly keys: DataKeys) {
        const keyColumns = new Set<string>();
        for (const kind of DATA_KEY_KINDS) {
            const column = keys[kind];
            if (column === undefined) continue;
            keyColumns.add(column);
            const index = columns.indexOf(column);
            if (index >= 0) this.keyIndexes.push([kind, index]);
        }
        columns.forEach((column, index) => {
            if (!keyColumns.has(column)) this.measureIndexes.push([column, index]);
        });
    }

    get missingKeys(): DataKeyKind[] {
        return DATA_KEY_KINDS.filter(kind => this.keys[kind] !== undefined && !this.columns.includes(this.keys[kind]!));
    }

    add(values: readonly unknown[], at: number): void {
        this.rows++;
        const key: Record<DataKeyKind, string> = { stage: '', touchpoint: '', persona: '' };
        for (const [kind, index] of this.keyIndexes) key[kind] = String(values[index] ?? '');
        // A file repeats few combinations of keys over many rows: each is normalised once.
        const raw = `${key.stage}\u0000${key.touchpoint}\u0000${key.persona}`;
        let group = this.byRawKey.get(raw);
        if (!group) {
            const id = groupKey(key.stage, key.touchpoint, key.persona);
            group = this.groups.get(id);
            if (!group) this.groups.set(id, group = { ...key, rows: 0, measures: new Map() });
            this.byRawKey.set(raw, group);
        }
        group.rows++;
        for (const [column, index] of this.measureIndexes) {
            const number = readNumber(values[index]);
            if (number === undefined) continue;
            if (number === null) {
                const seen = this.nonNumeric.get(column);
                if (seen) seen.count++;
                else this.nonNumeric.set(column, { count: 1, firstAt: at, example: String(values[index]).slice(0, 40) });
                continue;
            }
            const measure = group.measures.get(column);
            if (measure) {
                measure.sum += number;
                measure.n++;
            } else {
                group.measures.set(column, { sum: number, n: 1 });
            }
        }
    }
}

/** A JSON file: an array of objects, one per row, whose keys are the columns. */
export function readJson(text: string, keys: DataKeys): DataTable {
    let value: unknown;
    try {
        value = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
        throw new DataFileError(`The file is not valid JSON (${(error as Error).message}). Data in JSON is an array of objects, one per row: [{"stage": "Purchase", "satisfaction": 4}, ...].`);
    }
    if (!Array.isArray(value) || value.some(row => row === null || typeof row !== 'object' || Array.isArray(row))) {
        throw new DataFileError('Data in JSON must be an array of objects, one per row: [{"stage": "Purchase", "satisfaction": 4}, ...].');
    }
    const columns = [...new Set((value as Array<Record<string, unknown>>).flatMap(row => Object.keys(row)))];
    const builder = new TableBuilder(columns, keys);
    (value as Array<Record<string, unknown>>).forEach((row, index) => builder.add(columns.map(column => row[column]), index + 1));
    return finish('json', builder);
}

export function finish(format: DataTable['format'], builder: TableBuilder, delimiter?: string): DataTable {
    return { format, columns: builder.columns, rows: builder.rows, groups: builder.groups, nonNumeric: builder.nonNumeric, delimiter, missingKeys: builder.missingKeys };
}
