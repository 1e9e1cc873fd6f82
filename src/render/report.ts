/**
 * The analysis of a journey map that a workshop would do by hand when it reads the map: where each
 * persona feels worst, which stages hurt most, which stages nobody has mapped, what to fix
 * first, which channels serve which stages, and what is still only a hypothesis. Pure: view
 * model in, report data out, and text out in the words of the `Messages` given.
 */
import { journeyQuestions, journeySegments, meanOrNull, stageFindings, type AskedQuestion, type DataFact, type Evidence, type JourneyView, type TouchpointView } from '../model/view-model.js';
import {
    EMPATHY_KIND_NAMES, EMPATHY_QUADRANTS, OPPORTUNITY_QUADRANTS, opportunityQuadrant, roundScore, STAGE_NOTE_KINDS, type EmpathyKindName, type JourneyKindName, type LevelName, type OpportunityQuadrant, type StageNoteName
} from '../language/vocabulary.js';
import { emotionWordKey } from './emotion-words.js';
import type { MessageKey, Messages } from './messages.js';
import { alignColumns, markdownCode, markdownTable, markdownText, oneLine, wordsOf, wrap, type Words } from './text-layout.js';
import { channelLabel, EMPATHY_KEYS, formatKpiValue, KIND_KEYS, levelKey, questionAbout, STAGE_NOTE_ITEM_KEYS } from './vocabulary-words.js';

/** How many of a persona's lowest moments the report lists. */
const LOWEST_MOMENTS = 3;

export interface EmotionalLow {
    score: number;
    stage: string;
    touchpoint: string;
}

export interface PersonaLows {
    persona: string;
    label: string;
    lows: EmotionalLow[];
}

/**
 * Each persona's average emotion per stage, the emotional curve in numbers. Null where the persona
 * has no emotion in a stage: a gap in the curve, not a neutral moment, and never filled in.
 */
export interface EmotionCurve {
    personas: string[];
    stages: Array<{ stage: string; averages: Array<number | null> }>;
}

export interface PainfulStage {
    stage: string;
    pains: string[];
}

export interface RankedOpportunity {
    rank: number;
    id: string;
    label: string;
    impact?: LevelName;
    effort?: LevelName;
    /** Where it sits in the impact/effort matrix. */
    quadrant: OpportunityQuadrant;
    /** Texts of the pain points it addresses. */
    addresses: string[];
    actions: string[];
}

type ChannelRef = NonNullable<TouchpointView['channel']>;

export interface ChannelCoverage {
    stages: string[];
    /** Touchpoints per stage for each channel; the last row, if any, has no channel: it counts touchpoints without one. */
    rows: Array<{ channel?: ChannelRef; touchpoints: number[] }>;
}

export type AssumedKind = 'stage' | 'touchpoint' | 'emotion' | 'pain point' | StageNoteName | 'empathy' | 'opportunity' | 'action';

/** An item that says how we know it: still assumed, or refuted by research. An emotion's label is its persona's. */
export interface AssumedItem {
    kind: AssumedKind;
    label: string;
    where: string;
    source?: string;
    /** A refuted item's replacement: what the research found instead. */
    instead?: string;
}

export interface JourneyReport {
    id: string;
    title: string;
    kind: JourneyKindName;
    stageCount: number;
    touchpointCount: number;
    lows: PersonaLows[];
    curve: EmotionCurve;
    /** The segment the report is about alone (`journey report --segment`), by its label. */
    segment?: string;
    /** The curve split by segment: each segment's personas' averages, averaged; absent when no persona names a segment. */
    segmentCurve?: { segments: string[]; stages: Array<{ stage: string; averages: Array<number | null> }> };
    /** Stages with at least one pain point, most pain points first. */
    painfulStages: PainfulStage[];
    unmappedStages: string[];
    opportunities: RankedOpportunity[];
    coverage: ChannelCoverage;
    assumed: AssumedItem[];
    /** Hypotheses research contradicted (`evidence refuted`), with what it found instead. */
    refuted: AssumedItem[];
    /** What research has not answered yet, numbered as the map numbers them; `about` is empty for the whole journey. */
    questions: Array<{ text: string; about?: AskedQuestion['about'] }>;
    /** Touchpoints, pain points and opportunities that say nothing about how we know them. */
    withoutEvidence: number;
    /** Emotions and KPIs read from research data, in journey order. */
    fromData: DataBackedItem[];
    /** Each empathy map: how many entries each quadrant and list has; a quadrant with none is research still to do. */
    empathy?: Array<{ persona: string; counts: Record<EmpathyKindName, number> }>;
}

export interface DataBackedItem {
    kind: 'emotion' | 'kpi';
    /** The persona's label for an emotion, the KPI's label for a KPI. */
    label: string;
    where: string;
    value: number;
    /** A KPI's unit. */
    unit?: string;
    data: DataFact;
}


export function journeyReport(journey: JourneyView): JourneyReport {
    const stageLabel = new Map(journey.stages.map(stage => [stage.id, stage.label]));
    const touchpointLabel = new Map(journey.stages.flatMap(stage => stage.touchpoints.map(t => [t.id, t.label] as const)));
    const painText = new Map(journey.stages.flatMap(stage => stageFindings(stage, 'pains').flatMap(pain => pain.id ? [[pain.id, pain.text] as const] : [])));

    const lows = journey.emotionLanes.filter(lane => lane.points.length > 0).map(lane => ({
        persona: lane.persona,
        label: lane.label,
        // A stable sort keeps journey order among equal scores: the earlier low is listed first.
        lows: [...lane.points].sort((a, b) => a.score - b.score).slice(0, LOWEST_MOMENTS).map(point => ({
            score: point.score,
            stage: stageLabel.get(point.stageId) ?? point.stageId,
            touchpoint: touchpointLabel.get(point.touchpointId) ?? point.touchpointId
        }))
    }));

    const painfulStages = journey.stages
        .map(stage => ({ stage: stage.label, pains: stageFindings(stage, 'pains').map(pain => pain.text) }))
        .filter(stage => stage.pains.length > 0)
        .sort((a, b) => b.pains.length - a.pains.length);

    const opportunities = journey.opportunities.map((opportunity, index) => ({
        rank: index + 1,
        id: opportunity.id,
        label: opportunity.label,
        impact: opportunity.impact,
        effort: opportunity.effort,
        quadrant: opportunityQuadrant(opportunity.impact, opportunity.effort),
        addresses: opportunity.addresses.map(id => painText.get(id) ?? id),
        actions: opportunity.actions.map(id => journey.actions.find(a => a.id === id)?.label ?? id)
    }));

    const channels = new Map<string, { channel: ChannelRef; touchpoints: number[] }>();
    const noChannel = journey.stages.map(() => 0);
    journey.stages.forEach((stage, index) => {
        for (const touchpoint of stage.touchpoints) {
            // A moment of the customer's day is no touchpoint of ours: it has no channel to cover.
            if (touchpoint.moment) continue;
            if (!touchpoint.channel) { noChannel[index]++; continue; }
            let row = channels.get(touchpoint.channel.id);
            if (!row) channels.set(touchpoint.channel.id, row = { channel: touchpoint.channel, touchpoints: journey.stages.map(() => 0) });
            row.touchpoints[index]++;
        }
    });
    const rows: ChannelCoverage['rows'] = [...channels.values()];
    if (noChannel.some(n => n > 0)) rows.push({ touchpoints: noChannel });

    const assumed: AssumedItem[] = [];
    const refuted: AssumedItem[] = [];
    let withoutEvidence = 0;
    const note = (kind: AssumedKind, label: string, where: string, evidence: Evidence | undefined, counts: boolean) => {
        if (evidence?.level === 'assumed') assumed.push({ kind, label, where, source: evidence.source });
        if (evidence?.level === 'refuted') refuted.push({ kind, label, where, source: evidence.source, ...(evidence.instead ? { instead: evidence.instead.label } : {}) });
        if (!evidence && counts) withoutEvidence++;
    };
    const personaName = new Map(journey.emotionLanes.map(lane => [lane.persona, lane.label]));
    for (const stage of journey.stages) {
        note('stage', stage.label, '', stage.evidence, false);
        for (const touchpoint of stage.touchpoints) {
            note('touchpoint', touchpoint.label, stage.label, touchpoint.evidence, true);
            for (const point of touchpoint.emotions) note('emotion', personaName.get(point.persona) ?? point.persona, `${stage.label} › ${touchpoint.label}`, point.evidence, false);
        }
        for (const pain of stageFindings(stage, 'pains')) {
            const at = pain.touchpointId ? `${stage.label} › ${touchpointLabel.get(pain.touchpointId) ?? pain.touchpointId}` : stage.label;
            note('pain point', pain.text, at, pain.evidence, true);
        }
        for (const kind of STAGE_NOTE_KINDS) for (const item of stage.notes[kind]) note(kind, item.text, stage.label, item.evidence, false);
    }
    for (const empathy of journey.empathy ?? []) {
        for (const kind of EMPATHY_KIND_NAMES) for (const entry of empathy.entries[kind]) note('empathy', entry.text, empathy.label, entry.evidence, false);
    }
    for (const opportunity of journey.opportunities) note('opportunity', opportunity.label, '', opportunity.evidence, true);
    for (const action of journey.actions) note('action', action.label, '', action.evidence, false);

    const personaLabel = new Map(journey.emotionLanes.map(lane => [lane.persona, lane.label]));
    const fromData: DataBackedItem[] = [];
    for (const stage of journey.stages) {
        for (const touchpoint of stage.touchpoints) {
            const where = `${stage.label} › ${touchpoint.label}`;
            for (const point of touchpoint.emotions) {
                if (point.data) fromData.push({ kind: 'emotion', label: personaLabel.get(point.persona) ?? point.persona, where, value: point.score, data: point.data });
            }
            for (const kpi of touchpoint.kpis) if (kpi.data) fromData.push({ kind: 'kpi', label: kpi.label, where, value: kpi.value, unit: kpi.unit, data: kpi.data });
        }
        for (const kpi of stage.kpis) if (kpi.data) fromData.push({ kind: 'kpi', label: kpi.label, where: stage.label, value: kpi.value, unit: kpi.unit, data: kpi.data });
    }

    return {
        id: journey.id,
        title: journey.title,
        kind: journey.kind,
        stageCount: journey.stages.length,
        touchpointCount: journey.stages.reduce((sum, stage) => sum + stage.touchpoints.length, 0),
        lows,
        curve: {
            personas: journey.emotionLanes.map(lane => lane.label),
            stages: journey.stages.map(stage => ({ stage: stage.label, averages: journey.emotionLanes.map(lane => lane.averageByStage[stage.id] ?? null) }))
        },
        ...segmentCurveOf(journey),
        painfulStages,
        unmappedStages: journey.stages.filter(stage => stage.unmapped).map(stage => stage.label),
        opportunities,
        coverage: { stages: journey.stages.map(stage => stage.label), rows },
        assumed,
        refuted,
        questions: journeyQuestions(journey).map(({ question, about }) => ({ text: question.text, ...(about ? { about } : {}) })),
        withoutEvidence,
        fromData,
        ...(journey.empathy ? {
            empathy: journey.empathy.map(empathy => ({
                persona: empathy.label,
                counts: Object.fromEntries(EMPATHY_KIND_NAMES.map(kind => [kind, empathy.entries[kind].length])) as Record<EmpathyKindName, number>
            }))
        } : {})
    };
}

/** Each segment's curve: per stage, the mean of its personas' averages there (null where none of them has one). */
function segmentCurveOf(journey: JourneyView): Pick<JourneyReport, 'segmentCurve'> {
    const segments = journeySegments(journey);
    if (segments.length === 0 || journey.emotionLanes.every(lane => lane.points.length === 0)) return {};
    const members = segments.map(segment => journey.emotionLanes.filter(lane => journey.personas.find(p => p.id === lane.persona)?.segments?.some(s => s.id === segment.id)));
    return {
        segmentCurve: {
            segments: segments.map(segment => segment.label),
            stages: journey.stages.map(stage => ({
                stage: stage.label,
                averages: members.map(lanes => meanOrNull(lanes.map(lane => lane.averageByStage[stage.id]).filter((value): value is number => value !== null && value !== undefined)))
            }))
        }
    };
}

/** A value read from data as the report writes it: an emotion signed, a KPI with its unit. */
function dataValue(item: DataBackedItem, messages: Messages): string {
    return item.kind === 'emotion' ? `${messages.signed(item.value)} ${messages.t(emotionWordKey(item.value))}` : formatKpiValue(item.value, item.unit, messages);
}

function dataSourceCell(item: DataBackedItem): string {
    return `${item.data.source} (${item.data.file}, ${item.data.column})`;
}

// ---------------------------------------------------------------- words


/** A rating in words; the diff writes ratings the same way. */
export function levelWord(value: LevelName | undefined, words: Words): string {
    return words(levelKey(value));
}

/** The words for each quadrant of the impact/effort matrix: a quadrant added to the vocabulary without them does not compile. */
const QUADRANT_KEYS: Record<OpportunityQuadrant, { name: MessageKey; plural: MessageKey; rule: MessageKey }> = {
    'quick win': { name: 'quadrant.quickWin', plural: 'quadrant.quickWins', rule: 'quadrant.quickWinRule' },
    'big bet': { name: 'quadrant.bigBet', plural: 'quadrant.bigBets', rule: 'quadrant.bigBetRule' },
    'fill-in': { name: 'quadrant.fillIn', plural: 'quadrant.fillIns', rule: 'quadrant.fillInRule' },
    'money pit': { name: 'quadrant.moneyPit', plural: 'quadrant.moneyPits', rule: 'quadrant.moneyPitRule' }
};

const ITEM_KEYS: Record<AssumedKind, MessageKey> = {
    stage: 'item.stage', touchpoint: 'item.touchpoint', emotion: 'item.emotion', 'pain point': 'item.pain', opportunity: 'item.opportunity', action: 'item.action', empathy: 'item.empathy', ...STAGE_NOTE_ITEM_KEYS
};

/** Whether the report has stages to speak of: an empathy map without any has none, and skips what is about stages. */
function sequential(report: JourneyReport): boolean {
    return report.kind !== 'empathy-map' || report.stageCount > 0;
}

/** Whose empathy map has an empty quadrant: the research still to do. */
function emptyQuadrants(report: JourneyReport, words: Words, text: (value: string) => string = value => value): string[] {
    return (report.empathy ?? []).flatMap(map => {
        const empty = EMPATHY_QUADRANTS.filter(kind => map.counts[kind] === 0);
        return empty.length > 0 ? [words('report.empathyEmpty', { persona: text(map.persona), quadrants: empty.map(kind => words(EMPATHY_KEYS[kind])).join(', ') })] : [];
    });
}

/** How opportunities are ranked, in words: the quadrants in the vocabulary's order, each with its rule. */
export function rankingSentence(messages: Messages): string {
    const words = wordsOf(messages);
    const order = OPPORTUNITY_QUADRANTS.map((quadrant, i) => words(i === 0 ? 'report.rankingFirst' : 'report.rankingThen', {
        quadrants: words(QUADRANT_KEYS[quadrant.name].plural), rule: words(QUADRANT_KEYS[quadrant.name].rule)
    }));
    return words('report.ranking', { order: order.join(', ') });
}

/** An average emotion to one decimal, or the gap mark where the persona has none. */
function average(value: number | null, messages: Messages): string {
    return value === null ? '—' : messages.signed(roundScore(value));
}

function hasGaps(curve: EmotionCurve): boolean {
    return curve.stages.some(stage => stage.averages.includes(null));
}

/** Touchpoint counts: a dot where a channel does not serve a stage, so the numbers stand out. */
function coverageCell(n: number, messages: Messages): string {
    return n === 0 ? '·' : messages.number(n);
}

function facts(report: JourneyReport, words: Words): string[] {
    const segment = report.segment === undefined ? [] : [words('report.forSegment', { segment: report.segment })];
    if (!sequential(report)) return [words(KIND_KEYS[report.kind]), ...segment];
    return [words(KIND_KEYS[report.kind]), ...segment, words('count.stages', { count: report.stageCount }), words('count.touchpoints', { count: report.touchpointCount })];
}

// ---------------------------------------------------------------- text

export interface ReportTextOptions {
    /** Terminal columns to fit: tables are wrapped to it, and so is prose. */
    width?: number;
}

export function reportText(report: JourneyReport, messages: Messages, { width = Infinity }: ReportTextOptions = {}): string {
    const words = wordsOf(messages);
    const lines: string[] = [];
    const table = (rows: string[][], indent: string) => lines.push(...alignColumns(rows, indent, '  ', width));
    const prose = (text: string, indent = '  ') => lines.push(...wrap(oneLine(text), Math.max(20, width - indent.length)).map(line => indent + line));
    lines.push(...wrap(`${oneLine(report.title)}  (${[report.id, ...facts(report, words)].join(' · ')})`, width));

    if (report.empathy) {
        lines.push('', words('report.empathy'));
        table([['', ...EMPATHY_KIND_NAMES.map(kind => words(EMPATHY_KEYS[kind]))], ...report.empathy.map(map => [map.persona, ...EMPATHY_KIND_NAMES.map(kind => messages.number(map.counts[kind]))])], '  ');
        for (const empty of emptyQuadrants(report, words)) prose(empty);
    }
    if (sequential(report)) {
        lines.push('', words('report.lowest'));
        if (report.lows.length === 0) prose(`${words('report.noEmotions')} ${words('report.noEmotionsHint')}`);
        for (const persona of report.lows) {
            lines.push(`  ${oneLine(persona.label)}`);
            table(persona.lows.map(low => [messages.signed(low.score), words(emotionWordKey(low.score)), `${low.stage} › ${low.touchpoint}`]), '    ');
        }

        if (report.curve.personas.length > 0) {
            lines.push('', words('report.curve'));
            table([['', ...report.curve.personas], ...report.curve.stages.map(stage => [stage.stage, ...stage.averages.map(a => average(a, messages))])], '  ');
            if (hasGaps(report.curve)) prose(words('report.gap'));
        }
        if (report.segmentCurve) {
            lines.push('', words('report.segmentCurve'));
            table([['', ...report.segmentCurve.segments], ...report.segmentCurve.stages.map(stage => [stage.stage, ...stage.averages.map(a => average(a, messages))])], '  ');
        }

        lines.push('', words('report.painful'));
        if (report.painfulStages.length === 0) lines.push(`  ${words('report.noPains')}`);
        // One pain point a line: several on one line would run far past the terminal's edge.
        table(report.painfulStages.flatMap(stage => stage.pains.map((pain, i) =>
            i === 0 ? [stage.stage, messages.number(stage.pains.length), pain] : ['', '', pain])), '  ');

        lines.push('', words('report.unmapped'));
        prose(report.unmappedStages.length === 0
            ? words('report.allMapped')
            : `${words('report.unmappedList', { stages: messages.list(report.unmappedStages) })} ${words('report.unmappedHint')}`);

        lines.push('', words('report.opportunities'));
        if (report.opportunities.length === 0) lines.push(`  ${words('report.noOpportunities')} ${words('report.noOpportunitiesHint')}`);
        else {
            prose(rankingSentence(messages));
            table([
                ['#', words('plan.opportunity'), words('column.impact'), words('column.effort'), words('column.quadrant'), words('plan.actions')],
                ...report.opportunities.map(o => [
                    messages.number(o.rank), o.label, levelWord(o.impact, words), levelWord(o.effort, words), words(QUADRANT_KEYS[o.quadrant].name),
                    o.actions.length > 0 ? o.actions.join('; ') : words('report.noAction')
                ])
            ], '  ');
        }

        lines.push('', words('report.coverage'));
        if (report.coverage.rows.length === 0) lines.push(`  ${words('report.noTouchpoints')}`);
        else {
            table([
                ['', ...report.coverage.stages],
                ...report.coverage.rows.map(row => [row.channel ? oneLine(channelLabel(row.channel, messages)) : words('report.noChannel'), ...row.touchpoints.map(n => coverageCell(n, messages))])
            ], '  ');
        }
    }

    lines.push('', words('report.assumed'));
    if (report.assumed.length === 0) lines.push(`  ${words('report.nothingAssumed', { keyword: words('report.keyword', { keyword: 'evidence assumed' }) })}`);
    table(report.assumed.map(item => [words(ITEM_KEYS[item.kind]), item.label, item.where, item.source ? `(${item.source})` : '']), '  ');
    if (report.withoutEvidence > 0) {
        prose(words('report.withoutEvidenceHint', { clause: words('report.withoutEvidence', { count: report.withoutEvidence }) }));
    }
    if (report.questions.length > 0) {
        lines.push('', words('question.heading'));
        table(report.questions.map((question, index) => [`${index + 1}.`, question.text, questionAbout(question.about, messages)]), '  ');
    }
    if (report.refuted.length > 0) {
        lines.push('', words('report.refuted'));
        table(report.refuted.map(item => [words(ITEM_KEYS[item.kind]), item.label, item.where, item.source ? `(${item.source})` : '', item.instead ? `\u2192 ${item.instead}` : '']), '  ');
    }

    if (report.fromData.length > 0) {
        lines.push('', words('report.fromData'));
        table([
            [words('column.item'), words('column.where'), words('column.value'), 'n', words('column.source')],
            ...report.fromData.map(item => [`${words(item.kind === 'emotion' ? 'column.emotion' : 'column.kpi')}: ${item.label}`, item.where, dataValue(item, messages), messages.number(item.data.n), dataSourceCell(item)])
        ], '  ');
    }
    return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------- markdown

/** Markdown: the catalog's words are written as they are (they are ours); user text is escaped before it goes in. */
export function reportMarkdown(report: JourneyReport, messages: Messages): string {
    const words = wordsOf(messages);
    const heading = (key: MessageKey) => `### ${words(key)}`;
    const parts: string[] = [];
    parts.push(`## ${markdownText(report.title)}`);
    const [kind, ...counts] = facts(report, words);
    parts.push([kind, markdownCode(report.id), ...counts].join(' · '));

    if (report.empathy) {
        parts.push(heading('report.empathy'));
        parts.push(markdownTable([words('column.persona'), ...EMPATHY_KIND_NAMES.map(kind => words(EMPATHY_KEYS[kind]))],
            report.empathy.map(map => [markdownText(map.persona), ...EMPATHY_KIND_NAMES.map(kind => messages.number(map.counts[kind]))])));
        parts.push(...emptyQuadrants(report, words, markdownText));
    }
    if (sequential(report)) {
        parts.push(heading('report.lowest'));
        if (report.lows.length === 0) parts.push(words('report.noEmotions'));
        else {
            parts.push(markdownTable([words('column.persona'), words('column.emotion'), words('column.stage'), words('column.touchpoint')],
                report.lows.flatMap(persona => persona.lows.map(low =>
                    [markdownText(persona.label), `${messages.signed(low.score)} ${words(emotionWordKey(low.score))}`, markdownText(low.stage), markdownText(low.touchpoint)]))));
        }

        if (report.curve.personas.length > 0) {
            parts.push(heading('report.curve'));
            parts.push(markdownTable([words('column.stage'), ...report.curve.personas.map(markdownText)], report.curve.stages.map(stage =>
                [markdownText(stage.stage), ...stage.averages.map(a => average(a, messages))])));
            if (hasGaps(report.curve)) parts.push(words('report.gap'));
        }
        if (report.segmentCurve) {
            parts.push(heading('report.segmentCurve'));
            parts.push(markdownTable([words('column.stage'), ...report.segmentCurve.segments.map(markdownText)], report.segmentCurve.stages.map(stage =>
                [markdownText(stage.stage), ...stage.averages.map(a => average(a, messages))])));
        }

        parts.push(heading('report.painful'));
        parts.push(report.painfulStages.length === 0 ? words('report.noPains')
            : markdownTable([words('column.stage'), words('lane.pains'), words('column.whatHurts')], report.painfulStages.map(stage =>
                [markdownText(stage.stage), messages.number(stage.pains.length), stage.pains.map(markdownText).join('<br>')])));

        parts.push(heading('report.unmapped'));
        parts.push(report.unmappedStages.length === 0 ? words('report.allMapped')
            : words('report.unmappedList', { stages: messages.list(report.unmappedStages.map(markdownText)) }));

        parts.push(heading('report.opportunities'));
        if (report.opportunities.length === 0) parts.push(words('report.noOpportunities'));
        else {
            parts.push(rankingSentence(messages));
            parts.push(markdownTable(
                ['#', words('plan.opportunity'), words('column.impact'), words('column.effort'), words('column.quadrant'), words('plan.addresses'), words('plan.actions')],
                report.opportunities.map(o => [
                    messages.number(o.rank), markdownText(o.label), levelWord(o.impact, words), levelWord(o.effort, words), words(QUADRANT_KEYS[o.quadrant].name),
                    o.addresses.map(markdownText).join('<br>'), o.actions.length > 0 ? o.actions.map(markdownText).join('<br>') : `*${words('report.noAction')}*`
                ])));
        }

        parts.push(heading('report.coverageShort'));
        parts.push(report.coverage.rows.length === 0 ? words('report.noTouchpoints')
            : markdownTable([words('column.channel'), ...report.coverage.stages.map(markdownText)], report.coverage.rows.map(row =>
                [row.channel === undefined ? words('report.noChannel') : markdownText(channelLabel(row.channel, messages)), ...row.touchpoints.map(n => coverageCell(n, messages))])));
    }

    parts.push(heading('report.assumed'));
    parts.push(report.assumed.length === 0 ? words('report.nothingAssumed', { keyword: markdownCode('evidence assumed') })
        : markdownTable([words('header.kind'), words('column.item'), words('column.where'), words('column.source')], report.assumed.map(item =>
            [words(ITEM_KEYS[item.kind]), markdownText(item.label), markdownText(item.where), markdownText(item.source ?? '')])));
    if (report.withoutEvidence > 0) parts.push(`${words('report.withoutEvidence', { count: report.withoutEvidence })}.`);
    if (report.questions.length > 0) {
        parts.push(heading('question.heading'));
        parts.push(report.questions.map((question, index) =>
            `${index + 1}. ${markdownText(question.text)} *(${questionAbout(question.about, messages, markdownText)})*`).join('\n'));
    }
    if (report.refuted.length > 0) {
        parts.push(heading('report.refuted'));
        parts.push(markdownTable([words('header.kind'), words('column.item'), words('column.where'), words('column.source'), words('column.instead')], report.refuted.map(item =>
            [words(ITEM_KEYS[item.kind]), markdownText(item.label), markdownText(item.where), markdownText(item.source ?? ''), markdownText(item.instead ?? '')])));
    }

    if (report.fromData.length > 0) {
        parts.push(heading('report.fromData'));
        parts.push(markdownTable([words('column.item'), words('column.where'), words('column.value'), 'n', words('column.source')], report.fromData.map(item =>
            [`${words(item.kind === 'emotion' ? 'column.emotion' : 'column.kpi')}: ${markdownText(item.label)}`, markdownText(item.where), markdownText(dataValue(item, messages)), messages.number(item.data.n), markdownText(dataSourceCell(item))])));
    }
    return parts.join('\n\n') + '\n';
}
