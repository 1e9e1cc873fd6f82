/**
 * Parses large journeys in a worker thread (`parser-worker.ts`), so that the language server keeps
 * answering hovers, completions and other files while a multi-megabyte text (a paste, a checkout)
 * is parsed. The result comes back as numbers and JSON and is rebuilt in slices (`parse-transfer.ts`).
 * Texts under `minLength` characters are parsed in place: there the round trip costs more than it
 * saves. If the worker cannot start or fails, the text is parsed in place and the error logged once.
 */
import { isOperationCancelled, OperationCancelled, type AsyncParser, type LangiumCoreServices, type AstNode, type LangiumParser, type ParseResult } from 'langium';
import { Worker } from 'node:worker_threads';
import { decodeParse, type EncodedParse } from './parse-transfer.js';

type CancellationToken = Parameters<AsyncParser['parse']>[1];

export interface ParseRequest { id: number; text: string }
export interface ParseReply { id: number; encoded?: EncodedParse; error?: string }

/** About 200 ms of parsing on the server's thread. */
export const THREADED_PARSE_MIN_LENGTH = 1_000_000;

export class ThreadedParser implements AsyncParser {
    private readonly parser: LangiumParser;
    private worker: Worker | undefined;
    /** The parse the worker is on, if any; one at a time. */
    private pending: { id: number; resolve: (encoded: EncodedParse) => void; reject: (reason: unknown) => void } | undefined;
    private queue: Promise<unknown> = Promise.resolve();
    private nextId = 1;
    private failed = false;

    constructor(private readonly services: LangiumCoreServices, private readonly workerPath: string, private readonly minLength = THREADED_PARSE_MIN_LENGTH,
        private readonly log: (message: string) => void = message => console.error(message)) {
        this.parser = services.parser.LangiumParser;
    }

    async parse<T extends AstNode>(text: string, cancelToken: CancellationToken): Promise<ParseResult<T>> {
        if (text.length < this.minLength || this.failed) return this.parser.parse<T>(text);
        let encoded: EncodedParse;
        try {
            encoded = await this.inWorker(text, cancelToken);
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            if (!this.failed) this.log(`Large journeys are parsed on the language server's own thread from now on: its parser thread failed (${error instanceof Error ? error.message : String(error)}).`);
            this.failed = true;
            return this.parser.parse<T>(text);
        }
        return decodeParse(this.services, encoded, text, cancelToken) as Promise<ParseResult<T>>;
    }

    /** Stops the worker thread; a later parse starts a new one. */
    dispose(): void {
        this.stopWorker(OperationCancelled);
    }

    private inWorker(text: string, cancelToken: CancellationToken): Promise<EncodedParse> {
        // One parse at a time: a second large document waits for the first.
        const run = this.queue.then(() => new Promise<EncodedParse>((resolve, reject) => {
            if (cancelToken.isCancellationRequested) return reject(OperationCancelled);
            const worker = this.startWorker();
            const id = this.nextId++;
            this.pending = { id, resolve, reject };
            // A newer text is on its way: stop this parse at once rather than finish it.
            const cancelled = cancelToken.onCancellationRequested(() => this.stopWorker(OperationCancelled));
            const settled = () => cancelled.dispose();
            run.then(settled, settled);
            worker.postMessage({ id, text } satisfies ParseRequest);
        }));
        this.queue = run.catch(() => undefined);
        return run;
    }

    private startWorker(): Worker {
        if (this.worker) return this.worker;
        const worker = new Worker(this.workerPath);
        worker.unref();
        worker.on('message', ({ id, encoded, error }: ParseReply) => {
            const pending = this.pending;
            if (!pending || pending.id !== id) return;
            this.pending = undefined;
            if (encoded) pending.resolve(encoded);
            else pending.reject(new Error(error ?? 'the parser thread answered without a result'));
        });
        worker.on('error', error => this.stopWorker(error));
        worker.on('exit', code => { if (this.worker === worker) this.stopWorker(new Error(`the parser thread stopped (exit code ${code})`)); });
        return this.worker = worker;
    }

    private stopWorker(reason: unknown): void {
        const worker = this.worker;
        this.worker = undefined;
        const pending = this.pending;
        this.pending = undefined;
        pending?.reject(reason);
        void worker?.terminate();
    }
}
