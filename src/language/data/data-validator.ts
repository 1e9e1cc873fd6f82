/**
 * The checks of maps bound to research data: the file and its columns, rows that fit nowhere on the
 * map, values that are not numbers, values with no rows behind them, and hand-written emotions and
 * KPIs that drifted from what the data says.
 */
import { AstUtils, type ConfigurationProvider, type ValidationAcceptor } from 'langium';
import {
    isDataBinding, isDataEmotionMeasure, isDataKey, isDataKpiMeasure, isJourney, isTouchpoint,
    type DataSource, type Emotion, type Kpi
} from '../generated/ast.js';
import { closestName } from '../journey-names.js';
import { emotionPersona, stageTouchpoints, touchpointPersonas } from '../journey-semantics.js';
import { formatEmotion } from '../vocabulary.js';
import type { DataLoad, DataSets } from './data-sets.js';
import { bindingScale, dataKeysOf, emotionMeasures, kpiMeasures, loadSource, readBinding, readMeasure, type DataReading } from './data-semantics.js';
import { normalizeKey, type DataTable } from './data-table.js';

export const DataIssueCodes = {
    DataFile: 'data-file',
    DataColumn: 'data-column',
    DataUnmatched: 'data-unmatched',
    DataNotNumeric: 'data-not-numeric',
    DataEmpty: 'data-empty',
    DataScale: 'data-scale',
    DataDrift: 'data-drift'
} as const;

/** The `journey.data` settings. */
export interface DataSettings {
    /** How far (in points of -3..+3) a hand-written emotion may be from the data before it is drift. */
    emotionDrift: number;
    /** How far (in per cent of the data's value) a hand-written KPI may be from it. */
    kpiDrift: number;
}

export const DEFAULT_DATA_SETTINGS: DataSettings = { emotionDrift: 1, kpiDrift: 10 };

/** Rows that fit nowhere are named by their values, a few of them. */
const NAMED_UNMATCHED = 3;

export class DataValidator {
    constructor(private readonly dataSets: DataSets, private readonly configuration: ConfigurationProvider) {}

    async settings(): Promise<DataSettings> {
        const section = await this.configuration.getConfiguration('journey', 'data') as Partial<DataSettings> | undefined;
        const number = (value: unknown, fallback: number) => typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback;
        return {
            emotionDrift: number(section?.emotionDrift, DEFAULT_DATA_SETTINGS.emotionDrift),
            kpiDrift: number(section?.kpiDrift, DEFAULT_DATA_SETTINGS.kpiDrift)
        };
    }

    async checkDataSource(source: DataSource, accept: ValidationAcceptor): Promise<void> {
        if (source.path === undefined) return;
        const load = await loadSource(this.dataSets, source);
        if (!load.ok) {
            // Where no file can be read (a Markdown block), the map is not wrong: a warning says what is missing.
            accept(load.unavailable ? 'warning' : 'error', fileProblem(source, load), { node: source, property: 'path', ...issue(DataIssueCodes.DataFile) });
            return;
        }
        const table = load.table;
        const keys = dataKeysOf(source);
        if (!keys.stage) {
            accept('warning', `Which column of ${source.path} names the stage each row is about? Add 'stage "<column>"' to this data block (columns: ${columnList(table)}); without it no row can be placed on the map.`,
                { node: source, property: 'name', ...issue(DataIssueCodes.DataColumn) });
        }
        for (const item of source.items) {
            const column = isDataKey(item) || isDataEmotionMeasure(item) || isDataKpiMeasure(item) ? item.column : undefined;
            if (column !== undefined && !table.columns.includes(column)) {
                accept('error', unknownColumn(source, table, column), { node: item, property: 'column', ...issue(DataIssueCodes.DataColumn, { suggestion: closestName(column, table.columns) }) });
            }
            if (isDataEmotionMeasure(item) && item.scale?.low !== undefined && item.scale.high !== undefined && item.scale.high <= item.scale.low) {
                accept('error', `The scale ${item.scale.low}..${item.scale.high} runs the wrong way: write the lowest answer first, such as 'scale 1..5'.`, { node: item.scale, ...issue(DataIssueCodes.DataScale) });
            }
        }
        if (keys.stage && table.columns.includes(keys.stage)) this.checkRowsPlaced(source, table, accept);
        for (const column of measuredColumns(source)) this.checkNumbers(source, table, column, accept);
    }

    /** Rows whose stage, touchpoint or persona the journey does not have: counted, and a few named. */
    private checkRowsPlaced(source: DataSource, table: DataTable, accept: ValidationAcceptor): void {
        const journey = AstUtils.getContainerOfType(source, isJourney);
        if (!journey) return;
        const keys = dataKeysOf(source);
        const stages = new Map<string, Set<string>>();
        for (const stage of journey.stages) {
            const touchpoints = new Set(stageTouchpoints(stage).flatMap(t => [t.name, t.label]).filter(isText).map(normalizeKey));
            for (const name of [stage.name, stage.label].filter(isText)) stages.set(normalizeKey(name), touchpoints);
        }
        const personas = new Set(journey.stages.flatMap(stage => stageTouchpoints(stage).flatMap(t => touchpointPersonas(t, journey)))
            .flatMap(persona => [persona.name, persona.label]).filter(isText).map(normalizeKey));
        const unplaced = new Map<string, number>();
        let rows = 0;
        for (const group of table.groups.values()) {
            const touchpoints = stages.get(normalizeKey(group.stage));
            let missing: string | undefined;
            if (!touchpoints) missing = `stage '${group.stage}'`;
            else if (keys.touchpoint && table.columns.includes(keys.touchpoint) && !touchpoints.has(normalizeKey(group.touchpoint))) missing = `touchpoint '${group.touchpoint}' in stage '${group.stage}'`;
            else if (keys.persona && table.columns.includes(keys.persona) && group.persona.trim() !== '' && !personas.has(normalizeKey(group.persona))) missing = `persona '${group.persona}'`;
            if (!missing) continue;
            rows += group.rows;
            unplaced.set(missing, (unplaced.get(missing) ?? 0) + group.rows);
        }
        if (rows === 0) return;
        const named = [...unplaced].sort((a, b) => b[1] - a[1]).slice(0, NAMED_UNMATCHED).map(([what, count]) => `${what} (${plural(count, 'row')})`);
        const more = unplaced.size > NAMED_UNMATCHED ? ` and ${unplaced.size - NAMED_UNMATCHED} more` : '';
        accept('warning', `${plural(rows, 'row')} of ${plural(table.rows, 'row')} in ${source.path} fit nowhere on this map: ${named.join(', ')}${more}. Fix the spelling in the file or in the map, or add what is missing; stages, touchpoints and personas match by name or label.`,
            { node: source, property: 'name', ...issue(DataIssueCodes.DataUnmatched) });
    }

    /** Once per column the map reads, on the data block. */
    private checkNumbers(source: DataSource, table: DataTable, column: string, accept: ValidationAcceptor): void {
        const wrong = table.nonNumeric.get(column);
        if (!wrong) return;
        const where = table.format === 'csv' ? `line ${wrong.firstAt}` : `row ${wrong.firstAt}`;
        accept('warning', `${plural(wrong.count, 'value')} in the column '${column}' of ${source.path} ${wrong.count === 1 ? 'is' : 'are'} not a number (first on ${where}: '${wrong.example}'), so ${wrong.count === 1 ? 'it is' : 'they are'} left out of the means. Write numbers such as 4, 3.5 or 3,5.`,
            { node: source, property: 'name', ...issue(DataIssueCodes.DataNotNumeric) });
    }

    /** An emotion read from data, or one written by hand that data contradicts. */
    async checkEmotionData(emotion: Emotion, accept: ValidationAcceptor): Promise<void> {
        const persona = emotionPersona(emotion);
        if (emotion.data) {
            const source = emotion.data.source?.ref;
            if (!source || emotion.data.column === undefined) return;
            const load = await loadSource(this.dataSets, source);
            if (!load.ok) return; // said on the data block
            if (!this.checkBoundColumn(source, load.table, emotion.data.column, emotion, accept)) return;
            const scale = bindingScale(emotion);
            if (!scale) {
                accept('error', `On what scale are the answers in '${emotion.data.column}' given? Add it after the column, such as 'scale 1..5', or once for the column in the data block ('emotion "${emotion.data.column}" scale 1..5').`,
                    { node: emotion, property: 'data', ...issue(DataIssueCodes.DataScale) });
                return;
            }
            if (scale.high <= scale.low) {
                accept('error', `The scale ${scale.low}..${scale.high} runs the wrong way: write the lowest answer first, such as 'scale 1..5'.`, { node: emotion, property: 'scale', ...issue(DataIssueCodes.DataScale) });
                return;
            }
            const reading = readBinding(this.dataSets, emotion, persona);
            if (reading) this.checkReading(reading, emotion, accept);
            return;
        }
        if (emotion.score === undefined || !persona) return;
        const { emotionDrift } = await this.settings();
        for (const measure of emotionMeasures(emotion)) {
            if ((await loadSource(this.dataSets, measure.source)).ok !== true || !measure.scale || measure.scale.high <= measure.scale.low) continue;
            const reading = readMeasure(this.dataSets, emotion, measure.source, measure.column, persona, measure.scale);
            if (!reading || reading.score === undefined) continue;
            const difference = Math.abs(emotion.score - reading.score);
            if (difference <= emotionDrift) continue;
            const whole = Math.max(-3, Math.min(3, Math.round(reading.score)));
            accept('warning', `This map says ${formatEmotion(emotion.score)}, but ${describeReading(reading)}: ${round(difference)} apart, more than the drift allowed (${emotionDrift}). Take the data's value, or read the emotion from the data so it stays current.`,
                { node: emotion, property: 'score', ...issue(DataIssueCodes.DataDrift, { value: formatEmotion(whole), binding: `from ${measure.source.name} ${quote(measure.column)}` }) });
        }
    }

    async checkKpiData(kpi: Kpi, accept: ValidationAcceptor): Promise<void> {
        if (kpi.data) {
            const source = kpi.data.source?.ref;
            if (!source || kpi.data.column === undefined) return;
            const load = await loadSource(this.dataSets, source);
            if (!load.ok || !this.checkBoundColumn(source, load.table, kpi.data.column, kpi, accept)) return;
            const reading = readBinding(this.dataSets, kpi, undefined);
            if (reading) this.checkReading(reading, kpi, accept);
            return;
        }
        if (kpi.value === undefined) return;
        const { kpiDrift } = await this.settings();
        for (const measure of kpiMeasures(kpi)) {
            if ((await loadSource(this.dataSets, measure.source)).ok !== true) continue;
            const reading = readMeasure(this.dataSets, kpi, measure.source, measure.column, undefined, undefined);
            if (!reading || reading.value.n === 0) continue;
            const data = reading.value.mean;
            const apart = data === 0 ? (kpi.value === 0 ? 0 : Infinity) : Math.abs(kpi.value - data) / Math.abs(data) * 100;
            if (apart <= kpiDrift) continue;
            accept('warning', `This map says ${kpi.value}, but ${describeReading(reading)}: ${Number.isFinite(apart) ? `${Math.round(apart)} %` : 'far'} apart, more than the drift allowed (${kpiDrift} %). Take the data's value, or read the KPI from the data so it stays current.`,
                { node: kpi, property: 'value', ...issue(DataIssueCodes.DataDrift, { value: String(round(data, 2)), binding: `from ${measure.source.name} ${quote(measure.column)}` }) });
        }
    }

    private checkBoundColumn(source: DataSource, table: DataTable, column: string, node: Emotion | Kpi, accept: ValidationAcceptor): boolean {
        if (!table.columns.includes(column)) {
            accept('error', unknownColumn(source, table, column), { node: node.data!, property: 'column', ...issue(DataIssueCodes.DataColumn, { suggestion: closestName(column, table.columns) }) });
            return false;
        }
        return dataKeysOf(source).stage !== undefined; // without it, said on the data block
    }

    private checkReading(reading: DataReading, node: Emotion | Kpi, accept: ValidationAcceptor): void {
        if (reading.value.n > 0) return;
        const touchpoint = AstUtils.getContainerOfType(node, isTouchpoint);
        const where = touchpoint ? `touchpoint '${touchpoint.label ?? touchpoint.name}'` : 'this stage';
        const keys = dataKeysOf(reading.source);
        const persona = node.$type === 'Emotion' && keys.persona ? emotionPersona(node) : undefined;
        const named = ['stage', touchpoint && keys.touchpoint ? 'touchpoint' : undefined, persona ? 'persona' : undefined].filter(isText);
        accept('warning', `No row of ${reading.file} has a value in '${reading.column}' for ${where}${persona ? ` and persona '${persona.name}'` : ''} (n = 0), so the map shows no value here. Check that the file names the ${named.join(named.length === 2 ? ' and ' : ', ').replace(/, (\w+)$/, ' and $1')} as the map does (by name or label).`,
            { node: node.data!, ...issue(DataIssueCodes.DataEmpty) });
    }
}

/** The columns of a data block the map reads numbers from: its measures, and those bound to it. */
function measuredColumns(source: DataSource): Set<string> {
    const columns = new Set<string>();
    for (const item of source.items) if ((isDataEmotionMeasure(item) || isDataKpiMeasure(item)) && item.column !== undefined) columns.add(item.column);
    const journey = AstUtils.getContainerOfType(source, isJourney);
    if (journey) {
        for (const node of AstUtils.streamAllContents(journey)) {
            if (isDataBinding(node) && node.source?.ref === source && node.column !== undefined) columns.add(node.column);
        }
    }
    return columns;
}

export function describeReading(reading: DataReading): string {
    const mean = round(reading.value.mean, 2);
    const n = `n = ${reading.value.n}`;
    return reading.scale && reading.score !== undefined
        ? `${reading.source.name} (${reading.file}) says ${formatEmotion(reading.score)} (mean ${mean} on ${reading.scale.low}..${reading.scale.high}, ${n})`
        : `${reading.source.name} (${reading.file}) says ${mean} (mean of '${reading.column}', ${n})`;
}

function fileProblem(source: DataSource, load: Extract<DataLoad, { ok: false }>): string {
    const at = load.line ? ` (line ${load.line})` : '';
    return load.missing ? `The data file "${source.path}" is not there. ${load.problem}` : `"${source.path}"${at}: ${load.problem}`;
}

function unknownColumn(source: DataSource, table: DataTable, column: string): string {
    const suggestion = closestName(column, table.columns);
    return `${source.path} has no column '${column}'.${suggestion ? ` Did you mean '${suggestion}'?` : ''} Its columns: ${columnList(table)}.`;
}

function columnList(table: DataTable): string {
    const shown = table.columns.slice(0, 12).map(column => `'${column}'`).join(', ');
    return table.columns.length > 12 ? `${shown} and ${table.columns.length - 12} more` : shown || 'none';
}

function plural(count: number, word: string): string {
    return `${count.toLocaleString('en')} ${word}${count === 1 ? '' : 's'}`;
}

function round(value: number, decimals = 1): number {
    const factor = 10 ** decimals;
    return Math.round(value * factor) / factor;
}

function quote(text: string): string {
    return `"${text.replace(/["\\]/g, character => `\\${character}`)}"`;
}

function isText(value: string | undefined): value is string {
    return typeof value === 'string' && value !== '';
}

function issue(code: string, data: Record<string, unknown> = {}) {
    return { code, data: { code, ...data } };
}
