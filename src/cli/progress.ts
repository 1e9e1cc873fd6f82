/**
 * Progress for long runs, on stderr so stdout stays clean for pipes. Shown only on a terminal
 * (or with --progress): a CI log full of carriage returns helps nobody.
 */
import { writeWithControls } from './output.js';

export class Progress {
    private shown = false;
    private lastWrite = 0;

    constructor(private readonly enabled: boolean, private readonly stream: NodeJS.WriteStream = process.stderr) { }

    static for(forced: boolean): Progress {
        return new Progress(forced || process.stderr.isTTY === true);
    }

    /** Reports `done` of `total`; redraws at most every 50 ms, and always for the last step. */
    update(verb: string, done: number, total: number): void {
        if (!this.enabled || total < 2) return;
        const now = Date.now();
        if (done < total && now - this.lastWrite < 50) return;
        this.lastWrite = now;
        const line = `${verb} ${done}/${total} files`;
        if (this.stream.isTTY) {
            writeWithControls(this.stream, `\r\x1b[2K${line}`);
        } else {
            this.stream.write(`${line}\n`);
        }
        this.shown = true;
    }

    /** Clears the progress line before results are printed. */
    done(): void {
        if (this.shown && this.stream.isTTY) writeWithControls(this.stream, '\r\x1b[2K');
        this.shown = false;
    }
}
