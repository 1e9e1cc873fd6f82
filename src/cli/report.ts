/** `journey report`: the analysis of each journey in a file, or with --portfolio every map's health in one table. */
import { journeyForSegment, journeySegments, type JourneyView } from '../model/view-model.js';
import { journeyMessages } from '../render/languages.js';
import { healthLevel, healthProblems, journeyHealth, portfolioMarkdown, portfolioText, sortPortfolio } from '../render/portfolio.js';
import { journeyReport, reportMarkdown, reportText } from '../render/report.js';
import { CliError, ExitCode } from './errors.js';
import { resolveJourneyFiles } from './files.js';
import { choice, expectPositionals, LANGUAGE_OPTION, languageMessages, parseCommandArgs } from './options.js';
import { reportErrors, terminalWidth, writeResult } from './output.js';
import { Progress } from './progress.js';
import { loadJourneyFiles } from './workspace.js';

export async function report(args: string[]): Promise<number> {
    const { values, positionals } = parseCommandArgs('report', args, {
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        portfolio: { type: 'boolean' },
        segment: { type: 'string' },
        ...LANGUAGE_OPTION
    });
    if (values.portfolio === true) {
        if (values.segment !== undefined) throw new CliError('--segment reports on one map as one segment lives it; the portfolio table is every map\'s health. Leave out one of them.');
        return portfolio(positionals, values);
    }
    expectPositionals('report', positionals, 1, 1, 'exactly one .journey file');
    const format = choice('report', '--format', values.format, ['text', 'markdown'] as const, 'text');
    const messages = languageMessages(values.language);
    const [file] = resolveJourneyFiles(positionals);
    const [loaded] = await loadJourneyFiles([file], { workspaceFolders: values.workspace, progress: Progress.for(values.progress === true) });
    if (loaded.model.journeys.length === 0) {
        reportErrors([loaded]);
        throw new CliError(`${loaded.shown} declares no journey, so there is nothing to report on. Add one: journey Name "Title" { stage Awareness { } }`, ExitCode.Problems);
    }
    // --segment: each journey as that segment lives it (its personas, their touchpoints and KPIs).
    const segment = values.segment;
    // A journey none of whose personas belongs to the segment is reported whole, and says nothing of a segment.
    const hasSegment = (journey: JourneyView) => segment !== undefined && journeySegments(journey).some(s => s.id === segment);
    const journeys = loaded.model.journeys.map(journey => hasSegment(journey) ? journeyForSegment(journey, segment!) : journey);
    if (segment !== undefined && !loaded.model.journeys.some(journey => journeySegments(journey).some(s => s.id === segment))) {
        const known = [...new Set(loaded.model.journeys.flatMap(journeySegments).map(s => s.id))];
        throw new CliError(known.length > 0
            ? `No persona of ${loaded.shown} belongs to the segment '${segment}'. Segments of its personas: ${known.join(', ')}.`
            : `No persona of ${loaded.shown} belongs to a segment. Declare one (segment Nordics "Nordic countries") and name it in a persona (segment Nordics).`);
    }
    // Each journey's report speaks the journey's own language, else the one asked for.
    const text = journeys.map(journey => {
        const label = journeySegments(journey).find(s => s.id === segment)?.label;
        // Reported for one segment, the curve is not split by segment again.
        const report = { ...journeyReport(journey), ...(label === undefined ? {} : { segment: label, segmentCurve: undefined }) };
        const words = journeyMessages(journey, messages);
        return format === 'markdown' ? reportMarkdown(report, words) : reportText(report, words, { width: terminalWidth(values.output) });
    }).join('\n');
    writeResult(text, values.output);
    return reportErrors([loaded]) > 0 ? ExitCode.Problems : ExitCode.Ok;
}

/**
 * Every journey of the files, folders and globs given, with its health: review date, unmapped stages,
 * share still assumed, unaddressed pain points, overdue actions, drift from data, problems.
 */
async function portfolio(positionals: string[], values: { format?: string; output?: string; workspace?: string[]; progress?: boolean; language?: string }): Promise<number> {
    expectPositionals('report', positionals, 1, Infinity, 'at least one .journey file, folder or glob with --portfolio');
    const format = choice('report', '--format', values.format, ['text', 'markdown', 'json'] as const, 'text');
    if (values.language !== undefined) process.stderr.write('The portfolio table is written in English; --language applies to the report of one map.\n');
    const files = resolveJourneyFiles(positionals);
    const loaded = await loadJourneyFiles(files, { workspaceFolders: values.workspace, progress: Progress.for(values.progress === true) });
    const rows = loaded.flatMap(file => journeyHealth(file.model, file.diagnostics, file.shown));
    const text = format === 'json' ? JSON.stringify({ journeys: sortPortfolio(rows).map(row => ({ ...row, level: healthLevel(row), problems: healthProblems(row) })) }, null, 2) + '\n'
        : format === 'markdown' ? portfolioMarkdown(rows)
        : portfolioText(rows, terminalWidth(values.output));
    writeResult(text, values.output);
    return rows.some(row => row.errors > 0) ? ExitCode.Problems : ExitCode.Ok;
}
