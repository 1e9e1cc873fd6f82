/**
 * A headless Chromium spoken to directly over the DevTools protocol, through the pipe the
 * browser opens on file descriptors 3 and 4 (`--remote-debugging-pipe`). The exports need four
 * things of a browser: a page opened at start, a script evaluated in it, a PDF printed and the
 * browser closed. A driver library does all of that too, but loading one takes longer than the
 * browser takes to start, and one map's export has to be done in about a second.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';

/** Long enough for a very large map drawn and encoded on a slow machine. */
const COMMAND_TIMEOUT_MS = 120_000;
/** A browser that has not answered on its pipe by then does not speak the protocol over one (or hangs). */
const START_TIMEOUT_MS = 30_000;
/** A PNG is read from the browser in pieces of this size (a map's is one or two). */
const BLOB_READ_BYTES = 16 * 1024 * 1024;
/** How long a browser gets to close before it is killed. */
const CLOSE_TIMEOUT_MS = 5_000;

interface Pending {
    method: string;
    resolve(result: Record<string, unknown>): void;
    reject(error: Error): void;
    timer: NodeJS.Timeout;
}

export class BrowserError extends Error {}

/**
 * The browser's temporary folder removed. Its processes have just been killed, and one still
 * finishing a write as it dies can add a file while the folder is removed: the whole removal is
 * tried again, for up to about 3 s in all (50, 100, ... 450 ms apart). Node's own `maxRetries`
 * only retries removing the folder that was not empty, and a file added once then fails every retry.
 */
function removeFolder(folder: string): void {
    for (let attempt = 1; ; attempt++) {
        try {
            fs.rmSync(folder, { recursive: true, force: true });
            return;
        } catch (error) {
            if (attempt === 10) throw error;
            // Synchronous, as it also runs as the process exits on a signal (see endOnInterrupt).
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50 * attempt);
        }
    }
}

/** The browsers not closed yet: ended, and their folders removed, if the CLI is interrupted. */
const running = new Set<CdpBrowser>();
let endingOnInterrupt = false;

/**
 * Ctrl-C, a hang-up or a cancelled CI job: the browsers are ended and their folders removed before
 * the CLI exits as it would have (128 + the signal's number). The browser leads a process group of
 * its own, so the terminal's Ctrl-C no longer reaches it; without this it would notice its pipe
 * closing and exit by itself, and leave its folder behind.
 */
function endOnInterrupt(): void {
    if (endingOnInterrupt) return;
    endingOnInterrupt = true;
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
        process.once(signal, () => {
            for (const browser of running) browser.endNow();
            process.exit(128 + (os.constants.signals[signal] ?? 0));
        });
    }
}

export class CdpBrowser {
    private nextId = 1;
    private readonly pending = new Map<number, Pending>();
    private buffered: Buffer[] = [];
    private exited: Error | undefined;
    private stderrTail = '';

    /** `startUrl`: the file URL of the page the browser opened at start, which new tabs can open too. */
    private constructor(private readonly child: ChildProcess, private readonly profile: string, readonly startUrl: string) {
        const output = child.stdio[4] as Readable;
        output.on('data', (chunk: Buffer) => this.receive(chunk));
        child.stderr?.on('data', (chunk: Buffer) => {
            this.stderrTail = (this.stderrTail + chunk.toString('utf8')).slice(-4000);
        });
        child.on('error', error => this.fail(new BrowserError(error.message)));
        child.on('exit', (code, signal) => this.fail(new BrowserError(`the browser exited (${signal ?? `code ${code}`})${this.lastLog()}`)));
        // A pipe the browser closed is the same as the browser gone; its exit says why.
        (child.stdio[3] as Writable).on('error', () => undefined);
    }

    /**
     * Starts the browser with a profile of its own in a temporary folder, so nothing of the
     * user's browser is read or changed, and opens `startPage` (HTML, written into that folder) in
     * its first tab: the page loads while the caller does other work. Resolves once the browser
     * answers on its pipe.
     */
    static async launch(executable: string, flags: readonly string[], startPage: string): Promise<CdpBrowser> {
        const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-chromium-'));
        const page = path.join(profile, 'start.html');
        fs.writeFileSync(page, startPage);
        const startUrl = pathToFileURL(page).href;
        const child = spawn(executable, [
            '--headless', '--remote-debugging-pipe', `--user-data-dir=${path.join(profile, 'profile')}`,
            '--no-default-browser-check', '--disable-extensions', '--hide-scrollbars', '--mute-audio',
            '--disable-background-timer-throttling', '--disable-renderer-backgrounding', '--disable-backgrounding-occluded-windows',
            '--password-store=basic', '--use-mock-keychain',
            ...flags, startUrl
        ], {
            stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'], windowsHide: true,
            // A process group of its own, so that closing ends all of its processes (see close).
            detached: process.platform !== 'win32',
            // Its temporary files go into the folder removed with it, even those a browser ended at once leaves.
            env: { ...process.env, TMPDIR: profile }
        });
        const browser = new CdpBrowser(child, profile, startUrl);
        endOnInterrupt();
        running.add(browser);
        try {
            await browser.send('Browser.getVersion', {}, undefined, START_TIMEOUT_MS);
        } catch (error) {
            const exited = browser.exited !== undefined;
            await browser.close();
            if (exited) throw error;
            throw new BrowserError(`it did not answer on its DevTools pipe within ${START_TIMEOUT_MS / 1000} s (a browser older than Chrome 80 cannot)`);
        }
        return browser;
    }

    /** The tab the browser opened at start, showing the start page (or on its way there). */
    async startPage(): Promise<CdpPage> {
        const { targetInfos } = await this.send('Target.getTargets') as { targetInfos: { targetId: string; type: string }[] };
        const target = targetInfos.find(info => info.type === 'page');
        if (!target) throw new BrowserError('the browser opened no page');
        return this.attach(target.targetId);
    }

    /**
     * A new tab at `url`. In a browser context of its own, it also gets a renderer process of
     * its own: two such tabs draw at the same time on two cores.
     */
    async newPage(url = 'about:blank', ownProcess = false): Promise<CdpPage> {
        const context = ownProcess ? await this.send('Target.createBrowserContext') as { browserContextId: string } : undefined;
        const { targetId } = await this.send('Target.createTarget', { url, browserContextId: context?.browserContextId }) as { targetId: string };
        return this.attach(targetId);
    }

    private async attach(targetId: string): Promise<CdpPage> {
        const { sessionId } = await this.send('Target.attachToTarget', { targetId, flatten: true }) as { sessionId: string };
        return new CdpPage(this, sessionId);
    }

    send(method: string, params: Record<string, unknown> = {}, sessionId?: string, timeout = COMMAND_TIMEOUT_MS): Promise<Record<string, unknown>> {
        if (this.exited) return Promise.reject(this.exited);
        const id = this.nextId++;
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.pending.delete(id);
                reject(new BrowserError(`the browser did not answer ${method} within ${timeout / 1000} s`));
            }, timeout);
            this.pending.set(id, { method, resolve, reject, timer });
            (this.child.stdio[3] as Writable).write(JSON.stringify({ id, method, params, sessionId }) + '\0');
        });
    }

    async close(): Promise<void> {
        running.delete(this);
        if (!this.exited) {
            const exited = new Promise<void>(resolve => this.child.once('exit', () => resolve()));
            // Nothing of the browser is kept, so it is ended rather than shut down where that ends all
            // of it: Browser.close would first save the profile that is about to be removed (about 100 ms).
            if (!this.killAll()) this.send('Browser.close', {}, undefined, CLOSE_TIMEOUT_MS).catch(() => undefined);
            const timer = setTimeout(() => this.child.kill('SIGKILL'), CLOSE_TIMEOUT_MS);
            await exited;
            clearTimeout(timer);
        }
        removeFolder(this.profile);
    }

    /**
     * Kills every process of the browser at once, where it leads a process group of its own (not on
     * Windows). Killing the browser alone would leave its helper processes writing into the profile
     * while it is removed. False where it cannot.
     */
    private killAll(): boolean {
        if (this.child.pid === undefined || process.platform === 'win32') return false;
        try {
            process.kill(-this.child.pid, 'SIGKILL');
        } catch {
            this.child.kill('SIGKILL');
        }
        return true;
    }

    /** At once, for a CLI that is being interrupted: the browser killed and its folder removed, as far as can be. */
    endNow(): void {
        running.delete(this);
        if (!this.killAll()) this.child.kill('SIGKILL');
        try {
            removeFolder(this.profile);
        } catch {
            // A file the dying browser still holds (Windows): the folder is in the system's temporary folder.
        }
    }

    /** Messages arrive as JSON texts, each ended by a NUL byte, in chunks of any size. */
    private receive(chunk: Buffer): void {
        let start = 0;
        let end = chunk.indexOf(0);
        while (end !== -1) {
            this.buffered.push(chunk.subarray(start, end));
            const text = Buffer.concat(this.buffered).toString('utf8');
            this.buffered = [];
            this.dispatch(JSON.parse(text));
            start = end + 1;
            end = chunk.indexOf(0, start);
        }
        if (start < chunk.length) this.buffered.push(chunk.subarray(start));
    }

    /** Answers to commands; events (messages without an id) are not asked for and are let go. */
    private dispatch(message: { id?: number; result?: Record<string, unknown>; error?: { message: string } }): void {
        if (message.id !== undefined) {
            const pending = this.pending.get(message.id);
            if (!pending) return;
            this.pending.delete(message.id);
            clearTimeout(pending.timer);
            if (message.error) pending.reject(new BrowserError(`${pending.method}: ${message.error.message}`));
            else pending.resolve(message.result ?? {});
        }
    }

    private fail(error: BrowserError): void {
        this.exited ??= error;
        for (const pending of this.pending.values()) {
            clearTimeout(pending.timer);
            pending.reject(this.exited);
        }
        this.pending.clear();
    }

    private lastLog(): string {
        const line = this.stderrTail.trim().split('\n').filter(Boolean).pop();
        return line ? `: ${line.slice(0, 300)}` : '';
    }
}

export class CdpPage {
    constructor(private readonly browser: CdpBrowser, private readonly sessionId: string) {}

    send(method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
        return this.browser.send(method, params, this.sessionId);
    }

    /** The value of a script (a promise is awaited), as JSON: what the page threw becomes an error here. */
    async evaluate<T>(expression: string): Promise<T> {
        const reply = await this.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }) as {
            result: { value?: T };
            exceptionDetails?: { text: string; exception?: { description?: string } };
        };
        if (reply.exceptionDetails) {
            const { exception, text } = reply.exceptionDetails;
            throw new BrowserError((exception?.description ?? text).split('\n')[0]);
        }
        return reply.result.value as T;
    }

    /**
     * The bytes of the Blob a script gives, or undefined when it gives none. The browser reads
     * them from its own store of blobs: as a string returned by value, the renderer would
     * encode them, and the protocol carry them, twice as slowly.
     */
    async blob(expression: string): Promise<Buffer | undefined> {
        const { result } = await this.send('Runtime.evaluate', { expression }) as { result: { objectId?: string; className?: string } };
        if (!result.objectId) return undefined;
        try {
            if (result.className !== 'Blob') return undefined;
            const { uuid } = await this.send('IO.resolveBlob', { objectId: result.objectId }) as { uuid: string };
            const handle = `blob:${uuid}`;
            const parts: Buffer[] = [];
            try {
                for (;;) {
                    const read = await this.send('IO.read', { handle, size: BLOB_READ_BYTES }) as { data: string; base64Encoded?: boolean; eof: boolean };
                    parts.push(Buffer.from(read.data, read.base64Encoded ? 'base64' : 'utf8'));
                    if (read.eof) return Buffer.concat(parts);
                }
            } finally {
                await this.send('IO.close', { handle }).catch(() => undefined);
            }
        } finally {
            await this.send('Runtime.releaseObject', { objectId: result.objectId }).catch(() => undefined);
        }
    }

    /** The page printed as PDF, on pages of the size its CSS gives, with its backgrounds. */
    async pdf(): Promise<Buffer> {
        const { data } = await this.send('Page.printToPDF', {
            preferCSSPageSize: true, printBackground: true,
            marginTop: 0, marginBottom: 0, marginLeft: 0, marginRight: 0
        }) as { data: string };
        return Buffer.from(data, 'base64');
    }
}
