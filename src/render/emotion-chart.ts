/**
 * The emotional curve of a journey as chart data: one series per persona (two per persona,
 * current and future, when a future-state journey has a baseline), on the shared emotion scale.
 *
 * A point per touchpoint shows where exactly a stage turns sour, so that is the default. Past
 * MAX_TOUCHPOINT_CATEGORIES the x axis would need more labels than fit side by side, and the
 * chart switches to one point per stage (the persona's average there), which keeps the curve
 * readable at 30 stages and uses the same columns as the swimlane grid. A comparison with
 * the baseline is always per stage, because stages are what the two journeys share.
 */
import type { EmotionLane, EmotionPoint, JourneyView, SourceRange, TouchpointView } from '../model/view-model.js';
import { EMOTION_SCALE } from '../language/vocabulary.js';

export const MAX_TOUCHPOINT_CATEGORIES = 16;

export type EmotionGranularity = 'touchpoint' | 'stage';

export interface EmotionCategory {
    /** Key of the touchpoint or stage the category stands for. */
    key: string;
    label: string;
    stageLabel: string;
}

export interface EmotionChartPoint {
    value: number;
    /** The emotion the point was drawn from (the first one when it is an average). */
    key: string;
    range: SourceRange;
    uri?: string;
    /** Keys of every element the point summarises: the cursor in any of them lights it up. */
    covers: string[];
}

export interface EmotionSeries {
    persona: string;
    label: string;
    /** `current` and `future` in a comparison with the baseline; `journey` otherwise. */
    role: 'journey' | 'current' | 'future';
    /** One entry per category; null where the persona felt nothing recorded. */
    points: Array<EmotionChartPoint | null>;
    /**
     * One entry per category, true where the persona takes no part (a touchpoint, or a whole
     * stage, for other personas): the curve passes over it, unlike a gap in what was recorded.
     */
    absent?: boolean[];
}

export interface EmotionChart {
    granularity: EmotionGranularity;
    comparison: boolean;
    categories: EmotionCategory[];
    series: EmotionSeries[];
    scale: { min: number; max: number };
}

export interface EmotionChartOptions {
    /** Personas to draw; all of them when absent. */
    personas?: readonly string[];
}

function average(values: number[]): number {
    return Math.round((values.reduce((sum, v) => sum + v, 0) / values.length) * 100) / 100;
}

function summarise(points: EmotionPoint[], alsoCovers: string[], uri?: string): EmotionChartPoint | null {
    if (points.length === 0) return null;
    const first = points[0];
    return {
        value: average(points.map(p => p.score)),
        key: first.key,
        range: first.range,
        uri: first.uri ?? uri,
        covers: [...points.map(p => p.key), ...alsoCovers]
    };
}

/** Whether the persona takes part in the touchpoint; a touchpoint that names no persona is for all of them. */
function takesPart(touchpoint: TouchpointView, persona: string): boolean {
    return touchpoint.personas.length === 0 || touchpoint.personas.includes(persona);
}

function visibleLanes(lanes: EmotionLane[], options: EmotionChartOptions): EmotionLane[] {
    const shown = options.personas;
    return lanes.filter(lane => lane.points.length > 0 && (!shown || shown.includes(lane.persona)));
}

/** The chart for one journey, or undefined when no shown persona has any emotion recorded. */
export function emotionChart(journey: JourneyView, options: EmotionChartOptions = {}): EmotionChart | undefined {
    const lanes = visibleLanes(journey.emotionLanes, options);
    const baselineLanes = journey.baseline ? visibleLanes(journey.baseline.emotionLanes, options) : [];
    if (lanes.length === 0 && baselineLanes.length === 0) return undefined;
    const scale = { min: EMOTION_SCALE.min, max: EMOTION_SCALE.max };

    const stageCategories: EmotionCategory[] = journey.stages.map(stage => ({ key: stage.key, label: stage.label, stageLabel: stage.label }));
    const stagePoints = (lane: EmotionLane, stageId: string, alsoCovers: string[], uri?: string) =>
        summarise(lane.points.filter(p => p.stageId === stageId), alsoCovers, uri);

    if (journey.baseline) {
        const baseline = journey.baseline;
        const series: EmotionSeries[] = [];
        const personas = [...new Set([...baselineLanes, ...lanes].map(lane => lane.persona))];
        for (const persona of personas) {
            const current = baselineLanes.find(lane => lane.persona === persona);
            const future = lanes.find(lane => lane.persona === persona);
            if (current) {
                series.push({
                    persona, label: `${current.label} (current)`, role: 'current',
                    points: journey.stages.map(stage => stage.counterpart ? stagePoints(current, stage.counterpart, [], baseline.uri) : null)
                });
            }
            if (future) {
                series.push({
                    persona, label: `${future.label} (future)`, role: 'future',
                    points: journey.stages.map(stage => stagePoints(future, stage.id, [stage.key]))
                });
            }
        }
        return { granularity: 'stage', comparison: true, categories: stageCategories, series, scale };
    }

    const felt = journey.stages.flatMap(stage => stage.touchpoints
        .filter(touchpoint => lanes.some(lane => lane.points.some(p => p.touchpointId === touchpoint.id)))
        .map(touchpoint => ({ stage, touchpoint })));
    if (felt.length <= MAX_TOUCHPOINT_CATEGORIES) {
        return {
            granularity: 'touchpoint',
            comparison: false,
            categories: felt.map(({ stage, touchpoint }) => ({ key: touchpoint.key, label: touchpoint.label, stageLabel: stage.label })),
            series: lanes.map(lane => ({
                persona: lane.persona, label: lane.label, role: 'journey',
                points: felt.map(({ touchpoint }) => summarise(lane.points.filter(p => p.touchpointId === touchpoint.id), [touchpoint.key])),
                absent: felt.map(({ touchpoint }) => !takesPart(touchpoint, lane.persona))
            })),
            scale
        };
    }
    return {
        granularity: 'stage',
        comparison: false,
        categories: stageCategories,
        series: lanes.map(lane => ({
            persona: lane.persona, label: lane.label, role: 'journey',
            points: journey.stages.map(stage => stagePoints(lane, stage.id, [stage.key])),
            // A stage without touchpoints is a gap in the map for everyone, not a stage the persona skips.
            absent: journey.stages.map(stage => stage.touchpoints.length > 0 && !stage.touchpoints.some(t => takesPart(t, lane.persona)))
        })),
        scale
    };
}

/**
 * The series' values with the gaps filled in, because a Mermaid line series has no notion of
 * a missing value: a gap between two points takes the straight line between them, a gap at
 * either end repeats the nearest value. The preview hides the filled parts of the line again.
 */
export function filledValues(series: EmotionSeries): number[] {
    const known = series.points.map((point, index) => point ? { index, value: point.value } : undefined).filter(p => p !== undefined);
    if (known.length === 0) return series.points.map(() => 0);
    return series.points.map((point, index) => {
        if (point) return point.value;
        const before = [...known].reverse().find(k => k.index < index);
        const after = known.find(k => k.index > index);
        if (!before) return after!.value;
        if (!after) return before.value;
        const share = (index - before.index) / (after.index - before.index);
        return Math.round((before.value + (after.value - before.value) * share) * 100) / 100;
    });
}
