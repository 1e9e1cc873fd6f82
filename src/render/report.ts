/**
 * The analysis of a journey map that a workshop would do by hand (DOMAIN, step 6): where each
 * persona feels worst, which stages hurt most, which stages nobody has mapped, what to fix
 * first, which channels serve which stages, and what is still only a hypothesis. Pure: view
 * model in, report data and text out; the CLI prints it, and anything else may.
 */
import type { Evidence, JourneyView, MomentView, StageView } from '../model/view-model.js';
import {
    JOURNEY_KINDS, OPPORTUNITY_RANKING, emotionLabel, formatEmotion, opportunityQuadrant, type LevelName, type OpportunityQuadrant
} from '../language/vocabulary.js';
import { alignColumns, count, markdownTable, markdownText, oneLine, wrap } from './text-layout.js';

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

export interface ChannelCoverage {
    stages: string[];
    /** Touchpoints per stage for each channel; the last row, if any, counts touchpoints without a channel. */
    rows: Array<{ channel: string; touchpoints: number[] }>;
}

export interface AssumedItem {
    kind: string;
    label: string;
    where: string;
    source?: string;
}

export interface JourneyReport {
    id: string;
    title: string;
    kind: string;
    stageCount: number;
    touchpointCount: number;
    lows: PersonaLows[];
    curve: EmotionCurve;
    /** Stages with at least one pain point, most pain points first. */
    painfulStages: PainfulStage[];
    unmappedStages: string[];
    opportunities: RankedOpportunity[];
    coverage: ChannelCoverage;
    assumed: AssumedItem[];
    /** Touchpoints, pain points and opportunities that say nothing about how we know them. */
    withoutEvidence: number;
}

function stagePains(stage: StageView): MomentView[] {
    return [...stage.pains, ...stage.touchpoints.flatMap(t => t.pains)];
}

export function journeyReport(journey: JourneyView): JourneyReport {
    const stageLabel = new Map(journey.stages.map(stage => [stage.id, stage.label]));
    const touchpointLabel = new Map(journey.stages.flatMap(stage => stage.touchpoints.map(t => [t.id, t.label] as const)));
    const painText = new Map(journey.stages.flatMap(stage => stagePains(stage).flatMap(pain => pain.id ? [[pain.id, pain.text] as const] : [])));

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
        .map(stage => ({ stage: stage.label, pains: stagePains(stage).map(pain => pain.text) }))
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

    const channels = new Map<string, number[]>();
    const noChannel = journey.stages.map(() => 0);
    journey.stages.forEach((stage, index) => {
        for (const touchpoint of stage.touchpoints) {
            if (!touchpoint.channel) { noChannel[index]++; continue; }
            const row = channels.get(touchpoint.channel.label) ?? journey.stages.map(() => 0);
            row[index]++;
            channels.set(touchpoint.channel.label, row);
        }
    });
    const rows = [...channels].map(([channel, touchpoints]) => ({ channel, touchpoints }));
    if (noChannel.some(n => n > 0)) rows.push({ channel: '(no channel)', touchpoints: noChannel });

    const assumed: AssumedItem[] = [];
    let withoutEvidence = 0;
    const note = (kind: string, label: string, where: string, evidence: Evidence | undefined, counts: boolean) => {
        if (evidence?.level === 'assumed') assumed.push({ kind, label, where, source: evidence.source });
        if (!evidence && counts) withoutEvidence++;
    };
    for (const stage of journey.stages) {
        note('stage', stage.label, '', stage.evidence, false);
        for (const touchpoint of stage.touchpoints) note('touchpoint', touchpoint.label, stage.label, touchpoint.evidence, true);
        for (const pain of stagePains(stage)) {
            const at = pain.touchpointId ? `${stage.label} › ${touchpointLabel.get(pain.touchpointId) ?? pain.touchpointId}` : stage.label;
            note('pain point', pain.text, at, pain.evidence, true);
        }
    }
    for (const opportunity of journey.opportunities) note('opportunity', opportunity.label, '', opportunity.evidence, true);
    for (const action of journey.actions) note('action', action.label, '', action.evidence, false);

    return {
        id: journey.id,
        title: journey.title,
        kind: JOURNEY_KINDS[journey.kind],
        stageCount: journey.stages.length,
        touchpointCount: journey.stages.reduce((sum, stage) => sum + stage.touchpoints.length, 0),
        lows,
        curve: {
            personas: journey.emotionLanes.map(lane => lane.label),
            stages: journey.stages.map(stage => ({ stage: stage.label, averages: journey.emotionLanes.map(lane => lane.averageByStage[stage.id] ?? null) }))
        },
        painfulStages,
        unmappedStages: journey.stages.filter(stage => stage.unmapped).map(stage => stage.label),
        opportunities,
        coverage: { stages: journey.stages.map(stage => stage.label), rows },
        assumed,
        withoutEvidence
    };
}

function withoutEvidenceSentence(n: number): string {
    return n === 1
        ? '1 touchpoint, pain point or opportunity says nothing about evidence'
        : `${n} touchpoints, pain points and opportunities say nothing about evidence`;
}

function level(value: LevelName | undefined): string {
    return value ?? 'unrated';
}

/** An average emotion to one decimal, or the gap mark where the persona has none. */
function average(value: number | null): string {
    return value === null ? '—' : formatEmotion(Math.round(value * 10) / 10);
}

const GAP_NOTE = '— marks a gap: the persona has no emotion there (a hole in the curve, not a neutral moment).';

function hasGaps(curve: EmotionCurve): boolean {
    return curve.stages.some(stage => stage.averages.includes(null));
}

// ---------------------------------------------------------------- text

export interface ReportTextOptions {
    /** Terminal columns to fit: tables are wrapped to it, and so is prose. */
    width?: number;
}

export function reportText(report: JourneyReport, { width = Infinity }: ReportTextOptions = {}): string {
    const lines: string[] = [];
    const table = (rows: string[][], indent: string) => lines.push(...alignColumns(rows, indent, '  ', width));
    const prose = (text: string, indent = '  ') => lines.push(...wrap(oneLine(text), Math.max(20, width - indent.length)).map(line => indent + line));
    lines.push(...wrap(`${oneLine(report.title)}  (${report.id}, ${report.kind.toLowerCase()}: ${count(report.stageCount, 'stage')}, ${count(report.touchpointCount, 'touchpoint')})`, width));

    lines.push('', 'Lowest emotional moments');
    if (report.lows.length === 0) {
        prose('No emotions recorded. Add "emotion <persona> <score>" to touchpoints to see where the journey hurts.');
    }
    for (const persona of report.lows) {
        lines.push(`  ${oneLine(persona.label)}`);
        table(persona.lows.map(low => [formatEmotion(low.score), emotionLabel(low.score), `${low.stage} › ${low.touchpoint}`]), '    ');
    }

    if (report.curve.personas.length > 0) {
        lines.push('', 'Emotion by stage (average per persona)');
        table([['', ...report.curve.personas], ...report.curve.stages.map(stage => [stage.stage, ...stage.averages.map(average)])], '  ');
        if (hasGaps(report.curve)) prose(GAP_NOTE);
    }

    lines.push('', 'Stages with the most pain points');
    if (report.painfulStages.length === 0) lines.push('  No pain points recorded.');
    // One pain point a line: several on one line would run far past the terminal's edge.
    table(report.painfulStages.flatMap(stage => stage.pains.map((pain, i) =>
        i === 0 ? [stage.stage, String(stage.pains.length), pain] : ['', '', pain])), '  ');

    lines.push('', 'Unmapped stages');
    prose(report.unmappedStages.length === 0
        ? 'None: every stage has at least one touchpoint.'
        : `${report.unmappedStages.join(', ')}: no touchpoints yet. Add the moments where customers meet you there.`);

    lines.push('', 'Opportunities, best value for effort first');
    if (report.opportunities.length === 0) lines.push('  None yet. Add "opportunity" blocks that address named pain points.');
    else {
        prose(`Ranked as on an impact/effort matrix: ${OPPORTUNITY_RANKING}`);
        table([
            ['#', 'Opportunity', 'Impact', 'Effort', 'Quadrant', 'Actions'],
            ...report.opportunities.map(o => [String(o.rank), o.label, level(o.impact), level(o.effort), o.quadrant, o.actions.length > 0 ? o.actions.join('; ') : 'no action yet'])
        ], '  ');
    }

    lines.push('', 'Channel coverage (touchpoints per channel and stage)');
    if (report.coverage.rows.length === 0) lines.push('  No touchpoints yet.');
    else {
        table([
            ['', ...report.coverage.stages],
            ...report.coverage.rows.map(row => [row.channel, ...row.touchpoints.map(n => n === 0 ? '·' : String(n))])
        ], '  ');
    }

    lines.push('', 'Still assumed, not yet observed');
    if (report.assumed.length === 0) lines.push('  Nothing marked "evidence assumed".');
    table(report.assumed.map(item => [item.kind, item.label, item.where, item.source ? `(${item.source})` : '']), '  ');
    if (report.withoutEvidence > 0) {
        prose(`${withoutEvidenceSentence(report.withoutEvidence)}: add "evidence observed", "assumed" or "proposed" to say how you know.`);
    }
    return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------- markdown

export function reportMarkdown(report: JourneyReport): string {
    const parts: string[] = [];
    parts.push(`## ${markdownText(report.title)}`);
    parts.push(`${markdownText(report.kind)} · \`${report.id}\` · ${count(report.stageCount, 'stage')} · ${count(report.touchpointCount, 'touchpoint')}`);

    parts.push('### Lowest emotional moments');
    if (report.lows.length === 0) parts.push('No emotions recorded.');
    else {
        parts.push(markdownTable(['Persona', 'Emotion', 'Stage', 'Touchpoint'], report.lows.flatMap(persona => persona.lows.map(low =>
            [markdownText(persona.label), `${formatEmotion(low.score)} ${emotionLabel(low.score)}`, markdownText(low.stage), markdownText(low.touchpoint)]))));
    }

    if (report.curve.personas.length > 0) {
        parts.push('### Emotion by stage (average per persona)');
        parts.push(markdownTable(['Stage', ...report.curve.personas.map(markdownText)], report.curve.stages.map(stage =>
            [markdownText(stage.stage), ...stage.averages.map(average)])));
        if (hasGaps(report.curve)) parts.push(GAP_NOTE);
    }

    parts.push('### Stages with the most pain points');
    parts.push(report.painfulStages.length === 0 ? 'No pain points recorded.'
        : markdownTable(['Stage', 'Pain points', 'What hurts'], report.painfulStages.map(stage =>
            [markdownText(stage.stage), String(stage.pains.length), stage.pains.map(markdownText).join('<br>')])));

    parts.push('### Unmapped stages');
    parts.push(report.unmappedStages.length === 0 ? 'None: every stage has at least one touchpoint.'
        : `${report.unmappedStages.map(markdownText).join(', ')}: no touchpoints yet.`);

    parts.push('### Opportunities, best value for effort first');
    if (report.opportunities.length > 0) parts.push(`Ranked as on an impact/effort matrix: ${OPPORTUNITY_RANKING}`);
    parts.push(report.opportunities.length === 0 ? 'None yet.'
        : markdownTable(['#', 'Opportunity', 'Impact', 'Effort', 'Quadrant', 'Addresses', 'Actions'], report.opportunities.map(o => [
            String(o.rank), markdownText(o.label), level(o.impact), level(o.effort), o.quadrant,
            o.addresses.map(markdownText).join('<br>'), o.actions.length > 0 ? o.actions.map(markdownText).join('<br>') : '*no action yet*'
        ])));

    parts.push('### Channel coverage');
    parts.push(report.coverage.rows.length === 0 ? 'No touchpoints yet.'
        : markdownTable(['Channel', ...report.coverage.stages.map(markdownText)], report.coverage.rows.map(row =>
            [markdownText(row.channel), ...row.touchpoints.map(n => n === 0 ? '·' : String(n))])));

    parts.push('### Still assumed, not yet observed');
    parts.push(report.assumed.length === 0 ? 'Nothing marked `evidence assumed`.'
        : markdownTable(['Kind', 'Item', 'Where', 'Source'], report.assumed.map(item =>
            [item.kind, markdownText(item.label), markdownText(item.where), markdownText(item.source ?? '')])));
    if (report.withoutEvidence > 0) {
        parts.push(`${withoutEvidenceSentence(report.withoutEvidence)}.`);
    }
    return parts.join('\n\n') + '\n';
}
