/**
 * Builds the plain journey view model of a document from its validated syntax tree.
 * This is the only place that reads the AST for the preview, the CLI and the exports.
 */
import { AstUtils, GrammarUtils, URI, type AstNode, type LangiumDocument } from 'langium';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import {
    isActionDue, isActionFor, isEmpathyNote, isPicture, isActionOwner, isActionPriority, isAddresses, isDescription, isQuestion, isTimeOfDay, isBlueprintLane, isEmotion, isJourney, isPersona, isRating, isSegment, isStage, isStageNote,
    type ChannelDecl, type EmpathyMap, type Journey, type Model, type PainPoint, type Replaceable, type GoodMoment, type Kpi, type Persona, type Stage, type Touchpoint, type Opportunity, type Action
} from '../language/generated/ast.js';
import { baselineOf } from '../language/journey-scope.js';
import { IMAGE_FILE, resolveWorkspacePath } from '../language/workspace-path.js';
import type { DataSets } from '../language/data/data-sets.js';
import { readBinding, type DataReading } from '../language/data/data-semantics.js';
import {
    counterpartIn, elementLabel, emotionPersona, evidenceOf, goodsIn, isStale, journeyHeader, journeyKind, journeyPersonas, journeyTitle,
    kpisIn, painsIn, stageFlows, timeSpan, stageTouchpoints, touchpointActivities, touchpointChannel, touchpointPersonas
} from '../language/journey-semantics.js';
import { ACTIVITY_KINDS, BUILTIN_LIBRARY_URI, EMPATHY_KIND_NAMES, EMOTION_SCALE, opportunityPriority, STAGE_NOTE_KINDS } from '../language/vocabulary.js';
import { emotionLaneOf, stageFindings, VIEW_MODEL_VERSION } from './view-model.js';
import type {
    ActionView, DataFact, EmpathyView, DocumentViewModel, EmotionLane, EmotionPoint, Evidence, JourneyView, KpiView, MomentView, OpportunityView,
    PersonaView, PictureView, QuestionView, SourceRange, TimeOfDayView, StageNoteView, StageView, TouchpointView, TransitionView
} from './view-model.js';

/** Errors listed in the model: enough to mark the broken parts of a map being written, bounded for a broken 10 MB file. */
const MAX_LISTED_PROBLEMS = 100;

function messageText(message: string | { value: string }): string {
    return typeof message === 'string' ? message : message.value;
}

export class ViewModelBuilder {
    /** Research data, read while the document was validated; without it, data-bound values are left out. */
    constructor(private readonly dataSets?: DataSets) {}

    build(document: LangiumDocument, today: Date = new Date()): DocumentViewModel {
        const data = this.dataSets;
        const model = document.parseResult.value as Model;
        const diagnostics = document.diagnostics ?? [];
        const errors = diagnostics.filter(d => d.severity === DiagnosticSeverity.Error);
        const firstError = errors[0];
        return {
            schemaVersion: VIEW_MODEL_VERSION,
            uri: document.uri.toString(),
            version: document.textDocument.version,
            emotionScale: { min: EMOTION_SCALE.min, max: EMOTION_SCALE.max },
            journeys: model.elements.filter((e): e is Journey => e.$type === 'Journey').map(journey => buildJourney(journey, today, data)),
            personas: model.elements.filter(isPersona).map(persona => personaView(persona, document.uri.toString())),
            diagnostics: {
                errors: errors.length,
                warnings: diagnostics.filter(d => d.severity === DiagnosticSeverity.Warning).length,
                firstError: firstError && { message: messageText(firstError.message), range: firstError.range },
                problems: errors.length > 0 ? errors.slice(0, MAX_LISTED_PROBLEMS).map(d => ({ message: messageText(d.message), range: d.range })) : undefined
            }
        };
    }
}

function buildJourney(journey: Journey, today: Date, data: DataSets | undefined): JourneyView {
    const header = journeyHeader(journey);
    const personas = journeyPersonas(journey);
    const stages = journey.stages.map((stage, index) => buildStage(stage, index, journey, data));
    const actionsByOpportunity = actionsFor(journey);
    const opportunities = journey.opportunities.map(opportunity => buildOpportunity(opportunity, journey, actionsByOpportunity)).sort((a, b) => b.priority - a.priority);
    // Indexed once, not searched per pain: large journeys have thousands of both.
    const addressedBy = new Map<string, string[]>();
    for (const opportunity of opportunities) {
        for (const pain of new Set(opportunity.addresses)) listIn(addressedBy, pain).push(opportunity.id);
    }
    const pains = stages.flatMap(stage => stageFindings(stage, 'pains'));
    for (const pain of pains) {
        pain.addressedBy = pain.id === undefined ? [] : [...addressedBy.get(pain.id) ?? []];
    }
    const baseline = baselineOf(journey);
    if (baseline) {
        for (const [index, stage] of journey.stages.entries()) {
            stages[index].counterpart = counterpartIn(stage, baseline)?.name;
        }
    }
    return {
        id: nameOf(journey),
        key: `journey:${nameOf(journey)}`,
        range: rangeOf(journey),
        title: journeyTitle(journey),
        kind: journeyKind(journey),
        goal: header.goal,
        scope: header.scope,
        owner: header.owner,
        language: header.language,
        review: header.review?.date === undefined ? undefined : { date: header.review.date, stale: isStale(header.review.date, today), range: rangeOf(header.review) },
        personas: personas.map(persona => personaView(persona, uriOf(persona))),
        stages,
        transitions: buildTransitions(journey),
        opportunities,
        actions: planOrder(journey.actions.map(action => buildAction(action, journey))),
        emotionLanes: emotionLanes(personas, stages),
        ...withQuestions(journey.questions, `journey:${nameOf(journey)}`),
        ...listed('empathy', empathyViews(journey)),
        baseline: baseline && {
            id: nameOf(baseline),
            title: journeyTitle(baseline),
            uri: uriOf(baseline),
            stages: baseline.stages.map(stage => ({ id: nameOf(stage), label: stage.label ?? nameOf(stage) })),
            emotionLanes: emotionLanes(journeyPersonas(baseline), baseline.stages.map((stage, index) => buildStage(stage, index, baseline, data)))
        }
    };
}

function buildStage(stage: Stage, index: number, journey: Journey, data: DataSets | undefined): StageView {
    const key = elementKey(stage);
    const touchpoints = stageTouchpoints(stage).map(touchpoint => buildTouchpoint(touchpoint, stage, journey, data));
    const lanes: StageView['lanes'] = { frontstage: [], backstage: [], support: [] };
    stage.items.filter(isBlueprintLane).forEach((lane, i) => {
        if (lane.text !== undefined) lanes[lane.lane].push({ key: `${key}/${lane.lane}${i}`, range: rangeOf(lane), text: lane.text });
    });
    const notes = Object.fromEntries(STAGE_NOTE_KINDS.map(kind => [kind, [] as StageNoteView[]])) as StageView['notes'];
    stage.items.filter(isStageNote).forEach((note, i) => {
        const noteKey = `${key}/${note.kind}${i}`;
        if (note.text !== undefined) notes[note.kind].push({ key: noteKey, range: rangeOf(note), text: note.text, stageId: nameOf(stage), evidence: evidence(note), ...withQuestions(note.details, noteKey) });
    });
    return {
        id: nameOf(stage),
        key,
        range: rangeOf(stage),
        nameRange: propertyRange(stage, 'name'),
        label: stage.label ?? nameOf(stage),
        index,
        touchpoints,
        pains: painsIn(stage).map((pain, i) => moment(pain, `${key}/pain${i}`, nameOf(journey), nameOf(stage))),
        goods: goodsIn(stage).map((good, i) => moment(good, `${key}/good${i}`, nameOf(journey), nameOf(stage))),
        kpis: kpiViews(kpisIn(stage), key, data),
        notes,
        lanes,
        evidence: evidence(stage),
        ...withQuestions(stage.items, key),
        ...timeOf(stage.items),
        ...pictureOf(stage.items, key),
        unmapped: touchpoints.length === 0
    };
}

function buildTouchpoint(touchpoint: Touchpoint, stage: Stage, journey: Journey, data: DataSets | undefined): TouchpointView {
    const key = elementKey(touchpoint);
    const channel = touchpointChannel(touchpoint);
    const activities = Object.fromEntries(ACTIVITY_KINDS.map(kind => [kind, [] as string[]])) as TouchpointView['activities'];
    for (const activity of touchpointActivities(touchpoint)) {
        if (activity.text !== undefined) activities[activity.kind].push(activity.text);
    }
    const emotions: EmotionPoint[] = [];
    touchpoint.items.filter(isEmotion).forEach((emotion, i) => {
        const persona = emotionPersona(emotion);
        if (!persona) return;
        const point = {
            key: `${key}/emotion${i}`, range: rangeOf(emotion), persona: persona.name, stageId: nameOf(stage), touchpointId: nameOf(touchpoint),
            ...withEvidence(emotion),
            ...withQuestions(emotion.details, `${key}/emotion${i}`)
        };
        if (emotion.score !== undefined) {
            emotions.push({ ...point, score: emotion.score });
            return;
        }
        // Read from data: a point only where rows stand behind it (the validator says where none do).
        const reading = data && readBinding(data, emotion, persona);
        if (reading?.score !== undefined) emotions.push({ ...point, score: reading.score, data: dataFact(reading) });
    });
    return {
        id: nameOf(touchpoint),
        key,
        range: rangeOf(touchpoint),
        label: touchpoint.label ?? nameOf(touchpoint),
        stageId: nameOf(stage),
        channel: channel && channelView(channel),
        ...(touchpoint.moment ? { moment: true as const } : {}),
        ...timeOf(touchpoint.items),
        ...pictureOf(touchpoint.items, key),
        personas: touchpointPersonas(touchpoint, journey).map(p => p.name),
        activities,
        emotions,
        pains: painsIn(touchpoint).map((pain, i) => moment(pain, `${key}/pain${i}`, nameOf(journey), nameOf(stage), nameOf(touchpoint))),
        goods: goodsIn(touchpoint).map((good, i) => moment(good, `${key}/good${i}`, nameOf(journey), nameOf(stage), nameOf(touchpoint))),
        kpis: kpiViews(kpisIn(touchpoint), key, data),
        evidence: evidence(touchpoint),
        ...withQuestions(touchpoint.items, key)
    };
}

/**
 * The journey's empathy maps. Each is keyed by its persona, so it keeps its key when another is added
 * before it; a second map of the same persona (which the validator warns of) by its place as well.
 */
function empathyViews(journey: Journey): EmpathyView[] {
    const keys = new Set<string>();
    return journey.empathy.map((empathy: EmpathyMap, index) => {
        const persona = empathy.persona?.ref;
        const id = persona?.name ?? empathy.persona?.$refText ?? '';
        let key = `empathy:${nameOf(journey)}/${id}`;
        if (keys.has(key)) key = `${key}#${index}`;
        keys.add(key);
        const entries = Object.fromEntries(EMPATHY_KIND_NAMES.map(kind => [kind, [] as EmpathyView['entries'][typeof kind]])) as EmpathyView['entries'];
        empathy.items.filter(isEmpathyNote).forEach((note, i) => {
            const noteKey = `${key}/${note.kind}${i}`;
            if (note.text !== undefined) entries[note.kind].push({ key: noteKey, range: rangeOf(note), text: note.text, ...withEvidence(note), ...withQuestions(note.details, noteKey) });
        });
        return { key, range: rangeOf(empathy), persona: id, label: persona?.label ?? id, entries, ...withQuestions(empathy.items, key) };
    });
}

/** A named pain point or good moment keeps its key when others are added before it; names are unique per journey. */
function moment(item: PainPoint | GoodMoment, key: string, journeyId: string, stageId: string, touchpointId?: string): MomentView {
    return {
        id: item.name,
        key: item.name ? elementKey(item) : key,
        range: rangeOf(item),
        text: item.text ?? '',
        stageId,
        touchpointId,
        evidence: evidence(item),
        addressedBy: [],
        ...withQuestions(item.details, item.name ? elementKey(item) : key)
    };
}

/**
 * KPIs the parser could not finish (no label or value yet) are left out; the syntax error says what is
 * missing. So are KPIs read from data with no rows behind them, of which the validator says the same.
 */
function kpiViews(kpis: Kpi[], key: string, data: DataSets | undefined): KpiView[] {
    return kpis.flatMap((kpi, i) => {
        if (kpi.label === undefined) return [];
        const audience = kpi.audience?.ref;
        const view = {
            key: `${key}/kpi${i}`, range: rangeOf(kpi), label: kpi.label, unit: kpi.unit, target: kpi.target,
            ...(audience ? { audience: { id: nameOf(audience), label: audience.label ?? nameOf(audience), kind: isSegment(audience) ? 'segment' as const : 'persona' as const } } : {})
        };
        if (kpi.value !== undefined) return [{ ...view, value: kpi.value }];
        const reading = data && readBinding(data, kpi, undefined);
        return reading && reading.value.n > 0 ? [{ ...view, value: Math.round(reading.value.mean * 100) / 100, data: dataFact(reading) }] : [];
    });
}

function dataFact(reading: DataReading): DataFact {
    return {
        source: nameOf(reading.source), file: reading.file, column: reading.column, n: reading.value.n,
        mean: Math.round(reading.value.mean * 1000) / 1000, scale: reading.scale
    };
}

function buildOpportunity(opportunity: Opportunity, journey: Journey, actionsByOpportunity: Map<Opportunity, string[]>): OpportunityView {
    const rating = (measure: string) => opportunity.items.filter(isRating).find(r => r.measure === measure)?.level;
    const impact = rating('impact');
    const effort = rating('effort');
    return {
        id: nameOf(opportunity),
        key: elementKey(opportunity),
        range: rangeOf(opportunity),
        label: opportunity.label ?? nameOf(opportunity),
        impact,
        effort,
        priority: opportunityPriority(impact, effort),
        addresses: opportunity.items.filter(isAddresses).flatMap(a => a.pains.map(ref => ref.$refText)),
        actions: actionsByOpportunity.get(opportunity) ?? [],
        ...describedBy(opportunity.items),
        evidence: evidence(opportunity),
        ...withQuestions(opportunity.items, elementKey(opportunity))
    };
}

/** The names of the actions that take up each opportunity, in the order the actions are written. */
function actionsFor(journey: Journey): Map<Opportunity, string[]> {
    const actions = new Map<Opportunity, string[]>();
    for (const action of journey.actions) {
        const opportunities = new Set(action.items.filter(isActionFor).flatMap(f => f.opportunities.map(ref => ref.ref)));
        for (const opportunity of opportunities) {
            if (opportunity) listIn(actions, opportunity).push(nameOf(action));
        }
    }
    return actions;
}

function buildAction(action: Action, journey: Journey): ActionView {
    const priority = action.items.find(isActionPriority)?.rank;
    return {
        id: nameOf(action),
        key: elementKey(action),
        range: rangeOf(action),
        label: action.label ?? nameOf(action),
        owner: action.items.find(isActionOwner)?.name,
        due: action.items.find(isActionDue)?.date,
        ...(priority === undefined ? {} : { priority }),
        opportunities: action.items.filter(isActionFor).flatMap(f => f.opportunities.map(ref => ref.$refText)),
        ...describedBy(action.items),
        evidence: evidence(action),
        ...withQuestions(action.items, elementKey(action))
    };
}

function buildTransitions(journey: Journey): TransitionView[] {
    const order = new Map(journey.stages.map((stage, index) => [stage, index]));
    return stageFlows(journey).map(flow => ({
        from: nameOf(flow.from),
        to: nameOf(flow.to),
        label: flow.label,
        implicit: flow.transition === undefined,
        loop: (order.get(flow.to) ?? 0) <= (order.get(flow.from) ?? 0),
        range: flow.transition && rangeOf(flow.transition)
    }));
}

function emotionLanes(personas: Persona[], stages: StageView[]): EmotionLane[] {
    return personas.map(persona => emotionLaneOf(persona.name, persona.label ?? persona.name, stages));
}

function personaView(persona: Persona, uri: string): PersonaView {
    return {
        id: nameOf(persona),
        key: `persona:${nameOf(persona)}`,
        range: rangeOf(persona),
        uri,
        label: persona.label ?? nameOf(persona),
        details: persona.details.flatMap(detail => detail.text === undefined ? [] : [{ kind: detail.kind, text: detail.text }]),
        ...listed('segments', persona.segments.flatMap(use => use.segment?.ref ? [{ id: nameOf(use.segment.ref), label: use.segment.ref.label ?? nameOf(use.segment.ref) }] : [])),
        ...listed('prefers', persona.preferences.flatMap(use => use.channels.flatMap(ref => ref.ref ? [channelView(ref.ref)] : [])))
    };
}

function evidence(node: Parameters<typeof evidenceOf>[0]): Evidence | undefined {
    const note = evidenceOf(node);
    if (note?.level === undefined) return undefined;
    const replacement = note.replacement?.ref;
    const instead = replacement && { key: elementKey(replacement), range: rangeOf(replacement), label: elementLabel(replacement) };
    return { level: note.level, source: note.source, ...(instead ? { instead } : {}) };
}

/** The open questions written among a node's statements, keyed after the element they are about. */
function withQuestions(statements: readonly AstNode[], key: string): { questions?: QuestionView[] } {
    const questions = statements.filter(isQuestion).flatMap((question, i) =>
        question.text === undefined ? [] : [{ key: `${key}/question${i}`, range: rangeOf(question), text: question.text }]);
    return questions.length > 0 ? { questions } : {};
}

/** A channel as the view model names it; `builtin` marks one whose label the map writes in its own language. */
function channelView(channel: ChannelDecl): { id: string; label: string; builtin?: boolean } {
    return { id: channel.name, label: channel.label ?? channel.name, builtin: uriOf(channel) === BUILTIN_CHANNELS_URI || undefined };
}

/** A list property where the list has something in it, and none where it is empty. */
function listed<K extends string, T>(name: K, items: T[]): { [P in K]?: T[] } {
    return (items.length > 0 ? { [name]: items } : {}) as { [P in K]?: T[] };
}

/** The first `at` among a stage's or touchpoint's statements (the validator reports a second one). */
function timeOf(statements: readonly AstNode[]): { time?: TimeOfDayView } {
    const time = timeSpan(statements.find(isTimeOfDay));
    return time ? { time } : {};
}

/** The first picture among a stage's or touchpoint's statements whose path names an image of the workspace (the validator says what is wrong with the others). */
function pictureOf(statements: readonly AstNode[], key: string): { image?: PictureView } {
    const picture = statements.find(isPicture);
    if (picture?.path === undefined) return {};
    const file = resolveWorkspacePath(AstUtils.getDocument(picture).uri, picture.path, IMAGE_FILE);
    if ('problem' in file) return {};
    return { image: { key: `${key}/image`, range: rangeOf(picture), path: picture.path, file: file.toString(), ...(picture.alt === undefined ? {} : { alt: picture.alt }) } };
}

/** A `description "..."` among an opportunity's or action's statements. */
function describedBy(statements: readonly AstNode[]): { description?: string } {
    const text = statements.find(isDescription)?.text;
    return text === undefined ? {} : { description: text };
}

/** Actions in the plan's order: by priority (1 first), then those without one, each group in the order written. */
function planOrder(actions: ActionView[]): ActionView[] {
    return actions
        .map((action, index) => ({ action, index }))
        .sort((a, b) => (a.action.priority ?? Infinity) - (b.action.priority ?? Infinity) || a.index - b.index)
        .map(({ action }) => action);
}

/** An `evidence` property where the item says how we know it, and none where it does not (an emotion point stays small). */
function withEvidence(node: Parameters<typeof evidenceOf>[0]): { evidence?: Evidence } {
    const found = evidence(node);
    return found ? { evidence: found } : {};
}

/**
 * The key of a named element of a journey: its view carries it, and so does whatever refers to it
 * (a refuted item's replacement), so the two light up together.
 */
function elementKey(node: Replaceable): string {
    const journey = nameOf(AstUtils.getContainerOfType(node, isJourney) ?? {});
    switch (node.$type) {
        case 'Stage': return `stage:${journey}/${nameOf(node)}`;
        case 'Touchpoint': return `touchpoint:${journey}/${nameOf(AstUtils.getContainerOfType(node, isStage) ?? {})}/${nameOf(node)}`;
        case 'PainPoint': return `pain:${journey}/${nameOf(node)}`;
        case 'GoodMoment': return `good:${journey}/${nameOf(node)}`;
        case 'Opportunity': return `opportunity:${journey}/${nameOf(node)}`;
        case 'Action': return `action:${journey}/${nameOf(node)}`;
    }
}

/**
 * After a syntax error the parser still builds the statements it could recover, some without their
 * name or text. The view model keeps to its type all the same: a missing name reads as empty, and
 * statements that are only their text or value (activities, details, lanes, KPIs, scores) are left out.
 */
function nameOf(node: { name?: string }): string {
    return node.name ?? '';
}

function listIn<K, V>(map: Map<K, V[]>, key: K): V[] {
    let list = map.get(key);
    if (!list) map.set(key, list = []);
    return list;
}

const EMPTY_RANGE: SourceRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function rangeOf(node: AstNode): SourceRange {
    return node.$cstNode?.range ?? EMPTY_RANGE;
}

function propertyRange(node: Stage, property: 'name'): SourceRange {
    return GrammarUtils.findNodeForProperty(node.$cstNode, property)?.range ?? rangeOf(node);
}

/** The built-in channels' document, in URI's own spelling, as uriOf writes it. */
const BUILTIN_CHANNELS_URI = URI.parse(BUILTIN_LIBRARY_URI).toString();

function uriOf(node: AstNode): string {
    return AstUtils.getDocument(node).uri.toString();
}
