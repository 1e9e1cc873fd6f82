/**
 * A journey as the map people read: the header (title, kind, goal, personas), the overview
 * band (the Mermaid timeline, drawn in a browser and put in its slot), the grid (a column per
 * stage, a row per lane, the emotion lane among them) and the improvement plan. Pure markup,
 * shared by the preview, every export, the Markdown preview and the CLI; every element that
 * came from the text carries `data-key` and `data-range`, so a click can reveal its source.
 */
import type {
    EmpathyEntryView, EmpathyView, Evidence, JourneyView, PictureView, KpiView, MomentView, PersonaView, QuestionView, SourceRange, StageNoteView, StageView, TimeOfDayView, TouchpointView, TransitionView
} from '../model/view-model.js';
import { journeyQuestions } from '../model/view-model.js';
import { EMPATHY_QUADRANTS, type ActivityKindName, type EmpathyKindName, type LevelName, type StageNoteName } from '../language/vocabulary.js';
import { encodeRange, rangeContains } from './elements.js';
import { curvesFor, emotionCells, emotionHeaderCell, markerIcon } from './emotion-lane.js';
import { emotionWordKey } from './emotion-words.js';
import { gridWidth, stageColumns, type GridGeometry } from './grid-geometry.js';
import { lanesOf, stagePains, type BlueprintItem, type Lane, type LaneId, type LaneItems, type RankedOpportunity } from './lanes.js';
import { attrs, html, join, trusted, type Markup } from './markup.js';
import type { MessageKey, Messages } from './messages.js';
import { journeyMessages } from './languages.js';
import { personaStyleIndex, STAGE_HUES } from './palette.js';
import { channelLabel, dataBasis, dataTitle, EMPATHY_KEYS, EVIDENCE_KEYS, evidenceTitle, formatKpiValue, KIND_KEYS, levelKey, questionAbout } from './vocabulary-words.js';

export interface MapOptions {
    messages: Messages;
    geometry: GridGeometry;
    /** Persona ids in document order: a persona keeps its colour and marker in every journey. */
    personaOrder: readonly string[];
    /** Personas whose emotions are shown; all when absent. */
    personas?: readonly string[];
    /**
     * Fold each persona's details under its name and one line about it, so a narrow panel shows
     * the map without scrolling past the personas. Exports leave this off: a shared map is read
     * without clicking.
     */
    collapsePersonas?: boolean;
    /** Where the text has errors: the stages and touchpoints they fall in are marked. */
    problems?: ReadonlyArray<{ message: string; range: SourceRange }>;
    /** A picture to share: nothing is a button, nothing takes the keyboard focus. */
    exported?: boolean;
    /** The cells of the previous drawing, for a drawing that follows edits (the preview); exports draw once. */
    cells?: GridCellMemo;
    /**
     * Where each picture's file (PictureView.file) is loaded from here: the preview's resource URL,
     * an export's inline `data:` URL. A picture without one is drawn as its description.
     */
    images?: Readonly<Record<string, string>>;
}

/**
 * The grid cells of a journey's previous drawing, by lane and by everything a cell is drawn from:
 * its stage's data, and around it the journey's other data and the options. An edit in one stage
 * draws that stage's cells again and takes the others back as they were. The emotion lane is
 * always drawn: its curves run across stages.
 */
export class GridCellMemo {
    private drawn = new Map<string, Markup>();
    private next = new Map<string, Markup>();
    private around = '';

    /** Starts a drawing; everything is forgotten when what lies around the stages changed. */
    begin(around: string): void {
        if (around !== this.around) this.drawn.clear();
        this.around = around;
        this.next = new Map();
    }

    cell(key: string, draw: () => Markup): Markup {
        const cell = this.drawn.get(key) ?? draw();
        this.next.set(key, cell);
        return cell;
    }

    /** Keeps this drawing's cells, and only those, for the next. */
    end(): void {
        this.drawn = this.next;
    }
}

/**
 * What a stage's cells are drawn from besides the stage itself: the journey without its stages
 * (of which cells read only labels, in the flow lane) and without its emotion curves (of which they
 * read only names), and the options.
 */
function aroundTheStages(journey: JourneyView, options: MapOptions): string {
    const { messages, cells, ...rest } = options;
    return JSON.stringify([
        messages.locale, rest,
        { ...journey, stages: journey.stages.map(stage => [stage.id, stage.label]), emotionLanes: journey.emotionLanes.map(lane => [lane.persona, lane.label]) }
    ]);
}

/** The parts of one journey's section; the preview replaces each only when its markup changed. */
export interface JourneyParts {
    header: Markup;
    grid: GridMarkup;
    plan: Markup;
}

/** One lane of the grid: its row's opening tag, then its cells (the lane's name, then one per stage). */
export interface GridRow {
    lane: LaneId;
    open: Markup;
    cells: Markup[];
}

/** A row as markup. */
export function rowMarkup(row: GridRow): Markup {
    return html`${row.open}${row.cells}</tr>`;
}

export interface GridMarkup {
    /** Everything before the rows: the table, its columns and the stage header row. */
    head: Markup;
    rows: GridRow[];
    /** Shown instead of a grid when the journey has no stages. */
    empty?: Markup;
}

interface Traceable { key: string; range: SourceRange; uri?: string }

/**
 * What makes a drawn element clickable, focusable and findable from the cursor. Its accessible
 * name is its visible text, as a screen reader user hears what a sighted user reads.
 */
function source(element: Traceable, options: MapOptions, focusable = true): Markup {
    return attrs({
        'data-key': element.key,
        'data-range': encodeRange(element.range),
        'data-uri': element.uri,
        tabindex: options.exported ? undefined : focusable ? 0 : -1,
        role: options.exported ? undefined : 'button'
    });
}

function personaLabel(journey: JourneyView, persona: string): string {
    return journey.personas.find(p => p.id === persona)?.label
        ?? journey.emotionLanes.find(lane => lane.persona === persona)?.label
        ?? persona;
}

function hasProblem(range: SourceRange, options: MapOptions): string | undefined {
    return options.problems?.find(problem => rangeContains(range, problem.range.start))?.message;
}

function problemMark(range: SourceRange, options: MapOptions): Markup {
    const problem = hasProblem(range, options);
    return problem ? html`<span class="problem-mark" title="${problem}">${options.messages.t('problem.here')}</span>` : html``;
}

/** How we know an item, as a badge; a refuted one is followed by what the research found instead. */
function evidenceBadge(evidence: Evidence | undefined, options: MapOptions): Markup {
    if (!evidence) return html``;
    const { messages } = options;
    const badge = html`<span class="evidence evidence-${evidence.level}" title="${evidenceTitle(evidence, messages)}">${messages.t(EVIDENCE_KEYS[evidence.level].word)}</span>`;
    if (!evidence.instead) return badge;
    return html`${badge}<span class="chip evidence-instead" title="${messages.t('evidence.instead')}"><span aria-hidden="true">\u2192</span> ${evidence.instead.label}</span>`;
}

/** The number of each open question in the journey's list (journeyQuestions), by the question's key. */
const questionNumbers = new WeakMap<JourneyView, Map<string, number>>();

function questionNumber(journey: JourneyView, key: string): number | undefined {
    let numbers = questionNumbers.get(journey);
    if (!numbers) questionNumbers.set(journey, numbers = new Map(journeyQuestions(journey).map(({ question }, i) => [question.key, i + 1])));
    return numbers.get(key);
}

/** An element's open questions, as a mark with their numbers in the journey's list; their text is the title. */
function questionMark(element: { questions?: QuestionView[] }, journey: JourneyView, options: MapOptions): Markup {
    const questions = element.questions ?? [];
    if (questions.length === 0) return html``;
    const numbers = questions.map(q => questionNumber(journey, q.key)).filter(n => n !== undefined).join(', ');
    return html`<span class="chip question-ref" title="${questions.map(q => q.text).join('\n')}"><span aria-hidden="true">?</span><span class="visually-hidden">${options.messages.t('question.open')}</span> ${numbers}</span>`;
}

function levelBadge(measure: 'impact' | 'effort', level: LevelName | undefined, options: MapOptions): Markup {
    const { messages } = options;
    const name = messages.t(measure === 'impact' ? 'plan.impact' : 'plan.effort');
    return html`<span class="badge level ${level ? `${measure}-${level}` : 'level-unrated'}">${name}: ${messages.t(levelKey(level))}</span>`;
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

const DETAIL_KEYS: Record<string, MessageKey> = {
    backstory: 'persona.backstory', demographics: 'persona.demographics', goal: 'persona.goal', need: 'persona.need',
    pain: 'persona.pain', motivation: 'persona.motivation', task: 'persona.task', quote: 'persona.quote'
};

function personaCard(persona: PersonaView, options: MapOptions): Markup {
    const { messages } = options;
    const style = personaStyleIndex(persona.id, options.personaOrder);
    const segments = (persona.segments ?? []).map(segment => html` <span class="chip segment-chip" title="${messages.t('persona.segment')}">${segment.label}</span>`);
    const name = html`${markerIcon(persona.id, options.personaOrder, 14)}<strong class="persona-name">${persona.label}</strong>${segments}`;
    const details = persona.details.map(detail =>
        html`<li><span class="detail-kind">${DETAIL_KEYS[detail.kind] ? messages.t(DETAIL_KEYS[detail.kind]) : detail.kind}</span> ${detail.text}</li>`);
    if (persona.prefers) {
        details.push(html`<li><span class="detail-kind">${messages.t('persona.prefers')}</span> ${messages.list(persona.prefers.map(channel => channelLabel(channel, messages)))}</li>`);
    }
    const attributes = source(persona, options);
    if (details.length === 0) return html`<li class="persona persona-${style}"><div class="persona-title"${attributes}>${name}</div></li>`;
    const summary = personaSummary(persona);
    if (options.exported || !options.collapsePersonas) {
        return html`<li class="persona persona-${style}"><div class="persona-title"${attributes}>${name}</div><ul class="persona-details">${details}</ul></li>`;
    }
    // The card reveals its source; the summary inside it folds the details, as a control of its own.
    return join([
        html`<li class="persona persona-${style}"><details class="persona-more"><summary${attrs({ title: messages.t('persona.toggle', { persona: persona.label }) })}>${name}`,
        html`${summary ? html`<span class="persona-summary">${summary}</span>` : ''}</summary><ul class="persona-details">${details}</ul></details>`,
        html`<span class="persona-source"${attributes}>${messages.t('persona.showSource')}</span></li>`
    ]);
}

export function journeyHeader(journey: JourneyView, options: MapOptions): Markup {
    const { messages } = options;
    const facts: Markup[] = [];
    const fact = (key: MessageKey, value: Markup | string) => facts.push(html`<div><dt>${messages.t(key)}</dt><dd>${value}</dd></div>`);
    if (journey.goal) fact('header.goal', journey.goal);
    if (journey.scope) fact('header.scope', journey.scope);
    if (journey.owner) fact('header.owner', journey.owner);
    if (journey.review) {
        const review = journey.review;
        const stale = review.stale ? html` <span class="badge stale" title="${messages.t('header.reviewOverdueMeaning')}">\u26A0 ${messages.t('header.reviewOverdue')}</span>` : '';
        const reviewSource = source({ key: `${journey.key}:review`, range: review.range }, options, false);
        fact('header.review', html`<span${reviewSource}>${messages.date(review.date)}</span>${stale}`);
    }
    const baseline = journey.baseline
        ? html`<p class="baseline-note">${messages.t('header.futureOf', { title: journey.baseline.title })}</p>`
        : '';
    const personas = journey.personas.length > 0 ? html`<ul class="personas">${journey.personas.map(p => personaCard(p, options))}</ul>` : '';
    return join([
        html`<header class="journey-header"><div class="journey-title-row">`,
        html`<h1 class="journey-title" dir="auto"${source(journey, options)}>${journey.title}</h1>`,
        html`<span class="badge kind kind-${journey.kind}">${messages.t(KIND_KEYS[journey.kind])}</span></div>`,
        html`${facts.length > 0 ? html`<dl class="journey-facts">${facts}</dl>` : ''}${baseline}${personas}</header>`
    ]);
}

// ---------------------------------------------------------------- grid items

interface CellContext {
    journey: JourneyView;
    stage: StageView;
    options: MapOptions;
}

type ItemRenderer<K extends LaneId> = (item: LaneItems[K], context: CellContext) => Markup;

function transitionBadge(transition: TransitionView, { journey, options }: CellContext): Markup {
    const { messages } = options;
    const target = journey.stages.find(stage => stage.id === transition.to)?.label ?? transition.to;
    const kind = transition.loop ? 'loop' : transition.implicit ? 'implicit' : 'explicit';
    const text = transition.loop
        ? messages.t(transition.label ? 'flow.backToBecause' : 'flow.backTo', { stage: target, reason: transition.label ?? '' })
        : messages.t(transition.label ? 'flow.toBecause' : 'flow.to', { stage: target, reason: transition.label ?? '' });
    const attributes = transition.range
        ? source({ key: `transition:${transition.from}:${transition.to}`, range: transition.range }, options, false)
        : html``;
    return html`<span class="flow flow-${kind}"${attributes}><span aria-hidden="true">${transition.loop ? '\u21A9' : '\u2192'}</span> ${text}</span>`;
}

function touchpointCard(touchpoint: TouchpointView, { journey, options }: CellContext): Markup {
    const meta: Markup[] = [];
    if (touchpoint.channel) meta.push(html`<span class="chip channel">${channelLabel(touchpoint.channel, options.messages)}</span>`);
    // A moment of the customer's day without us in it says so, in words as well as in its dashed outline.
    if (touchpoint.moment) meta.push(html`<span class="chip moment-chip" title="${options.messages.t('touchpoint.momentMeaning')}">${options.messages.t('touchpoint.moment')}</span>`);
    // Naming every persona on every card says nothing; only a touchpoint for some of them needs saying.
    const forEveryone = journey.personas.every(persona => touchpoint.personas.includes(persona.id));
    for (const persona of forEveryone ? [] : touchpoint.personas) {
        meta.push(html`<span class="chip persona-chip persona-${personaStyleIndex(persona, options.personaOrder)}">${markerIcon(persona, options.personaOrder, 10)} ${personaLabel(journey, persona)}</span>`);
    }
    meta.push(evidenceBadge(touchpoint.evidence, options), questionMark(touchpoint, journey, options));
    return join([
        html`<div class="card touchpoint${touchpoint.moment ? ' moment' : ''}${hasProblem(touchpoint.range, options) ? ' has-problem' : ''}"${source(touchpoint, options)}>${picture(touchpoint.image, options)}`,
        html`<div class="card-title" dir="auto">${timeOfDay(touchpoint, options)}${touchpoint.label}</div><div class="card-meta">${meta}${problemMark(touchpoint.range, options)}</div></div>`
    ]);
}

/**
 * A stage's or touchpoint's picture, where this medium can load its file; elsewhere (a Markdown
 * preview, a file that could not be read) its description in a dashed frame, so nothing is lost.
 */
function picture(image: PictureView | undefined, options: MapOptions): Markup | string {
    if (!image) return '';
    const src = options.images?.[image.file];
    if (src) return html`<img class="picture" src="${src}" alt="${image.alt ?? ''}" decoding="async">`;
    return html`<span class="picture picture-missing">${options.messages.t('picture.notShown', { what: image.alt ?? image.path })}</span>`;
}

/** When in the day a stage or touchpoint happens, before its label. */
function timeOfDay(element: { time?: TimeOfDayView }, options: MapOptions): Markup | string {
    if (!element.time) return '';
    return html`<time class="time-of-day" datetime="${element.time.start}">${options.messages.time(element.time)}</time> `;
}

function activity(kind: ActivityKindName): ItemRenderer<typeof kind> {
    // A side panel shows three lines of each; the whole text is in the tooltip, the accessible name and every export.
    return ({ text, touchpoint }, { options }) =>
        html`<p class="activity activity-${kind}" dir="auto"${source(touchpoint, options, false)}${attrs({ title: options.exported ? undefined : text })}>${text}</p>`;
}

function momentCard(kind: 'pain' | 'good'): ItemRenderer<'pains' | 'goods'> {
    return (moment: MomentView, { journey, options }: CellContext) => {
        const { messages } = options;
        const fixes = moment.addressedBy
            .map(id => journey.opportunities.find(o => o.id === id))
            .filter(o => o !== undefined)
            .map(o => html`<span class="chip opportunity-ref" title="${messages.t('pain.addressedBy')}"><span aria-hidden="true">\u2192</span> ${o.label}</span>`);
        return join([
            html`<div class="card ${kind}"${source(moment, options)}><p class="moment-text" dir="auto">${moment.text}</p>`,
            html`<div class="card-meta">${evidenceBadge(moment.evidence, options)}${fixes}${questionMark(moment, journey, options)}</div></div>`
        ]);
    };
}

/** A need, challenge or choice of the stage's customer: its text and how sure we are of it. */
function noteCard(kind: StageNoteName): ItemRenderer<StageNoteName> {
    return (note: StageNoteView, { journey, options }: CellContext) => join([
        html`<div class="card note note-${kind}"${source(note, options)}><p class="moment-text" dir="auto">${note.text}</p>`,
        html`<div class="card-meta">${evidenceBadge(note.evidence, options)}${questionMark(note, journey, options)}</div></div>`
    ]);
}

function opportunityCard({ opportunity, rank }: RankedOpportunity, { journey, options }: CellContext): Markup {
    return join([
        html`<div class="card opportunity"${source(opportunity, options)}>`,
        html`<div class="card-title" dir="auto"><span class="rank">#${rank}</span> ${opportunity.label}</div>`,
        html`<div class="card-meta">${levelBadge('impact', opportunity.impact, options)}${levelBadge('effort', opportunity.effort, options)}${evidenceBadge(opportunity.evidence, options)}${questionMark(opportunity, journey, options)}</div></div>`
    ]);
}

function kpiCard(kpi: KpiView, { options }: CellContext): Markup {
    const { messages } = options;
    const value = formatKpiValue(kpi.value, kpi.unit, messages);
    let target: Markup | string = '';
    let meter: Markup | string = '';
    if (kpi.target !== undefined) {
        target = html`<span class="kpi-target">${messages.t('kpi.target', { target: formatKpiValue(kpi.target, kpi.unit, messages) })}</span>`;
        // How far along the value is towards the target; the direction of "better" is not known, so no colour verdict.
        const ratio = kpi.target === 0 ? 1 : Math.max(0, Math.min(1, kpi.value / kpi.target));
        meter = trusted(`<span class="kpi-meter" aria-hidden="true"><span style="width:${Math.round(ratio * 100)}%"></span></span>`);
    }
    // Read from research data: where from and how many values, so a reader can weigh it.
    const basis = kpi.data
        ? html`<span class="kpi-basis" title="${dataTitle(kpi.data, messages)}">${dataBasis(kpi.data, messages)}</span>`
        : '';
    return join([
        html`<div class="kpi${kpi.data ? ' kpi-data' : ''}"${source(kpi, options, false)}><span class="kpi-label" dir="auto">${kpi.label}</span>`,
        html`<span class="kpi-value">${value}</span>${target}${meter}${basis}${kpi.audience ? html`<span class="kpi-audience">${messages.t('kpi.for', { audience: kpi.audience.label })}</span>` : ''}</div>`
    ]);
}

function blueprintItem(item: BlueprintItem, { options }: CellContext): Markup {
    return html`<p class="blueprint-item" dir="auto"${source(item, options, false)}>${item.text}</p>`;
}

/** How each lane draws one item: a lane without a renderer does not compile. */
const ITEM_RENDERERS: { [K in LaneId]: ItemRenderer<K> } = {
    flow: transitionBadge,
    touchpoints: touchpointCard,
    does: activity('does'),
    thinks: activity('thinks'),
    feels: activity('feels'),
    says: activity('says'),
    experiences: activity('experiences'),
    // The emotion lane is drawn whole, as curves (emotion-lane.ts); its items are never drawn one by one.
    emotion: () => html``,
    pains: momentCard('pain'),
    goods: momentCard('good'),
    need: noteCard('need'),
    challenge: noteCard('challenge'),
    choice: noteCard('choice'),
    opportunities: opportunityCard,
    kpis: kpiCard,
    frontstage: blueprintItem,
    backstage: blueprintItem,
    support: blueprintItem
};

function renderItems<K extends LaneId>(lane: Lane<K>, items: ReadonlyArray<LaneItems[K]>, context: CellContext): Markup[] {
    const render = ITEM_RENDERERS[lane.id] as ItemRenderer<K>;
    return items.map(item => render(item, context));
}

/**
 * One stage's cell of a lane: the touchpoints' items each in its touchpoint's column, then the
 * stage's own items across the columns.
 */
function laneCell<K extends LaneId>(lane: Lane<K>, context: CellContext): Markup {
    const { stage, options } = context;
    const { geometry } = options;
    const columns = lane.ofTouchpoint && stage.touchpoints.length > 0
        ? stage.touchpoints.map(touchpoint => html`<div class="touchpoint-column">${renderItems(lane, lane.ofTouchpoint!(touchpoint), context)}</div>`)
        : [];
    const own = lane.ofStage ? renderItems(lane, lane.ofStage(stage, context.journey), context) : [];
    const touchpointItems = columns.length > 0 && stage.touchpoints.some(t => lane.ofTouchpoint!(t).length > 0);
    // A stage whose touchpoints are all another segment's is not unmapped: its cell is just empty here.
    const empty = lane.id === 'touchpoints' && stage.unmapped
        ? html`<p class="unmapped-note">${options.messages.t('stage.unmapped')}</p>`
        : '';
    // The stage's own picture heads its touchpoints, as the first panel of its part of the storyboard.
    const stagePicture = lane.id === 'touchpoints' && stage.image
        ? html`<div class="stage-picture"${source(stage.image, options, false)}>${picture(stage.image, options)}</div>`
        : '';
    const grid = touchpointItems
        ? trusted(`<div class="touchpoint-columns" style="grid-template-columns:repeat(${columns.length},${geometry.touchpointWidth}px);column-gap:${geometry.gap}px">`)
        : undefined;
    return html`${stagePicture}${grid ? html`${grid}${columns}</div>` : ''}${own.length > 0 ? html`<div class="stage-items">${own}</div>` : ''}${empty}`;
}

// ---------------------------------------------------------------- grid

function comparisonChips(journey: JourneyView, stage: StageView, options: MapOptions): Markup | string {
    const { messages } = options;
    const baseline = journey.baseline;
    if (!baseline || !stage.counterpart) return '';
    const counterpart = stage.counterpart;
    const chips: Markup[] = [];
    for (const lane of journey.emotionLanes) {
        if (options.personas && !options.personas.includes(lane.persona)) continue;
        const future = lane.averageByStage[stage.id];
        const current = baseline.emotionLanes.find(l => l.persona === lane.persona)?.averageByStage[counterpart];
        if (future === null || future === undefined || current === null || current === undefined) continue;
        const change = future - current;
        const trend = change > 0 ? 'better' : change < 0 ? 'worse' : 'same';
        const arrow = trend === 'better' ? '\u25B2' : trend === 'worse' ? '\u25BC' : '=';
        const text = messages.t('compare.chip', { persona: lane.label, current: messages.signed(current), future: messages.signed(future) });
        const delta = trend === 'same' ? '' : ` ${messages.signed(change)}`;
        chips.push(join([
            html`<span class="delta delta-${trend} persona-${personaStyleIndex(lane.persona, options.personaOrder)}" title="${messages.t(`compare.${trend}`)}">`,
            html`${markerIcon(lane.persona, options.personaOrder, 10)} ${text} <strong class="delta-change">${arrow}${delta}</strong></span>`
        ]));
    }
    const previous = baseline.stages.find(s => s.id === counterpart);
    const was = previous && previous.label !== stage.label ? html`<span class="was">${messages.t('compare.was', { stage: previous.label })}</span>` : '';
    return chips.length > 0 || was ? html`<div class="comparison">${was}${chips}</div>` : '';
}

function stageHeader(journey: JourneyView, stage: StageView, options: MapOptions): Markup {
    const { messages } = options;
    const unmapped = stage.unmapped ? html`<span class="unmapped-note">${messages.t('stage.unmapped')}</span>` : '';
    const classes = `stage stage-hue-${stage.index % STAGE_HUES}${stage.unmapped ? ' unmapped' : ''}${hasProblem(stage.range, options) ? ' has-problem' : ''}`;
    return join([
        html`<th scope="col" class="${classes}"><div class="stage-head"${source(stage, options)}>`,
        html`<span class="stage-index" aria-hidden="true">${stage.index + 1}</span><span class="stage-label" dir="auto"${attrs({ title: options.exported ? undefined : stage.label })}>${timeOfDay(stage, options)}${stage.label}</span>`,
        html`${evidenceBadge(stage.evidence, options)}${questionMark(stage, journey, options)}${unmapped}${problemMark(stage.nameRange, options)}${comparisonChips(journey, stage, options)}</div></th>`
    ]);
}

function laneRow(lane: Lane, journey: JourneyView, options: MapOptions, stageKeys: readonly string[]): GridRow {
    const title = options.messages.t(lane.title);
    const cellClass = (stage: StageView) => `cell stage-hue-${stage.index % STAGE_HUES}${stage.unmapped ? ' unmapped' : ''}`;
    if (lane.id === 'emotion') {
        const curves = curvesFor(journey, options);
        const cells = emotionCells(journey, options, curves);
        return {
            lane: lane.id,
            open: html`<tr class="lane lane-emotion">`,
            cells: [
                html`<th scope="row" class="lane-name lane-name-emotion">${emotionHeaderCell(journey, title, options, curves)}</th>`,
                ...journey.stages.map((stage, i) => html`<td class="${cellClass(stage)} emotion-cell">${cells[i]}</td>`)
            ]
        };
    }
    const draw = (stage: StageView) => html`<td class="${cellClass(stage)}">${laneCell(lane, { journey, stage, options })}</td>`;
    return {
        lane: lane.id,
        open: html`<tr class="lane lane-${lane.id}">`,
        cells: [
            html`<th scope="row" class="lane-name"><span class="lane-title">${title}</span></th>`,
            ...journey.stages.map((stage, i) => options.cells ? options.cells.cell(`${lane.id}\n${stageKeys[i]}`, () => draw(stage)) : draw(stage))
        ]
    };
}

export function journeyGrid(journey: JourneyView, options: MapOptions): GridMarkup {
    // Empathy maps are not a sequence: they take the grid's place, and stages, if any, follow them.
    if (journey.empathy || journey.kind === 'empathy-map') {
        const stages = journey.stages.length > 0 ? gridMarkup(stageGrid(journey, options)) : '';
        return { head: html``, rows: [], empty: html`${empathyMaps(journey, options)}${stages}` };
    }
    return stageGrid(journey, options);
}

function stageGrid(journey: JourneyView, options: MapOptions): GridMarkup {
    const { messages, geometry } = options;
    if (journey.stages.length === 0) {
        return { head: html``, rows: [], empty: html`<p class="empty-note">${messages.t('journey.noStages')}</p>` };
    }
    const columns = stageColumns(journey, geometry);
    const colgroup = trusted(`<colgroup><col style="width:${geometry.laneWidth}px">${columns.map(c => `<col style="width:${c.width}px">`).join('')}</colgroup>`);
    const width = gridWidth(journey, geometry);
    const head = join([
        html`<table class="map-grid density-${geometry.density}" style="width:${width}px">`,
        html`<caption class="visually-hidden">${messages.t('grid.caption', { title: journey.title })}</caption>${colgroup}`,
        html`<thead><tr><th scope="col" class="corner"><span class="lane-title">${messages.t('grid.stages')}</span></th>`,
        html`${journey.stages.map(stage => stageHeader(journey, stage, options))}</tr></thead>`
    ]);
    const lanes = geometry.density === 'summary' ? summaryLanes(journey) : lanesOf(journey);
    options.cells?.begin(aroundTheStages(journey, options));
    const stageKeys = options.cells ? journey.stages.map(stage => JSON.stringify(stage)) : [];
    const rows = lanes.map(lane => laneRow(lane, journey, options, stageKeys));
    options.cells?.end();
    return { head, rows };
}

/** The summary keeps what a reader needs at a glance: the curve and how many pain points each stage has. */
function summaryLanes(journey: JourneyView): Lane[] {
    return lanesOf(journey).filter(lane => lane.id === 'emotion');
}

/** The grid as one piece of markup (exports and the Markdown preview; the preview patches rows instead). */
export function gridMarkup(grid: GridMarkup): Markup {
    if (grid.empty) return grid.empty;
    return html`${grid.head}<tbody>${grid.rows.map(rowMarkup)}</tbody></table>`;
}

// ---------------------------------------------------------------- empathy maps

/**
 * Each persona's empathy map: the four quadrants of what they say, think, do and feel (in two
 * columns where there is room, one in a narrow panel), then their pains and gains.
 */
function empathyMaps(journey: JourneyView, options: MapOptions): Markup {
    const { messages } = options;
    const maps = journey.empathy ?? [];
    if (maps.length === 0) return html`<p class="empty-note">${messages.t('empathy.none')}</p>`;
    return html`<div class="empathy-maps">${maps.map(empathy => empathyMap(empathy, journey, options))}</div>`;
}

function empathyMap(empathy: EmpathyView, journey: JourneyView, options: MapOptions): Markup {
    const { messages } = options;
    const title = messages.t('empathy.of', { persona: empathy.label });
    const part = (kind: EmpathyKindName) => {
        const entries = empathy.entries[kind];
        const list = entries.length > 0
            ? html`<ul class="empathy-entries">${entries.map(entry => html`<li>${empathyEntry(entry, kind, journey, options)}</li>`)}</ul>`
            : html`<p class="empathy-empty">${messages.t('empathy.empty')}</p>`;
        return html`<section class="empathy-part empathy-${kind}"><h3>${messages.t(EMPATHY_KEYS[kind])}</h3>${list}</section>`;
    };
    const outcomes = empathy.entries.pain.length + empathy.entries.gain.length > 0
        ? html`<div class="empathy-outcomes">${part('pain')}${part('gain')}</div>`
        : '';
    return join([
        html`<article class="empathy-map persona-${personaStyleIndex(empathy.persona, options.personaOrder)}${hasProblem(empathy.range, options) ? ' has-problem' : ''}" aria-label="${title}">`,
        html`<h2 class="empathy-title"><span class="empathy-persona"${source(empathy, options)}>${markerIcon(empathy.persona, options.personaOrder, 14)} ${title}</span>`,
        html`${questionMark(empathy, journey, options)}${problemMark(empathy.range, options)}</h2>`,
        html`<p class="visually-hidden">${messages.t('empathy.caption', { persona: empathy.label })}</p>`,
        html`<div class="empathy-quadrants">${EMPATHY_QUADRANTS.map(part)}</div>${outcomes}</article>`
    ]);
}

function empathyEntry(entry: EmpathyEntryView, kind: EmpathyKindName, journey: JourneyView, options: MapOptions): Markup {
    return join([
        html`<div class="card empathy-entry empathy-entry-${kind}"${source(entry, options)}><p class="moment-text" dir="auto">${entry.text}</p>`,
        html`<div class="card-meta">${evidenceBadge(entry.evidence, options)}${questionMark(entry, journey, options)}</div></div>`
    ]);
}

// ---------------------------------------------------------------- plan

/** Each named pain point of the journey with the label of its stage, found in one walk. */
function painsById(journey: JourneyView): Map<string, { pain: MomentView; stage: string }> {
    const pains = new Map<string, { pain: MomentView; stage: string }>();
    for (const stage of journey.stages) {
        for (const pain of stagePains(stage)) if (pain.id && !pains.has(pain.id)) pains.set(pain.id, { pain, stage: stage.label });
    }
    return pains;
}

function painReference(pains: Map<string, { pain: MomentView; stage: string }>, painId: string, options: MapOptions): Markup {
    const found = pains.get(painId);
    if (found) return html`<span class="chip pain-ref" title="${options.messages.t('plan.painIn', { stage: found.stage })}">${found.pain.text}</span>`;
    return html`<span class="chip pain-ref">${painId}</span>`;
}

/** The longer word on an opportunity or action, under its title. */
function description(element: { description?: string }): Markup | string {
    return element.description ? html`<p class="plan-description" dir="auto">${element.description}</p>` : '';
}

export function improvementPlan(journey: JourneyView, options: MapOptions): Markup {
    const { messages } = options;
    const asked = journeyQuestions(journey);
    if (journey.opportunities.length === 0 && journey.actions.length === 0 && asked.length === 0) return html``;
    const pains = painsById(journey);
    const questions = asked.map(({ question, about }, index) => join([
        html`<li><div class="card question"${source(question, options)}><span class="rank question-number">${index + 1}</span>`,
        html`<div class="plan-body"><p class="moment-text" dir="auto">${question.text}</p>`,
        html`<div class="card-meta"><span class="question-about">${questionAbout(about, messages)}</span></div></div></div></li>`
    ]));
    const opportunities = journey.opportunities.map((opportunity, index) => {
        const addresses = opportunity.addresses.length > 0
            ? html`<div class="refs"><span class="refs-label">${messages.t('plan.addresses')}</span>${opportunity.addresses.map(id => painReference(pains, id, options))}</div>`
            : '';
        const actions = opportunity.actions
            .map(id => journey.actions.find(a => a.id === id))
            .filter(a => a !== undefined)
            .map(a => html`<span class="chip action-ref">${a.label}</span>`);
        return join([
            html`<li><div class="card opportunity"${source(opportunity, options)}>`,
            html`<span class="rank">#${index + 1}</span><div class="plan-body"><div class="card-title" dir="auto">${opportunity.label}</div>${description(opportunity)}`,
            html`<div class="card-meta">${levelBadge('impact', opportunity.impact, options)}${levelBadge('effort', opportunity.effort, options)}${evidenceBadge(opportunity.evidence, options)}${questionMark(opportunity, journey, options)}</div>`,
            html`${addresses}${actions.length > 0 ? html`<div class="refs"><span class="refs-label">${messages.t('plan.actions')}</span>${actions}</div>` : ''}</div></div></li>`
        ]);
    });
    const actions = journey.actions.map(action => {
        const meta: Markup[] = [];
        meta.push(action.owner
            ? html`<span class="owner">${messages.t('plan.owner')}: <strong>${action.owner}</strong></span>`
            : html`<span class="owner owner-missing">${messages.t('plan.noOwner')}</span>`);
        if (action.due) meta.push(html`<span class="due">${messages.t('plan.due', { date: messages.date(action.due) })}</span>`);
        meta.push(evidenceBadge(action.evidence, options), questionMark(action, journey, options));
        const serves = action.opportunities
            .map(id => journey.opportunities.find(o => o.id === id))
            .filter(o => o !== undefined)
            .map(o => html`<span class="chip opportunity-ref">${o.label}</span>`);
        return join([
            html`<li><div class="card action"${source(action, options)}>`,
            html`${action.priority === undefined ? '' : html`<span class="rank action-rank" title="${messages.t('plan.priority')}">${action.priority}</span>`}`,
            html`<div class="plan-body"><div class="card-title" dir="auto">${action.label}</div>${description(action)}<div class="card-meta">${meta}</div>`,
            html`${serves.length > 0 ? html`<div class="refs"><span class="refs-label">${messages.t('plan.for')}</span>${serves}</div>` : ''}</div></div></li>`
        ]);
    });
    return join([
        html`<section class="plan">`,
        html`${opportunities.length > 0 ? html`<div class="plan-column"><h2>${messages.t('plan.opportunities')} <small>${messages.t('plan.opportunitiesOrder')}</small></h2><ol class="plan-list">${opportunities}</ol></div>` : ''}`,
        html`${actions.length > 0 ? html`<div class="plan-column"><h2>${messages.t('plan.actionPlan')}</h2><ul class="plan-list">${actions}</ul></div>` : ''}`,
        html`${questions.length > 0 ? html`<div class="plan-column"><h2>${messages.t('question.heading')}</h2><ol class="plan-list">${questions}</ol></div>` : ''}`,
        html`</section>`
    ]);
}

// ---------------------------------------------------------------- the section

/** The options for one journey: its own `language` wins over the one asked for around it. */
function inJourneyLanguage(journey: JourneyView, options: MapOptions): MapOptions {
    const messages = journeyMessages(journey, options.messages);
    return messages === options.messages ? options : { ...options, messages };
}

export function journeyParts(journey: JourneyView, around: MapOptions): JourneyParts {
    const options = inJourneyLanguage(journey, around);
    return { header: journeyHeader(journey, options), grid: journeyGrid(journey, options), plan: improvementPlan(journey, options) };
}

/**
 * One journey's section, the same for the preview, every export and the Markdown preview:
 * header, overview band, grid, plan. `overview` is the drawn timeline (or, without a
 * browser, its Mermaid text); the preview fills the same slots part by part.
 */
export function journeySection(journey: JourneyView, parts: JourneyParts, overview: Markup | string, around: MapOptions): Markup {
    const options = inJourneyLanguage(journey, around);
    // The section says the language of its words, so a screen reader reads them in that language.
    return join([
        html`<section class="journey" data-journey="${journey.key}" aria-label="${journey.title}" lang="${options.messages.locale}">`,
        html`<div class="journey-header-slot">${parts.header}</div>`,
        html`${overview ? html`<figure class="overview"><figcaption class="overview-caption">${options.messages.t('overview.caption')}</figcaption><div class="overview-canvas">${overview}</div></figure>` : ''}`,
        html`<div class="journey-grid-slot">${gridMarkup(parts.grid)}</div><div class="journey-plan-slot">${parts.plan}</div></section>`
    ]);
}

/** Words of a score for a tooltip or a table: "+2 positive". */
export function scoreWords(score: number, messages: Messages): string {
    return `${messages.signed(score)} ${messages.t(emotionWordKey(score))}`;
}

/** The title of a page holding every journey of a file. */
export function documentTitle(model: { journeys: ReadonlyArray<{ title: string }> }, messages: Messages): string {
    return model.journeys.map(journey => journey.title).join(', ') || messages.t('document.untitled');
}

/** A self-contained HTML document: inline CSS, no scripts, for sharing an exported map. */
export function standaloneHtmlDocument(title: string, css: string, body: Markup, messages: Messages): string {
    return '<!DOCTYPE html>\n'
        + html`<html lang="${messages.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>`.value
        + `<style>${css.replace(/<\/style/gi, '<\\/style')}</style></head>`
        + html`<body class="journey-export"><main class="map">${body}</main></body></html>`.value + '\n';
}

