/**
 * A journey map as Markdown that GitHub and VS Code render without any extension: the facts,
 * the stage timeline and emotional curve as ```mermaid blocks, the swimlanes as a table with
 * one column per stage (like the preview's grid), and the improvement plan. For a README or
 * a pull request, where a picture of the map travels with the text.
 */
import type { DocumentViewModel, JourneyView, KpiView, MomentView, StageView } from '../model/view-model.js';
import { ACTIVITY_KINDS, BLUEPRINT_LANES, EVIDENCE_LEVELS, JOURNEY_KINDS, formatEmotion, type ActivityKindName, type BlueprintLaneName } from '../language/vocabulary.js';
import { journeyMermaid, UNMAPPED_STAGE_TEXT } from './mermaid.js';
import { markdownTable, markdownText } from './text-layout.js';

/** Lane titles, as the preview's grid names its rows. */
const ACTIVITY_LANES: Record<ActivityKindName, string> = { does: 'Doing', thinks: 'Thinking', feels: 'Feeling', says: 'Saying' };

function cell(items: string[]): string {
    return items.join('<br>');
}

function pains(stage: StageView): MomentView[] {
    return [...stage.pains, ...stage.touchpoints.flatMap(t => t.pains)];
}

function goods(stage: StageView): MomentView[] {
    return [...stage.goods, ...stage.touchpoints.flatMap(t => t.goods)];
}

function kpis(stage: StageView): KpiView[] {
    return [...stage.kpis, ...stage.touchpoints.flatMap(t => t.kpis)];
}

function kpiText(kpi: KpiView): string {
    const unit = kpi.unit === undefined ? '' : kpi.unit === '%' ? '%' : ` ${kpi.unit}`;
    return `${markdownText(kpi.label)}: **${kpi.value}${markdownText(unit)}**${kpi.target === undefined ? '' : ` (target ${kpi.target}${markdownText(unit)})`}`;
}

function evidenceMark(moment: MomentView): string {
    return moment.evidence ? ` *(${moment.evidence.level})*` : '';
}

function lanesTable(journey: JourneyView): string {
    const stages = journey.stages;
    const rows: string[][] = [];
    const lane = (name: string, values: (stage: StageView) => string[]) => {
        const cells = stages.map(values);
        if (cells.some(items => items.length > 0)) rows.push([`**${name}**`, ...cells.map(cell)]);
    };
    lane('Touchpoints', stage => stage.touchpoints.length === 0
        ? [`*${UNMAPPED_STAGE_TEXT}*`]
        : stage.touchpoints.map(t => `${markdownText(t.label)}${t.channel ? ` (${markdownText(t.channel.label)})` : ''}`));
    lane('Emotion', stage => stage.touchpoints.flatMap(t => t.emotions.map(e => {
        const persona = journey.personas.find(p => p.id === e.persona)?.label ?? e.persona;
        return `${markdownText(persona)} ${formatEmotion(e.score)} at ${markdownText(t.label)}`;
    })));
    for (const kind of ACTIVITY_KINDS) {
        lane(ACTIVITY_LANES[kind], stage => stage.touchpoints.flatMap(t => t.activities[kind].map(markdownText)));
    }
    lane('Pain points', stage => pains(stage).map(p => markdownText(p.text) + evidenceMark(p)));
    lane('Goes well', stage => goods(stage).map(g => markdownText(g.text) + evidenceMark(g)));
    lane('KPIs', stage => kpis(stage).map(kpiText));
    for (const name of Object.keys(BLUEPRINT_LANES) as BlueprintLaneName[]) {
        lane(BLUEPRINT_LANES[name], stage => stage.lanes[name].map(item => markdownText(item.text)));
    }
    return markdownTable(['Lane', ...stages.map(stage => `${stage.index + 1}. ${markdownText(stage.label)}`)], rows);
}

function planTables(journey: JourneyView): string[] {
    const parts: string[] = [];
    const painText = new Map(journey.stages.flatMap(stage => pains(stage).flatMap(p => p.id ? [[p.id, p.text] as const] : [])));
    if (journey.opportunities.length > 0) {
        parts.push('### Opportunities, highest priority first');
        parts.push(markdownTable(['#', 'Opportunity', 'Impact', 'Effort', 'Addresses', 'Evidence'], journey.opportunities.map((o, index) => [
            String(index + 1), markdownText(o.label), o.impact ?? 'unrated', o.effort ?? 'unrated',
            cell(o.addresses.map(id => markdownText(painText.get(id) ?? id))), o.evidence ? EVIDENCE_LEVELS[o.evidence.level] : ''
        ])));
    }
    if (journey.actions.length > 0) {
        parts.push('### Action plan');
        parts.push(markdownTable(['Action', 'Owner', 'Due', 'For'], journey.actions.map(action => [
            markdownText(action.label), action.owner ? markdownText(action.owner) : '*no owner yet*', action.due ?? '',
            cell(action.opportunities.map(id => markdownText(journey.opportunities.find(o => o.id === id)?.label ?? id)))
        ])));
    }
    return parts;
}

function journeyMarkdown(journey: JourneyView): string {
    const parts: string[] = [];
    parts.push(`## ${markdownText(journey.title)}`);
    const facts = [`- **Kind:** ${JOURNEY_KINDS[journey.kind]}`];
    if (journey.baseline) facts.push(`- **Improves:** ${markdownText(journey.baseline.title)}`);
    if (journey.goal) facts.push(`- **Goal:** ${markdownText(journey.goal)}`);
    if (journey.scope) facts.push(`- **Scope:** ${markdownText(journey.scope)}`);
    if (journey.owner) facts.push(`- **Owner:** ${markdownText(journey.owner)}`);
    if (journey.review) facts.push(`- **Review:** ${journey.review.date}${journey.review.stale ? ' (overdue: check the map against what customers do today)' : ''}`);
    if (journey.personas.length > 0) facts.push(`- **Personas:** ${journey.personas.map(p => markdownText(p.label)).join(', ')}`);
    parts.push(facts.join('\n'));
    if (journey.stages.length === 0) {
        parts.push('*This journey has no stages yet.*');
        return parts.join('\n\n');
    }
    const diagrams = journeyMermaid(journey, { titles: false });
    parts.push('```mermaid\n' + diagrams.timeline + '```');
    if (diagrams.emotions) parts.push('```mermaid\n' + diagrams.emotions + '```');
    parts.push('### Lanes');
    parts.push(lanesTable(journey));
    parts.push(...planTables(journey));
    return parts.join('\n\n');
}

export function documentMarkdown(model: DocumentViewModel): string {
    if (model.journeys.length === 0) return '*This file declares no journey.*\n';
    return model.journeys.map(journeyMarkdown).join('\n\n') + '\n';
}
