/**
 * The journey view model: a plain, JSON-serialisable picture of one .journey document,
 * built once in the language server and read by the preview, the CLI and the exports.
 * Every element carries the source range it came from (zero-based LSP positions).
 */
import { EMPATHY_KIND_NAMES, STAGE_NOTE_KINDS, type ActivityKindName, type EmpathyKindName, type BlueprintLaneName, type EvidenceLevelName, type JourneyKindName, type LevelName, type StageNoteName } from '../language/vocabulary.js';

export interface SourcePosition { line: number; character: number }
export interface SourceRange { start: SourcePosition; end: SourcePosition }

/** Where an element is defined: in this document unless `uri` says otherwise. */
export interface Located {
    /** Unique within the document; stable across edits that do not rename the element. */
    key: string;
    range: SourceRange;
    uri?: string;
}

/** How we know an item, and where it says so. A refuted item can name what the research found instead. */
export interface Evidence { level: EvidenceLevelName; source?: string; instead?: EvidenceReplacement }

/** The element of the journey a refuted item was replaced by: where it is drawn and where it is written. */
export interface EvidenceReplacement { key: string; range: SourceRange; label: string }

/** Bumped whenever a field is removed or changes meaning; added fields keep the version. */
export const VIEW_MODEL_VERSION = 1;

export interface DocumentViewModel {
    /** The version of this shape, as published in schemas/view-model-v1.schema.json. */
    schemaVersion: typeof VIEW_MODEL_VERSION;
    uri: string;
    /** The text document version this model was built from. */
    version: number;
    emotionScale: { min: number; max: number };
    journeys: JourneyView[];
    personas: PersonaView[];
    diagnostics: DiagnosticsSummary;
}

export interface DiagnosticsSummary {
    errors: number;
    warnings: number;
    /** The first error (or, with no errors, nothing): shown in the preview banner. */
    firstError?: { message: string; range: SourceRange };
    /** Where the errors are (at most MAX_LISTED_PROBLEMS of them): the picture marks what they fall in. */
    problems?: Array<{ message: string; range: SourceRange }>;
}

export interface PersonaView extends Located {
    id: string;
    label: string;
    details: Array<{ kind: string; text: string }>;
    /** The segments or regions the persona belongs to (`segment Nordics`). */
    segments?: Array<{ id: string; label: string }>;
    /** The channels the persona prefers (`prefers app, phone`); `builtin` as for a touchpoint's channel. */
    prefers?: Array<{ id: string; label: string; builtin?: boolean }>;
}

export interface JourneyView extends Located {
    id: string;
    title: string;
    kind: JourneyKindName;
    goal?: string;
    scope?: string;
    owner?: string;
    review?: { date: string; stale: boolean; range: SourceRange };
    /**
     * The BCP 47 tag of the language the map's own words are drawn in (`language sv`), as written.
     * Without it the reader's choice applies (the journey.map.language setting, --language).
     */
    language?: string;
    personas: PersonaView[];
    stages: StageView[];
    transitions: TransitionView[];
    /** Quick wins first, then big bets, fill-ins and money pits (opportunityPriority in the vocabulary). */
    opportunities: OpportunityView[];
    /** The plan's order: by `priority`, then the actions without one in the order written. */
    actions: ActionView[];
    emotionLanes: EmotionLane[];
    /** Open questions about the journey as a whole (those about one element are on the element). */
    questions?: QuestionView[];
    /** Empathy maps (`empathy Colleen { says "..." }`), one per block, in the order written. */
    empathy?: EmpathyView[];
    /** For a future-state journey: the current state it improves. */
    baseline?: BaselineView;
}

export interface StageView extends Located {
    id: string;
    label: string;
    index: number;
    nameRange: SourceRange;
    touchpoints: TouchpointView[];
    /** Pain points raised on the stage itself (touchpoints hold their own). */
    pains: MomentView[];
    goods: MomentView[];
    kpis: KpiView[];
    /** The customer's needs, challenges and choices in this stage (`need "..."`), in the order written. */
    notes: Record<StageNoteName, StageNoteView[]>;
    /** A service blueprint's lanes: what happens on stage, behind it and in support of it. */
    lanes: Record<BlueprintLaneName, BlueprintItemView[]>;
    evidence?: Evidence;
    questions?: QuestionView[];
    /** When in the day it happens (`at 06:30-09:00`), as written on the 24-hour clock. */
    time?: TimeOfDayView;
    /** A picture of the stage (`image "storyboard/morning.png" alt "..."`). */
    image?: PictureView;
    unmapped: boolean;
    /** Id of the matching stage in the baseline journey, if any. */
    counterpart?: string;
}

export interface TouchpointView extends Located {
    id: string;
    label: string;
    stageId: string;
    /** `builtin`: one of the channels every journey has, whose label the map writes in its own language. */
    channel?: { id: string; label: string; builtin?: boolean };
    /** A moment of the customer's day that involves no channel of ours (`moment Breakfast { ... }`). */
    moment?: true;
    /** When in the day it happens (`at 07:30`). */
    time?: TimeOfDayView;
    /** A picture of the touchpoint: a storyboard's panel. */
    image?: PictureView;
    personas: string[];
    activities: Record<ActivityKindName, string[]>;
    emotions: EmotionPoint[];
    pains: MomentView[];
    goods: MomentView[];
    kpis: KpiView[];
    evidence?: Evidence;
    questions?: QuestionView[];
}

/**
 * A picture from a file in the workspace. The view model names the file; whoever draws it says
 * where it is loaded from (the preview's resource URL, an export's inline `data:` URL).
 */
export interface PictureView extends Located {
    /** As written, relative to the map. */
    path: string;
    /** The file, resolved against the map. */
    file: string;
    /** What it shows, for those who cannot see it. */
    alt?: string;
}

/** A time of day, or a span of one, as written: `07:30`, or `06:30` to `09:00`. */
export interface TimeOfDayView { start: string; end?: string }

/** An open question about an element, or about the journey (`question "..."`). */
export interface QuestionView extends Located {
    text: string;
}

/** What one persona says, thinks, does and feels about the product, and their pains and gains. */
export interface EmpathyView extends Located {
    /** The persona's id; a persona keeps its colour and marker here too. */
    persona: string;
    /** The persona's label (its name while the name does not resolve). */
    label: string;
    /** Each quadrant's and list's entries in the order written: says, thinks, does, feels, pain, gain. */
    entries: Record<EmpathyKindName, EmpathyEntryView[]>;
    questions?: QuestionView[];
}

/** One entry of an empathy map: a quote, a thought, a behaviour, a feeling, a pain or a gain. */
export interface EmpathyEntryView extends Located {
    text: string;
    evidence?: Evidence;
    questions?: QuestionView[];
}

/** One line of a service blueprint's lane (`frontstage "..."`). */
export interface BlueprintItemView extends Located {
    text: string;
}

/** A need, challenge or choice of the customer in a stage. */
export interface StageNoteView extends Located {
    text: string;
    stageId: string;
    evidence?: Evidence;
    questions?: QuestionView[];
}

/** A pain point or a moment that goes well. */
export interface MomentView extends Located {
    id?: string;
    text: string;
    stageId: string;
    touchpointId?: string;
    evidence?: Evidence;
    /** Pain points only: ids of the opportunities that address it. */
    addressedBy: string[];
    questions?: QuestionView[];
}

export interface KpiView extends Located {
    label: string;
    value: number;
    unit?: string;
    target?: number;
    /** Read from research data (`kpi "..." from Analytics "column"`): the value is the data's mean. */
    data?: DataFact;
    /** Measured for one segment or persona only (`for Nordics`). */
    audience?: { id: string; label: string; kind: 'segment' | 'persona' };
}

export interface EmotionPoint extends Located {
    persona: string;
    /** On the map's scale; read from data, the mean mapped onto it, to one decimal. */
    score: number;
    stageId: string;
    touchpointId: string;
    /** Read from research data (`emotion Colleen from Survey "column"`). */
    data?: DataFact;
    evidence?: Evidence;
    questions?: QuestionView[];
}

/** Where a value read from research data comes from, and how many rows it stands on. */
export interface DataFact {
    /** The data block's name. */
    source: string;
    /** The file, as the data block writes its path. */
    file: string;
    column: string;
    /** How many values the mean is over. */
    n: number;
    /** The mean, on the file's own scale. */
    mean: number;
    /** Emotions: the scale the answers are given on. */
    scale?: { low: number; high: number };
}

export interface EmotionLane {
    persona: string;
    label: string;
    points: EmotionPoint[];
    /** Average score per stage id; null where the persona has no emotion in that stage. */
    averageByStage: Record<string, number | null>;
}

export interface TransitionView {
    from: string;
    to: string;
    label?: string;
    /** True when the stage order implies it (no explicit `next`). */
    implicit: boolean;
    /** A transition to an earlier stage (or the same one). */
    loop: boolean;
    range?: SourceRange;
}

export interface OpportunityView extends Located {
    id: string;
    label: string;
    impact?: LevelName;
    effort?: LevelName;
    priority: number;
    addresses: string[];
    actions: string[];
    /** What the opportunity is, in a sentence or two (`description "..."`). */
    description?: string;
    evidence?: Evidence;
    questions?: QuestionView[];
}

export interface ActionView extends Located {
    id: string;
    label: string;
    owner?: string;
    due?: string;
    /** Its place in the plan (`priority 1` comes first); the plan is drawn in this order. */
    priority?: number;
    opportunities: string[];
    /** What will be done, in a sentence or two. */
    description?: string;
    evidence?: Evidence;
    questions?: QuestionView[];
}

export interface BaselineView {
    id: string;
    title: string;
    uri: string;
    stages: Array<{ id: string; label: string }>;
    emotionLanes: EmotionLane[];
}

/** What a stage and each of its touchpoints can hold: pain points, good moments, KPIs. */
export type Finding = 'pains' | 'goods' | 'kpis';

/** A stage's pain points, good moments or KPIs: its touchpoints' in their order, then the stage's own, as the map draws them. */
export function stageFindings<K extends Finding>(stage: StageView, kind: K): Array<StageView[K][number]> {
    return [...stage.touchpoints.flatMap(touchpoint => touchpoint[kind] as Array<StageView[K][number]>), ...stage[kind]];
}

/** The mean of some numbers; null for none, where a mean would be a gap, not a zero. */
export function meanOrNull(values: readonly number[]): number | null {
    return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

/** A persona's emotion lane: its scores in stage order, and their average per stage (null where it has none). */
export function emotionLaneOf(persona: string, label: string, stages: readonly StageView[]): EmotionLane {
    const points = stages.flatMap(stage => stage.touchpoints.flatMap(touchpoint => touchpoint.emotions.filter(point => point.persona === persona)));
    const scoresByStage = new Map<string, number[]>();
    for (const point of points) {
        const scores = scoresByStage.get(point.stageId);
        if (scores) scores.push(point.score);
        else scoresByStage.set(point.stageId, [point.score]);
    }
    const averageByStage = Object.fromEntries(stages.map(stage => [stage.id, meanOrNull(scoresByStage.get(stage.id) ?? [])]));
    return { persona, label, points, averageByStage };
}

/** Every pain point, good moment or KPI of a journey, stage by stage. */
export function journeyFindings<K extends Finding>(journey: JourneyView, kind: K): Array<StageView[K][number]> {
    return journey.stages.flatMap(stage => stageFindings(stage, kind));
}

/** An open question and what it is about: nothing for the journey as a whole. */
export interface AskedQuestion {
    question: QuestionView;
    /** `quoted`: the label is what the element says (a pain point's text), not its name. */
    about?: { key: string; label: string; where?: string; quoted?: true };
}

/**
 * Every open question of a journey, numbered by its place here: the journey's own, then stage by
 * stage (the stage, each touchpoint with its scores and findings, the stage's own findings, needs,
 * challenges and choices), then each empathy map and its entries, then the opportunities and the actions in the plan's order. The map's
 * list, its cards' question marks, Markdown and the report all count this way.
 */
/** Every picture of a journey, stage by stage: the stage's, then its touchpoints'. */
export function journeyPictures(journey: JourneyView): PictureView[] {
    return journey.stages.flatMap(stage => [stage.image, ...stage.touchpoints.map(touchpoint => touchpoint.image)].filter(image => image !== undefined));
}

export function journeyQuestions(journey: JourneyView): AskedQuestion[] {
    const asked: AskedQuestion[] = (journey.questions ?? []).map(question => ({ question }));
    const add = (element: { key: string; questions?: QuestionView[] }, label: string, where?: string, quoted = false) => {
        for (const question of element.questions ?? []) asked.push({ question, about: { key: element.key, label, ...(where ? { where } : {}), ...(quoted ? { quoted: true as const } : {}) } });
    };
    const personaLabel = new Map(journey.emotionLanes.map(lane => [lane.persona, lane.label]));
    for (const stage of journey.stages) {
        add(stage, stage.label);
        for (const touchpoint of stage.touchpoints) {
            const where = `${stage.label} \u203A ${touchpoint.label}`;
            add(touchpoint, touchpoint.label, stage.label);
            for (const point of touchpoint.emotions) add(point, personaLabel.get(point.persona) ?? point.persona, where);
            for (const moment of [...touchpoint.pains, ...touchpoint.goods]) add(moment, moment.text, where, true);
        }
        for (const moment of [...stage.pains, ...stage.goods]) add(moment, moment.text, stage.label, true);
        for (const note of STAGE_NOTE_KINDS.flatMap(kind => stage.notes[kind])) add(note, note.text, stage.label, true);
    }
    for (const empathy of journey.empathy ?? []) {
        add(empathy, empathy.label);
        for (const entry of EMPATHY_KIND_NAMES.flatMap(kind => empathy.entries[kind])) add(entry, entry.text, empathy.label, true);
    }
    for (const opportunity of journey.opportunities) add(opportunity, opportunity.label);
    for (const action of journey.actions) add(action, action.label);
    return asked;
}

/** The segments the personas of a journey belong to, each once, in the order the personas name them. */
export function journeySegments(journey: JourneyView): Array<{ id: string; label: string }> {
    const segments = new Map<string, string>();
    for (const persona of journey.personas) for (const segment of persona.segments ?? []) if (!segments.has(segment.id)) segments.set(segment.id, segment.label);
    return [...segments].map(([id, label]) => ({ id, label }));
}

/**
 * A journey as one segment lives it: the personas of the segment with their curves, scores and
 * empathy maps, the touchpoints that involve them, and the KPIs measured for everyone, for the
 * segment or for one of its personas. The stages, the plan and the questions stay as they are.
 */
export function journeyForSegment(journey: JourneyView, segment: string): JourneyView {
    const members = new Set(journey.personas.filter(persona => persona.segments?.some(s => s.id === segment)).map(persona => persona.id));
    const forSegment = (kpi: KpiView) => !kpi.audience || (kpi.audience.kind === 'segment' ? kpi.audience.id === segment : members.has(kpi.audience.id));
    // A touchpoint is the segment's if it involves one of its personas, or holds a score of one.
    const involves = (touchpoint: TouchpointView) => touchpoint.personas.length === 0 || touchpoint.personas.some(persona => members.has(persona))
        || touchpoint.emotions.some(point => members.has(point.persona));
    const stages = journey.stages.map(stage => {
        const touchpoints = stage.touchpoints
            .filter(involves)
            .map(touchpoint => ({ ...touchpoint, emotions: touchpoint.emotions.filter(point => members.has(point.persona)), kpis: touchpoint.kpis.filter(forSegment) }));
        return { ...stage, touchpoints, kpis: stage.kpis.filter(forSegment) };
    });
    // The curves are drawn again from the scores that stay, so their averages say what the map shows.
    const emotionLanes = journey.emotionLanes.filter(lane => members.has(lane.persona)).map(lane => emotionLaneOf(lane.persona, lane.label, stages));
    return {
        ...journey,
        personas: journey.personas.filter(persona => members.has(persona.id)),
        stages,
        emotionLanes,
        ...(journey.empathy ? { empathy: journey.empathy.filter(map => members.has(map.persona)) } : {})
    };
}
