/** Timing, statistics and the places in a generated journey where the benchmark edits, completes and hovers. */
import { performance } from 'node:perf_hooks';

/** Summary of repeated timings in milliseconds: the median is what the report uses. */
export interface Timing {
    median: number;
    min: number;
    max: number;
    runs: number;
    /**
     * Median CPU time of this process (all its threads, garbage collection included) where measured
     * in process: less sensitive than wall time to other programs competing for the cores.
     */
    cpu?: number;
}

export function summarize(samples: number[]): Timing {
    if (samples.length === 0) throw new Error('No samples to summarize: the measurement never ran.');
    const sorted = [...samples].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    return { median: round(median), min: round(sorted[0]), max: round(sorted[sorted.length - 1]), runs: samples.length };
}

export function round(value: number, digits = 2): number {
    const factor = 10 ** digits;
    return Math.round(value * factor) / factor;
}

/**
 * Runs `body` once unmeasured to warm up, then `runs` times measured, one after the other;
 * `cleanUp` runs after each, outside the measurement.
 */
export async function time(runs: number, body: () => unknown, cleanUp?: () => unknown): Promise<Timing> {
    await body();
    await cleanUp?.();
    const samples: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
        const cpuBefore = process.cpuUsage();
        const started = performance.now();
        await body();
        samples.push(performance.now() - started);
        const used = process.cpuUsage(cpuBefore);
        cpu.push((used.user + used.system) / 1000);
        await cleanUp?.();
    }
    return { ...summarize(samples), cpu: summarize(cpu).median };
}

export interface Position { line: number; character: number }

/** Where the benchmark acts in a generated journey. */
export interface Probes {
    /** One emotion digit near the middle of the file: the one-character edit toggles it. */
    edit: { offset: number; position: Position; original: string; replacement: string };
    /** Right after `channel ` in the last touchpoint: completion of a channel name. */
    completion: Position;
    /** On the name of the last touchpoint. */
    hoverTouchpoint: Position;
    /** On the name of the last stage: its card averages the emotions of the stage. */
    hoverStage: Position;
}

export function positionAt(text: string, offset: number): Position {
    let line = 0;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
        lineStart = i + 1;
    }
    return { line, character: offset - lineStart };
}

export function findProbes(text: string): Probes {
    const emotion = /emotion \w+ -?([0-3])/g;
    emotion.lastIndex = Math.floor(text.length / 2);
    const middle = emotion.exec(text);
    if (!middle) throw new Error('The generated journey has no emotion after its middle: the generator changed; update findProbes.');
    const offset = middle.index + middle[0].length - 1;
    const original = middle[1];
    const lastTouchpoint = text.lastIndexOf('        touchpoint ');
    const lastStage = text.lastIndexOf('    stage ');
    const channel = text.indexOf('channel ', lastTouchpoint);
    if (lastTouchpoint < 0 || lastStage < 0 || channel < 0) throw new Error('The generated journey has no stage, touchpoint or channel to probe.');
    return {
        edit: { offset, position: positionAt(text, offset), original, replacement: original === '1' ? '2' : '1' },
        completion: positionAt(text, channel + 'channel '.length),
        hoverTouchpoint: positionAt(text, lastTouchpoint + '        touchpoint '.length + 1),
        hoverStage: positionAt(text, lastStage + '    stage '.length + 1)
    };
}

/** The text with the probe's digit set to its replacement (`edited`) or back to the original. */
export function withEdit(text: string, probes: Probes, edited: boolean): string {
    const digit = edited ? probes.edit.replacement : probes.edit.original;
    return text.slice(0, probes.edit.offset) + digit + text.slice(probes.edit.offset + 1);
}

export function megabytes(bytes: number): number {
    return round(bytes / 1024 / 1024, 1);
}
