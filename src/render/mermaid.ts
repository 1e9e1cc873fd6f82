/**
 * Journey view model to Mermaid text: the stages and touchpoints as a `timeline` (the overview
 * band of the map, and the diagram a README shows), and for text that travels without the
 * map (Markdown, `journey render --format mermaid`) each persona's emotional curve as an
 * `xychart`. A Mermaid line needs a value at every point of its axis, so each persona's chart
 * has only the touchpoints where that persona has a score: a missing score is left out, never
 * filled in. Every piece of user text goes through `mermaidText`, so a label can neither break
 * the diagram nor add statements, directives or markup to it.
 */
import type { DocumentViewModel, JourneyView, TimeOfDayView } from '../model/view-model.js';
import { mermaidText, truncate } from './escape.js';
import { journeyMessages } from './languages.js';
import type { Messages } from './messages.js';
import { channelLabel } from './vocabulary-words.js';

export interface MermaidOptions {
    messages: Messages;
    /** Put the journey title into the diagrams: for text that travels without the map's header. */
    titles?: boolean;
    /** Personas to draw; all when absent. */
    personas?: readonly string[];
}

/** Longest axis label, in characters: about the width of one category at the label font size. */
const AXIS_LABEL_CHARS = 18;
/** Horizontal room per category, so many touchpoints get a wide chart instead of overlapping labels. */
const CATEGORY_WIDTH = 112;
const CHART_HEIGHT = 300;
const CHART_MIN_WIDTH = 560;
const CHART_MARGINS = 200;

export function timelineMermaid(journey: JourneyView, options: MermaidOptions): string {
    const messages = journeyMessages(journey, options.messages);
    const lines = ['timeline'];
    if (options.titles) lines.push(`    title ${mermaidText(journey.title, journey.id)}`);
    for (const stage of journey.stages) {
        const events = stage.touchpoints.length === 0
            ? [mermaidText(messages.t('stage.unmapped'))]
            : stage.touchpoints.map(touchpoint => {
                const label = mermaidText(timed(touchpoint, messages), touchpoint.id);
                if (touchpoint.channel) return `${label} (${mermaidText(channelLabel(touchpoint.channel, messages), touchpoint.channel.id)})`;
                return touchpoint.moment ? `${label} (${mermaidText(messages.t('touchpoint.moment'))})` : label;
            });
        lines.push(`    ${mermaidText(timed(stage, messages), stage.id)} : ${events.join(' : ')}`);
    }
    return lines.join('\n') + '\n';
}

/** A label with the time of day it happens at before it, as the grid writes it: `06:30–09:00 Morning`. */
function timed(element: { label: string; time?: TimeOfDayView }, messages: Messages): string {
    return element.time ? `${messages.time(element.time)} ${element.label}` : element.label;
}

export interface PersonaCurve {
    persona: string;
    label: string;
    /** One entry per touchpoint where the persona has a score, in journey order. */
    points: Array<{ stage: string; touchpoint: string; score: number }>;
    /** Stages the persona takes part in without any score: said beside the chart, since the chart cannot show a gap. */
    missingStages: string[];
}

function mean(values: number[]): number {
    return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100;
}

/** Each shown persona's recorded scores, in journey order. */
export function personaCurves(journey: JourneyView, personas?: readonly string[]): PersonaCurve[] {
    return journey.emotionLanes
        .filter(lane => lane.points.length > 0 && (!personas || personas.includes(lane.persona)))
        .map(lane => ({
            persona: lane.persona,
            label: lane.label,
            points: journey.stages.flatMap(stage => stage.touchpoints.flatMap(touchpoint => {
                const scores = lane.points.filter(p => p.touchpointId === touchpoint.id && p.stageId === stage.id).map(p => p.score);
                return scores.length > 0 ? [{ stage: stage.label, touchpoint: touchpoint.label, score: mean(scores) }] : [];
            })),
            missingStages: journey.stages
                .filter(stage => stage.touchpoints.length > 0 && lane.averageByStage[stage.id] === null
                    && stage.touchpoints.some(t => t.personas.length === 0 || t.personas.includes(lane.persona)))
                .map(stage => stage.label)
        }));
}

export function curveMermaid(journey: JourneyView, curve: PersonaCurve, options: MermaidOptions): string {
    const messages = journeyMessages(journey, options.messages);
    const width = Math.max(CHART_MIN_WIDTH, curve.points.length * CATEGORY_WIDTH + CHART_MARGINS);
    // Frontmatter rather than an %%{init}%% directive: it is the documented way, and user text never reaches it.
    const lines = [
        '---', 'config:', '  xyChart:', `    width: ${width}`, `    height: ${CHART_HEIGHT}`,
        '    xAxis:', '      labelFontSize: 12', '    yAxis:', '      labelFontSize: 12', '---', 'xychart'
    ];
    const title = messages.t('curve.title', { persona: curve.label, title: journey.title });
    lines.push(`    title "${mermaidText(options.titles ? title : messages.t('curve.titleShort', { persona: curve.label }))}"`);
    const labels = curve.points.map(p => `"${mermaidText(truncate(p.touchpoint, AXIS_LABEL_CHARS))}"`);
    lines.push(`    x-axis "${mermaidText(messages.t('curve.axis'))}" [${labels.join(', ')}]`);
    lines.push(`    y-axis "${mermaidText(messages.t('lane.emotion'))}" -3 --> 3`);
    lines.push(`    line [${curve.points.map(p => p.score).join(', ')}]`);
    if (curve.missingStages.length > 0) {
        lines.push(`    %% ${mermaidText(messages.t('curve.missing', { stages: messages.list(curve.missingStages) }))}`);
    }
    return lines.join('\n') + '\n';
}

/**
 * Every diagram of a document as Markdown: a heading per journey and one fenced `mermaid`
 * block per diagram, since one Mermaid text can hold only one diagram.
 */
export function documentMermaid(model: DocumentViewModel, options: MermaidOptions): string {
    const parts: string[] = [];
    for (const journey of model.journeys) {
        parts.push(`## ${mermaidText(journey.title, journey.id)}`);
        if (journey.stages.length > 0) parts.push('```mermaid\n' + timelineMermaid(journey, { ...options, titles: true }) + '```');
        for (const curve of personaCurves(journey, options.personas)) {
            parts.push('```mermaid\n' + curveMermaid(journey, curve, { ...options, titles: true }) + '```');
        }
    }
    return parts.join('\n\n') + '\n';
}

/**
 * A journey as Mermaid's own `journey` diagram, the simple picture GitHub draws from text: the
 * stages as sections, each touchpoint with a score a task, the personas with a score its actors.
 * Mermaid gives all of a task's actors one score from 1 to 5, so personas who feel differently
 * share their average, and what the diagram cannot hold is said in comments at its top.
 */
export function mermaidJourney(journey: JourneyView, options: MermaidOptions): string {
    const lines = ['journey', `    title ${mermaidJourneyText(journey.title, journey.id)}`];
    const lost: string[] = [];
    const unscored: string[] = [];
    let differing = 0;
    const label = (persona: string) => journey.emotionLanes.find(l => l.persona === persona)?.label ?? persona;
    for (const stage of journey.stages) {
        lines.push(`    section ${mermaidJourneyText(stage.label, stage.id)}`);
        for (const touchpoint of stage.touchpoints) {
            const scores = touchpoint.emotions.filter(e => !options.personas || options.personas.includes(e.persona));
            if (scores.length === 0) {
                unscored.push(touchpoint.label);
                continue;
            }
            if (new Set(scores.map(e => e.score)).size > 1) differing++;
            const average = scores.reduce((sum, e) => sum + e.score, 0) / scores.length;
            // A comma separates actors: one inside a persona's name would split it in two.
            const actors = [...new Set(scores.map(e => mermaidJourneyText(label(e.persona), e.persona).replace(/,/g, '\u201A')))];
            lines.push(`      ${mermaidJourneyText(touchpoint.label, touchpoint.id)}: ${emotionToScore(average)}: ${actors.join(', ')}`);
        }
    }
    const messages = journeyMessages(journey, options.messages);
    const mapping = [-3, -2, -1, 0, 1, 2, 3].map(e => `${messages.signed(e)} \u2192 ${emotionToScore(e)}`).join(', ');
    lost.push(messages.t('mermaidJourney.scale', { mapping }));
    if (differing > 0) lost.push(messages.t('mermaidJourney.averaged', { count: differing }));
    if (unscored.length > 0) lost.push(messages.t('mermaidJourney.unscored', { touchpoints: messages.list(unscored.map(t => mermaidJourneyText(t, ''))) }));
    lost.push(messages.t('mermaidJourney.notShown'));
    return [lines[0], ...lost.map(note => `    %% ${note}`), ...lines.slice(1)].join('\n') + '\n';
}

/** User text in a Mermaid journey statement: `mermaidText` rules, and no leading word the journey diagram reads as a statement. */
function mermaidJourneyText(text: string, fallback: string): string {
    const safe = mermaidText(text, fallback);
    return /^(section|title|journey|acc)/i.test(safe) ? `\u200B${safe}` : safe;
}

/** How Mermaid's journey scores (1 awful .. 5 great) map onto the emotion scale, whole numbers only. */
export const SCORE_TO_EMOTION: Readonly<Record<number, number>> = { 1: -3, 2: -2, 3: 0, 4: 2, 5: 3 };

/** The reverse, for every emotion: a map written by hand has -1 and +1 too, and averages. */
export function emotionToScore(emotion: number): number {
    const rounded = Math.max(-3, Math.min(3, Math.round(emotion)));
    return ({ '-3': 1, '-2': 2, '-1': 2, '0': 3, '1': 4, '2': 4, '3': 5 } as Record<string, number>)[String(rounded)];
}
