/**
 * What a map's data declarations mean: the key columns of a `data` block, the rows an emotion or KPI
 * is about, the scale an emotion's answers are given on, and a bound or hand-written value's data.
 * Read by the validator, the view model and hover alike, so all three say the same number.
 */
import { AstUtils, type URI } from 'langium';
import {
    isDataEmotionMeasure, isDataKey, isDataKpiMeasure, isJourney, isStage, isTouchpoint,
    type DataScale, type DataSource, type Emotion, type Journey, type Kpi, type Persona
} from '../generated/ast.js';
import { EMOTION_SCALE } from '../vocabulary.js';
import type { DataLoad, DataMatch, DataSets, DataValue } from './data-sets.js';
import type { DataKeys } from './data-table.js';

export function dataKeysOf(source: DataSource): DataKeys {
    const keys: DataKeys = {};
    for (const item of source.items) {
        if (isDataKey(item) && item.key && item.column !== undefined) keys[item.key as keyof DataKeys] ??= item.column;
    }
    return keys;
}

export interface Scale { low: number; high: number }

function scaleOf(scale: DataScale | undefined): Scale | undefined {
    return scale && scale.low !== undefined && scale.high !== undefined ? { low: scale.low, high: scale.high } : undefined;
}

/** The scale of an emotion read from data: its own `scale`, or the one its data block gives the column. */
export function bindingScale(emotion: Emotion): Scale | undefined {
    const own = scaleOf(emotion.scale);
    if (own || !emotion.data) return own;
    const source = emotion.data.source?.ref;
    const measure = source?.items.find(item => isDataEmotionMeasure(item) && item.column === emotion.data!.column);
    return isDataEmotionMeasure(measure) ? scaleOf(measure.scale) : undefined;
}

/** A mean on the answers' scale, on the map's -3..+3, to one decimal. */
export function toEmotionScore(mean: number, scale: Scale): number {
    const { min, max } = EMOTION_SCALE;
    const score = min + (mean - scale.low) / (scale.high - scale.low) * (max - min);
    // Halves round away from zero, so a mean and its mirror image give mirrored scores.
    return Math.sign(score) * Math.round(Math.abs(score) * 10) / 10 || 0;
}

/**
 * The rows an emotion or KPI is about: those of its stage (by name or label), of its touchpoint if the
 * data says touchpoints, and of the persona an emotion belongs to if the data says personas.
 * undefined when the data says no stage, so no row can be placed on the map.
 */
export function matchFor(item: Emotion | Kpi, source: DataSource, persona: Persona | undefined): DataMatch | undefined {
    const keys = dataKeysOf(source);
    const stage = AstUtils.getContainerOfType(item, isStage);
    if (!keys.stage || !stage?.name) return undefined;
    const touchpoint = AstUtils.getContainerOfType(item, isTouchpoint);
    return {
        stage: namesOf(stage),
        touchpoint: keys.touchpoint && touchpoint ? namesOf(touchpoint) : undefined,
        persona: keys.persona && persona ? namesOf(persona) : undefined
    };
}

function namesOf(node: { name?: string; label?: string }): string[] {
    return [node.name, node.label].filter((name): name is string => typeof name === 'string' && name !== '');
}

/** The file a data block names, resolved against the map it is in. */
export function dataSourceUri(dataSets: DataSets, source: DataSource): URI | { problem: string } {
    return dataSets.resolve(AstUtils.getDocument(source).uri, source.path ?? '');
}

/** What was last read from a data block's file, without reading it. */
export function peekSource(dataSets: DataSets, source: DataSource): DataLoad | undefined {
    const uri = dataSourceUri(dataSets, source);
    return 'problem' in uri ? undefined : dataSets.peek(uri, dataKeysOf(source));
}

export async function loadSource(dataSets: DataSets, source: DataSource): Promise<DataLoad> {
    const uri = dataSourceUri(dataSets, source);
    return 'problem' in uri ? { ok: false, problem: uri.problem } : dataSets.load(uri, dataKeysOf(source));
}

/** What a data-bound emotion or KPI reads, once its file has been read. */
export interface DataReading {
    source: DataSource;
    /** The file's name, as written in the data block. */
    file: string;
    column: string;
    value: DataValue;
    /** Emotions: the answers' scale, and the mean on the map's scale. */
    scale?: Scale;
    score?: number;
}

export function readBinding(dataSets: DataSets, item: Emotion | Kpi, persona: Persona | undefined): DataReading | undefined {
    const source = item.data?.source?.ref;
    const column = item.data?.column;
    if (!source || column === undefined) return undefined;
    return readMeasure(dataSets, item, source, column, persona, item.$type === 'Emotion' ? bindingScale(item) : undefined);
}

export function readMeasure(dataSets: DataSets, item: Emotion | Kpi, source: DataSource, column: string, persona: Persona | undefined, scale: Scale | undefined): DataReading | undefined {
    const load = peekSource(dataSets, source);
    const match = matchFor(item, source, persona);
    if (!load?.ok || !match || !load.table.columns.includes(column)) return undefined;
    if (item.$type === 'Emotion' && (!scale || scale.high <= scale.low)) return undefined;
    const value = dataSets.value(load.table, column, match);
    return {
        source, file: source.path ?? '', column, value, scale,
        score: scale && value.n > 0 ? toEmotionScore(value.mean, scale) : undefined
    };
}

/** The data blocks of the journey an item is in. */
export function journeyDataSources(node: Emotion | Kpi | Journey): DataSource[] {
    const journey = isJourney(node) ? node : AstUtils.getContainerOfType(node, isJourney);
    return journey?.dataSources ?? [];
}

/** The data measures a hand-written emotion is checked against: every data block's `emotion` column. */
export function emotionMeasures(emotion: Emotion): Array<{ source: DataSource; column: string; scale: Scale | undefined }> {
    return journeyDataSources(emotion).flatMap(source => source.items.filter(isDataEmotionMeasure)
        .flatMap(measure => measure.column === undefined ? [] : [{ source, column: measure.column, scale: scaleOf(measure.scale) }]));
}

/** The data measures a hand-written KPI is checked against: `kpi` lines of data blocks with its label. */
export function kpiMeasures(kpi: Kpi): Array<{ source: DataSource; column: string }> {
    const label = kpi.label?.trim().toLowerCase();
    if (!label) return [];
    return journeyDataSources(kpi).flatMap(source => source.items.filter(isDataKpiMeasure)
        .flatMap(measure => measure.column !== undefined && measure.label?.trim().toLowerCase() === label ? [{ source, column: measure.column }] : []));
}
