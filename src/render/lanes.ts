/**
 * The lanes of a journey map, once: the rows of the preview's grid, of every export and of the
 * Markdown document, in the order they are drawn. A lane says what it is called and how a
 * stage's items are found: per touchpoint (drawn under the touchpoint they belong to) and for
 * the stage as a whole. Each renderer draws items through a `Record<LaneId, …>`, so a new lane
 * that one of them cannot draw does not compile.
 */
import {
    stageFindings,
    type BlueprintItemView, type EmotionPoint, type JourneyView, type KpiView, type MomentView, type OpportunityView, type StageNoteView, type StageView, type TouchpointView, type TransitionView
} from '../model/view-model.js';
import { ACTIVITY_KINDS, BLUEPRINT_LANE_NAMES, STAGE_NOTE_KINDS, type ActivityKindName, type BlueprintLaneName, type StageNoteName } from '../language/vocabulary.js';
import type { MessageKey } from './messages.js';

export type BlueprintItem = BlueprintItemView;
export interface RankedOpportunity { opportunity: OpportunityView; rank: number }
export interface ActivityItem { text: string; touchpoint: TouchpointView }

/** What each lane holds, by lane id. */
export type LaneItems = {
    flow: TransitionView;
    touchpoints: TouchpointView;
    emotion: EmotionPoint;
    pains: MomentView;
    goods: MomentView;
    opportunities: RankedOpportunity;
    kpis: KpiView;
} & { [K in ActivityKindName]: ActivityItem } & { [K in StageNoteName]: StageNoteView } & { [K in BlueprintLaneName]: BlueprintItem };

export type LaneId = keyof LaneItems;

export interface Lane<K extends LaneId = LaneId> {
    id: K;
    title: MessageKey;
    /** Items that belong to one touchpoint, drawn in its column. */
    ofTouchpoint?(touchpoint: TouchpointView): ReadonlyArray<LaneItems[K]>;
    /** Items that belong to the stage as a whole, drawn across its columns. */
    ofStage?(stage: StageView, journey: JourneyView): ReadonlyArray<LaneItems[K]>;
    /** Drawn for every journey, even with nothing in it (the touchpoints, where an empty stage says so). */
    always?: boolean;
}

function lane<K extends LaneId>(definition: Lane<K>): Lane<K> {
    return definition;
}

/** Opportunities that address a pain point raised in this stage, with their rank in the whole plan. */
export function stageOpportunities(stage: StageView, journey: JourneyView): RankedOpportunity[] {
    const painIds = new Set(stageItems(PAIN_LANE, stage, journey).flatMap(pain => pain.id ? [pain.id] : []));
    return journey.opportunities
        .map((opportunity, index) => ({ opportunity, rank: index + 1 }))
        .filter(({ opportunity }) => opportunity.addresses.some(id => painIds.has(id)));
}

const ACTIVITY_TITLES: Record<ActivityKindName, MessageKey> = {
    does: 'lane.does',
    thinks: 'lane.thinks',
    feels: 'lane.feels',
    says: 'lane.says',
    experiences: 'lane.experiences'
};

const STAGE_NOTE_TITLES: Record<StageNoteName, MessageKey> = {
    need: 'lane.need',
    challenge: 'lane.challenge',
    choice: 'lane.choice'
};

const BLUEPRINT_TITLES: Record<BlueprintLaneName, MessageKey> = {
    frontstage: 'lane.frontstage',
    backstage: 'lane.backstage',
    support: 'lane.support'
};

const PAIN_LANE = lane({ id: 'pains', title: 'lane.pains', ofTouchpoint: t => t.pains, ofStage: s => s.pains });

/**
 * The lanes in drawing order: where the customer is and what they do, think and feel, the
 * emotion curve, then what hurts and what works right under it, what the customer needs, what
 * stands in their way and what they choose in each stage, then what to do about it, the numbers,
 * and what happens behind the scenes (a service blueprint's lower half).
 */
export const LANES: readonly Lane[] = [
    lane({ id: 'flow', title: 'lane.flow', ofStage: (stage, journey) => journey.transitions.filter(t => t.from === stage.id) }),
    lane({ id: 'touchpoints', title: 'lane.touchpoints', ofTouchpoint: t => [t], always: true }),
    ...ACTIVITY_KINDS.map(kind => lane({ id: kind, title: ACTIVITY_TITLES[kind], ofTouchpoint: t => t.activities[kind].map(text => ({ text, touchpoint: t })) })),
    lane({ id: 'emotion', title: 'lane.emotion', ofTouchpoint: t => t.emotions }),
    PAIN_LANE,
    lane({ id: 'goods', title: 'lane.goods', ofTouchpoint: t => t.goods, ofStage: s => s.goods }),
    ...STAGE_NOTE_KINDS.map(kind => lane({ id: kind, title: STAGE_NOTE_TITLES[kind], ofStage: (stage: StageView) => stage.notes[kind] })),
    lane({ id: 'opportunities', title: 'lane.opportunities', ofStage: stageOpportunities }),
    lane({ id: 'kpis', title: 'lane.kpis', ofTouchpoint: t => t.kpis, ofStage: s => s.kpis }),
    ...BLUEPRINT_LANE_NAMES.map(name => lane({
        id: name,
        title: BLUEPRINT_TITLES[name],
        ofStage: (stage: StageView) => stage.lanes[name]
    }))
] as readonly Lane[];

export function laneById<K extends LaneId>(id: K): Lane<K> {
    return LANES.find(l => l.id === id) as Lane<K>;
}

/** Every item of a lane in a stage: each touchpoint's, in order, then the stage's own. */
export function stageItems<K extends LaneId>(lane: Lane<K>, stage: StageView, journey: JourneyView): Array<LaneItems[K]> {
    const items: Array<LaneItems[K]> = [];
    if (lane.ofTouchpoint) for (const touchpoint of stage.touchpoints) items.push(...lane.ofTouchpoint(touchpoint));
    if (lane.ofStage) items.push(...lane.ofStage(stage, journey));
    return items;
}

/**
 * The lanes a journey draws: those with something in them. A journey that only goes from each
 * stage to the next needs no Flow lane (the columns say it); the emotion lane is drawn as soon
 * as any persona (or the baseline of a future state) has a score.
 */
export function lanesOf(journey: JourneyView): Lane[] {
    return LANES.filter(lane => {
        if (lane.always) return true;
        if (lane.id === 'flow') return journey.transitions.some(t => !t.implicit);
        if (lane.id === 'emotion') return journey.emotionLanes.some(l => l.points.length > 0) || (journey.baseline?.emotionLanes.some(l => l.points.length > 0) ?? false);
        return journey.stages.some(stage => stageItems(lane, stage, journey).length > 0);
    });
}

/** Pain points of a stage: its touchpoints' and its own. */
export function stagePains(stage: StageView): MomentView[] {
    return stageFindings(stage, 'pains');
}
