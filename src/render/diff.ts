/**
 * What changed between two journey maps: two versions of one map (from git, or two files), or
 * a future state against the current state it improves. Stages are matched by name, or by
 * `matches` in a future state; touchpoints, named pain points and opportunities by name,
 * unnamed pain points by their text. Pure: view models in, diff data and text out.
 */
import type { JourneyView, KpiView, MomentView, OpportunityView, StageView, TouchpointView } from '../model/view-model.js';
import { ACTIVITY_KINDS, formatEmotion, type LevelName } from '../language/vocabulary.js';
import { truncate } from './escape.js';
import { alignColumns, markdownCode, markdownTable, markdownText } from './text-layout.js';

export type ChangeKind = 'added' | 'removed' | 'changed';

/** One property that differs; `before`/`after` absent when the property is new or gone. */
export interface FieldChange {
    field: string;
    before?: string;
    after?: string;
}

export interface StageChange {
    kind: ChangeKind;
    before?: { id: string; label: string };
    after?: { id: string; label: string };
    changes: FieldChange[];
}

export interface TouchpointChange {
    kind: ChangeKind;
    id: string;
    label: string;
    /** The stage it is in (after the change, or before it when removed). */
    stage: string;
    changes: FieldChange[];
}

export interface EmotionChange {
    stage: string;
    persona: string;
    before: number | null;
    after: number | null;
}

export interface PainChange {
    kind: 'resolved' | 'added';
    id?: string;
    text: string;
    stage: string;
    /** For a resolved pain point: the opportunities that addressed it. */
    addressedBy: string[];
}

/**
 * An opportunity of the old map that the new one no longer lists. Against the current state it
 * improves, a future state lists no opportunity it has delivered: one an action of the future state
 * takes up, or whose pain points the future state no longer has. Only what is neither is removed.
 */
export type OpportunityChangeKind = ChangeKind | 'delivered';

export interface OpportunityChange {
    kind: OpportunityChangeKind;
    id: string;
    label: string;
    impact?: LevelName;
    effort?: LevelName;
    changes: FieldChange[];
    /** For a delivered opportunity: the actions that took it up, and the texts of the pain points that are gone. */
    delivered?: { actions: string[]; resolved: string[] };
}

export interface KpiChange {
    kind: ChangeKind;
    label: string;
    before?: string;
    after?: string;
}

export interface JourneyDiff {
    before: { id: string; title: string };
    after: { id: string; title: string };
    /** True when the new journey is a future state of the old one (stages matched through `matches`). */
    futureState: boolean;
    stages: StageChange[];
    touchpoints: TouchpointChange[];
    emotions: EmotionChange[];
    pains: PainChange[];
    opportunities: OpportunityChange[];
    kpis: KpiChange[];
}

// ---------------------------------------------------------------- comparing

/** The old stage each new stage continues: its `matches`/same-name counterpart in a future state, else the same name. */
function stageMatches(before: JourneyView, after: JourneyView): Map<string, StageView> {
    const futureState = after.baseline?.id === before.id;
    const matches = new Map<string, StageView>();
    for (const stage of after.stages) {
        const id = futureState ? stage.counterpart : stage.id;
        const previous = before.stages.find(candidate => candidate.id === id);
        if (previous && ![...matches.values()].includes(previous)) matches.set(stage.id, previous);
    }
    return matches;
}

function field(changes: FieldChange[], name: string, before: string | undefined, after: string | undefined): void {
    if (before !== after) changes.push({ field: name, before, after });
}

function compareTouchpoints(old: TouchpointView, now: TouchpointView, movedFrom: string | undefined, personaLabel: (id: string) => string): FieldChange[] {
    const changes: FieldChange[] = [];
    if (movedFrom) changes.push({ field: 'stage', before: movedFrom });
    field(changes, 'label', old.label, now.label);
    field(changes, 'channel', old.channel?.label, now.channel?.label);
    for (const kind of ACTIVITY_KINDS) {
        const before = old.activities[kind];
        const after = now.activities[kind];
        for (const text of before) if (!after.includes(text)) changes.push({ field: kind, before: text });
        for (const text of after) if (!before.includes(text)) changes.push({ field: kind, after: text });
    }
    const personas = [...new Set([...old.emotions, ...now.emotions].map(e => e.persona))];
    for (const persona of personas) {
        const before = old.emotions.find(e => e.persona === persona)?.score;
        const after = now.emotions.find(e => e.persona === persona)?.score;
        if (before !== after) {
            changes.push({ field: `emotion ${personaLabel(persona)}`, before: before === undefined ? undefined : formatEmotion(before), after: after === undefined ? undefined : formatEmotion(after) });
        }
    }
    return changes;
}

function allPains(journey: JourneyView): MomentView[] {
    return journey.stages.flatMap(stage => [...stage.pains, ...stage.touchpoints.flatMap(t => t.pains)]);
}

/** Named pain points match by name, unnamed ones by what they say. */
function painKey(pain: MomentView): string {
    return pain.id ? `id:${pain.id}` : `text:${pain.text.trim().toLowerCase()}`;
}

function allKpis(journey: JourneyView): KpiView[] {
    return journey.stages.flatMap(stage => [...stage.kpis, ...stage.touchpoints.flatMap(t => t.kpis)]);
}

function formatKpi(kpi: KpiView): string {
    const unit = kpi.unit === undefined ? '' : kpi.unit === '%' ? '%' : ` ${kpi.unit}`;
    const target = kpi.target === undefined ? '' : ` (target ${kpi.target}${unit})`;
    return `${kpi.value}${unit}${target}`;
}

export function diffJourneys(before: JourneyView, after: JourneyView): JourneyDiff {
    const matches = stageMatches(before, after);
    const matchedBefore = new Set(matches.values());
    const stageLabelBefore = new Map(before.stages.map(stage => [stage.id, stage.label]));
    const stageLabelAfter = new Map(after.stages.map(stage => [stage.id, stage.label]));
    const personaLabels = new Map([...before.personas, ...after.personas].map(p => [p.id, p.label]));
    const personaLabel = (id: string) => personaLabels.get(id) ?? id;

    const stages: StageChange[] = [];
    for (const stage of after.stages) {
        const previous = matches.get(stage.id);
        if (!previous) {
            stages.push({ kind: 'added', after: { id: stage.id, label: stage.label }, changes: [] });
            continue;
        }
        const changes: FieldChange[] = [];
        field(changes, 'name', previous.id, stage.id);
        field(changes, 'label', previous.label, stage.label);
        if (changes.length > 0) stages.push({ kind: 'changed', before: { id: previous.id, label: previous.label }, after: { id: stage.id, label: stage.label }, changes });
    }
    for (const stage of before.stages) {
        if (!matchedBefore.has(stage)) stages.push({ kind: 'removed', before: { id: stage.id, label: stage.label }, changes: [] });
    }

    // Touchpoint names are unique within a journey, so a touchpoint that moved to another stage is still found.
    const touchpointsBefore = new Map(before.stages.flatMap(stage => stage.touchpoints.map(t => [t.id, t] as const)));
    const touchpointsAfter = new Map(after.stages.flatMap(stage => stage.touchpoints.map(t => [t.id, t] as const)));
    const touchpoints: TouchpointChange[] = [];
    for (const stage of after.stages) {
        for (const touchpoint of stage.touchpoints) {
            const old = touchpointsBefore.get(touchpoint.id);
            if (!old) {
                touchpoints.push({ kind: 'added', id: touchpoint.id, label: touchpoint.label, stage: stage.label, changes: touchpoint.channel ? [{ field: 'channel', after: touchpoint.channel.label }] : [] });
                continue;
            }
            const sameStage = matches.get(stage.id)?.id === old.stageId;
            const changes = compareTouchpoints(old, touchpoint, sameStage ? undefined : stageLabelBefore.get(old.stageId) ?? old.stageId, personaLabel);
            if (changes.length > 0) touchpoints.push({ kind: 'changed', id: touchpoint.id, label: touchpoint.label, stage: stage.label, changes });
        }
    }
    // A removed touchpoint is listed under the stage that continues its old one, next to what replaced it.
    const continuedAs = new Map([...matches].map(([afterId, previous]) => [previous.id, stageLabelAfter.get(afterId) ?? afterId]));
    for (const stage of before.stages) {
        for (const touchpoint of stage.touchpoints) {
            if (!touchpointsAfter.has(touchpoint.id)) {
                touchpoints.push({ kind: 'removed', id: touchpoint.id, label: touchpoint.label, stage: continuedAs.get(stage.id) ?? stage.label, changes: touchpoint.channel ? [{ field: 'channel', before: touchpoint.channel.label }] : [] });
            }
        }
    }

    const emotions: EmotionChange[] = [];
    const personas = [...new Set([...before.emotionLanes, ...after.emotionLanes].map(lane => lane.persona))];
    for (const persona of personas) {
        const laneBefore = before.emotionLanes.find(lane => lane.persona === persona);
        const laneAfter = after.emotionLanes.find(lane => lane.persona === persona);
        for (const stage of after.stages) {
            const previous = matches.get(stage.id);
            const was = previous ? laneBefore?.averageByStage[previous.id] ?? null : null;
            const is = laneAfter?.averageByStage[stage.id] ?? null;
            if (was !== null || is !== null) emotions.push({ stage: stage.label, persona: personaLabel(persona), before: was, after: is });
        }
        for (const stage of before.stages) {
            const was = laneBefore?.averageByStage[stage.id] ?? null;
            if (!matchedBefore.has(stage) && was !== null) emotions.push({ stage: stage.label, persona: personaLabel(persona), before: was, after: null });
        }
    }

    const painsAfter = new Set(allPains(after).map(painKey));
    const painsBefore = new Set(allPains(before).map(painKey));
    const opportunityLabel = (id: string) => before.opportunities.find(o => o.id === id)?.label ?? id;
    const pains: PainChange[] = [
        ...allPains(before).filter(pain => !painsAfter.has(painKey(pain))).map(pain => ({
            kind: 'resolved' as const, id: pain.id, text: pain.text, stage: stageLabelBefore.get(pain.stageId) ?? pain.stageId, addressedBy: pain.addressedBy.map(opportunityLabel)
        })),
        ...allPains(after).filter(pain => !painsBefore.has(painKey(pain))).map(pain => ({
            kind: 'added' as const, id: pain.id, text: pain.text, stage: stageLabelAfter.get(pain.stageId) ?? pain.stageId, addressedBy: []
        }))
    ];

    const opportunities: OpportunityChange[] = [];
    for (const opportunity of after.opportunities) {
        const old = before.opportunities.find(o => o.id === opportunity.id);
        const base = { id: opportunity.id, label: opportunity.label, impact: opportunity.impact, effort: opportunity.effort };
        if (!old) { opportunities.push({ kind: 'added', ...base, changes: [] }); continue; }
        const changes: FieldChange[] = [];
        field(changes, 'label', old.label, opportunity.label);
        field(changes, 'impact', old.impact, opportunity.impact);
        field(changes, 'effort', old.effort, opportunity.effort);
        if (changes.length > 0) opportunities.push({ kind: 'changed', ...base, changes });
    }
    const futureState = after.baseline?.id === before.id;
    for (const opportunity of before.opportunities) {
        if (after.opportunities.some(o => o.id === opportunity.id)) continue;
        const delivered = futureState ? delivery(opportunity, after, painsAfter, allPains(before)) : undefined;
        opportunities.push({ kind: delivered ? 'delivered' : 'removed', id: opportunity.id, label: opportunity.label, impact: opportunity.impact, effort: opportunity.effort, changes: [], delivered });
    }

    // KPIs are compared by label: the same measure, wherever in the journey it is taken.
    const kpis: KpiChange[] = [];
    const kpisBefore = new Map(allKpis(before).map(kpi => [kpi.label, formatKpi(kpi)]));
    const kpisAfter = new Map(allKpis(after).map(kpi => [kpi.label, formatKpi(kpi)]));
    for (const [label, value] of kpisAfter) {
        const old = kpisBefore.get(label);
        if (old === undefined) kpis.push({ kind: 'added', label, after: value });
        else if (old !== value) kpis.push({ kind: 'changed', label, before: old, after: value });
    }
    for (const [label, value] of kpisBefore) if (!kpisAfter.has(label)) kpis.push({ kind: 'removed', label, before: value });

    return {
        before: { id: before.id, title: before.title },
        after: { id: after.id, title: after.title },
        futureState,
        stages, touchpoints, emotions, pains, opportunities, kpis
    };
}

/**
 * How a future state delivered a current-state opportunity: the future state's actions that name it
 * (or that carry on one of its actions), and its pain points when every one of them is gone.
 * Undefined when the future state shows neither.
 */
function delivery(opportunity: OpportunityView, future: JourneyView, painsAfter: ReadonlySet<string>, painsBefore: MomentView[]): OpportunityChange['delivered'] {
    const actions = future.actions.filter(action => action.opportunities.includes(opportunity.id) || opportunity.actions.includes(action.id)).map(action => action.label);
    const addressed = painsBefore.filter(pain => pain.id !== undefined && opportunity.addresses.includes(pain.id));
    const resolved = addressed.length > 0 && addressed.every(pain => !painsAfter.has(painKey(pain))) ? addressed.map(pain => pain.text) : [];
    return actions.length > 0 || resolved.length > 0 ? { actions, resolved } : undefined;
}

/**
 * Pairs the journeys of two files: same name; else the new journey that improves an old one;
 * else, when each file holds exactly one journey, those two (a renamed journey).
 */
export function pairJourneys(before: readonly JourneyView[], after: readonly JourneyView[]): {
    pairs: Array<[JourneyView, JourneyView]>;
    added: JourneyView[];
    removed: JourneyView[];
} {
    if (before.length === 1 && after.length === 1) return { pairs: [[before[0], after[0]]], added: [], removed: [] };
    const pairs: Array<[JourneyView, JourneyView]> = [];
    const used = new Set<JourneyView>();
    for (const journey of after) {
        const old = before.find(j => j.id === journey.id && !used.has(j)) ?? before.find(j => j.id === journey.baseline?.id && !used.has(j));
        if (old) { pairs.push([old, journey]); used.add(old); }
    }
    return {
        pairs,
        added: after.filter(journey => !pairs.some(([, now]) => now === journey)),
        removed: before.filter(journey => !used.has(journey))
    };
}

// ---------------------------------------------------------------- summary

function tally<T extends { kind: string }>(items: readonly T[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const item of items) counts[item.kind] = (counts[item.kind] ?? 0) + 1;
    return counts;
}

/** `+2 −1 ~3`, leaving out zeros; `unchanged` when all are zero. */
function plusMinus(items: ReadonlyArray<{ kind: string }>): string {
    const counts = tally(items);
    const parts = [['+', counts.added], ['-', counts.removed], ['~', counts.changed]].filter(([, n]) => n).map(([sign, n]) => `${sign}${n}`);
    return parts.length > 0 ? parts.join(' ') : 'unchanged';
}

function isEmptyDiff(diff: JourneyDiff): boolean {
    return diff.stages.length + diff.touchpoints.length + diff.pains.length + diff.opportunities.length + diff.kpis.length === 0
        && diff.emotions.every(e => e.before === e.after);
}

/** `+1 -2`, with the delivered ones counted apart: `7 delivered, +1`. */
function opportunitySummary(changes: readonly OpportunityChange[]): string {
    const delivered = changes.filter(change => change.kind === 'delivered').length;
    const others = plusMinus(changes.filter(change => change.kind !== 'delivered'));
    if (delivered === 0) return others;
    return others === 'unchanged' ? `${delivered} delivered` : `${delivered} delivered, ${others}`;
}

function diffSummary(diff: JourneyDiff): string {
    if (isEmptyDiff(diff)) return 'No changes.';
    const better = diff.emotions.filter(e => e.before !== null && e.after !== null && e.after > e.before).length;
    const worse = diff.emotions.filter(e => e.before !== null && e.after !== null && e.after < e.before).length;
    const pains = tally(diff.pains);
    return [
        `stages ${plusMinus(diff.stages)}`,
        `touchpoints ${plusMinus(diff.touchpoints)}`,
        `emotion better in ${better}, worse in ${worse}`,
        `pain points ${pains.resolved ?? 0} resolved, ${pains.added ?? 0} new`,
        `opportunities ${opportunitySummary(diff.opportunities)}`
    ].join(' · ');
}

// ---------------------------------------------------------------- text

const MARK: Record<OpportunityChangeKind, string> = { added: '+', removed: '-', changed: '~', delivered: '✓' };

/** Long free text (a "does" line) is cut in the terminal; the Markdown table keeps it whole. */
const TEXT_WIDTH = 70;

function quoted(text: string | undefined): string {
    return text === undefined ? '' : `"${truncate(text, TEXT_WIDTH)}"`;
}

function score(value: number | null): string {
    return value === null ? '—' : formatEmotion(Math.round(value * 10) / 10);
}

function delta(change: EmotionChange): string {
    if (change.before === null || change.after === null) return change.before === null ? '(new)' : '(gone)';
    const d = Math.round((change.after - change.before) * 10) / 10;
    return d === 0 ? '(=)' : `(${formatEmotion(d)})`;
}

/** A field change as one line: `label  "old" → "new"`, `- does "text"`, `+ thinks "text"`. */
function fieldLine(change: FieldChange): string[] {
    const free = (ACTIVITY_KINDS as readonly string[]).includes(change.field) || change.field === 'label';
    const show = free ? quoted : (text: string | undefined) => text ?? '';
    if (change.field === 'stage') return ['', 'moved', `from ${change.before}`];
    if (change.before === undefined) return ['+', change.field, show(change.after)];
    if (change.after === undefined) return ['-', change.field, show(change.before)];
    return ['~', change.field, `${show(change.before)} → ${show(change.after)}`];
}

export function diffText(diff: JourneyDiff, beforeName: string, afterName: string): string {
    const lines: string[] = [];
    lines.push(diffSummary(diff));
    lines.push(`${beforeName} → ${afterName}`);
    lines.push(diff.futureState
        ? `${diff.after.title}, against the current state it improves: ${diff.before.title}`
        : diff.before.title === diff.after.title ? diff.after.title : `${diff.before.title} → ${diff.after.title}`);
    if (isEmptyDiff(diff)) return lines.join('\n') + '\n';

    if (diff.stages.length > 0) {
        lines.push('', 'Stages');
        lines.push(...alignColumns(diff.stages.map(change => {
            if (change.kind === 'added') return ['+', change.after!.label, `(${change.after!.id})`];
            if (change.kind === 'removed') return ['-', change.before!.label, `(${change.before!.id})`];
            return ['~', `${change.before!.label} → ${change.after!.label}`, change.before!.id === change.after!.id ? '' : `(${change.before!.id} → ${change.after!.id})`];
        }), '  '));
    }

    if (diff.touchpoints.length > 0) {
        lines.push('', 'Touchpoints');
        const stages = [...new Set(diff.touchpoints.map(t => t.stage))];
        for (const stage of stages) {
            lines.push(`  ${stage}`);
            const rows: string[][] = [];
            for (const change of diff.touchpoints.filter(t => t.stage === stage)) {
                const channel = change.kind === 'changed' ? '' : change.changes.find(c => c.field === 'channel');
                const channelText = channel ? channel.after ?? channel.before ?? '' : '';
                rows.push([MARK[change.kind], change.label, channelText]);
                if (change.kind === 'changed') {
                    for (const fieldChange of change.changes) {
                        const [mark, name, text] = fieldLine(fieldChange);
                        rows.push(['', `${mark} ${name}`.trim(), text]);
                    }
                }
            }
            lines.push(...alignColumns(rows, '    '));
        }
    }

    const movedEmotions = diff.emotions.filter(e => e.before !== e.after);
    if (movedEmotions.length > 0) {
        lines.push('', 'Emotion, average per stage');
        // Scores right-aligned on both sides of the arrow, so the signs line up.
        const widest = (values: string[]) => Math.max(...values.map(v => v.length));
        const beforeWidth = widest(movedEmotions.map(e => score(e.before)));
        const afterWidth = widest(movedEmotions.map(e => score(e.after)));
        lines.push(...alignColumns(movedEmotions.map(e =>
            [e.stage, e.persona, `${score(e.before).padStart(beforeWidth)} → ${score(e.after).padStart(afterWidth)}`, delta(e)]), '  '));
    }

    if (diff.pains.length > 0) {
        lines.push('', 'Pain points');
        lines.push(...alignColumns(diff.pains.map(pain => [
            pain.kind === 'resolved' ? '-' : '+', pain.kind === 'resolved' ? 'resolved' : 'new', pain.stage, truncate(pain.text, TEXT_WIDTH),
            pain.addressedBy.length > 0 ? `(via ${pain.addressedBy.join(', ')})` : ''
        ]), '  '));
    }

    if (diff.opportunities.length > 0) {
        lines.push('', 'Opportunities');
        lines.push(...alignColumns(diff.opportunities.map(o => [
            MARK[o.kind], o.label,
            o.kind === 'changed'
                ? o.changes.map(c => `${c.field} ${c.before ?? 'unrated'} → ${c.after ?? 'unrated'}`).join(', ')
                : o.delivered ? `delivered: ${deliveredBy(o.delivered)}` : `impact ${o.impact ?? 'unrated'}, effort ${o.effort ?? 'unrated'}`
        ]), '  '));
    }

    if (diff.kpis.length > 0) {
        lines.push('', 'KPIs');
        lines.push(...alignColumns(diff.kpis.map(k => [MARK[k.kind], k.label, k.kind === 'changed' ? `${k.before} → ${k.after}` : (k.after ?? k.before ?? '')]), '  '));
    }
    return lines.join('\n') + '\n';
}

/** What delivered an opportunity, in words: `by 'Enable guest checkout'; its pain points are gone`. */
function deliveredBy({ actions, resolved }: NonNullable<OpportunityChange['delivered']>): string {
    return [
        actions.length > 0 ? `by ${actions.map(label => `'${label}'`).join(', ')}` : '',
        resolved.length > 0 ? `${resolved.length === 1 ? 'its pain point is' : `its ${resolved.length} pain points are`} gone` : ''
    ].filter(Boolean).join('; ');
}

// ---------------------------------------------------------------- markdown

const WORD: Record<OpportunityChangeKind, string> = { added: '**+** added', removed: '**−** removed', changed: '**~** changed', delivered: '**✓** delivered' };

function fieldMarkdown(change: FieldChange): string {
    if (change.field === 'stage') return `moved from ${markdownText(change.before ?? '')}`;
    const before = change.before === undefined ? '' : markdownText(change.before);
    const after = change.after === undefined ? '' : markdownText(change.after);
    if (change.before === undefined) return `+ ${change.field}: ${after}`;
    if (change.after === undefined) return `− ${change.field}: ~~${before}~~`;
    return `${change.field}: ${before} → ${after}`;
}

export function diffMarkdown(diff: JourneyDiff, beforeName: string, afterName: string): string {
    const parts: string[] = [];
    parts.push(`## ${markdownText(diff.after.title)}`);
    parts.push(`${markdownCode(beforeName)} → ${markdownCode(afterName)}${diff.futureState ? ` · future state against **${markdownText(diff.before.title)}**` : ''}`);
    parts.push(`**${diffSummary(diff)}**`);
    if (isEmptyDiff(diff)) return parts.join('\n\n') + '\n';

    if (diff.stages.length > 0) {
        parts.push('### Stages');
        parts.push(markdownTable(['Change', 'Before', 'After'], diff.stages.map(change =>
            [WORD[change.kind], markdownText(change.before?.label ?? ''), markdownText(change.after?.label ?? '')])));
    }
    if (diff.touchpoints.length > 0) {
        parts.push('### Touchpoints');
        parts.push(markdownTable(['Change', 'Stage', 'Touchpoint', 'Details'], diff.touchpoints.map(change =>
            [WORD[change.kind], markdownText(change.stage), markdownText(change.label), change.changes.map(fieldMarkdown).join('<br>')])));
    }
    const movedEmotions = diff.emotions.filter(e => e.before !== e.after);
    if (movedEmotions.length > 0) {
        parts.push('### Emotion, average per stage');
        parts.push(markdownTable(['Stage', 'Persona', 'Before', 'After', 'Change'], movedEmotions.map(e =>
            [markdownText(e.stage), markdownText(e.persona), score(e.before), score(e.after), delta(e).replace(/[()]/g, '')])));
    }
    if (diff.pains.length > 0) {
        parts.push('### Pain points');
        parts.push(markdownTable(['Change', 'Stage', 'Pain point', 'Addressed by'], diff.pains.map(pain =>
            [pain.kind === 'resolved' ? '**−** resolved' : '**+** new', markdownText(pain.stage), markdownText(pain.text), pain.addressedBy.map(markdownText).join(', ')])));
    }
    if (diff.opportunities.length > 0) {
        parts.push('### Opportunities');
        parts.push(markdownTable(['Change', 'Opportunity', 'Impact', 'Effort', 'Delivered'], diff.opportunities.map(o => {
            const rating = (measure: 'impact' | 'effort') => {
                const change = o.changes.find(c => c.field === measure);
                return change ? `${change.before ?? 'unrated'} → ${change.after ?? 'unrated'}` : o[measure] ?? 'unrated';
            };
            return [WORD[o.kind], markdownText(o.label), rating('impact'), rating('effort'), o.delivered ? markdownText(deliveredBy(o.delivered)) : ''];
        })));
    }
    if (diff.kpis.length > 0) {
        parts.push('### KPIs');
        parts.push(markdownTable(['Change', 'KPI', 'Before', 'After'], diff.kpis.map(k =>
            [WORD[k.kind], markdownText(k.label), markdownText(k.before ?? ''), markdownText(k.after ?? '')])));
    }
    return parts.join('\n\n') + '\n';
}
