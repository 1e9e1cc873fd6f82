/**
 * The elements a journey picture shows and where they come from in the source, so that a
 * click on the picture can reveal the text and the editor cursor can light up the picture.
 */
import { journeyQuestions, type DocumentViewModel, type JourneyView, type SourcePosition, type SourceRange } from '../model/view-model.js';
import { BLUEPRINT_LANE_NAMES, EMPATHY_KIND_NAMES, STAGE_NOTE_KINDS } from '../language/vocabulary.js';

/** Anything drawn that can be traced back to the text. */
export interface SourceElement {
    key: string;
    range: SourceRange;
    uri?: string;
}

/** `range` as a compact attribute value: `startLine:startChar-endLine:endChar`. */
export function encodeRange(range: SourceRange): string {
    return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

export function decodeRange(text: string): SourceRange | undefined {
    const match = /^(\d+):(\d+)-(\d+):(\d+)$/.exec(text);
    if (!match) return undefined;
    const [line, character, endLine, endCharacter] = match.slice(1).map(Number);
    return { start: { line, character }, end: { line: endLine, character: endCharacter } };
}

function comparePositions(a: SourcePosition, b: SourcePosition): number {
    return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

export function rangeContains(range: SourceRange, position: SourcePosition): boolean {
    return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

/** True when `inner` lies within `outer`. */
function rangeWithin(inner: SourceRange, outer: SourceRange): boolean {
    return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

/** Every element of one journey that the picture draws, outermost first. */
export function journeyElements(journey: JourneyView): SourceElement[] {
    const elements: SourceElement[] = [journey];
    for (const persona of journey.personas) elements.push(persona);
    for (const stage of journey.stages) {
        // A stage's picture is drawn on its own, above its touchpoints.
        if (stage.image) elements.push(stage.image);
        elements.push(stage, ...stage.pains, ...stage.goods, ...stage.kpis, ...STAGE_NOTE_KINDS.flatMap(kind => stage.notes[kind]),
            ...BLUEPRINT_LANE_NAMES.flatMap(lane => stage.lanes[lane]));
        for (const touchpoint of stage.touchpoints) {
            // A touchpoint's picture is part of its card: the cursor on it lights up the card.
            elements.push(touchpoint, ...touchpoint.emotions, ...touchpoint.pains, ...touchpoint.goods, ...touchpoint.kpis);
        }
    }
    for (const empathy of journey.empathy ?? []) elements.push(empathy, ...EMPATHY_KIND_NAMES.flatMap(kind => empathy.entries[kind]));
    elements.push(...journey.opportunities, ...journey.actions, ...journeyQuestions(journey).map(asked => asked.question));
    return elements;
}

/**
 * The innermost element of this document whose source range contains the position:
 * the one the cursor is "in". Elements defined in other documents are ignored.
 */
export function elementAt(model: DocumentViewModel, position: SourcePosition): SourceElement | undefined {
    let best: SourceElement | undefined;
    for (const journey of model.journeys) {
        for (const element of journeyElements(journey)) {
            if (element.uri && element.uri !== model.uri) continue;
            if (!rangeContains(element.range, position)) continue;
            if (!best || rangeWithin(element.range, best.range)) best = element;
        }
    }
    return best;
}

export function countTouchpoints(model: DocumentViewModel): number {
    let count = 0;
    for (const journey of model.journeys) for (const stage of journey.stages) count += stage.touchpoints.length;
    return count;
}

/** Document-wide persona order: a persona keeps its colour across journeys and charts. */
export function personasOf(model: DocumentViewModel): Array<{ id: string; label: string }> {
    const personas = model.personas.map(p => ({ id: p.id, label: p.label }));
    for (const journey of model.journeys) {
        for (const lane of [...journey.emotionLanes, ...(journey.baseline?.emotionLanes ?? [])]) {
            if (!personas.some(p => p.id === lane.persona)) personas.push({ id: lane.persona, label: lane.label });
        }
    }
    return personas;
}
