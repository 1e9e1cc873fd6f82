/**
 * Every map's health at a glance: for each journey of a workspace, what makes it stale or unfinished.
 * The Explorer's Journey Maps view and `journey report --portfolio` read the same rows, from the
 * view model and the diagnostics of each document. Pure: models in, rows and text out.
 */
import { isStale } from '../language/journey-semantics.js';
import { EMPATHY_KIND_NAMES, STAGE_NOTE_KINDS, type JourneyKindName } from '../language/vocabulary.js';
import { journeyFindings, type DocumentViewModel, type JourneyView, type SourceRange } from '../model/view-model.js';
import { alignColumns, markdownTable, markdownText, oneLine } from './text-layout.js';

/** The diagnostic codes the portfolio counts; the validators define them. */
const DRIFT_CODE = 'data-drift';

export interface JourneyHealth {
    uri: string;
    /** The file as the reader knows it: a path relative to the workspace or the current folder. */
    file: string;
    id: string;
    title: string;
    kind: JourneyKindName;
    owner?: string;
    range: SourceRange;
    review?: { date: string; passed: boolean };
    stages: number;
    unmappedStages: string[];
    /** Items that say how we know them (evidence), and how many of those say `assumed`. */
    evidenced: number;
    assumed: number;
    pains: number;
    /** Pain points no opportunity addresses. */
    unaddressedPains: number;
    actions: number;
    /** Labels of the actions whose due date has passed. */
    overdueActions: string[];
    /** Emotions and KPIs written by hand that the research data contradicts. */
    drift: number;
    errors: number;
    warnings: number;
}

/** A diagnostic as the portfolio reads it: LSP's shape, severity 1 error, 2 warning. */
export interface PortfolioDiagnostic {
    severity?: number;
    code?: string | number;
    range: SourceRange;
}

export function journeyHealth(model: DocumentViewModel, diagnostics: readonly PortfolioDiagnostic[], file: string, today: Date = new Date()): JourneyHealth[] {
    return model.journeys.map(journey => {
        const inside = diagnostics.filter(diagnostic => within(diagnostic.range, journey.range));
        const evidence = evidenceOf(journey);
        const pains = journeyFindings(journey, 'pains');
        return {
            uri: model.uri,
            file,
            id: journey.id,
            title: journey.title,
            kind: journey.kind,
            owner: journey.owner,
            range: journey.range,
            review: journey.review && { date: journey.review.date, passed: isStale(journey.review.date, today) },
            stages: journey.stages.length,
            unmappedStages: journey.stages.filter(stage => stage.unmapped).map(stage => stage.label),
            evidenced: evidence.length,
            assumed: evidence.filter(level => level === 'assumed').length,
            pains: pains.length,
            unaddressedPains: pains.filter(pain => pain.addressedBy.length === 0).length,
            actions: journey.actions.length,
            overdueActions: journey.actions.filter(action => action.due !== undefined && isStale(action.due, today)).map(action => action.label),
            drift: inside.filter(diagnostic => diagnostic.code === DRIFT_CODE).length,
            errors: inside.filter(diagnostic => diagnostic.severity === 1).length,
            warnings: inside.filter(diagnostic => diagnostic.severity === 2).length
        };
    });
}

/** The evidence levels of everything in a journey that can carry one. */
function evidenceOf(journey: JourneyView): string[] {
    const levels: Array<string | undefined> = [];
    for (const stage of journey.stages) {
        levels.push(stage.evidence?.level);
        for (const touchpoint of stage.touchpoints) levels.push(touchpoint.evidence?.level, ...touchpoint.emotions.map(point => point.evidence?.level));
        for (const kind of STAGE_NOTE_KINDS) for (const note of stage.notes[kind]) levels.push(note.evidence?.level);
    }
    for (const kind of ['pains', 'goods'] as const) for (const moment of journeyFindings(journey, kind)) levels.push(moment.evidence?.level);
    for (const empathy of journey.empathy ?? []) for (const kind of EMPATHY_KIND_NAMES) levels.push(...empathy.entries[kind].map(entry => entry.evidence?.level));
    for (const opportunity of journey.opportunities) levels.push(opportunity.evidence?.level);
    for (const action of journey.actions) levels.push(action.evidence?.level);
    return levels.filter((level): level is string => level !== undefined);
}

function within(inner: SourceRange, outer: SourceRange): boolean {
    const before = (a: SourceRange['start'], b: SourceRange['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
    return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/** The share of evidenced items still assumed, in whole per cent; undefined when nothing says how we know it. */
export function assumedShare(health: JourneyHealth): number | undefined {
    return health.evidenced === 0 ? undefined : Math.round(health.assumed / health.evidenced * 100);
}

/** What needs attention, most urgent first, as short phrases; empty for a healthy map. */
export function healthProblems(health: JourneyHealth): string[] {
    const problems: string[] = [];
    if (health.errors > 0) problems.push(count(health.errors, 'error'));
    if (health.review?.passed) problems.push(`review due since ${health.review.date}`);
    if (health.drift > 0) problems.push(`${count(health.drift, 'value')} drifted from data`);
    if (health.overdueActions.length > 0) problems.push(`${count(health.overdueActions.length, 'action')} overdue`);
    if (health.unmappedStages.length > 0) problems.push(`${count(health.unmappedStages.length, 'stage')} unmapped`);
    if (health.unaddressedPains > 0) problems.push(`${count(health.unaddressedPains, 'pain point')} unaddressed`);
    const share = assumedShare(health);
    if (share !== undefined && share >= 50) problems.push(`${share} % still assumed`);
    return problems;
}

/** ok: nothing to do; attention: something is stale or unfinished; broken: the map has errors. */
export function healthLevel(health: JourneyHealth): 'ok' | 'attention' | 'broken' {
    if (health.errors > 0) return 'broken';
    return healthProblems(health).length > 0 ? 'attention' : 'ok';
}

/** Worst first, then by file and position, so the table reads as a to-do list. */
export function sortPortfolio(rows: readonly JourneyHealth[]): JourneyHealth[] {
    const rank = { broken: 0, attention: 1, ok: 2 } as const;
    return [...rows].sort((a, b) => rank[healthLevel(a)] - rank[healthLevel(b)] || a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line);
}

const COLUMNS = ['Journey', 'File', 'Kind', 'Owner', 'Review', 'Unmapped', 'Assumed', 'Unaddressed', 'Overdue', 'Drift', 'Problems'];

function cells(health: JourneyHealth): string[] {
    const share = assumedShare(health);
    return [
        health.title, health.file, health.kind, health.owner ?? '—',
        health.review ? `${health.review.date}${health.review.passed ? ' (due)' : ''}` : '—',
        `${health.unmappedStages.length}/${health.stages}`,
        share === undefined ? '—' : `${share} %`,
        `${health.unaddressedPains}/${health.pains}`,
        `${health.overdueActions.length}/${health.actions}`,
        String(health.drift),
        health.errors + health.warnings === 0 ? '—' : `${count(health.errors, 'error')}, ${count(health.warnings, 'warning')}`
    ];
}

const LEVEL_MARKS = { broken: '✗', attention: '!', ok: '✓' } as const;

/** For a terminal: a line per journey with what needs attention; the Markdown table has every column. */
export function portfolioText(rows: readonly JourneyHealth[], width = Infinity): string {
    if (rows.length === 0) return 'No journeys found.\n';
    const lines = alignColumns([['', 'Journey', 'File', 'Needs attention'], ...sortPortfolio(rows).map(row => {
        const problems = healthProblems(row);
        return [LEVEL_MARKS[healthLevel(row)], oneLine(row.title), oneLine(row.file), problems.length === 0 ? 'nothing' : problems.join('; ')];
    })], '', '  ', width);
    return [...lines, '', summary(rows)].join('\n') + '\n';
}

export function portfolioMarkdown(rows: readonly JourneyHealth[]): string {
    if (rows.length === 0) return 'No journeys found.\n';
    return `${markdownTable(COLUMNS, sortPortfolio(rows).map(row => cells(row).map(markdownText)))}\n\n${summary(rows)}\n`;
}

function summary(rows: readonly JourneyHealth[]): string {
    const levels = rows.map(healthLevel);
    const ok = levels.filter(level => level === 'ok').length;
    const broken = levels.filter(level => level === 'broken').length;
    return `${count(rows.length, 'journey')}: ${ok} healthy, ${rows.length - ok - broken} needing attention, ${broken} with errors.`;
}

function count(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
