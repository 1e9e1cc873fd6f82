/**
 * Command-line options, parsed with node:util's parseArgs and checked here, so every command
 * reports a bad option the same way: what is wrong, and where to read the right usage.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { findLanguage, LANGUAGES, messagesFor } from '../render/languages.js';
import type { Messages } from '../render/messages.js';
import { CliError } from './errors.js';
import type { CommandName } from './help.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export const COMMON_OPTIONS = {
    help: { type: 'boolean', short: 'h' },
    workspace: { type: 'string', multiple: true },
    progress: { type: 'boolean' }
} as const satisfies OptionSpec;

const MORE = (command: CommandName) => `Run 'journey ${command} --help' for the options.`;

export function parseCommandArgs<T extends OptionSpec>(command: CommandName, args: string[], options: T) {
    try {
        return parseArgs({ args, options: { ...COMMON_OPTIONS, ...options }, allowPositionals: true, strict: true });
    } catch (error) {
        const message = (error as Error).message;
        const unknown = /Unknown option '([^']+)'/.exec(message);
        if (unknown) throw new CliError(`Unknown option '${unknown[1]}' for 'journey ${command}'. ${MORE(command)}`);
        const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message);
        if (missing) throw new CliError(`The option '${missing[1]}' needs a value. ${MORE(command)}`);
        throw new CliError(`${message.replace(/\.$/, '')} (journey ${command}). ${MORE(command)}`);
    }
}

/** Checks a value against the choices an option allows. */
export function choice<T extends string>(command: CommandName, option: string, value: string | undefined, choices: readonly T[], fallback: T): T {
    if (value === undefined) return fallback;
    if ((choices as readonly string[]).includes(value)) return value as T;
    throw new CliError(`'${value}' is not a valid ${option} for 'journey ${command}'. Use one of: ${choices.join(', ')}.`);
}

export function expectPositionals(command: CommandName, positionals: string[], min: number, max: number, what: string): void {
    if (positionals.length < min) throw new CliError(`'journey ${command}' needs ${what}. ${MORE(command)}`);
    if (positionals.length > max) {
        throw new CliError(`'journey ${command}' takes ${what}, but got ${positionals.length} arguments: ${positionals.map(p => `'${p}'`).join(' ')}. Quote a glob or a path with spaces. ${MORE(command)}`);
    }
}

/** `--language <tag>`, for the commands that write words around a map. */
export const LANGUAGE_OPTION = { language: { type: 'string' } } as const satisfies OptionSpec;

/**
 * The words for `--language`. A tag we have no words for is no reason to stop: the map is still
 * worth having, so the command says so on stderr and goes on in English.
 */
export function languageMessages(tag: string | undefined): Messages {
    if (tag !== undefined && !findLanguage(tag)) {
        process.stderr.write(`journey: no words for '${tag}' yet; using English. Languages: ${LANGUAGES.map(l => `${l.tag} (${l.name})`).join(', ')}.\n`);
    }
    return messagesFor(tag);
}
