/**
 * When the preview asks the language server for a new map: once typing pauses for `delay`
 * (journey.preview.updateDelay), but never later than `maxWait` after the first change that is
 * still waiting, so someone who types without pausing still sees the map grow about every second.
 */
export class UpdateSchedule {
    private timer: ReturnType<typeof setTimeout> | undefined;
    private waitingSince: number | undefined;

    constructor(private readonly run: () => void, private readonly now: () => number = Date.now) {}

    /** A change arrived: run after `delay` of quiet, or at once if changes have waited `maxWait` already. */
    request(delay: number, maxWait: number): void {
        clearTimeout(this.timer);
        const now = this.now();
        this.waitingSince ??= now;
        const left = Math.max(0, this.waitingSince + maxWait - now);
        this.timer = setTimeout(() => this.fire(), Math.min(Math.max(0, delay), left));
    }

    dispose(): void {
        clearTimeout(this.timer);
        this.timer = undefined;
        this.waitingSince = undefined;
    }

    private fire(): void {
        this.timer = undefined;
        this.waitingSince = undefined;
        this.run();
    }
}
