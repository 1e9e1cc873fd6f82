/**
 * The sizes of the map's grid, in CSS pixels at 100 %: a column per stage, as wide as its
 * touchpoints side by side, so everything that belongs to a touchpoint (what the customer
 * does, thinks and feels, its emotion points, its pain points) lines up under it. The grid's
 * columns and the emotion lane's drawing are both computed from here, which is what keeps a
 * point inside its stage's column.
 */
import type { JourneyView } from '../model/view-model.js';

/**
 * comfortable: roomy cards for a wide editor or an export; compact: for a side panel beside the
 * editor (550-800 px), where a stage of three touchpoints still fits; summary: stage names and
 * the emotion curve only, squeezed to the panel's width ("Fit width").
 */
export type Density = 'comfortable' | 'compact' | 'summary';

export interface GridGeometry {
    density: Density;
    /** The lane-name column on the left. */
    laneWidth: number;
    /** One touchpoint's column inside a stage. */
    touchpointWidth: number;
    /** Between two touchpoint columns. */
    gap: number;
    /** Inside a stage cell, left and right. */
    padding: number;
    /** The emotion lane: room above the top of the scale, per step of the scale, below its bottom. */
    emotionTop: number;
    emotionStep: number;
    emotionBottom: number;
}

const GEOMETRIES: Record<Exclude<Density, 'summary'>, GridGeometry> = {
    comfortable: { density: 'comfortable', laneWidth: 128, touchpointWidth: 184, gap: 10, padding: 10, emotionTop: 26, emotionStep: 17, emotionBottom: 12 },
    compact: { density: 'compact', laneWidth: 112, touchpointWidth: 146, gap: 6, padding: 6, emotionTop: 22, emotionStep: 14, emotionBottom: 10 }
};

/** Narrowest a touchpoint may be squeezed in the summary: about the width of a score label. */
const SUMMARY_MIN_TOUCHPOINT = 26;
const SUMMARY_MAX_TOUCHPOINT = 120;
/** Narrowest a stage may be in the summary, so its name keeps a few letters per line. */
const SUMMARY_MIN_STAGE = 64;

export function gridGeometry(density: Exclude<Density, 'summary'>): GridGeometry {
    return GEOMETRIES[density];
}

/**
 * The summary geometry for a journey in `width` pixels: touchpoint columns as wide as the
 * panel allows, but never below a readable minimum (then the summary scrolls a little).
 */
export function summaryGeometry(journey: JourneyView, width: number): GridGeometry {
    const laneWidth = 76;
    const padding = 4;
    const gap = 2;
    const stages = Math.max(1, journey.stages.length);
    const columns = journey.stages.reduce((sum, stage) => sum + Math.max(1, stage.touchpoints.length), 0) || 1;
    // Every stage takes its padding and gaps; what is left is shared by the touchpoint columns.
    const fixed = laneWidth + stages * 2 * padding + (columns - stages) * gap + stages;
    let touchpointWidth = Math.floor((width - fixed) / columns);
    touchpointWidth = Math.max(SUMMARY_MIN_TOUCHPOINT, Math.min(SUMMARY_MAX_TOUCHPOINT, touchpointWidth));
    // A stage of one touchpoint still needs room for its name.
    if (touchpointWidth + 2 * padding < SUMMARY_MIN_STAGE && journey.stages.every(stage => stage.touchpoints.length <= 1)) {
        touchpointWidth = SUMMARY_MIN_STAGE - 2 * padding;
    }
    return { density: 'summary', laneWidth, touchpointWidth, gap, padding, emotionTop: 22, emotionStep: 13, emotionBottom: 10 };
}

export interface StageColumn {
    /** Left edge, from the left edge of the first stage column. */
    x: number;
    width: number;
    /** Centre of each touchpoint's column, from the stage column's left edge; one entry for a stage without touchpoints. */
    centres: number[];
}

/** Width of the vertical line between two stage columns: part of each column's width, on its left. */
export const COLUMN_RULE = 1;

export function stageColumnWidth(touchpoints: number, geometry: GridGeometry): number {
    const columns = Math.max(1, touchpoints);
    return COLUMN_RULE + 2 * geometry.padding + columns * geometry.touchpointWidth + (columns - 1) * geometry.gap;
}

export function stageColumns(journey: JourneyView, geometry: GridGeometry): StageColumn[] {
    let x = 0;
    return journey.stages.map(stage => {
        const width = stageColumnWidth(stage.touchpoints.length, geometry);
        const centres = Array.from({ length: Math.max(1, stage.touchpoints.length) }, (_, i) =>
            COLUMN_RULE + geometry.padding + i * (geometry.touchpointWidth + geometry.gap) + geometry.touchpointWidth / 2);
        const column = { x, width, centres };
        x += width;
        return column;
    });
}

/** The whole grid's width: the lane names and every stage column. */
export function gridWidth(journey: JourneyView, geometry: GridGeometry): number {
    return geometry.laneWidth + journey.stages.reduce((sum, stage) => sum + stageColumnWidth(stage.touchpoints.length, geometry), 0) + COLUMN_RULE;
}

export function emotionLaneHeight(geometry: GridGeometry, scale: { min: number; max: number }): number {
    return geometry.emotionTop + (scale.max - scale.min) * geometry.emotionStep + geometry.emotionBottom;
}

export function emotionY(score: number, geometry: GridGeometry, scale: { min: number; max: number }): number {
    return geometry.emotionTop + (scale.max - score) * geometry.emotionStep;
}
