/**
 * Reads CSV as it streams in. csv-parse does the parsing: quoted fields, embedded newlines, a byte
 * order mark, and the semicolon-separated exports of Nordic spreadsheets (whose decimals are written
 * with a comma) all read as meant. Text goes to the parser in slices with a yield after each, so the
 * language server keeps answering while it reads a large file.
 */
import { parse, type CsvError } from 'csv-parse';
import { DataFileError, finish, TableBuilder, type DataKeys, type DataTable } from './data-table.js';

/** The separator a header line uses: the one of `;`, `,`, tab and `|` it has most of, outside quotes. */
export function detectDelimiter(headerLine: string): string {
    const counts = new Map<string, number>([[',', 0], [';', 0], ['\t', 0], ['|', 0]]);
    let quoted = false;
    for (const char of headerLine) {
        if (char === '"') quoted = !quoted;
        else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
    }
    let best = ',';
    for (const [delimiter, count] of counts) if (count > counts.get(best)!) best = delimiter;
    return best;
}

/** Lets other work run between chunks of a large file. */
// setImmediate on Node; a web worker (the server in the browser) has only setTimeout, which waits a little longer.
const yieldToEventLoop = () => new Promise<void>(resolve => typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0));

/** Resolves when the parser has taken what was written (or failed). */
function drained(parser: ReturnType<typeof parse>): Promise<void> {
    return new Promise(resolve => {
        const done = () => {
            parser.off('drain', done);
            parser.off('error', done);
            resolve();
        };
        parser.once('drain', done);
        parser.once('error', done);
    });
}

/** Text chunks of at most this size go to the CSV parser at a time, each followed by a yield. */
const CHUNK_CHARS = 16 * 1024;

/** Reads CSV text arriving in chunks (decoded or not). */
export async function readCsv(chunks: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, keys: DataKeys): Promise<DataTable> {
    const decoder = new TextDecoder('utf-8');
    let parser: ReturnType<typeof parse> | undefined;
    let builder: TableBuilder | undefined;
    let delimiter = ',';
    let pending = '';
    let failure: DataFileError | undefined;

    const start = (headerText: string) => {
        delimiter = detectDelimiter(headerText.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]);
        parser = parse({ delimiter, bom: true, info: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_empty_values: true });
        parser.on('data', ({ record, info }: { record: string[]; info: { lines: number } }) => {
            if (!builder) {
                const columns = record.map(column => column.trim());
                if (columns.every(column => column === '')) return;
                builder = new TableBuilder(columns, keys);
            } else {
                builder.add(record, info.lines);
            }
        });
        parser.on('error', (error: CsvError) => {
            failure ??= new DataFileError(csvProblem(error), (error as { lines?: number }).lines);
        });
    };
    const feed = async (text: string) => {
        for (let offset = 0; offset < text.length && !failure; offset += CHUNK_CHARS) {
            // Writes the parser has not taken yet would be parsed later all in one go: wait for each.
            if (!parser!.write(text.slice(offset, offset + CHUNK_CHARS)) && !failure) await drained(parser!);
            await yieldToEventLoop();
        }
    };

    for await (const chunk of chunks) {
        const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
        if (!parser) {
            pending += text;
            // The header line decides the separator; wait for all of it (or the end of the file).
            if (!/\r?\n/.test(pending)) continue;
            start(pending);
            const first = pending;
            pending = '';
            await feed(first);
        } else {
            await feed(text);
        }
        if (failure) throw failure;
    }
    const rest = pending + decoder.decode();
    if (!parser) {
        if (rest.trim() === '') throw new DataFileError('The file is empty: it needs a header line naming the columns, and a row per answer or measurement.');
        start(rest);
    }
    if (rest) await feed(rest);
    await new Promise<void>(resolve => {
        parser!.once('end', resolve);
        parser!.once('error', () => resolve());
        parser!.end();
    });
    if (failure) throw failure;
    if (!builder) throw new DataFileError('The file is empty: it needs a header line naming the columns, and a row per answer or measurement.');
    return finish('csv', builder, delimiter);
}

function csvProblem(error: CsvError): string {
    const line = (error as { lines?: number }).lines;
    const where = line ? ` on line ${line}` : '';
    switch (error.code) {
        case 'CSV_QUOTE_NOT_CLOSED': return `A quoted value${where} is never closed: add the closing quote (") in the file.`;
        case 'CSV_INVALID_CLOSING_QUOTE': return `A quote${where} closes a value but more text follows it before the separator. Double a quote that belongs to the text ("").`;
        case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE': return `Text follows a closing quote${where}. Double a quote that belongs to the text ("").`;
        default: return `The file cannot be read as CSV${where}: ${error.message}`;
    }
}
