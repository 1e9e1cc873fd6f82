/** When the preview redraws while someone types: after a pause, and at least about once a second without one. */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { UpdateSchedule } from '../../src/extension/preview/update-schedule.js';

describe('the preview update schedule', () => {
    beforeEach(() => { vi.useFakeTimers(); });
    afterEach(() => { vi.useRealTimers(); });

    test('waits for typing to pause, then updates once', () => {
        const run = vi.fn();
        const schedule = new UpdateSchedule(run, () => Date.now());
        schedule.request(100, 1000);
        vi.advanceTimersByTime(60);
        schedule.request(100, 1000);
        vi.advanceTimersByTime(99);
        expect(run).not.toHaveBeenCalled();
        vi.advanceTimersByTime(1);
        expect(run).toHaveBeenCalledTimes(1);
    });

    test('typing without a pause still updates every second', () => {
        const run = vi.fn();
        const schedule = new UpdateSchedule(run, () => Date.now());
        // A keystroke every 80 ms for five seconds: never 100 ms of quiet.
        for (let t = 0; t < 5000; t += 80) {
            schedule.request(100, 1000);
            vi.advanceTimersByTime(80);
        }
        expect(run.mock.calls.length).toBeGreaterThanOrEqual(4);
        expect(run.mock.calls.length).toBeLessThanOrEqual(6);
    });

    test('disposing stops a pending update', () => {
        const run = vi.fn();
        const schedule = new UpdateSchedule(run, () => Date.now());
        schedule.request(100, 1000);
        schedule.dispose();
        vi.advanceTimersByTime(2000);
        expect(run).not.toHaveBeenCalled();
    });
});
