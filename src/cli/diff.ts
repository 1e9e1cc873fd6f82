/** `journey diff`: what changed between two maps, or since a git revision. */
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import type { JourneyView } from '../model/view-model.js';
import { diffJourneys, diffMarkdown, diffText, pairJourneys } from '../render/diff.js';
import { journeyMessages } from '../render/languages.js';
import { markdownCode, markdownText } from '../render/text-layout.js';
import type { LoadedJourneyFile } from './workspace.js';
import { CliError, ExitCode } from './errors.js';
import { displayPath, resolveJourneyFiles } from './files.js';
import { choice, expectPositionals, LANGUAGE_OPTION, languageMessages, parseCommandArgs } from './options.js';
import { colourDiff, reportErrors, useColour, writeResult } from './output.js';
import { Progress } from './progress.js';
import { loadJourneyFiles } from './workspace.js';

/** The file's text at a git revision, read with `git show <rev>:./<name>` from the file's folder. */
function gitShow(revision: string, file: string): string {
    const folder = path.dirname(file);
    const shown = `${revision}:${displayPath(file)}`;
    try {
        return execFileSync('git', ['show', `${revision}:./${path.basename(file)}`], { cwd: folder, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
        const failure = error as NodeJS.ErrnoException & { stderr?: string };
        if (failure.code === 'ENOENT') throw new CliError('diff --git needs git, which is not on the PATH. Install git, or compare two files: journey diff old.journey new.journey');
        const stderr = (failure.stderr ?? '').trim();
        if (/not a git repository/i.test(stderr)) throw new CliError(`${displayPath(file)} is not in a git repository, so there is no revision '${revision}' to compare with. Compare two files instead: journey diff old.journey new.journey`);
        if (/exists on disk, but not in|does not exist in/i.test(stderr)) throw new CliError(`${displayPath(file)} did not exist at '${revision}'. Pick an older revision (git log --oneline -- ${displayPath(file)}).`);
        if (/unknown revision|bad revision|invalid object name|ambiguous argument/i.test(stderr)) throw new CliError(`'${revision}' is not a revision git knows. Use a commit hash, a branch or a tag, such as HEAD~1 or main.`);
        throw new CliError(`git show ${shown} failed: ${stderr.split('\n')[0] || failure.message}.`);
    }
}

export async function diff(args: string[]): Promise<number> {
    const { values, positionals } = parseCommandArgs('diff', args, {
        git: { type: 'string' },
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        ...LANGUAGE_OPTION
    });
    const format = choice('diff', '--format', values.format, ['text', 'markdown', 'json'] as const, 'text');
    // JSON is for scripts: its keys and values stay the same in every language.
    const messages = languageMessages(values.language);
    const progress = Progress.for(values.progress === true);
    let before: LoadedJourneyFile;
    let after: LoadedJourneyFile;
    if (values.git !== undefined) {
        expectPositionals('diff', positionals, 1, 1, 'one .journey file with --git');
        const [file] = resolveJourneyFiles(positionals);
        const old = gitShow(values.git, file);
        const shownOld = `${values.git}:${displayPath(file)}`;
        // Each side is built in a workspace of its own: the two versions declare the same names.
        [before] = await loadJourneyFiles([file], { workspaceFolders: values.workspace, progress, texts: new Map([[file, old]]), shownAs: new Map([[file, shownOld]]) });
        [after] = await loadJourneyFiles([file], { workspaceFolders: values.workspace, progress });
    } else {
        expectPositionals('diff', positionals, 2, 2, 'two .journey files (old, then new), or --git <revision> and one file');
        const [oldFile, newFile] = positionals.map(arg => resolveJourneyFiles([arg])[0]);
        [before] = await loadJourneyFiles([oldFile], { workspaceFolders: values.workspace, progress, exclude: [newFile] });
        [after] = await loadJourneyFiles([newFile], { workspaceFolders: values.workspace, progress, exclude: [oldFile] });
        // Two versions of one map declare the same journeys and must not meet; a future state
        // names the current state it improves, so it is built again with the old file beside it.
        const oldIds = new Set(before.model.journeys.map(j => j.id));
        if (!after.model.journeys.some(j => oldIds.has(j.id))) {
            [after] = await loadJourneyFiles([newFile], { workspaceFolders: values.workspace, progress, context: [oldFile] });
        }
    }

    const { pairs, added, removed } = pairJourneys(before.model.journeys, after.model.journeys);
    if (pairs.length === 0 && added.length === 0 && removed.length === 0) {
        reportErrors([before, after]);
        throw new CliError(`Neither ${before.shown} nor ${after.shown} declares a journey, so there is nothing to compare.`, ExitCode.Problems);
    }
    const compared = pairs.map(([old, now]) => ({
        before: pairs.length > 1 ? `${before.shown} (${old.id})` : before.shown,
        after: pairs.length > 1 ? `${after.shown} (${now.id})` : after.shown,
        diff: diffJourneys(old, now),
        // The new version's language wins: a diff is read as the map now is.
        messages: journeyMessages(now, messages)
    }));
    if (format === 'json') {
        const journeyIdentity = (journey: { id: string; title: string }) => ({ id: journey.id, title: journey.title });
        const json = { comparisons: compared.map(({ before, after, diff }) => ({ before, after, diff })), added: added.map(journeyIdentity), removed: removed.map(journeyIdentity) };
        writeResult(JSON.stringify(json, null, 2) + '\n', values.output);
        return reportErrors([before, after]) > 0 ? ExitCode.Problems : ExitCode.Ok;
    }
    const sections = compared.map(({ before: beforeName, after: afterName, diff: journeyDiff, messages: words }) =>
        format === 'markdown' ? diffMarkdown(journeyDiff, beforeName, afterName, words) : diffText(journeyDiff, beforeName, afterName, words));
    const mark = format === 'markdown' ? ['**+**', '**−**'] : ['+', '-'];
    const journeyWords = (journey: JourneyView) => {
        const words = { id: journey.id, title: journey.title, file: after.shown };
        return format === 'markdown' ? { id: markdownCode(words.id), title: markdownText(words.title), file: markdownCode(words.file) } : words;
    };
    for (const journey of added) sections.push(`${mark[0]} ${messages.t('diff.journeyNew', journeyWords(journey))}\n`);
    for (const journey of removed) sections.push(`${mark[1]} ${messages.t('diff.journeyGone', journeyWords(journey))}\n`);
    const text = sections.join('\n');
    writeResult(text, values.output, format === 'text' && useColour(values.output) ? colourDiff : undefined);
    return reportErrors([before, after]) > 0 ? ExitCode.Problems : ExitCode.Ok;
}
