/**
 * A journey map as Markdown that GitHub and VS Code render without any extension: the facts,
 * Mermaid's journey diagram of the stages and touchpoints, the flow between stages and each
 * persona's emotional curve as ```mermaid blocks, the lanes as a table with one column per stage (the rows of the preview's grid, from
 * the same lane registry), and the improvement plan. For a README or a pull request, where a
 * picture of the map travels with the text.
 */
import { journeyQuestions, type DocumentViewModel, type Evidence, type JourneyView, type MomentView, type PersonaView, type PictureView, type StageNoteView, type StageView } from '../model/view-model.js';
import { EMPATHY_QUADRANTS, type EmpathyKindName, type LevelName } from '../language/vocabulary.js';
import { emotionWordKey } from './emotion-words.js';
import { mermaidText } from './escape.js';
import { journeyMessages } from './languages.js';
import { lanesOf, stagePains, type Lane, type LaneId, type LaneItems } from './lanes.js';
import type { MessageKey, Messages } from './messages.js';
import { curveMermaid, mermaidJourney, personaCurves, timelineMermaid } from './mermaid.js';
import { markdownTable, markdownText } from './text-layout.js';
import { channelLabel, dataBasis, EMPATHY_KEYS, EVIDENCE_KEYS, formatKpiValue, KIND_KEYS, levelKey, questionAbout } from './vocabulary-words.js';


function cell(items: string[]): string {
    return items.join('<br>');
}

function evidenceMark(moment: { evidence?: Evidence }, messages: Messages): string {
    return moment.evidence ? ` *(${evidenceWords(moment.evidence, messages)})*` : '';
}

/** An evidence level's word, and for a refuted item what the research found instead: `refuted → No price per month`. */
function evidenceWords(evidence: Evidence, messages: Messages): string {
    const word = markdownText(messages.t(EVIDENCE_KEYS[evidence.level].word));
    return evidence.instead ? `${word} \u2192 ${markdownText(evidence.instead.label)}` : word;
}

type MarkdownItem<K extends LaneId> = (item: LaneItems[K], stage: StageView, journey: JourneyView, messages: Messages) => string;

/** Where a stage has several touchpoints, an item says which one it belongs to. */
function at(stage: StageView, touchpointLabel: string | undefined, text: string): string {
    return touchpointLabel && stage.touchpoints.length > 1 ? `**${markdownText(touchpointLabel)}:** ${text}` : text;
}

function moment(item: MomentView, stage: StageView, _journey: JourneyView, messages: Messages): string {
    const touchpoint = item.touchpointId ? stage.touchpoints.find(t => t.id === item.touchpointId)?.label : undefined;
    return at(stage, touchpoint, markdownText(item.text) + evidenceMark(item, messages));
}

function stageNote(note: StageNoteView, _stage: StageView, _journey: JourneyView, messages: Messages): string {
    return markdownText(note.text) + evidenceMark(note, messages);
}

/** How each lane writes one item in a table cell: a lane without an entry does not compile. */
const MARKDOWN_ITEMS: { [K in LaneId]: MarkdownItem<K> } = {
    flow: (t, _stage, journey, messages) => {
        const target = markdownText(journey.stages.find(s => s.id === t.to)?.label ?? t.to);
        const reason = t.label ? markdownText(t.label) : '';
        return t.loop
            ? `\u21A9 ${messages.t(t.label ? 'flow.backToBecause' : 'flow.backTo', { stage: target, reason })}`
            : `\u2192 ${messages.t(t.label ? 'flow.toBecause' : 'flow.to', { stage: target, reason })}`;
    },
    touchpoints: (t, _stage, _journey, messages) => {
        const where = t.channel ? ` (${markdownText(channelLabel(t.channel, messages))})` : t.moment ? ` *(${markdownText(messages.t('touchpoint.moment'))})*` : '';
        return `${t.time ? `${markdownText(messages.time(t.time))} ` : ''}${markdownText(t.label)}${where}${t.image ? `<br>${pictureMarkdown(t.image)}` : ''}`;
    },
    does: (a, stage) => at(stage, a.touchpoint.label, markdownText(a.text)),
    thinks: (a, stage) => at(stage, a.touchpoint.label, markdownText(a.text)),
    feels: (a, stage) => at(stage, a.touchpoint.label, markdownText(a.text)),
    says: (a, stage) => at(stage, a.touchpoint.label, markdownText(a.text)),
    experiences: (a, stage) => at(stage, a.touchpoint.label, markdownText(a.text)),
    // Written per persona, in rows of its own (emotionRows).
    emotion: () => '',
    pains: moment,
    goods: moment,
    need: stageNote,
    challenge: stageNote,
    choice: stageNote,
    opportunities: ({ opportunity, rank }) => `#${rank} ${markdownText(opportunity.label)}`,
    kpis: (kpi, _stage, _journey, messages) => {
        const target = kpi.target === undefined ? '' : ` (${messages.t('kpi.target', { target: markdownText(formatKpiValue(kpi.target, kpi.unit, messages)) })})`;
        const basis = kpi.data ? ` *(${markdownText(dataBasis(kpi.data, messages))})*` : '';
        const audience = kpi.audience ? ` *(${markdownText(messages.t('kpi.for', { audience: kpi.audience.label }))})*` : '';
        return `${markdownText(kpi.label)}: **${markdownText(formatKpiValue(kpi.value, kpi.unit, messages))}**${target}${basis}${audience}`;
    },
    frontstage: item => markdownText(item.text),
    backstage: item => markdownText(item.text),
    support: item => markdownText(item.text)
};

function laneCell<K extends LaneId>(lane: Lane<K>, stage: StageView, journey: JourneyView, messages: Messages): string {
    const write = MARKDOWN_ITEMS[lane.id] as MarkdownItem<K>;
    const items: string[] = [];
    if (lane.ofTouchpoint) for (const touchpoint of stage.touchpoints) items.push(...lane.ofTouchpoint(touchpoint).map(item => write(item, stage, journey, messages)));
    if (lane.ofStage) items.push(...lane.ofStage(stage, journey).map(item => write(item, stage, journey, messages)));
    if (lane.id === 'touchpoints' && stage.touchpoints.length === 0) items.push(`*${markdownText(messages.t('stage.unmapped'))}*`);
    if (lane.id === 'touchpoints' && stage.image) items.unshift(pictureMarkdown(stage.image));
    return cell(items);
}

/**
 * A picture as Markdown's image, by its path relative to the map (so a Markdown file kept beside the
 * map shows it on GitHub); `./` first, so no path reads as a link of another kind.
 */
function pictureMarkdown(picture: PictureView): string {
    // encodeURIComponent leaves parentheses as they are, and a `)` would end the link.
    const url = './' + picture.path.trim().replace(/\\/g, '/').split('/').map(part => encodeURIComponent(part).replace(/\(/g, '%28').replace(/\)/g, '%29')).join('/');
    return `![${markdownText(picture.alt ?? '')}](${url})`;
}

/** One row per persona: its score at each touchpoint, and a dash where it has none in a stage it takes part in. */
function emotionRows(journey: JourneyView, messages: Messages): string[][] {
    const rows: string[][] = [];
    for (const lane of journey.emotionLanes.filter(l => l.points.length > 0)) {
        rows.push([`**${markdownText(messages.t('lane.emotion'))}: ${markdownText(lane.label)}**`, ...journey.stages.map(stage => {
            const scores = stage.touchpoints.flatMap(touchpoint => lane.points
                .filter(p => p.touchpointId === touchpoint.id && p.stageId === stage.id)
                .map(p => `${messages.signed(p.score)} ${markdownText(messages.t(emotionWordKey(p.score)))}${stage.touchpoints.length > 1 ? ` (${markdownText(touchpoint.label)})` : ''}${p.data ? ` *(${markdownText(dataBasis(p.data, messages))})*` : ''}${evidenceMark(p, messages)}`));
            const takesPart = stage.touchpoints.some(t => t.personas.length === 0 || t.personas.includes(lane.persona));
            return scores.length > 0 ? cell(scores) : takesPart ? `\u2014 *${markdownText(messages.t('emotion.noScore'))}*` : '';
        })]);
    }
    const baseline = journey.baseline;
    for (const lane of baseline?.emotionLanes.filter(l => l.points.length > 0) ?? []) {
        rows.push([`**${markdownText(messages.t('lane.emotion'))}: ${markdownText(lane.label)} (${markdownText(messages.t('emotion.baselineLegend'))})**`, ...journey.stages.map(stage => {
            const average = stage.counterpart ? lane.averageByStage[stage.counterpart] : null;
            return average === null || average === undefined ? '' : `${messages.signed(average)} ${markdownText(messages.t(emotionWordKey(average)))}`;
        })]);
    }
    return rows;
}

function lanesTable(journey: JourneyView, messages: Messages): string {
    const rows: string[][] = [];
    for (const lane of lanesOf(journey)) {
        if (lane.id === 'emotion') {
            rows.push(...emotionRows(journey, messages));
            continue;
        }
        rows.push([`**${markdownText(messages.t(lane.title))}**`, ...journey.stages.map(stage => laneCell(lane, stage, journey, messages))]);
    }
    return markdownTable([markdownText(messages.t('grid.lane')), ...journey.stages.map(stage => `${stage.index + 1}. ${stage.time ? `${markdownText(messages.time(stage.time))} ` : ''}${markdownText(stage.label)}`)], rows);
}

/**
 * The flow between stages as a Mermaid flowchart, when it is more than "each stage leads to the
 * next": loops back and branches are what a table of columns cannot show.
 */
function flowMermaid(journey: JourneyView): string | undefined {
    if (!journey.transitions.some(t => !t.implicit)) return undefined;
    const id = new Map(journey.stages.map((stage, i) => [stage.id, `s${i}`]));
    const lines = ['flowchart LR'];
    for (const stage of journey.stages) lines.push(`    ${id.get(stage.id)}["${mermaidText(stage.label, stage.id)}"]`);
    for (const t of journey.transitions) {
        const from = id.get(t.from);
        const to = id.get(t.to);
        if (!from || !to) continue;
        const arrow = t.loop ? '-.->' : '-->';
        lines.push(t.label ? `    ${from} ${arrow}|"${mermaidText(t.label).replace(/\|/g, '\u00A6')}"| ${to}` : `    ${from} ${arrow} ${to}`);
    }
    return lines.join('\n') + '\n';
}

function planTables(journey: JourneyView, messages: Messages): string[] {
    const parts: string[] = [];
    const painText = new Map(journey.stages.flatMap(stage => stagePains(stage).flatMap(p => p.id ? [[p.id, p.text] as const] : [])));
    const level = (value: LevelName | undefined) => markdownText(messages.t(levelKey(value)));
    if (journey.opportunities.length > 0) {
        parts.push(`### ${markdownText(messages.t('plan.opportunities'))}, ${markdownText(messages.t('plan.opportunitiesOrder'))}`);
        parts.push(markdownTable(
            ['#', messages.t('plan.opportunity'), messages.t('plan.impact'), messages.t('plan.effort'), messages.t('plan.addresses'), messages.t('plan.evidence')].map(markdownText),
            journey.opportunities.map((o, index) => [
                String(index + 1), described(o), level(o.impact), level(o.effort),
                cell(o.addresses.map(id => markdownText(painText.get(id) ?? id))), o.evidence ? evidenceWords(o.evidence, messages) : ''
            ])));
    }
    if (journey.actions.length > 0) {
        // The plan's order is its priorities; the column is there when any action has one.
        const ranked = journey.actions.some(action => action.priority !== undefined);
        parts.push(`### ${markdownText(messages.t('plan.actionPlan'))}`);
        parts.push(markdownTable([...(ranked ? [messages.t('plan.priority')] : []), messages.t('plan.action'), messages.t('plan.owner'), messages.t('plan.dueColumn'), messages.t('plan.for')].map(markdownText), journey.actions.map(action => [
            ...(ranked ? [action.priority === undefined ? '' : String(action.priority)] : []),
            described(action), action.owner ? markdownText(action.owner) : `*${markdownText(messages.t('plan.noOwner'))}*`,
            action.due ? markdownText(messages.date(action.due)) : '',
            cell(action.opportunities.map(id => markdownText(journey.opportunities.find(o => o.id === id)?.label ?? id)))
        ])));
    }
    const questions = journeyQuestions(journey);
    if (questions.length > 0) {
        parts.push(`### ${markdownText(messages.t('question.heading'))}`);
        parts.push(questions.map(({ question, about }, index) => {
            return `${index + 1}. ${markdownText(question.text)} *(${questionAbout(about, messages, markdownText)})*`;
        }).join('\n'));
    }
    return parts;
}

/**
 * Each persona's empathy map as two-column tables, so GitHub draws the quadrants side by side:
 * says and thinks, does and feels, then pains and gains where there are any.
 */
function empathyMarkdown(journey: JourneyView, messages: Messages): string[] {
    const maps = journey.empathy ?? [];
    if (maps.length === 0) return [`*${markdownText(messages.t('empathy.none'))}*`];
    return maps.flatMap(empathy => {
        const entries = (kind: EmpathyKindName) => empathy.entries[kind].length > 0
            ? cell(empathy.entries[kind].map(entry => markdownText(entry.text) + evidenceMark(entry, messages)))
            : `*${markdownText(messages.t('empathy.empty'))}*`;
        const table = (kinds: readonly EmpathyKindName[]) => markdownTable(kinds.map(kind => markdownText(messages.t(EMPATHY_KEYS[kind]))), [kinds.map(entries)]);
        const [says, thinks, does, feels] = EMPATHY_QUADRANTS;
        const tables = [`### ${markdownText(messages.t('empathy.of', { persona: empathy.label }))}`, table([says, thinks]), table([does, feels])];
        if (empathy.entries.pain.length + empathy.entries.gain.length > 0) tables.push(table(['pain', 'gain']));
        return tables;
    });
}

/** An opportunity's or action's label, with its description under it in the same cell. */
function described(element: { label: string; description?: string }): string {
    return element.description ? `${markdownText(element.label)}<br>${markdownText(element.description)}` : markdownText(element.label);
}

function journeyMarkdown(journey: JourneyView, around: Messages): string {
    const messages = journeyMessages(journey, around);
    const parts: string[] = [];
    const fact = (key: MessageKey, value: string) => `- **${markdownText(messages.t(key))}:** ${value}`;
    parts.push(`## ${markdownText(journey.title)}`);
    const facts = [fact('header.kind', markdownText(messages.t(KIND_KEYS[journey.kind])))];
    if (journey.baseline) facts.push(fact('header.improves', markdownText(journey.baseline.title)));
    if (journey.goal) facts.push(fact('header.goal', markdownText(journey.goal)));
    if (journey.scope) facts.push(fact('header.scope', markdownText(journey.scope)));
    if (journey.owner) facts.push(fact('header.owner', markdownText(journey.owner)));
    if (journey.review) {
        const overdue = journey.review.stale ? ` (${markdownText(messages.t('header.reviewOverdueMeaning'))})` : '';
        facts.push(fact('header.review', `${markdownText(messages.date(journey.review.date))}${overdue}`));
    }
    if (journey.personas.length > 0) {
        const segments = (persona: PersonaView) => persona.segments ? ` (${markdownText(messages.list(persona.segments.map(segment => segment.label)))})` : '';
        facts.push(fact('header.personas', journey.personas.map(p => markdownText(p.label) + segments(p)).join(', ')));
    }
    parts.push(facts.join('\n'));
    const empathy = journey.empathy !== undefined || journey.kind === 'empathy-map';
    if (empathy) parts.push(...empathyMarkdown(journey, messages));
    if (journey.stages.length === 0) {
        // An empathy map needs no stages; its open questions are listed like any map's.
        if (empathy) parts.push(...planTables(journey, messages));
        else parts.push(`*${markdownText(messages.t('journey.noStages'))}*`);
        return parts.join('\n\n');
    }
    // Mermaid's own journey diagram, which GitHub draws with a face per score: the simple picture of the map.
    // It holds the stages and touchpoints the timeline would, with the scores; the curves below keep every persona exact.
    if (journey.stages.some(stage => stage.touchpoints.some(t => t.emotions.length > 0))) {
        parts.push('```mermaid\n' + mermaidJourney(journey, { messages }) + '```');
    } else {
        parts.push('```mermaid\n' + timelineMermaid(journey, { messages }) + '```');
    }
    const flow = flowMermaid(journey);
    if (flow) parts.push('```mermaid\n' + flow + '```');
    for (const curve of personaCurves(journey)) parts.push('```mermaid\n' + curveMermaid(journey, curve, { messages }) + '```');
    parts.push(`### ${markdownText(messages.t('grid.lanes'))}`);
    parts.push(lanesTable(journey, messages));
    parts.push(...planTables(journey, messages));
    return parts.join('\n\n');
}

export function documentMarkdown(model: DocumentViewModel, words: Messages): string {
    // Markdown is read as raw text too (a diff, a search): its words carry no soft hyphens.
    const messages = words.plainText();
    if (model.journeys.length === 0) return `*${markdownText(messages.t('document.noJourney'))}*\n`;
    return model.journeys.map(journey => journeyMarkdown(journey, messages)).join('\n\n') + '\n';
}
