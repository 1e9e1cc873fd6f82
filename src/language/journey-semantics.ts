/**
 * What a journey means, derived from its syntax tree: its personas, the flow between its stages,
 * whose emotion each score is. The validator, hover and the view model all read these, so the
 * rules are stated once. After a syntax error the parser keeps the statements it could recover, and
 * those may lack a part the generated types call required (`next` without its stage), so single
 * references are read with `?.`.
 */
import { AstUtils, type AstNode, type Reference } from 'langium';
import {
    isActivity, isChannelUse, isCounterpart, isJourney, isEmotion, isEvidenceNote, isGoalSetting, isGoodMoment, isKindSetting, isKpi, isLanguageSetting, isOwnerSetting,
    isPainPoint, isPersonasSetting, isPersonaUse, isReviewSetting, isScopeSetting, isTouchpoint, isTransition,
    type Action, type ChannelDecl, type ChannelUse, type Emotion, type EvidenceNote, type GoodMoment, type Journey, type Kpi, type Opportunity, type PainPoint, type Persona,
    type Replaceable, type Stage, type TimeOfDay, type Touchpoint, type Transition
} from './generated/ast.js';
import { DEFAULT_JOURNEY_KIND, type JourneyKindName } from './vocabulary.js';

export function journeyKind(journey: Journey): JourneyKindName {
    return journey.header.find(isKindSetting)?.kind ?? DEFAULT_JOURNEY_KIND;
}

export function journeyTitle(journey: Journey): string {
    // A journey recovered from a syntax error may have neither.
    return journey.title ?? journey.name ?? '';
}

export function journeyHeader(journey: Journey) {
    return {
        goal: journey.header.find(isGoalSetting)?.text,
        scope: journey.header.find(isScopeSetting)?.text,
        owner: journey.header.find(isOwnerSetting)?.name,
        review: journey.header.find(isReviewSetting),
        language: journey.header.find(isLanguageSetting)?.tag
    };
}

/** The personas a journey is about: those listed in `personas`, resolved. */
export function journeyPersonas(journey: Journey): Persona[] {
    const personas: Persona[] = [];
    for (const setting of journey.header) {
        if (!isPersonasSetting(setting)) continue;
        for (const ref of setting.personas) {
            if (ref.ref && !personas.includes(ref.ref)) personas.push(ref.ref);
        }
    }
    return personas;
}

/** The personas a touchpoint concerns: its own `persona` list, or else every persona of the journey. */
export function touchpointPersonas(touchpoint: Touchpoint, journey: Journey): Persona[] {
    const uses = touchpoint.items.filter(isPersonaUse);
    if (uses.length === 0) return journeyPersonas(journey);
    const personas: Persona[] = [];
    for (const use of uses) {
        for (const ref of use.personas) {
            if (ref.ref && !personas.includes(ref.ref)) personas.push(ref.ref);
        }
    }
    return personas;
}

/**
 * Whose emotion a score is: the named persona, or the touchpoint's only persona.
 * Undefined when the score names no persona and the touchpoint concerns several (or none).
 */
export function emotionPersona(emotion: Emotion): Persona | undefined {
    if (emotion.persona) return emotion.persona.ref;
    const touchpoint = AstUtils.getContainerOfType(emotion, isTouchpoint);
    const journey = touchpoint && AstUtils.getContainerOfType(touchpoint, isJourney);
    if (!touchpoint || !journey) return undefined;
    const personas = touchpointPersonas(touchpoint, journey);
    return personas.length === 1 ? personas[0] : undefined;
}

export function stageTouchpoints(stage: Stage): Touchpoint[] {
    return stage.items.filter(isTouchpoint);
}

export function touchpointEmotions(touchpoint: Touchpoint): Emotion[] {
    return touchpoint.items.filter(isEmotion);
}

export function touchpointChannel(touchpoint: Touchpoint): ChannelDecl | undefined {
    return touchpoint.items.find(isChannelUse)?.channel?.ref;
}

/**
 * Every channel a touchpoint names, in order: `channel web, app` and a second `channel` line both name
 * more than the one a touchpoint has. `index` is the position in the statement's extra channels.
 */
export function touchpointChannelReferences(touchpoint: Touchpoint): Array<{ use: ChannelUse; reference: Reference<ChannelDecl>; index?: number }> {
    // Loops rather than filter and flatMap: every check of every touchpoint asks, at every keystroke.
    const references: Array<{ use: ChannelUse; reference: Reference<ChannelDecl>; index?: number }> = [];
    for (const use of touchpoint.items) {
        if (!isChannelUse(use)) continue;
        if (use.channel) references.push({ use, reference: use.channel });
        use.extraChannels.forEach((reference, index) => references.push({ use, reference, index }));
    }
    return references;
}

/** True when the personas a touchpoint concerns are named somewhere but some of the names are not found. */
export function namesUnknownPersonas(touchpoint: Touchpoint, journey: Journey): boolean {
    const uses = touchpoint.items.filter(isPersonaUse);
    const lists = uses.length > 0 ? uses : journey.header.filter(isPersonasSetting);
    return lists.some(list => list.personas.some(ref => !ref.ref));
}

export function touchpointActivities(touchpoint: Touchpoint) {
    return touchpoint.items.filter(isActivity);
}

/** Pain points raised directly in a stage or touchpoint. */
export function painsIn(container: Stage | Touchpoint): PainPoint[] {
    return (container.items as AstNode[]).filter(isPainPoint);
}

export function goodsIn(container: Stage | Touchpoint): GoodMoment[] {
    return (container.items as AstNode[]).filter(isGoodMoment);
}

export function kpisIn(container: Stage | Touchpoint): Kpi[] {
    return (container.items as AstNode[]).filter(isKpi);
}

/** The evidence note of an item: in its statements (stages, touchpoints, ...) or its details block (pain points). */
export function evidenceOf(container: { items: AstNode[] } | { details: AstNode[] }): EvidenceNote | undefined {
    const statements = 'items' in container ? container.items : container.details;
    return statements.find(isEvidenceNote);
}

/** The pain points of a stage and of its touchpoints, in the order written. */
export function stagePains(stage: Stage): PainPoint[] {
    return stageMoments(stage).filter(isPainPoint);
}

/**
 * Every element a journey names (channels, stages, touchpoints, pain points, good moments,
 * opportunities, actions), each kind in the order written, a list at a time (a stage's touchpoints,
 * a stage's moments): a check over a huge journey can pause between them.
 */
export function* journeyNamedElements(journey: Journey): Generator<ReadonlyArray<ChannelDecl | Stage | Touchpoint | PainPoint | GoodMoment | Opportunity | Action>> {
    yield journey.channels;
    yield journey.stages;
    for (const stage of journey.stages) yield stageTouchpoints(stage);
    for (const stage of journey.stages) yield stageMoments(stage);
    yield journey.opportunities;
    yield journey.actions;
}

/**
 * Pain points and good moments of a stage and of its touchpoints, in the order written. Looks only
 * where the grammar allows them: visiting every node instead costs a journey of thousands of
 * touchpoints several milliseconds on each keystroke.
 */
function stageMoments(stage: Stage): Array<PainPoint | GoodMoment> {
    const moments: Array<PainPoint | GoodMoment> = [];
    for (const item of stage.items) {
        if (isPainPoint(item) || isGoodMoment(item)) moments.push(item);
        else if (isTouchpoint(item)) moments.push(...painsIn(item), ...goodsIn(item));
    }
    return moments;
}

export interface StageFlow {
    from: Stage;
    to: Stage;
    label?: string;
    /** Set when the flow is written with `next`; unset when it follows from the stage order. */
    transition?: Transition;
}

/**
 * The flow out of each stage: its `next` statements, or, without any, the stage after it.
 * A journey is linear unless it says otherwise.
 */
export function stageFlows(journey: Journey): StageFlow[] {
    const flows: StageFlow[] = [];
    journey.stages.forEach((stage, index) => {
        const transitions = stage.items.filter(isTransition);
        if (transitions.length === 0) {
            const following = journey.stages[index + 1];
            if (following) flows.push({ from: stage, to: following });
            return;
        }
        for (const transition of transitions) {
            const target = transition.target?.ref;
            if (target) flows.push({ from: stage, to: target, label: transition.label, transition });
        }
    });
    return flows;
}

/** Stages that no path of flows reaches from the first stage. */
export function unreachableStages(journey: Journey): Stage[] {
    const first = journey.stages[0];
    if (!first) return [];
    const following = new Map<Stage, Stage[]>();
    for (const flow of stageFlows(journey)) {
        const targets = following.get(flow.from);
        if (targets) targets.push(flow.to);
        else following.set(flow.from, [flow.to]);
    }
    const reached = new Set<Stage>([first]);
    const queue = [first];
    for (let next = 0; next < queue.length; next++) {
        for (const stage of following.get(queue[next]) ?? []) {
            if (!reached.has(stage)) {
                reached.add(stage);
                queue.push(stage);
            }
        }
    }
    return journey.stages.filter(stage => !reached.has(stage));
}

/** The stage of the baseline journey a future-state stage corresponds to: `matches X`, or the same name. */
export function counterpartIn(stage: Stage, baseline: Journey): Stage | undefined {
    const explicit = stage.items.find(isCounterpart);
    if (explicit) return explicit.stage?.ref;
    return baseline.stages.find(candidate => candidate.name === stage.name);
}

/** Parses `YYYY-MM-DD` as a calendar date; undefined when no such day exists. */
export function parseCalendarDate(text: string): Date | undefined {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) return undefined;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

/** True when the review date lies before today (in UTC). */
export function isStale(reviewDate: string, today: Date = new Date()): boolean {
    const date = parseCalendarDate(reviewDate);
    if (!date) return false;
    const startOfToday = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
    return date.getTime() < startOfToday;
}

/** A time of day as written (`07:30`), or the two ends of a span (`06:30-09:00`). */
export function timeSpan(at: TimeOfDay | undefined): { start: string; end?: string } | undefined {
    if (at?.time === undefined) return undefined;
    const [start, end] = at.time.split('-');
    return end === undefined ? { start } : { start, end };
}

/** What a map shows for a named element of a journey: a finding's text, anything else's label, else its name. */
export function elementLabel(node: Replaceable): string {
    if (isPainPoint(node) || isGoodMoment(node)) return node.text ?? node.name ?? '';
    return node.label ?? node.name ?? '';
}
