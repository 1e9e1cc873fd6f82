/**
 * What changed between two journey maps: two versions of one map (from git, or two files), or
 * a future state against the current state it improves. Stages are matched by name, or by
 * `matches` in a future state; touchpoints, named pain points and opportunities by name,
 * unnamed pain points by their text. Pure: view models in, diff data out (the same in every
 * language, for scripts), and text out in the words of the `Messages` given.
 */
import { journeyFindings, type JourneyView, type KpiView, type MomentView, type OpportunityView, type StageView, type TouchpointView } from '../model/view-model.js';
import { ACTIVITY_KINDS, EMPATHY_KIND_NAMES, formatEmotion, roundScore, STAGE_NOTE_KINDS, type ActivityKindName, type EmpathyKindName, type LevelName, type StageNoteName } from '../language/vocabulary.js';
import { truncate } from './escape.js';
import type { MessageKey, Messages } from './messages.js';
import { levelWord } from './report.js';
import { alignColumns, markdownCode, markdownTable, markdownText, wordsOf, type Words } from './text-layout.js';
import { formatKpiValue, STAGE_NOTE_ITEM_KEYS } from './vocabulary-words.js';

export type ChangeKind = 'added' | 'removed' | 'changed';

/** One property that differs; `before`/`after` absent when the property is new or gone. */
export interface FieldChange {
    field: string;
    before?: string;
    after?: string;
    /** For a persona's emotion (`field` is "emotion <persona>"): whose, and the scores as numbers, for text in any language. */
    emotion?: { persona: string; before?: number; after?: number };
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

/** A KPI's reading: its value, unit and target as numbers, for text in any language. */
export interface KpiMeasure {
    value: number;
    unit?: string;
    target?: number;
}

export interface KpiChange {
    kind: ChangeKind;
    label: string;
    /** The reading as scripts have read it: "3.4% (target 5%)". */
    before?: string;
    after?: string;
    measured: { before?: KpiMeasure; after?: KpiMeasure };
}

/** A persona's empathy map: added, removed, or with entries added and removed (`field` is the quadrant: says, thinks, ... gain). */
export interface EmpathyChange {
    kind: ChangeKind;
    persona: string;
    label: string;
    changes: FieldChange[];
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
    /** Empathy maps, matched by persona. */
    empathy: EmpathyChange[];
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

/** Texts of one kind (what a touchpoint's customer does, a stage's needs) that one side has and the other has not. */
function texts(changes: FieldChange[], name: string, before: readonly string[], after: readonly string[]): void {
    for (const text of before) if (!after.includes(text)) changes.push({ field: name, before: text });
    for (const text of after) if (!before.includes(text)) changes.push({ field: name, after: text });
}

function compareTouchpoints(old: TouchpointView, now: TouchpointView, movedFrom: string | undefined, personaLabel: (id: string) => string): FieldChange[] {
    const changes: FieldChange[] = [];
    if (movedFrom) changes.push({ field: 'stage', before: movedFrom });
    field(changes, 'label', old.label, now.label);
    field(changes, 'channel', old.channel?.label, now.channel?.label);
    for (const kind of ACTIVITY_KINDS) texts(changes, kind, old.activities[kind], now.activities[kind]);
    const personas = [...new Set([...old.emotions, ...now.emotions].map(e => e.persona))];
    for (const persona of personas) {
        const before = old.emotions.find(e => e.persona === persona)?.score;
        const after = now.emotions.find(e => e.persona === persona)?.score;
        if (before !== after) {
            changes.push({
                field: `emotion ${personaLabel(persona)}`, before: before === undefined ? undefined : formatEmotion(before), after: after === undefined ? undefined : formatEmotion(after),
                emotion: { persona: personaLabel(persona), before, after }
            });
        }
    }
    return changes;
}

/** Named pain points match by name, unnamed ones by what they say. */
function painKey(pain: MomentView): string {
    return pain.id ? `id:${pain.id}` : `text:${pain.text.trim().toLowerCase()}`;
}

function measure({ value, unit, target }: KpiView): KpiMeasure {
    return { value, unit, target };
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
        for (const kind of STAGE_NOTE_KINDS) texts(changes, kind, previous.notes[kind].map(note => note.text), stage.notes[kind].map(note => note.text));
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

    const painsAfter = new Set(journeyFindings(after, 'pains').map(painKey));
    const painsBefore = new Set(journeyFindings(before, 'pains').map(painKey));
    const opportunityLabel = (id: string) => before.opportunities.find(o => o.id === id)?.label ?? id;
    const pains: PainChange[] = [
        ...journeyFindings(before, 'pains').filter(pain => !painsAfter.has(painKey(pain))).map(pain => ({
            kind: 'resolved' as const, id: pain.id, text: pain.text, stage: stageLabelBefore.get(pain.stageId) ?? pain.stageId, addressedBy: pain.addressedBy.map(opportunityLabel)
        })),
        ...journeyFindings(after, 'pains').filter(pain => !painsBefore.has(painKey(pain))).map(pain => ({
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
        field(changes, 'description', old.description, opportunity.description);
        if (changes.length > 0) opportunities.push({ kind: 'changed', ...base, changes });
    }
    const futureState = after.baseline?.id === before.id;
    for (const opportunity of before.opportunities) {
        if (after.opportunities.some(o => o.id === opportunity.id)) continue;
        const delivered = futureState ? delivery(opportunity, after, painsAfter, journeyFindings(before, 'pains')) : undefined;
        opportunities.push({ kind: delivered ? 'delivered' : 'removed', id: opportunity.id, label: opportunity.label, impact: opportunity.impact, effort: opportunity.effort, changes: [], delivered });
    }

    // KPIs are compared by label: the same measure, wherever in the journey it is taken.
    const kpis: KpiChange[] = [];
    const kpisBefore = new Map(journeyFindings(before, 'kpis').map(kpi => [kpi.label, kpi]));
    const kpisAfter = new Map(journeyFindings(after, 'kpis').map(kpi => [kpi.label, kpi]));
    for (const [label, kpi] of kpisAfter) {
        const old = kpisBefore.get(label);
        if (old === undefined) kpis.push({ kind: 'added', label, after: formatKpi(kpi), measured: { after: measure(kpi) } });
        else if (formatKpi(old) !== formatKpi(kpi)) kpis.push({ kind: 'changed', label, before: formatKpi(old), after: formatKpi(kpi), measured: { before: measure(old), after: measure(kpi) } });
    }
    for (const [label, kpi] of kpisBefore) if (!kpisAfter.has(label)) kpis.push({ kind: 'removed', label, before: formatKpi(kpi), measured: { before: measure(kpi) } });

    return {
        before: { id: before.id, title: before.title },
        after: { id: after.id, title: after.title },
        futureState,
        stages, touchpoints, emotions, pains, opportunities, kpis,
        empathy: empathyChanges(before, after)
    };
}

/** Each persona's empathy map against the same persona's in the other journey: the entries one has and the other has not. */
function empathyChanges(before: JourneyView, after: JourneyView): EmpathyChange[] {
    const changes: EmpathyChange[] = [];
    const old = before.empathy ?? [];
    const now = after.empathy ?? [];
    for (const map of now) {
        const previous = old.find(candidate => candidate.persona === map.persona);
        if (!previous) {
            changes.push({ kind: 'added', persona: map.persona, label: map.label, changes: [] });
            continue;
        }
        const fields: FieldChange[] = [];
        for (const kind of EMPATHY_KIND_NAMES) texts(fields, kind, previous.entries[kind].map(entry => entry.text), map.entries[kind].map(entry => entry.text));
        if (fields.length > 0) changes.push({ kind: 'changed', persona: map.persona, label: map.label, changes: fields });
    }
    for (const map of old) {
        if (!now.some(candidate => candidate.persona === map.persona)) changes.push({ kind: 'removed', persona: map.persona, label: map.label, changes: [] });
    }
    return changes;
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

/** `+2 -1 ~3`, leaving out zeros; `unchanged` when all are zero. */
function plusMinus(items: ReadonlyArray<{ kind: string }>, messages: Messages): string {
    const counts = tally(items);
    const parts = ([['+', counts.added], ['-', counts.removed], ['~', counts.changed]] as const).filter(([, n]) => n).map(([sign, n]) => `${sign}${messages.number(n)}`);
    return parts.length > 0 ? parts.join(' ') : wordsOf(messages)('diff.unchanged');
}

function isEmptyDiff(diff: JourneyDiff): boolean {
    return diff.stages.length + diff.touchpoints.length + diff.pains.length + diff.opportunities.length + diff.kpis.length + diff.empathy.length === 0
        && diff.emotions.every(e => e.before === e.after);
}

/** `+1 -2`, with the delivered ones counted apart: `7 delivered, +1`. */
function opportunitySummary(changes: readonly OpportunityChange[], messages: Messages): string {
    const delivered = changes.filter(change => change.kind === 'delivered').length;
    const others = changes.filter(change => change.kind !== 'delivered');
    if (delivered === 0) return plusMinus(others, messages);
    const deliveredText = wordsOf(messages)('diff.summaryDelivered', { count: delivered });
    return others.length === 0 ? deliveredText : `${deliveredText}, ${plusMinus(others, messages)}`;
}

function diffSummary(diff: JourneyDiff, messages: Messages): string {
    const words = wordsOf(messages);
    if (isEmptyDiff(diff)) return words('diff.noChanges');
    const better = diff.emotions.filter(e => e.before !== null && e.after !== null && e.after > e.before).length;
    const worse = diff.emotions.filter(e => e.before !== null && e.after !== null && e.after < e.before).length;
    const pains = tally(diff.pains);
    return [
        words('diff.summaryStages', { changes: plusMinus(diff.stages, messages) }),
        words('diff.summaryTouchpoints', { changes: plusMinus(diff.touchpoints, messages) }),
        words('diff.summaryEmotion', { better, worse }),
        words('diff.summaryPains', { resolved: pains.resolved ?? 0, added: pains.added ?? 0 }),
        words('diff.summaryOpportunities', { changes: opportunitySummary(diff.opportunities, messages) }),
        ...(diff.empathy.length > 0 ? [words('diff.summaryEmpathy', { changes: plusMinus(diff.empathy, messages) })] : [])
    ].join(' · ');
}

// ---------------------------------------------------------------- words

const CHANGE_KEYS: Record<OpportunityChangeKind, MessageKey> = { added: 'diff.added', removed: 'diff.removed', changed: 'diff.changed', delivered: 'diff.delivered' };

const ACTIVITY_FIELD_KEYS: Record<ActivityKindName, MessageKey> = {
    does: 'diff.field.does', thinks: 'diff.field.thinks', feels: 'diff.field.feels', says: 'diff.field.says', experiences: 'diff.field.experiences'
};

function isActivity(field: string): field is ActivityKindName {
    return (ACTIVITY_KINDS as readonly string[]).includes(field);
}

function isStageNote(field: string): field is StageNoteName {
    return (STAGE_NOTE_KINDS as readonly string[]).includes(field);
}

/** An empathy map's pain or gain; its says, thinks, does and feels are named as a touchpoint's are. */
const EMPATHY_FIELD_KEYS: Partial<Record<EmpathyKindName, MessageKey>> = { pain: 'item.pain', gain: 'item.gain' };

/** The name of a changed property: its field, or whose emotion. */
function fieldName(change: FieldChange, words: Words): string {
    if (change.emotion) return words('diff.field.emotion', { persona: change.emotion.persona });
    if (isActivity(change.field)) return words(ACTIVITY_FIELD_KEYS[change.field]);
    if (isStageNote(change.field)) return words(STAGE_NOTE_ITEM_KEYS[change.field]);
    const empathy = EMPATHY_FIELD_KEYS[change.field as EmpathyKindName];
    if (empathy) return words(empathy);
    if (change.field === 'label') return words('diff.field.label');
    if (change.field === 'channel') return words('diff.field.channel');
    if (change.field === 'impact') return words('plan.impact');
    if (change.field === 'effort') return words('plan.effort');
    if (change.field === 'description') return words('plan.description');
    return change.field;
}

/** A changed property's old or new value: scores and ratings in the reader's language, text as written. */
function fieldValue(change: FieldChange, side: 'before' | 'after', messages: Messages): string | undefined {
    if (change.emotion) {
        const score = change.emotion[side];
        return score === undefined ? undefined : messages.signed(score);
    }
    const value = change[side];
    if (value !== undefined && (change.field === 'impact' || change.field === 'effort')) return levelWord(value as LevelName, wordsOf(messages));
    return value;
}

function formatMeasure({ value, unit, target }: KpiMeasure, messages: Messages): string {
    const number = (n: number) => formatKpiValue(n, unit, messages);
    return target === undefined ? number(value) : `${number(value)} (${wordsOf(messages)('kpi.target', { target: number(target) })})`;
}

function score(value: number | null, messages: Messages): string {
    return value === null ? '—' : messages.signed(roundScore(value));
}

/** The change of an emotion average: its difference, `=`, or `new`/`gone` where one side has no score. */
function delta(change: EmotionChange, messages: Messages): string {
    const words = wordsOf(messages);
    if (change.before === null || change.after === null) return words(change.before === null ? 'diff.newScore' : 'diff.goneScore');
    const d = roundScore(change.after - change.before);
    return d === 0 ? '=' : messages.signed(d);
}

function rating(impact: LevelName | undefined, effort: LevelName | undefined, words: Words): string {
    return `${words('plan.impact')} ${levelWord(impact, words)}, ${words('plan.effort')} ${levelWord(effort, words)}`;
}

/** What delivered an opportunity, in words: `by 'Enable guest checkout'; 2 pain points gone`. */
function deliveredBy({ actions, resolved }: NonNullable<OpportunityChange['delivered']>, messages: Messages): string {
    const words = wordsOf(messages);
    return [
        actions.length > 0 ? words('diff.deliveredBy', { actions: messages.list(actions.map(text => words('diff.quoted', { text }))) }) : '',
        resolved.length > 0 ? words('diff.painsGone', { count: resolved.length }) : ''
    ].filter(Boolean).join('; ');
}

// ---------------------------------------------------------------- text

const MARK: Record<OpportunityChangeKind, string> = { added: '+', removed: '-', changed: '~', delivered: '✓' };

/** Long free text (a "does" line) is cut in the terminal; the Markdown table keeps it whole. */
const TEXT_WIDTH = 70;

function quoted(text: string | undefined): string {
    return text === undefined ? '' : `"${truncate(text, TEXT_WIDTH)}"`;
}

/** A field change as one row: `~ label  "old" → "new"`, `- does  "text"`, `+ thinks  "text"`, `moved  from Discover`. */
function fieldRow(change: FieldChange, messages: Messages): [string, string] {
    const words = wordsOf(messages);
    if (change.field === 'stage') return [words('diff.moved'), words('diff.from', { stage: change.before ?? '' })];
    const free = isActivity(change.field) || isStageNote(change.field) || change.field in EMPATHY_FIELD_KEYS || change.field === 'label' || change.field === 'description';
    const show = (value: string | undefined) => free ? quoted(value) : value ?? '';
    const [before, after] = [fieldValue(change, 'before', messages), fieldValue(change, 'after', messages)];
    const name = fieldName(change, words);
    if (before === undefined) return [`+ ${name}`, show(after)];
    if (after === undefined) return [`- ${name}`, show(before)];
    return [`~ ${name}`, `${show(before)} → ${show(after)}`];
}

export function diffText(diff: JourneyDiff, beforeName: string, afterName: string, messages: Messages): string {
    const words = wordsOf(messages);
    const lines: string[] = [];
    lines.push(diffSummary(diff, messages));
    lines.push(`${beforeName} → ${afterName}`);
    lines.push(diff.futureState
        ? words('diff.futureAgainst', { future: diff.after.title, current: diff.before.title })
        : diff.before.title === diff.after.title ? diff.after.title : `${diff.before.title} → ${diff.after.title}`);
    if (isEmptyDiff(diff)) return lines.join('\n') + '\n';

    if (diff.stages.length > 0) {
        lines.push('', words('grid.stages'));
        lines.push(...alignColumns(diff.stages.flatMap(change => {
            if (change.kind === 'added') return [['+', change.after!.label, `(${change.after!.id})`]];
            if (change.kind === 'removed') return [['-', change.before!.label, `(${change.before!.id})`]];
            const label = change.before!.label === change.after!.label ? change.after!.label : `${change.before!.label} → ${change.after!.label}`;
            // What changed in the stage beyond its name: its needs, challenges and choices, a row each.
            const notes = change.changes.filter(f => isStageNote(f.field)).map(f => ['', ...fieldRow(f, messages)]);
            return [['~', label, change.before!.id === change.after!.id ? '' : `(${change.before!.id} → ${change.after!.id})`], ...notes];
        }), '  '));
    }

    if (diff.touchpoints.length > 0) {
        lines.push('', words('lane.touchpoints'));
        const stages = [...new Set(diff.touchpoints.map(t => t.stage))];
        for (const stage of stages) {
            lines.push(`  ${stage}`);
            const rows: string[][] = [];
            for (const change of diff.touchpoints.filter(t => t.stage === stage)) {
                const channel = change.kind === 'changed' ? '' : change.changes.find(c => c.field === 'channel');
                const channelText = channel ? channel.after ?? channel.before ?? '' : '';
                rows.push([MARK[change.kind], change.label, channelText]);
                if (change.kind === 'changed') for (const fieldChange of change.changes) rows.push(['', ...fieldRow(fieldChange, messages)]);
            }
            lines.push(...alignColumns(rows, '    '));
        }
    }

    const movedEmotions = diff.emotions.filter(e => e.before !== e.after);
    if (movedEmotions.length > 0) {
        lines.push('', words('diff.emotion'));
        // Scores right-aligned on both sides of the arrow, so the signs line up.
        const widest = (values: string[]) => Math.max(...values.map(v => v.length));
        const beforeWidth = widest(movedEmotions.map(e => score(e.before, messages)));
        const afterWidth = widest(movedEmotions.map(e => score(e.after, messages)));
        lines.push(...alignColumns(movedEmotions.map(e => [
            e.stage, e.persona, `${score(e.before, messages).padStart(beforeWidth)} → ${score(e.after, messages).padStart(afterWidth)}`, `(${delta(e, messages)})`
        ]), '  '));
    }

    if (diff.pains.length > 0) {
        lines.push('', words('lane.pains'));
        lines.push(...alignColumns(diff.pains.map(pain => [
            pain.kind === 'resolved' ? '-' : '+', words(pain.kind === 'resolved' ? 'diff.resolved' : 'diff.newPain'), pain.stage, truncate(pain.text, TEXT_WIDTH),
            pain.addressedBy.length > 0 ? `(${words('diff.via', { opportunities: messages.list(pain.addressedBy) })})` : ''
        ]), '  '));
    }

    if (diff.opportunities.length > 0) {
        lines.push('', words('lane.opportunities'));
        lines.push(...alignColumns(diff.opportunities.map(o => [
            MARK[o.kind], o.label,
            o.kind === 'changed'
                ? o.changes.map(c => c.field === 'description'
                    ? `${fieldName(c, words)} ${quoted(c.before) || '—'} → ${quoted(c.after) || '—'}`
                    : `${fieldName(c, words)} ${fieldValue(c, 'before', messages) ?? words('level.unrated')} → ${fieldValue(c, 'after', messages) ?? words('level.unrated')}`).join(', ')
                : o.delivered ? words('diff.deliveredHow', { how: deliveredBy(o.delivered, messages) }) : rating(o.impact, o.effort, words)
        ]), '  '));
    }

    if (diff.empathy.length > 0) {
        lines.push('', words('diff.empathy'));
        lines.push(...alignColumns(diff.empathy.flatMap(change => [
            [MARK[change.kind], change.label, ''],
            ...change.changes.map(fieldChange => ['', ...fieldRow(fieldChange, messages)])
        ]), '  '));
    }

    if (diff.kpis.length > 0) {
        lines.push('', words('lane.kpis'));
        lines.push(...alignColumns(diff.kpis.map(k => {
            const [before, after] = [k.measured.before, k.measured.after].map(m => m ? formatMeasure(m, messages) : '');
            return [MARK[k.kind], k.label, k.kind === 'changed' ? `${before} → ${after}` : after || before];
        }), '  '));
    }
    return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------- markdown

/** A field change in a table cell: `moved from Discover`, `+ does: text`, `− thinks: ~~text~~`, `channel: Website → App`. */
function fieldMarkdown(change: FieldChange, messages: Messages): string {
    const words = wordsOf(messages);
    if (change.field === 'stage') return words('diff.movedFrom', { stage: markdownText(change.before ?? '') });
    const before = fieldValue(change, 'before', messages);
    const after = fieldValue(change, 'after', messages);
    const name = fieldName(change, words);
    if (before === undefined) return `+ ${markdownText(name)}: ${markdownText(after ?? '')}`;
    if (after === undefined) return `− ${markdownText(name)}: ~~${markdownText(before)}~~`;
    return `${markdownText(name)}: ${markdownText(before)} → ${markdownText(after)}`;
}

/** Markdown: the catalog's words are written as they are (they are ours); user text is escaped before it goes in. */
export function diffMarkdown(diff: JourneyDiff, beforeName: string, afterName: string, messages: Messages): string {
    const words = wordsOf(messages);
    const change = (kind: OpportunityChangeKind) => `**${kind === 'removed' ? '−' : MARK[kind]}** ${words(CHANGE_KEYS[kind])}`;
    const parts: string[] = [];
    parts.push(`## ${markdownText(diff.after.title)}`);
    const against = diff.futureState ? ` · ${words('diff.futureAgainstShort', { current: `**${markdownText(diff.before.title)}**` })}` : '';
    parts.push(`${markdownCode(beforeName)} → ${markdownCode(afterName)}${against}`);
    parts.push(`**${diffSummary(diff, messages)}**`);
    if (isEmptyDiff(diff)) return parts.join('\n\n') + '\n';

    if (diff.stages.length > 0) {
        parts.push(`### ${words('grid.stages')}`);
        const details = diff.stages.some(c => c.changes.some(f => isStageNote(f.field)));
        parts.push(markdownTable([words('column.change'), words('column.before'), words('column.after'), ...(details ? [words('column.details')] : [])], diff.stages.map(c => [
            change(c.kind), markdownText(c.before?.label ?? ''), markdownText(c.after?.label ?? ''),
            ...(details ? [c.changes.filter(f => isStageNote(f.field)).map(f => fieldMarkdown(f, messages)).join('<br>')] : [])
        ])));
    }
    if (diff.touchpoints.length > 0) {
        parts.push(`### ${words('lane.touchpoints')}`);
        parts.push(markdownTable([words('column.change'), words('column.stage'), words('column.touchpoint'), words('column.details')], diff.touchpoints.map(c =>
            [change(c.kind), markdownText(c.stage), markdownText(c.label), c.changes.map(f => fieldMarkdown(f, messages)).join('<br>')])));
    }
    const movedEmotions = diff.emotions.filter(e => e.before !== e.after);
    if (movedEmotions.length > 0) {
        parts.push(`### ${words('diff.emotion')}`);
        parts.push(markdownTable([words('column.stage'), words('column.persona'), words('column.before'), words('column.after'), words('column.change')], movedEmotions.map(e =>
            [markdownText(e.stage), markdownText(e.persona), score(e.before, messages), score(e.after, messages), delta(e, messages)])));
    }
    if (diff.pains.length > 0) {
        parts.push(`### ${words('lane.pains')}`);
        parts.push(markdownTable([words('column.change'), words('column.stage'), words('column.painPoint'), words('column.addressedBy')], diff.pains.map(pain => [
            pain.kind === 'resolved' ? `**−** ${words('diff.resolved')}` : `**+** ${words('diff.newPain')}`,
            markdownText(pain.stage), markdownText(pain.text), messages.list(pain.addressedBy.map(markdownText))
        ])));
    }
    if (diff.opportunities.length > 0) {
        parts.push(`### ${words('lane.opportunities')}`);
        parts.push(markdownTable([words('column.change'), words('plan.opportunity'), words('column.impact'), words('column.effort'), words('column.delivered')], diff.opportunities.map(o => {
            const level = (measure: 'impact' | 'effort') => {
                const c = o.changes.find(f => f.field === measure);
                return c ? `${fieldValue(c, 'before', messages) ?? words('level.unrated')} → ${fieldValue(c, 'after', messages) ?? words('level.unrated')}` : levelWord(o[measure], words);
            };
            const described = o.changes.filter(c => c.field === 'description').map(c => `<br>${fieldMarkdown(c, messages)}`).join('');
            return [change(o.kind), markdownText(o.label) + described, level('impact'), level('effort'), o.delivered ? markdownText(deliveredBy(o.delivered, messages)) : ''];
        })));
    }
    if (diff.empathy.length > 0) {
        parts.push(`### ${words('diff.empathy')}`);
        parts.push(markdownTable([words('column.change'), words('column.persona'), words('column.details')], diff.empathy.map(c =>
            [change(c.kind), markdownText(c.label), c.changes.map(f => fieldMarkdown(f, messages)).join('<br>')])));
    }
    if (diff.kpis.length > 0) {
        parts.push(`### ${words('lane.kpis')}`);
        parts.push(markdownTable([words('column.change'), words('column.kpi'), words('column.before'), words('column.after')], diff.kpis.map(k =>
            [change(k.kind), markdownText(k.label), ...[k.measured.before, k.measured.after].map(m => m ? markdownText(formatMeasure(m, messages)) : '')])));
    }
    return parts.join('\n\n') + '\n';
}
