/**
 * The emotion lane: a row of the grid in which each persona's curve runs through the stages,
 * a point under each touchpoint that has a score, drawn as one small SVG per stage cell so the
 * lane keeps the table's columns (and its reading order for screen readers). Every cell draws
 * the parts of the curves that cross it, clipped to its edges, so the cells join into one
 * line. A gap stays a gap: across a stage where a persona takes part but has no score, or a
 * stage without touchpoints, no line is drawn and the cell says what is missing. A future
 * state draws its current state's curve in the same lane, dashed, one point per stage.
 */
import type { EmotionLane, EmotionPoint, JourneyView, SourceRange, TouchpointView } from '../model/view-model.js';
import { emotionWordKey } from './emotion-words.js';
import { COLUMN_RULE, emotionLaneHeight, emotionY, stageColumns, type GridGeometry, type StageColumn } from './grid-geometry.js';
import { attrs, html, join, trusted, type Markup } from './markup.js';
import { dataBasis, dataTitle, evidenceTitle } from './vocabulary-words.js';
import type { Messages } from './messages.js';
import { personaMarker, personaStyleIndex, type MarkerShape } from './palette.js';
import { encodeRange } from './elements.js';

export interface EmotionLaneOptions {
    geometry: GridGeometry;
    messages: Messages;
    /** Persona ids in document order: a persona keeps its colour and marker everywhere. */
    personaOrder: readonly string[];
    /** Personas drawn; all when absent. */
    personas?: readonly string[];
    /** A picture to share: the points are not buttons and take no keyboard focus. */
    exported?: boolean;
}

interface PlacedPoint {
    /** From the left edge of the first stage column. */
    x: number;
    /** Which side of the marker its score is written on: away from the other personas' markers. */
    labelSide: 'left' | 'right';
    y: number;
    score: number;
    stageIndex: number;
    /** What a click reveals and the cursor lights up. */
    source: { key: string; range: SourceRange; uri?: string };
    covers: string[];
    label: string;
    /** Read from research data rather than written by hand. */
    fromData: boolean;
}

interface Curve {
    persona: string;
    label: string;
    role: 'journey' | 'baseline';
    points: PlacedPoint[];
    /** Pairs of indexes into `points` joined by a line. */
    joins: Array<[number, number]>;
}

const MARKER_RADIUS = 5;

/** A marker centred on (cx, cy): the same shape for a persona in the lane, the legend and the toolbar. */
export function markerPath(shape: MarkerShape, cx: number, cy: number, r = MARKER_RADIUS): string {
    const f = (n: number) => Math.round(n * 100) / 100;
    const polygon = (corners: Array<[number, number]>) => `M${corners.map(([x, y]) => `${f(cx + x)},${f(cy + y)}`).join('L')}Z`;
    switch (shape) {
        case 'circle': return `M${f(cx - r)},${f(cy)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0Z`;
        case 'square': return polygon([[-r * 0.88, -r * 0.88], [r * 0.88, -r * 0.88], [r * 0.88, r * 0.88], [-r * 0.88, r * 0.88]]);
        case 'diamond': return polygon([[0, -r * 1.2], [r * 1.2, 0], [0, r * 1.2], [-r * 1.2, 0]]);
        case 'triangle': return polygon([[0, -r * 1.15], [r * 1.1, r * 0.8], [-r * 1.1, r * 0.8]]);
        case 'triangle-down': return polygon([[0, r * 1.15], [r * 1.1, -r * 0.8], [-r * 1.1, -r * 0.8]]);
        case 'hexagon': return polygon([0, 60, 120, 180, 240, 300].map(deg => [r * 1.05 * Math.cos(deg * Math.PI / 180), r * 1.05 * Math.sin(deg * Math.PI / 180)]));
    }
}

/** A small marker as inline SVG, for legends and persona cards. */
export function markerIcon(persona: string, personaOrder: readonly string[], size = 12): Markup {
    const style = personaStyleIndex(persona, personaOrder);
    const d = markerPath(personaMarker(persona, personaOrder), size / 2, size / 2, size * 0.36);
    return html`<svg class="marker-icon persona-${style}" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}" aria-hidden="true" focusable="false"><path class="marker" d="${d}"/></svg>`;
}

/** Whether the persona takes part in the touchpoint; one that names no persona is for all of them. */
export function takesPart(touchpoint: TouchpointView, persona: string): boolean {
    return touchpoint.personas.length === 0 || touchpoint.personas.includes(persona);
}

function shownLanes(lanes: readonly EmotionLane[], options: EmotionLaneOptions): EmotionLane[] {
    return lanes.filter(lane => lane.points.length > 0 && (!options.personas || options.personas.includes(lane.persona)));
}

function mean(values: number[]): number {
    return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/**
 * The curves of a journey, placed on the grid. Markers of different personas at the same
 * touchpoint are spread a little sideways, so equal scores do not hide each other.
 */
function curvesOf(journey: JourneyView, columns: StageColumn[], options: EmotionLaneOptions): Curve[] {
    const { geometry, messages } = options;
    const scale = { min: -3, max: 3 };
    const lanes = shownLanes(journey.emotionLanes, options);
    const baselineLanes = journey.baseline ? shownLanes(journey.baseline.emotionLanes, options) : [];
    const personas = [...new Set([...lanes, ...baselineLanes].map(l => l.persona))];
    const spread = Math.min(12, geometry.touchpointWidth / (personas.length + 2));
    const offset = (persona: string) => (personas.indexOf(persona) - (personas.length - 1) / 2) * spread;
    // With several personas, the left half of the markers write their scores on the left: two equal scores stay apart.
    const labelSide = (persona: string): PlacedPoint['labelSide'] => personas.length > 1 && personas.indexOf(persona) < (personas.length - 1) / 2 ? 'left' : 'right';
    const curves: Curve[] = [];

    for (const lane of lanes) {
        const points: PlacedPoint[] = [];
        // The lane's points by touchpoint, found in one pass: a journey has thousands of both.
        const byTouchpoint = new Map<string, EmotionPoint[]>();
        for (const point of lane.points) {
            const key = `${point.stageId}\u0000${point.touchpointId}`;
            const felt = byTouchpoint.get(key);
            if (felt) felt.push(point);
            else byTouchpoint.set(key, [point]);
        }
        journey.stages.forEach((stage, stageIndex) => {
            stage.touchpoints.forEach((touchpoint, t) => {
                const felt = byTouchpoint.get(`${stage.id}\u0000${touchpoint.id}`);
                if (!felt) return;
                const score = mean(felt.map(p => p.score));
                const data = felt.find(p => p.data)?.data;
                const evidence = felt.find(p => p.evidence)?.evidence;
                const said = messages.t('emotion.point', {
                    persona: lane.label, touchpoint: touchpoint.label, score: messages.signed(score), words: messages.t(emotionWordKey(score))
                });
                points.push({
                    x: columns[stageIndex].x + columns[stageIndex].centres[t] + offset(lane.persona),
                    labelSide: labelSide(lane.persona),
                    y: emotionY(score, geometry, scale),
                    score,
                    stageIndex,
                    source: felt[0],
                    covers: [...felt.map(p => p.key), touchpoint.key],
                    label: [said, data && `(${dataBasis(data, messages)}; ${dataTitle(data, messages)})`, evidence && `(${evidenceTitle(evidence, messages)})`].filter(Boolean).join(' '),
                    fromData: data !== undefined
                });
            });
        });
        curves.push({ persona: lane.persona, label: lane.label, role: 'journey', points, joins: joinsOf(points, (a, b) => !gapBetween(journey, lane.persona, a, b)) });
    }

    const baseline = journey.baseline;
    for (const lane of baselineLanes) {
        const points: PlacedPoint[] = [];
        journey.stages.forEach((stage, stageIndex) => {
            const average = stage.counterpart ? lane.averageByStage[stage.counterpart] : null;
            if (average === null || average === undefined || !baseline) return;
            const counterpart = lane.points.find(p => p.stageId === stage.counterpart) as EmotionPoint;
            const column = columns[stageIndex];
            points.push({
                x: column.x + COLUMN_RULE + (column.width - COLUMN_RULE) / 2 + offset(lane.persona),
                labelSide: labelSide(lane.persona),
                y: emotionY(average, geometry, scale),
                score: average,
                stageIndex,
                source: { key: counterpart.key, range: counterpart.range, uri: counterpart.uri ?? baseline.uri },
                covers: [],
                label: messages.t('emotion.baselinePoint', {
                    persona: lane.label, stage: stage.label, score: messages.signed(average), words: messages.t(emotionWordKey(average))
                }),
                fromData: false
            });
        });
        curves.push({ persona: lane.persona, label: lane.label, role: 'baseline', points, joins: joinsOf(points, (a, b) => b.stageIndex === a.stageIndex + 1) });
    }
    return curves;
}

function joinsOf(points: PlacedPoint[], joined: (a: PlacedPoint, b: PlacedPoint) => boolean): Array<[number, number]> {
    const joins: Array<[number, number]> = [];
    for (let i = 1; i < points.length; i++) if (joined(points[i - 1], points[i])) joins.push([i - 1, i]);
    return joins;
}

/**
 * True when the line from a to b would cross a stage the persona has no score in although it
 * takes part, or a stage without touchpoints: a gap in what was recorded. Stages the persona
 * takes no part in are passed over.
 */
function gapBetween(journey: JourneyView, persona: string, a: PlacedPoint, b: PlacedPoint): boolean {
    for (let s = a.stageIndex + 1; s < b.stageIndex; s++) {
        const stage = journey.stages[s];
        if (stage.touchpoints.length === 0 || stage.touchpoints.some(t => takesPart(t, persona))) return true;
    }
    return false;
}

/** Personas who take part in a stage but have no score there: each gets a note in the stage's cell. */
function missingIn(journey: JourneyView, stageIndex: number, options: EmotionLaneOptions): EmotionLane[] {
    const stage = journey.stages[stageIndex];
    if (stage.touchpoints.length === 0) return [];
    return shownLanes(journey.emotionLanes, options).filter(lane =>
        stage.touchpoints.some(t => takesPart(t, lane.persona)) && !lane.points.some(p => p.stageId === stage.id));
}

function f(n: number): string {
    return String(Math.round(n * 10) / 10);
}

function gridlines(width: number, options: EmotionLaneOptions): Markup {
    const lines = [];
    for (let score = -3; score <= 3; score++) {
        const y = f(emotionY(score, options.geometry, { min: -3, max: 3 }));
        lines.push(trusted(`<line class="${score === 0 ? 'emotion-zero' : 'emotion-gridline'}" x1="0" x2="${f(width)}" y1="${y}" y2="${y}"/>`));
    }
    return join(lines);
}

/** One stage's cell of the emotion lane: gridlines, the pieces of every curve that cross it, its points. */
export function emotionCell(journey: JourneyView, stageIndex: number, curves: Curve[], columns: StageColumn[], options: EmotionLaneOptions): Markup {
    const column = columns[stageIndex];
    const width = column.width - COLUMN_RULE;
    const height = emotionLaneHeight(options.geometry, { min: -3, max: 3 });
    const left = column.x + COLUMN_RULE;
    const right = column.x + column.width;
    const lines: Markup[] = [];
    const markers: Markup[] = [];
    for (const curve of curves) {
        const style = personaStyleIndex(curve.persona, options.personaOrder);
        // Every join that crosses this cell, as one path: the SVG's edges clip what lies beyond.
        const d = curve.joins
            .filter(([i, j]) => curve.points[j].x >= left && curve.points[i].x <= right)
            .map(([i, j]) => `M${f(curve.points[i].x - left)},${f(curve.points[i].y)}L${f(curve.points[j].x - left)},${f(curve.points[j].y)}`)
            .join('');
        if (d) lines.push(html`<path class="emotion-line persona-${style} emotion-${curve.role}" d="${d}"/>`);
        const shape = personaMarker(curve.persona, options.personaOrder);
        for (const point of curve.points.filter(p => p.stageIndex === stageIndex)) {
            const x = point.x - left;
            const score = options.messages.signed(point.score);
            const keys = point.covers.map(encodeURIComponent).join(' ');
            const source = attrs({
                'data-key': point.source.key, 'data-range': encodeRange(point.source.range), 'data-uri': point.source.uri,
                'data-persona': curve.persona, 'data-covers': keys || undefined,
                tabindex: options.exported ? undefined : 0, role: options.exported ? undefined : 'button', 'aria-label': options.exported ? undefined : point.label
            });
            // A point read from data wears a dashed ring, drawn in the SVG so every export keeps it.
            const ring = point.fromData ? html`<circle class="data-ring" cx="${f(x)}" cy="${f(point.y)}" r="8.5"/>` : '';
            markers.push(html`<g class="emotion-point persona-${style} emotion-${curve.role}${point.fromData ? ' emotion-data' : ''}"${source}><title>${point.label}</title>${ring}<path class="marker" d="${markerPath(shape, x, point.y)}"/><text class="emotion-score${point.labelSide === 'left' ? ' emotion-score-left' : ''}" x="${f(point.labelSide === 'left' ? x - 8 : x + 8)}" y="${f(point.y - 6)}" aria-hidden="true">${score}</text></g>`);
        }
    }
    const stage = journey.stages[stageIndex];
    const label = options.messages.t('emotion.cellLabel', { stage: stage.label });
    const gaps = missingIn(journey, stageIndex, options).map(lane =>
        html`<p class="emotion-gap">${markerIcon(lane.persona, options.personaOrder, 10)} ${options.messages.t('emotion.notRecorded', { persona: lane.label })}</p>`);
    return html`<svg class="emotion-svg" width="${f(width)}" height="${f(height)}" viewBox="0 0 ${f(width)} ${f(height)}" role="group" aria-label="${label}">${gridlines(width, options)}${lines}${markers}</svg>${gaps}`;
}

/** The lane's name cell: the title, the scale beside the gridlines, and which marker is whose. */
export function emotionHeaderCell(journey: JourneyView, title: string, options: EmotionLaneOptions, curves = curvesFor(journey, options)): Markup {
    const { geometry, messages } = options;
    const width = geometry.laneWidth - 1;
    const height = emotionLaneHeight(geometry, { min: -3, max: 3 });
    const ticks = [];
    for (let score = -3; score <= 3; score++) {
        const y = emotionY(score, geometry, { min: -3, max: 3 });
        const word = geometry.density === 'comfortable' && (score === 3 || score === -3 || score === 0) ? `${messages.t(emotionWordKey(score))} ` : '';
        ticks.push(html`<text class="emotion-tick${score === 0 ? ' emotion-tick-zero' : ''}" x="${f(width - 6)}" y="${f(y + 4)}">${word}${messages.signed(score)}</text>`);
    }
    const scale = html`<svg class="emotion-scale-svg" width="${f(width)}" height="${f(height)}" viewBox="0 0 ${f(width)} ${f(height)}" aria-hidden="true" focusable="false">${ticks}</svg>`;
    const personas = curves.filter(c => c.role === 'journey').map(c => html`<li>${markerIcon(c.persona, options.personaOrder)} ${c.label}</li>`);
    // What the line styles and rings mean; a printed map has no tooltips to say it.
    const keys = [];
    if (curves.some(c => c.role === 'baseline')) keys.push(html`<li class="legend-baseline"><svg width="18" height="8" aria-hidden="true" focusable="false"><line class="emotion-line emotion-baseline legend-line" x1="1" x2="17" y1="4" y2="4"/></svg> ${messages.t('emotion.baselineLegend')}</li>`);
    if (curves.some(c => c.points.some(p => p.fromData))) keys.push(html`<li class="legend-data"><svg width="18" height="18" aria-hidden="true" focusable="false"><g class="legend-point"><circle class="data-ring" cx="9" cy="9" r="8"/><circle class="marker" cx="9" cy="9" r="4"/></g></svg> ${messages.t('emotion.dataLegend')}</li>`);
    const showLegend = personas.length > 1 || keys.length > 0;
    return html`<div class="emotion-scale" style="height:${f(height)}px"><span class="lane-title">${title}</span>${scale}</div>${showLegend ? html`<ul class="emotion-legend">${personas}${keys}</ul>` : ''}`;
}

/** The curves, placed: computed once per drawing and shared by the header and every cell. */
export function curvesFor(journey: JourneyView, options: EmotionLaneOptions): Curve[] {
    return curvesOf(journey, stageColumns(journey, options.geometry), options);
}

/** The cells of the emotion lane, one per stage, in stage order. */
export function emotionCells(journey: JourneyView, options: EmotionLaneOptions, curves = curvesFor(journey, options)): Markup[] {
    const columns = stageColumns(journey, options.geometry);
    return journey.stages.map((_, index) => emotionCell(journey, index, curves, columns, options));
}
