/**
 * Journey view model to HTML: the journey header, the flow between stages, the swimlane grid
 * (one column per stage, one row per lane) and the improvement plan. Pure string building,
 * shared by the preview and the HTML export. Every user string goes through `escapeHtml`; every
 * drawn element carries `data-key` and `data-range` so a click can reveal its source.
 */
import type {
    Evidence, JourneyView, KpiView, MomentView, OpportunityView, PersonaView, SourceRange, StageView, TouchpointView, TransitionView
} from '../model/view-model.js';
import {
    ACTIVITY_KINDS, BLUEPRINT_LANES, EVIDENCE_LEVELS, JOURNEY_KINDS, emotionLabel, formatEmotion,
    type ActivityKindName, type BlueprintLaneName, type LevelName
} from '../language/vocabulary.js';
import { encodeRange } from './elements.js';
import { escapeHtml } from './escape.js';
import { UNMAPPED_STAGE_TEXT } from './mermaid.js';

export interface JourneyHtmlOptions {
    /** Persona ids in document order: a persona keeps its colour in every journey and chart. */
    personaOrder: readonly string[];
    /** Personas whose emotions are shown; all when absent. */
    personas?: readonly string[];
    /**
     * Fold each persona's details under its name and one line about it, so a narrow panel shows
     * the map without scrolling past the personas. Exports leave this off: a shared map is read
     * without clicking.
     */
    collapsePersonas?: boolean;
}

/** The independently rendered parts of one journey, so the preview can replace only what changed. */
export interface JourneyHtml {
    header: string;
    grid: string;
    plan: string;
}

/** Lane titles as a journey map names its rows. */
const ACTIVITY_LANES: Record<ActivityKindName, string> = {
    does: 'Doing',
    thinks: 'Thinking',
    feels: 'Feeling',
    says: 'Saying'
};

/** Stage columns cycle through this many hues (classes `stage-hue-0` to `stage-hue-3`), as the timeline does. */
export const STAGE_HUES = 4;

/** Personas get one of this many colours (classes `persona-0` to `persona-5` in preview.css). */
export const PERSONA_COLOURS = 6;

interface Traceable { key: string; range: SourceRange; uri?: string }

/** The attributes that make a drawn element clickable and findable from the cursor. */
function sourceAttrs(element: Traceable, label: string): string {
    const uri = element.uri ? ` data-uri="${escapeHtml(element.uri)}"` : '';
    return ` data-key="${escapeHtml(element.key)}" data-range="${encodeRange(element.range)}"${uri} tabindex="0" role="button" aria-label="${escapeHtml(label)}"`;
}

/** The colour class of a persona: by its place in the document, so it is the same in every journey. */
export function personaClassOf(persona: string, personaOrder: readonly string[]): string {
    const index = personaOrder.indexOf(persona);
    return `persona-${(index < 0 ? personaOrder.length : index) % PERSONA_COLOURS}`;
}

function personaClass(persona: string, options: JourneyHtmlOptions): string {
    return personaClassOf(persona, options.personaOrder);
}

/** Persona ids are what the source says; people read the persona's label. */
function personaLabel(journey: JourneyView, persona: string): string {
    return journey.personas.find(p => p.id === persona)?.label
        ?? journey.emotionLanes.find(lane => lane.persona === persona)?.label
        ?? persona;
}

function formatScore(score: number): string {
    return formatEmotion(Math.round(score * 10) / 10);
}

function valenceClass(score: number): string {
    return score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';
}

function evidenceBadge(evidence: Evidence | undefined): string {
    if (!evidence) return '';
    const title = evidence.source ? `${EVIDENCE_LEVELS[evidence.level]}: ${evidence.source}` : EVIDENCE_LEVELS[evidence.level];
    return `<span class="evidence evidence-${evidence.level}" title="${escapeHtml(title)}">${evidence.level}</span>`;
}

function levelBadge(measure: 'impact' | 'effort', level: LevelName | undefined): string {
    if (!level) return `<span class="badge level level-unrated" title="${measure} not rated">${measure} ?</span>`;
    return `<span class="badge level ${measure}-${level}" title="${measure}: ${level}">${measure} ${level}</span>`;
}

// ---------------------------------------------------------------- header

/** The detail kinds that say most about a persona in one line, best first. */
const PERSONA_SUMMARY_KINDS = ['goal', 'quote', 'backstory', 'demographics'];

function personaSummary(persona: PersonaView): string | undefined {
    for (const kind of PERSONA_SUMMARY_KINDS) {
        const detail = persona.details.find(d => d.kind === kind);
        if (detail) return kind === 'quote' ? `\u201C${detail.text}\u201D` : detail.text;
    }
    return persona.details[0]?.text;
}

function personaCard(persona: PersonaView, options: JourneyHtmlOptions): string {
    const details = persona.details.map(detail =>
        `<li><span class="detail-kind">${escapeHtml(detail.kind)}</span> ${escapeHtml(detail.text)}</li>`).join('');
    const name = `<span class="persona-swatch" aria-hidden="true"></span><strong class="persona-name">${escapeHtml(persona.label)}</strong>`;
    const card = `<li class="persona ${personaClass(persona.id, options)}"${sourceAttrs(persona, `Persona ${persona.label}`)}>`;
    if (!details) return `${card}${name}</li>`;
    const summary = personaSummary(persona);
    const line = summary ? `<span class="persona-summary" title="${escapeHtml(summary)}">${escapeHtml(summary)}</span>` : '';
    // A <details> either way, so the preview and the exports share one layout; exports open it.
    return `${card}<details class="persona-more"${options.collapsePersonas ? '' : ' open'}>`
        + `<summary title="Show or hide what we know about ${escapeHtml(persona.label)}">${name}${line}</summary>`
        + `<ul class="persona-details">${details}</ul></details></li>`;
}

export function journeyHeaderHtml(journey: JourneyView, options: JourneyHtmlOptions): string {
    const facts: string[] = [];
    if (journey.goal) facts.push(`<div><dt>Goal</dt><dd>${escapeHtml(journey.goal)}</dd></div>`);
    if (journey.scope) facts.push(`<div><dt>Scope</dt><dd>${escapeHtml(journey.scope)}</dd></div>`);
    if (journey.owner) facts.push(`<div><dt>Owner</dt><dd>${escapeHtml(journey.owner)}</dd></div>`);
    if (journey.review) {
        const review = journey.review;
        const stale = review.stale ? ' <span class="badge stale" title="The review date has passed: check the map against what customers do today.">\u26A0 Review overdue</span>' : '';
        facts.push(`<div><dt>Review</dt><dd data-key="${escapeHtml(journey.key)}:review" data-range="${encodeRange(review.range)}" tabindex="0" role="button">${escapeHtml(review.date)}${stale}</dd></div>`);
    }
    const baseline = journey.baseline
        ? `<p class="baseline-note">Future state of <strong>${escapeHtml(journey.baseline.title)}</strong>: the emotion chart compares both.</p>`
        : '';
    const personas = journey.personas.length > 0
        ? `<ul class="personas">${journey.personas.map(persona => personaCard(persona, options)).join('')}</ul>`
        : '';
    return `<header class="journey-header">`
        + `<div class="journey-title-row"><h1 class="journey-title"${sourceAttrs(journey, `Journey ${journey.title}`)}>${escapeHtml(journey.title)}</h1>`
        + `<span class="badge kind kind-${journey.kind}">${escapeHtml(JOURNEY_KINDS[journey.kind])}</span></div>`
        + (facts.length > 0 ? `<dl class="journey-facts">${facts.join('')}</dl>` : '')
        + baseline + personas
        + `</header>`;
}

// ---------------------------------------------------------------- grid cells

function stageHeaderCell(journey: JourneyView, stage: StageView, options: JourneyHtmlOptions): string {
    const unmapped = stage.unmapped ? `<span class="unmapped-note">${UNMAPPED_STAGE_TEXT}</span>` : '';
    return `<th scope="col" class="stage stage-hue-${stage.index % STAGE_HUES}${stage.unmapped ? ' unmapped' : ''}"${sourceAttrs(stage, `Stage ${stage.label}`)}>`
        + `<span class="stage-index">${stage.index + 1}</span><span class="stage-label">${escapeHtml(stage.label)}</span>`
        + evidenceBadge(stage.evidence) + unmapped + comparisonChips(journey, stage, options)
        + '</th>';
}

/** For a future-state stage: how each persona's average emotion moves against its current-state counterpart. */
function comparisonChips(journey: JourneyView, stage: StageView, options: JourneyHtmlOptions): string {
    const baseline = journey.baseline;
    if (!baseline || !stage.counterpart) return '';
    const counterpart = stage.counterpart;
    const chips: string[] = [];
    for (const lane of journey.emotionLanes) {
        if (options.personas && !options.personas.includes(lane.persona)) continue;
        const future = lane.averageByStage[stage.id];
        const current = baseline.emotionLanes.find(l => l.persona === lane.persona)?.averageByStage[counterpart];
        if (future === null || future === undefined || current === null || current === undefined) continue;
        const trend = future > current ? 'better' : future < current ? 'worse' : 'same';
        const change = trend === 'same' ? '=' : `${trend === 'better' ? '\u25B2' : '\u25BC'}\u202F${formatScore(Math.abs(future - current)).replace(/^\+/, '')}`;
        // The change is drawn from data-change by the style sheet: a marker beside the numbers the chip reads.
        chips.push(`<span class="delta delta-${trend} ${personaClass(lane.persona, options)}" data-change="${change}" title="${escapeHtml(`${lane.label}: ${formatScore(current)} today, ${formatScore(future)} in the future state`)}">`
            + `${escapeHtml(lane.label)} ${formatScore(current)} → ${formatScore(future)}</span>`);
    }
    const previous = baseline.stages.find(s => s.id === counterpart);
    const was = previous && previous.label !== stage.label ? `<span class="was">was: ${escapeHtml(previous.label)}</span>` : '';
    return chips.length > 0 || was ? `<div class="comparison">${was}${chips.join('')}</div>` : '';
}

function transitionBadge(journey: JourneyView, transition: TransitionView): string {
    const target = journey.stages.find(stage => stage.id === transition.to);
    const targetLabel = escapeHtml(target?.label ?? transition.to);
    const note = transition.label ? `: ${escapeHtml(transition.label)}` : '';
    const kind = transition.loop ? 'loop' : transition.implicit ? 'implicit' : 'explicit';
    const text = transition.loop
        ? `↩ back to <strong>${targetLabel}</strong>${note}`
        : `→ <strong>${targetLabel}</strong>${note}`;
    const attrs = transition.range
        ? ` data-key="transition:${escapeHtml(transition.from)}:${escapeHtml(transition.to)}" data-range="${encodeRange(transition.range)}" tabindex="0" role="button"`
        : '';
    return `<span class="flow flow-${kind}"${attrs}>${text}</span>`;
}

function emotionChips(journey: JourneyView, touchpoint: TouchpointView, options: JourneyHtmlOptions): string {
    return touchpoint.emotions
        .filter(emotion => !options.personas || options.personas.includes(emotion.persona))
        .map(emotion => {
            const title = `${personaLabel(journey, emotion.persona)}: ${formatEmotion(emotion.score)} (${emotionLabel(emotion.score)})`;
            return `<span class="emotion emotion-${valenceClass(emotion.score)} ${personaClass(emotion.persona, options)}"${sourceAttrs(emotion, title)} title="${escapeHtml(title)}">`
                + `<span class="persona-swatch" aria-hidden="true"></span>${formatEmotion(emotion.score)}</span>`;
        }).join('');
}

function touchpointCard(journey: JourneyView, touchpoint: TouchpointView, options: JourneyHtmlOptions): string {
    const meta: string[] = [];
    if (touchpoint.channel) meta.push(`<span class="chip channel">${escapeHtml(touchpoint.channel.label)}</span>`);
    // Naming every persona on every card says nothing; only a touchpoint for some of them needs saying.
    const forEveryone = journey.personas.every(persona => touchpoint.personas.includes(persona.id));
    for (const persona of forEveryone ? [] : touchpoint.personas) meta.push(`<span class="chip persona-chip ${personaClass(persona, options)}">${escapeHtml(personaLabel(journey, persona))}</span>`);
    meta.push(evidenceBadge(touchpoint.evidence));
    const emotions = emotionChips(journey, touchpoint, options);
    return `<article class="card touchpoint"${sourceAttrs(touchpoint, `Touchpoint ${touchpoint.label}`)}>`
        + `<div class="card-title">${escapeHtml(touchpoint.label)}</div>`
        + `<div class="card-meta">${meta.join('')}</div>`
        + (emotions ? `<div class="emotions">${emotions}</div>` : '')
        + '</article>';
}

function momentCard(journey: JourneyView, stage: StageView, moment: MomentView, kind: 'pain' | 'good'): string {
    const meta: string[] = [];
    const touchpoint = moment.touchpointId ? stage.touchpoints.find(t => t.id === moment.touchpointId) : undefined;
    if (touchpoint) meta.push(`<span class="at">at ${escapeHtml(touchpoint.label)}</span>`);
    meta.push(evidenceBadge(moment.evidence));
    const fixes = moment.addressedBy
        .map(id => journey.opportunities.find(o => o.id === id))
        .filter(o => o !== undefined)
        .map(o => `<span class="chip opportunity-ref" title="Addressed by this opportunity">→ ${escapeHtml(o.label)}</span>`);
    const label = kind === 'pain' ? 'Pain point' : 'Goes well';
    return `<article class="card ${kind}"${sourceAttrs(moment, `${label}: ${moment.text}`)}>`
        + `<p class="moment-text">${escapeHtml(moment.text)}</p>`
        + `<div class="card-meta">${meta.join('')}${fixes.join('')}</div>`
        + '</article>';
}

function formatKpiValue(value: number, unit: string | undefined): string {
    if (!unit) return String(value);
    return unit === '%' ? `${value}%` : `${value} ${unit}`;
}

function kpiCard(kpi: KpiView): string {
    const value = escapeHtml(formatKpiValue(kpi.value, kpi.unit));
    let target = '';
    let meter = '';
    if (kpi.target !== undefined) {
        target = `<span class="kpi-target">target ${escapeHtml(formatKpiValue(kpi.target, kpi.unit))}</span>`;
        // How far along the value is towards the target; the direction of "better" is not known, so no colour verdict.
        const ratio = kpi.target === 0 ? 1 : Math.max(0, Math.min(1, kpi.value / kpi.target));
        meter = `<span class="kpi-meter" aria-hidden="true"><span style="width:${Math.round(ratio * 100)}%"></span></span>`;
    }
    return `<div class="kpi"${sourceAttrs(kpi, `KPI ${kpi.label}`)}>`
        + `<span class="kpi-label">${escapeHtml(kpi.label)}</span><span class="kpi-value">${value}</span>${target}${meter}`
        + '</div>';
}

function opportunityCard(opportunity: OpportunityView, rank: number): string {
    return `<article class="card opportunity"${sourceAttrs(opportunity, `Opportunity ${opportunity.label}`)}>`
        + `<div class="card-title"><span class="rank" title="Priority rank">#${rank}</span> ${escapeHtml(opportunity.label)}</div>`
        + `<div class="card-meta">${levelBadge('impact', opportunity.impact)}${levelBadge('effort', opportunity.effort)}${evidenceBadge(opportunity.evidence)}</div>`
        + '</article>';
}

// ---------------------------------------------------------------- grid

interface Lane {
    name: string;
    cssClass: string;
    cell(stage: StageView): string;
}

function stagePains(stage: StageView): MomentView[] {
    return [...stage.pains, ...stage.touchpoints.flatMap(t => t.pains)];
}

function stageGoods(stage: StageView): MomentView[] {
    return [...stage.goods, ...stage.touchpoints.flatMap(t => t.goods)];
}

function stageKpis(stage: StageView): KpiView[] {
    return [...stage.kpis, ...stage.touchpoints.flatMap(t => t.kpis)];
}

/** Opportunities that address a pain point raised in this stage, in priority order. */
function stageOpportunities(journey: JourneyView, stage: StageView): Array<{ opportunity: OpportunityView; rank: number }> {
    const painIds = new Set(stagePains(stage).flatMap(pain => pain.id ? [pain.id] : []));
    return journey.opportunities
        .map((opportunity, index) => ({ opportunity, rank: index + 1 }))
        .filter(({ opportunity }) => opportunity.addresses.some(id => painIds.has(id)));
}

function activityItems(stage: StageView, kind: ActivityKindName): string {
    return stage.touchpoints.flatMap(touchpoint => touchpoint.activities[kind].map(text =>
        `<p class="activity activity-${kind}"${sourceAttrs(touchpoint, `${ACTIVITY_LANES[kind]}: ${text}`)}>${escapeHtml(text)}</p>`)).join('');
}

function lanesOf(journey: JourneyView, options: JourneyHtmlOptions): Lane[] {
    const stages = journey.stages;
    const lanes: Lane[] = [];
    const flowFrom = (stage: StageView) => journey.transitions.filter(t => t.from === stage.id);
    // A journey that only goes from each stage to the next needs no Flow lane: the columns say it.
    if (journey.transitions.some(t => !t.implicit)) {
        lanes.push({ name: 'Flow', cssClass: 'flow', cell: stage => flowFrom(stage).map(t => transitionBadge(journey, t)).join('') });
    }
    lanes.push({
        name: 'Touchpoints',
        cssClass: 'touchpoints',
        cell: stage => stage.touchpoints.length === 0
            ? `<p class="unmapped-note">${UNMAPPED_STAGE_TEXT}</p>`
            : stage.touchpoints.map(touchpoint => touchpointCard(journey, touchpoint, options)).join('')
    });
    for (const kind of ACTIVITY_KINDS) {
        if (stages.some(stage => stage.touchpoints.some(t => t.activities[kind].length > 0))) {
            lanes.push({ name: ACTIVITY_LANES[kind], cssClass: `activity-${kind}`, cell: stage => activityItems(stage, kind) });
        }
    }
    // As in a service blueprint: what staff and systems do sits right under what the customer does.
    for (const lane of Object.keys(BLUEPRINT_LANES) as BlueprintLaneName[]) {
        if (stages.some(stage => stage.lanes[lane].length > 0)) {
            lanes.push({
                name: BLUEPRINT_LANES[lane],
                cssClass: `blueprint blueprint-${lane}`,
                cell: stage => stage.lanes[lane].map(item =>
                    `<p class="blueprint-item" data-key="${escapeHtml(`${stage.key}:${lane}:${encodeRange(item.range)}`)}" data-range="${encodeRange(item.range)}" tabindex="0" role="button">${escapeHtml(item.text)}</p>`).join('')
            });
        }
    }
    if (stages.some(stage => stagePains(stage).length > 0)) {
        lanes.push({ name: 'Pain points', cssClass: 'pains', cell: stage => stagePains(stage).map(p => momentCard(journey, stage, p, 'pain')).join('') });
    }
    if (stages.some(stage => stageGoods(stage).length > 0)) {
        lanes.push({ name: 'Goes well', cssClass: 'goods', cell: stage => stageGoods(stage).map(g => momentCard(journey, stage, g, 'good')).join('') });
    }
    if (stages.some(stage => stageOpportunities(journey, stage).length > 0)) {
        lanes.push({
            name: 'Opportunities',
            cssClass: 'opportunities',
            cell: stage => stageOpportunities(journey, stage).map(({ opportunity, rank }) => opportunityCard(opportunity, rank)).join('')
        });
    }
    if (stages.some(stage => stageKpis(stage).length > 0)) {
        lanes.push({ name: 'KPIs', cssClass: 'kpis', cell: stage => stageKpis(stage).map(kpiCard).join('') });
    }
    return lanes;
}

export function swimlaneGridHtml(journey: JourneyView, options: JourneyHtmlOptions): string {
    if (journey.stages.length === 0) {
        return '<p class="empty-note">This journey has no stages yet. Add <code>stage</code> blocks to draw the map.</p>';
    }
    const lanes = lanesOf(journey, options);
    const columnClass = (stage: StageView) => ` class="stage-hue-${stage.index % STAGE_HUES}${stage.unmapped ? ' unmapped' : ''}"`;
    const head = `<thead><tr><th scope="col" class="lane-name corner">Stages</th>${journey.stages.map(stage => stageHeaderCell(journey, stage, options)).join('')}</tr></thead>`;
    const rows = lanes.map(lane =>
        `<tr class="lane lane-${lane.cssClass}"><th scope="row" class="lane-name">${escapeHtml(lane.name)}</th>`
        + journey.stages.map(stage => `<td${columnClass(stage)}>${lane.cell(stage)}</td>`).join('')
        + '</tr>').join('');
    return `<table class="swimlanes" style="--stage-count:${journey.stages.length}">`
        + `<colgroup><col class="lane-col">${journey.stages.map(() => '<col class="stage-col">').join('')}</colgroup>`
        + head + `<tbody>${rows}</tbody></table>`;
}

// ---------------------------------------------------------------- plan

function painReference(journey: JourneyView, painId: string): string {
    for (const stage of journey.stages) {
        const pain = stagePains(stage).find(p => p.id === painId);
        if (pain) {
            return `<span class="chip pain-ref"${sourceAttrs(pain, `Pain point: ${pain.text}`)} title="${escapeHtml(`Pain point in ${stage.label}`)}">${escapeHtml(pain.text)}</span>`;
        }
    }
    return `<span class="chip pain-ref">${escapeHtml(painId)}</span>`;
}

export function improvementPlanHtml(journey: JourneyView): string {
    if (journey.opportunities.length === 0 && journey.actions.length === 0) return '';
    const opportunities = journey.opportunities.map((opportunity, index) => {
        const addresses = opportunity.addresses.length > 0
            ? `<div class="refs"><span class="refs-label">Addresses</span>${opportunity.addresses.map(id => painReference(journey, id)).join('')}</div>`
            : '';
        const actions = opportunity.actions
            .map(id => journey.actions.find(a => a.id === id))
            .filter(a => a !== undefined)
            .map(a => `<span class="chip action-ref">${escapeHtml(a.label)}</span>`);
        return `<li class="card opportunity"${sourceAttrs(opportunity, `Opportunity ${opportunity.label}`)}>`
            + `<span class="rank" title="Priority rank">#${index + 1}</span>`
            + `<div class="plan-body"><div class="card-title">${escapeHtml(opportunity.label)}</div>`
            + `<div class="card-meta">${levelBadge('impact', opportunity.impact)}${levelBadge('effort', opportunity.effort)}${evidenceBadge(opportunity.evidence)}</div>`
            + addresses
            + (actions.length > 0 ? `<div class="refs"><span class="refs-label">Actions</span>${actions.join('')}</div>` : '')
            + '</div></li>';
    }).join('');
    const actions = journey.actions.map(action => {
        const meta: string[] = [];
        meta.push(action.owner
            ? `<span class="owner">Owner: <strong>${escapeHtml(action.owner)}</strong></span>`
            : '<span class="owner owner-missing">No owner yet</span>');
        if (action.due) meta.push(`<span class="due">Due ${escapeHtml(action.due)}</span>`);
        meta.push(evidenceBadge(action.evidence));
        const serves = action.opportunities
            .map(id => journey.opportunities.find(o => o.id === id))
            .filter(o => o !== undefined)
            .map(o => `<span class="chip opportunity-ref">${escapeHtml(o.label)}</span>`);
        return `<li class="card action"${sourceAttrs(action, `Action ${action.label}`)}>`
            + `<div class="plan-body"><div class="card-title">${escapeHtml(action.label)}</div>`
            + `<div class="card-meta">${meta.join('')}</div>`
            + (serves.length > 0 ? `<div class="refs"><span class="refs-label">For</span>${serves.join('')}</div>` : '')
            + '</div></li>';
    }).join('');
    return `<section class="plan">`
        + (opportunities ? `<div class="plan-column"><h2>Opportunities <small>highest priority first</small></h2><ol class="plan-list">${opportunities}</ol></div>` : '')
        + (actions ? `<div class="plan-column"><h2>Action plan</h2><ul class="plan-list">${actions}</ul></div>` : '')
        + '</section>';
}

export function journeyHtml(journey: JourneyView, options: JourneyHtmlOptions): JourneyHtml {
    return {
        header: journeyHeaderHtml(journey, options),
        grid: swimlaneGridHtml(journey, options),
        plan: improvementPlanHtml(journey)
    };
}

/** A self-contained HTML document: inline CSS, no scripts, for sharing an exported map. */
export function standaloneHtmlDocument(title: string, css: string, body: string): string {
    return '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        + '<meta name="viewport" content="width=device-width, initial-scale=1">'
        + `<title>${escapeHtml(title)}</title><style>${css.replace(/<\/style/gi, '<\\/style')}</style></head>`
        + `<body class="journey-export">${body}</body></html>\n`;
}
