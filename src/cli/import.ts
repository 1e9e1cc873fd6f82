/**
 * `journey import`: the Mermaid journey diagrams of a .mmd file, or of every ```mermaid block of
 * a Markdown file, as a .journey map. The map is written only when every diagram was read: a
 * diagram that cannot be read stops the command with its line, and writes nothing.
 */
import * as path from 'node:path';
import { importMermaidJourneys, MermaidJourneyError } from '../import/mermaid-journey.js';
import { CliError, ExitCode } from './errors.js';
import { displayPath, readUserFile } from './files.js';
import { expectPositionals, parseCommandArgs } from './options.js';
import { writeResult } from './output.js';

const MARKDOWN = ['.md', '.markdown'];

export async function importCommand(args: string[]): Promise<number> {
    const { values, positionals } = parseCommandArgs('import', args, {
        output: { type: 'string', short: 'o' }
    });
    expectPositionals('import', positionals, 1, 1, 'exactly one .mmd or .md file');
    const [file] = positionals;
    const shown = displayPath(path.resolve(file));
    const text = readUserFile(path.resolve(file), shown);
    const kind = MARKDOWN.includes(path.extname(file).toLowerCase()) ? 'markdown' : 'mermaid';
    if (values.output && !values.output.toLowerCase().endsWith('.journey')) {
        throw new CliError(`The map would be written to '${values.output}': name a .journey file, for example -o ${path.basename(file).replace(/\.[^.]+$/, '')}.journey`);
    }
    let journey: string;
    try {
        journey = importMermaidJourneys(text, kind, path.basename(file));
    } catch (error) {
        if (error instanceof MermaidJourneyError) throw new CliError(`${shown}:${error.line}: ${error.message.replace(/^line \d+: /, '')} Nothing was written.`, ExitCode.Problems);
        throw error;
    }
    writeResult(journey, values.output);
    return ExitCode.Ok;
}
