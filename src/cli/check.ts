/** `journey check`: every problem in the given files, for people and for CI. */
import { ExitCode } from './errors.js';
import { resolveJourneyFiles } from './files.js';
import { choice, expectPositionals, parseCommandArgs } from './options.js';
import { diagnosticLine, messageText, severityName } from './output.js';
import { Progress } from './progress.js';
import { loadJourneyFiles } from './workspace.js';

export async function check(args: string[]): Promise<number> {
    const { values, positionals } = parseCommandArgs('check', args, {
        format: { type: 'string' },
        strict: { type: 'boolean' }
    });
    expectPositionals('check', positionals, 1, Infinity, 'at least one .journey file, folder or glob');
    const format = choice('check', '--format', values.format, ['text', 'json'] as const, 'text');
    const files = resolveJourneyFiles(positionals);
    const loaded = await loadJourneyFiles(files, { workspaceFolders: values.workspace, progress: Progress.for(values.progress === true) });

    const byPosition = (a: { range: { start: { line: number; character: number } } }, b: typeof a) =>
        a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
    const results = loaded.map(file => {
        const diagnostics = [...file.diagnostics].sort(byPosition);
        return {
            file: file.shown,
            errors: diagnostics.filter(d => severityName(d) === 'error').length,
            warnings: diagnostics.filter(d => severityName(d) === 'warning').length,
            diagnostics,
            // Hints are suggestions for the editor's light bulb; a CI log shows what needs fixing.
            lines: diagnostics.filter(d => severityName(d) !== 'hint').map(d => diagnosticLine(file.shown, d))
        };
    });
    const errors = results.reduce((sum, r) => sum + r.errors, 0);
    const warnings = results.reduce((sum, r) => sum + r.warnings, 0);

    if (format === 'json') {
        const json = {
            files: results.map(r => ({
                file: r.file,
                errors: r.errors,
                warnings: r.warnings,
                diagnostics: r.diagnostics.map(d => ({
                    line: d.range.start.line + 1,
                    column: d.range.start.character + 1,
                    endLine: d.range.end.line + 1,
                    endColumn: d.range.end.character + 1,
                    severity: severityName(d),
                    message: messageText(d),
                    code: d.code
                }))
            })),
            errors,
            warnings
        };
        process.stdout.write(JSON.stringify(json, null, 2) + '\n');
    } else {
        for (const result of results) for (const line of result.lines) process.stdout.write(line + '\n');
        const summary = `Checked ${files.length === 1 ? '1 file' : `${files.length} files`}: ${errors === 1 ? '1 error' : `${errors} errors`}, ${warnings === 1 ? '1 warning' : `${warnings} warnings`}.`;
        process.stderr.write(summary + '\n');
    }
    return errors > 0 || (values.strict === true && warnings > 0) ? ExitCode.Problems : ExitCode.Ok;
}
