/**
 * Hover cards: who a persona is, what a stage holds, how a touchpoint feels. The same card is the
 * documentation of a name offered by completion. Cards are Markdown, and every piece of user text in
 * them goes through `markdownText`; names (letters, digits and _ only) sit in code spans.
 */
import { AstUtils, CstUtils, type AstNode, type DocumentationProvider, type LangiumDocument } from 'langium';
import type { Hover, HoverParams } from 'vscode-languageserver';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { DataSets } from '../data/data-sets.js';
import { dataKeysOf, loadSource, peekSource, readBinding, type DataReading } from '../data/data-semantics.js';
import { DATA_KEY_KINDS } from '../data/data-table.js';
import type { JourneyServices } from '../journey-module.js';
import {
    isAction, isActionDue, isEmpathyMap, isEmpathyNote, isPicture, isActionOwner, isActionPriority, isChannelDecl, isDataSource, isDescription, isJourney, isLanguageSetting, isOpportunity, isPainPoint, isPersona, isQuestion, isRating, isSegment, isStage, isStageNote, isTimeOfDay, isTouchpoint,
    type Action, type DataSource, type EmpathyMap, type EmpathyNote, type EvidenceNote, type Journey, type Opportunity, type PainPoint, type Persona, type Segment, type Stage, type StageNote, type Touchpoint
} from '../generated/ast.js';
import {
    elementLabel, emotionPersona, evidenceOf, journeyKind, timeSpan, journeyPersonas, journeyTitle, kpisIn, stageTouchpoints, touchpointActivities, touchpointChannel,
    touchpointEmotions, touchpointPersonas
} from '../journey-semantics.js';
import { markdownText as md } from '../markdown-text.js';
import { EMPATHY_KIND_NAMES, EMPATHY_KINDS, EMPATHY_QUADRANTS, emotionLabel, formatEmotion, JOURNEY_KINDS, MAP_LANGUAGES, mapLanguageOf, roundScore, STAGE_NOTE_KINDS, STAGE_NOTES } from '../vocabulary.js';
import { capitalized } from '../journey-names.js';

export class JourneyHoverProvider extends AstNodeHoverProvider {
    private readonly dataSets: DataSets;

    constructor(services: JourneyServices) {
        super(services);
        this.dataSets = services.data.DataSets;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const hover = await super.getHoverContent(document, params);
        if (hover) return hover;
        // A language tag is neither a name nor a reference: its card says which words it chooses.
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(params.position));
        const setting = leaf && AstUtils.getContainerOfType(leaf.astNode, isLanguageSetting);
        if (setting?.tag) return { contents: { kind: 'markdown', value: languageCard(setting.tag) } };
        // Nor is a stage's need, challenge or choice: its card says what it is and how we know it.
        const note = leaf && AstUtils.getContainerOfType(leaf.astNode, isStageNote);
        if (note?.kind) return { contents: { kind: 'markdown', value: stageNoteCard(note) } };
        // Nor is a picture: its card says which file and what it shows.
        const picture = leaf && AstUtils.getContainerOfType(leaf.astNode, isPicture);
        if (picture?.path !== undefined) {
            const described = picture.alt?.trim() ? `: ${md(picture.alt)}` : ', with no description yet: add `alt "what it shows"` for those who cannot see it.';
            return { contents: { kind: 'markdown', value: `**Image** ${md(picture.path)}${described}\n\nA PNG, JPEG or SVG file of the workspace, relative to this map. The preview shows it, and every export carries it inline.` } };
        }
        // Nor is what an empathy map says, nor the map's keyword: the whole map is summed up.
        const entry = leaf && AstUtils.getContainerOfType(leaf.astNode, isEmpathyNote);
        if (entry?.kind) return { contents: { kind: 'markdown', value: empathyNoteCard(entry) } };
        const empathy = leaf && AstUtils.getContainerOfType(leaf.astNode, isEmpathyMap);
        return empathy ? { contents: { kind: 'markdown', value: empathyMapCard(empathy) } } : undefined;
    }

    protected async getAstNodeHoverContent(node: AstNode): Promise<string | undefined> {
        // The journey's data files are read if they were not yet (a map hovered before it was
        // validated); a file read before and unchanged since is not read again.
        const journey = AstUtils.getContainerOfType(node, isJourney);
        if (journey) await Promise.all(journey.dataSources.map(source => loadSource(this.dataSets, source)));
        return journeyCard(node, this.dataSets);
    }
}

function languageCard(tag: string): string {
    const language = MAP_LANGUAGES.find(candidate => candidate.tag === mapLanguageOf(tag));
    return language
        ? `**Language** ${md(language.name)} (${code(language.tag)}): lane titles, badges, headings, dates and numbers of this map are written in ${md(language.name)}.`
        : `**Language** ${code(tag)}: there are no words for it yet, so this map's words stay in English. Languages with words: ${MAP_LANGUAGES.map(l => `${code(l.tag)} (${md(l.name)})`).join(', ')}.`;
}

/**
 * Completion shows the card of each name it offers. Langium's default reads a `/** ... *\/` comment
 * before the declaration as Markdown, which would let a comment in a map do what a label cannot.
 */
export class JourneyDocumentationProvider implements DocumentationProvider {
    constructor(private readonly dataSets?: DataSets) {}

    getDocumentation(node: AstNode): string | undefined {
        return journeyCard(node, this.dataSets);
    }
}

/**
 * The card of a named thing of a journey map, as Markdown; undefined for things without one.
 * With the research data read so far, values read from data are shown with their source and n.
 */
export function journeyCard(node: AstNode, dataSets?: DataSets): string | undefined {
    if (isPersona(node)) return personaCard(node);
    if (isStage(node)) return stageCard(node, dataSets);
    if (isTouchpoint(node)) return touchpointCard(node, dataSets);
    if (isDataSource(node)) return dataSourceCard(node, dataSets);
    if (isJourney(node)) return journeyOverview(node);
    if (isPainPoint(node)) return painCard(node);
    if (isOpportunity(node)) return opportunityCard(node);
    if (isAction(node)) return actionCard(node);
    if (isSegment(node)) return segmentCard(node);
    if (isChannelDecl(node)) return `**Channel** ${code(node.name)}${node.label ? `: ${md(node.label)}` : ''}`;
    return undefined;
}

function personaCard(persona: Persona): string {
    const lines = [`**Persona** ${persona.label ? `${md(persona.label)} (${code(persona.name)})` : code(persona.name)}`];
    for (const detail of persona.details) lines.push(`- *${detail.kind}*: ${md(detail.text ?? '')}`);
    const segments = persona.segments.flatMap(use => use.segment?.ref ? [md(use.segment.ref.label ?? use.segment.ref.name)] : []);
    if (segments.length > 0) lines.push(`- *segment*: ${segments.join(', ')}`);
    const prefers = persona.preferences.flatMap(use => use.channels.flatMap(ref => ref.ref ? [md(ref.ref.label ?? ref.ref.name)] : []));
    if (prefers.length > 0) lines.push(`- *prefers*: ${prefers.join(', ')}`);
    return lines.join('\n');
}

function segmentCard(segment: Segment): string {
    return `**Segment** ${segment.label ? `${md(segment.label)} (${code(segment.name)})` : code(segment.name)}: a group of customers personas belong to (\`segment ${segment.name}\` in a persona) and KPIs can be measured for (\`kpi "..." 2.1 % for ${segment.name}\`).`;
}

function dataSourceCard(source: DataSource, dataSets: DataSets | undefined): string {
    const lines = [`**Data** ${code(source.name)}: ${md(source.path ?? '')}`];
    const keys = dataKeysOf(source);
    const said = DATA_KEY_KINDS.filter(kind => keys[kind] !== undefined).map(kind => `${kind} in ${md(`'${keys[kind]}'`)}`);
    if (said.length > 0) lines.push('', `Rows say the ${said.join(', ')}.`);
    const load = dataSets && peekSource(dataSets, source);
    if (load?.ok) lines.push('', `${load.table.rows.toLocaleString('en')} rows; columns: ${load.table.columns.map(column => md(`'${column}'`)).join(', ')}.`);
    else if (load) lines.push('', md(load.problem));
    return lines.join('\n');
}

function stageCard(stage: Stage, dataSets: DataSets | undefined): string {
    const journey = AstUtils.getContainerOfType(stage, isJourney);
    const touchpoints = stageTouchpoints(stage);
    const lines = [`**Stage** ${md(stage.label ?? stage.name ?? '')}${atTime(stage.items)}${journey ? ` of *${md(journeyTitle(journey))}*` : ''}`, ''];
    lines.push(touchpoints.length === 0 ? 'No touchpoints yet.' : `${touchpoints.length} touchpoint${touchpoints.length === 1 ? '' : 's'}: ${touchpoints.map(t => md(t.label ?? t.name ?? '')).join(', ')}`);
    const notes = stage.items.filter(isStageNote);
    if (notes.length > 0) lines.push('');
    for (const kind of STAGE_NOTE_KINDS) {
        for (const note of notes.filter(n => n.kind === kind)) {
            lines.push(`- *${kind}*: ${md(note.text ?? '')}${evidenceSaid(evidenceOf(note))}`);
        }
    }
    if (journey) {
        const averages = averageEmotionByPersona(touchpoints, journey, dataSets);
        if (averages.length > 0) {
            lines.push('', '| Persona | Average emotion |', '|---|---|');
            for (const { persona, average } of averages) {
                lines.push(`| ${md(persona.label ?? persona.name)} | ${average === undefined ? '—' : `${formatEmotion(roundScore(average))} (${emotionLabel(average)})`} |`);
            }
        }
    }
    return withQuestions(lines, stage.items).join('\n');
}

function touchpointCard(touchpoint: Touchpoint, dataSets: DataSets | undefined): string {
    const journey = AstUtils.getContainerOfType(touchpoint, isJourney);
    const channel = touchpointChannel(touchpoint);
    const lines = [`**${touchpoint.moment ? 'Moment' : 'Touchpoint'}** ${md(touchpoint.label ?? touchpoint.name ?? '')}${atTime(touchpoint.items)}${channel ? ` via *${md(channel.label ?? channel.name)}*` : touchpoint.moment ? ', without us: no channel of ours is involved' : ''}`];
    if (journey) {
        const personas = touchpointPersonas(touchpoint, journey);
        if (personas.length > 0) lines.push(`Personas: ${personas.map(p => md(p.label ?? p.name)).join(', ')}`);
    }
    for (const activity of touchpointActivities(touchpoint)) lines.push(`- *${activity.kind}*: ${md(activity.text ?? '')}`);
    for (const emotion of touchpointEmotions(touchpoint)) {
        const persona = emotionPersona(emotion);
        const reading = emotion.data && dataSets ? readBinding(dataSets, emotion, persona) : undefined;
        const score = emotion.score ?? reading?.score;
        const value = score === undefined ? (emotion.data ? 'no data yet' : '?') : `${formatEmotion(score)} (${emotionLabel(score)})`;
        lines.push(`- emotion${persona ? ` of ${md(persona.name)}` : ''}: ${value}${reading ? `, ${dataNote(reading)}` : ''}${evidenceSaid(evidenceOf(emotion))}`);
    }
    for (const kpi of kpisIn(touchpoint)) {
        const reading = kpi.data && dataSets ? readBinding(dataSets, kpi, undefined) : undefined;
        const value = kpi.value ?? (reading && reading.value.n > 0 ? Math.round(reading.value.mean * 100) / 100 : undefined);
        const unit = kpi.unit === undefined ? '' : kpi.unit === '%' ? ' %' : ` ${kpi.unit}`;
        lines.push(`- KPI ${md(kpi.label ?? '')}: ${value === undefined ? 'no data yet' : `${value}${unit}`}${kpi.target === undefined ? '' : ` (target ${kpi.target}${unit})`}${reading ? `, ${dataNote(reading)}` : ''}${kpi.audience?.ref ? `, for ${md(kpi.audience.ref.label ?? kpi.audience.ref.name)}` : ''}`);
    }
    return withQuestions(lines, touchpoint.items).join('\n');
}

/** When in the day a stage or touchpoint happens: ` at 07:30`, ` at 06:30–09:00`. */
function atTime(statements: readonly AstNode[]): string {
    const span = timeSpan(statements.find(isTimeOfDay));
    return span ? ` at ${span.start}${span.end ? `\u2013${span.end}` : ''}` : '';
}

/** The open questions among an element's statements, after the rest of its card. */
function withQuestions(lines: string[], statements: readonly AstNode[]): string[] {
    const questions = statements.filter(isQuestion);
    if (questions.length === 0) return lines;
    return [...lines, '', ...questions.map(question => `- *open question*: ${md(question.text ?? '')}`)];
}

function journeyOverview(journey: Journey): string {
    const personas = journeyPersonas(journey);
    return [
        `**Journey** ${md(journeyTitle(journey))} — ${JOURNEY_KINDS[journeyKind(journey)]}`,
        `${journey.stages.length} stages: ${journey.stages.map(s => md(s.name ?? '')).join(' → ')}`,
        personas.length > 0 ? `Personas: ${personas.map(p => md(p.label ?? p.name)).join(', ')}` : 'No personas named yet.'
    ].join('\n\n');
}

function stageNoteCard(note: StageNote): string {
    const stage = AstUtils.getContainerOfType(note, isStage);
    const evidence = evidenceOf(note);
    const lines = [`**${capitalized(note.kind)}**${stage ? ` in stage *${md(stage.label ?? stage.name ?? '')}*` : ''}: ${md(note.text ?? '')}`, '', `${STAGE_NOTES[note.kind]}.`];
    lines.push(evidence?.level ? `Evidence${evidenceSaid(evidence)}.` : 'No evidence given: say how you know it with `{ evidence observed "source" }`.');
    return lines.join('\n');
}

function empathyNoteCard(note: EmpathyNote): string {
    const empathy = AstUtils.getContainerOfType(note, isEmpathyMap);
    const persona = empathy?.persona?.ref;
    const evidence = evidenceOf(note);
    const lines = [`**${capitalized(note.kind)}**${persona ? ` in the empathy map of *${md(persona.label ?? persona.name)}*` : ''}: ${md(note.text ?? '')}`, '', `${EMPATHY_KINDS[note.kind]}.`];
    lines.push(evidence?.level ? `Evidence${evidenceSaid(evidence)}.` : 'No evidence given: say how you know it with `{ evidence observed "source" }`.');
    return withQuestions(lines, note.details).join('\n');
}

/** How much an empathy map says in each quadrant, and which quadrants are still empty. */
function empathyMapCard(empathy: EmpathyMap): string {
    const persona = empathy.persona?.ref;
    const notes = empathy.items.filter(isEmpathyNote);
    const count = (kind: EmpathyNote['kind']) => notes.filter(note => note.kind === kind).length;
    const lines = [`**Empathy map** of ${persona ? md(persona.label ?? persona.name) : code(empathy.persona?.$refText ?? '')}: what they say, think, do and feel, and their pains and gains.`, ''];
    lines.push(EMPATHY_KIND_NAMES.map(kind => `${capitalized(kind)}: ${count(kind)}`).join(' · '));
    const empty = EMPATHY_QUADRANTS.filter(kind => count(kind) === 0);
    if (empty.length > 0) lines.push('', `Nothing yet in: ${empty.map(capitalized).join(', ')}.`);
    return withQuestions(lines, empathy.items).join('\n');
}

function painCard(pain: PainPoint): string {
    return withQuestions([`**Pain point**${pain.name ? ` ${code(pain.name)}` : ''}: ${md(pain.text ?? '')}${evidenceSaid(evidenceOf(pain))}`], pain.details).join('\n');
}

/** How we know something, after what it says: ` (refuted: Interviews; found instead: No price per month)`. */
function evidenceSaid(evidence: EvidenceNote | undefined): string {
    if (evidence?.level === undefined) return '';
    const replacement = evidence.replacement?.ref;
    const instead = replacement ? `; found instead: ${md(elementLabel(replacement))}` : '';
    return ` (${evidence.level}${evidence.source ? `: ${md(evidence.source)}` : ''}${instead})`;
}

function opportunityCard(opportunity: Opportunity): string {
    const ratings = opportunity.items.filter(isRating).map(rating => `${rating.measure} ${rating.level}`);
    const description = opportunity.items.find(isDescription)?.text;
    const lines = [`**Opportunity** ${md(opportunity.label ?? opportunity.name ?? '')}${ratings.length > 0 ? ` (${ratings.join(', ')})` : ''}`];
    if (description !== undefined) lines.push('', md(description));
    return withQuestions(lines, opportunity.items).join('\n');
}

function actionCard(action: Action): string {
    const priority = action.items.find(isActionPriority)?.rank;
    const owner = action.items.find(isActionOwner)?.name;
    const due = action.items.find(isActionDue)?.date;
    const description = action.items.find(isDescription)?.text;
    const facts = [priority === undefined ? '' : `priority ${priority}`, owner === undefined ? 'no owner yet' : `owner ${md(owner)}`, due === undefined ? '' : `due ${due}`].filter(Boolean);
    const lines = [`**Action** ${md(action.label ?? action.name ?? '')} (${facts.join(', ')})`];
    if (description !== undefined) lines.push('', md(description));
    return withQuestions(lines, action.items).join('\n');
}

/** A name in a code span: names are letters, digits and _, so no backtick can end the span early. */
function code(name: string): string {
    return `\`${name}\``;
}

/** Where a value read from data comes from: the source, the file's own mean and the number of values. */
function dataNote(reading: DataReading): string {
    const mean = Math.round(reading.value.mean * 100) / 100;
    const scale = reading.scale ? ` on ${reading.scale.low}..${reading.scale.high}` : '';
    return `from data ${code(reading.source.name)} (${md(reading.file)}, ${md(`'${reading.column}'`)}: ${reading.value.n > 0 ? `mean ${mean}${scale}, ` : ''}n = ${reading.value.n})`;
}

/** Mean emotion of each journey persona over the touchpoints given; undefined where the persona has none. */
export function averageEmotionByPersona(touchpoints: Touchpoint[], journey: Journey, dataSets?: DataSets): Array<{ persona: Persona; average: number | undefined }> {
    return journeyPersonas(journey).map(persona => {
        const scores = touchpoints.flatMap(touchpoint => touchpointEmotions(touchpoint).filter(e => emotionPersona(e) === persona)
            .map(e => e.score ?? (e.data && dataSets ? readBinding(dataSets, e, persona)?.score : undefined))
            .filter((score): score is number => score !== undefined));
        return { persona, average: scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : undefined };
    });
}

