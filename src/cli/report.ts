/** `journey report`: the analysis of each journey in a file. */
import { journeyMessages } from '../render/languages.js';
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
        ...LANGUAGE_OPTION
    });
    expectPositionals('report', positionals, 1, 1, 'exactly one .journey file');
    const format = choice('report', '--format', values.format, ['text', 'markdown'] as const, 'text');
    const messages = languageMessages(values.language);
    const [file] = resolveJourneyFiles(positionals);
    const [loaded] = await loadJourneyFiles([file], { workspaceFolders: values.workspace, progress: Progress.for(values.progress === true) });
    if (loaded.model.journeys.length === 0) {
        reportErrors([loaded]);
        throw new CliError(`${loaded.shown} declares no journey, so there is nothing to report on. Add one: journey Name "Title" { stage Awareness { } }`, ExitCode.Problems);
    }
    // Each journey's report speaks the journey's own language, else the one asked for.
    const text = loaded.model.journeys.map(journey => {
        const report = journeyReport(journey);
        const words = journeyMessages(journey, messages);
        return format === 'markdown' ? reportMarkdown(report, words) : reportText(report, words, { width: terminalWidth(values.output) });
    }).join('\n');
    writeResult(text, values.output);
    return reportErrors([loaded]) > 0 ? ExitCode.Problems : ExitCode.Ok;
}
