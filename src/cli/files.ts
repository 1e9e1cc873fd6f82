/**
 * Turns the paths and globs given on the command line into .journey files. Node 20 has no
 * fs.glob, and a dependency for one matcher is not worth it: `*`, `?`, `**`, `[abc]` and
 * `{a,b}` cover what people type, and quoting a glob makes it work the same in every shell.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError } from './errors.js';

export const JOURNEY_EXTENSION = '.journey';

/** Folders never searched: dependencies, build output and hidden folders (.git). */
function isSkippedFolder(name: string): boolean {
    return name.startsWith('.') || name === 'node_modules' || name === 'out';
}

function isGlob(pattern: string): boolean {
    return /[*?[{]/.test(pattern);
}

/** A glob as a regular expression over `/`-separated paths. */
export function globToRegExp(pattern: string): RegExp {
    let source = '';
    let braces = 0;
    for (let i = 0; i < pattern.length; i++) {
        const ch = pattern[i];
        if (ch === '*') {
            if (pattern[i + 1] === '*') {
                // `**/` matches any number of folders, including none; a trailing `**` matches everything below.
                const slash = pattern[i + 2] === '/';
                source += slash ? '(?:[^/]*/)*' : '.*';
                i += slash ? 2 : 1;
            } else {
                source += '[^/]*';
            }
        } else if (ch === '?') {
            source += '[^/]';
        } else if (ch === '[') {
            const end = pattern.indexOf(']', i + 1);
            if (end < 0) { source += '\\['; continue; }
            const set = pattern.slice(i + 1, end).replace(/\\/g, '\\\\');
            source += set.startsWith('!') ? `[^/${set.slice(1)}]` : `[${set}]`;
            i = end;
        } else if (ch === '{') {
            braces++;
            source += '(?:';
        } else if (ch === '}' && braces > 0) {
            braces--;
            source += ')';
        } else if (ch === ',' && braces > 0) {
            source += '|';
        } else {
            source += ch.replace(/[.+^$()|\\]/g, '\\$&');
        }
    }
    return new RegExp(`^${source}$`);
}

/** Every file below `folder`, as paths relative to it with `/` separators. */
function walk(folder: string, relative = ''): string[] {
    let entries: fs.Dirent[];
    try {
        entries = fs.readdirSync(path.join(folder, relative), { withFileTypes: true });
    } catch {
        return [];
    }
    const files: string[] = [];
    for (const entry of entries) {
        const child = relative ? `${relative}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
            if (!isSkippedFolder(entry.name)) files.push(...walk(folder, child));
        } else if (entry.isFile()) {
            files.push(child);
        }
    }
    return files;
}

function expandGlob(pattern: string, cwd: string): string[] {
    const normalized = pattern.split(path.sep).join('/');
    const segments = normalized.split('/');
    const firstGlob = segments.findIndex(isGlob);
    const base = segments.slice(0, firstGlob).join('/') || (normalized.startsWith('/') ? '/' : '.');
    const rest = segments.slice(firstGlob).join('/');
    const matcher = globToRegExp(rest);
    const root = path.resolve(cwd, base);
    return walk(root).filter(file => matcher.test(file)).map(file => path.join(root, file)).sort();
}

/**
 * The .journey files named by the arguments, absolute, without duplicates, in the order given.
 * A folder stands for every .journey file below it. Throws a CliError naming the argument that
 * matched nothing or does not exist.
 */
export function resolveJourneyFiles(args: readonly string[], cwd = process.cwd()): string[] {
    const files: string[] = [];
    const add = (file: string) => { if (!files.includes(file)) files.push(file); };
    for (const arg of args) {
        const absolute = path.resolve(cwd, arg);
        if (fs.existsSync(absolute)) {
            if (fs.statSync(absolute).isDirectory()) {
                const found = walk(absolute).filter(file => file.endsWith(JOURNEY_EXTENSION)).map(file => path.join(absolute, file)).sort();
                if (found.length === 0) throw new CliError(`No ${JOURNEY_EXTENSION} files in the folder '${arg}'. Name the files to check, or a folder that has some.`);
                found.forEach(add);
            } else {
                add(absolute);
            }
            continue;
        }
        if (isGlob(arg)) {
            const matched = expandGlob(arg, cwd);
            if (matched.length === 0) throw new CliError(`No files match '${arg}'. Check the pattern; folders named node_modules, out or starting with '.' are not searched.`);
            matched.forEach(add);
            continue;
        }
        throw new CliError(`File not found: '${arg}' (looked at ${absolute}). Check the path, or quote a glob such as 'journeys/**/*.journey'.`);
    }
    return files;
}

/** The .journey files in a folder (not below it): the siblings whose personas and channels a journey may use. */
export function journeyFilesIn(folder: string): string[] {
    try {
        return fs.readdirSync(folder, { withFileTypes: true })
            .filter(entry => entry.isFile() && entry.name.endsWith(JOURNEY_EXTENSION))
            .map(entry => path.join(folder, entry.name))
            .sort();
    } catch {
        return [];
    }
}

/** Every .journey file below a folder given with --workspace. */
export function journeyFilesBelow(folder: string): string[] {
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
        throw new CliError(`--workspace '${folder}' is not a folder. Give a folder whose .journey files declare the personas and channels your journeys use.`);
    }
    return walk(folder).filter(file => file.endsWith(JOURNEY_EXTENSION)).map(file => path.join(folder, file)).sort();
}

/** Reads a file the user asked for, turning the system's error into one that says what to do. */
export function readUserFile(file: string, shown: string): string {
    try {
        return fs.readFileSync(file, 'utf8');
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EACCES' || code === 'EPERM') throw new CliError(`Cannot read '${shown}': permission denied. Check the file's permissions (ls -l ${shown}).`);
        if (code === 'EISDIR') throw new CliError(`'${shown}' is a folder, not a ${JOURNEY_EXTENSION} file. Name a file inside it.`);
        if (code === 'ENOENT') throw new CliError(`File not found: '${shown}'. Check the path.`);
        throw new CliError(`Cannot read '${shown}': ${(error as Error).message}.`);
    }
}

/** A path as the user should see it: relative to the working folder when inside it. */
export function displayPath(file: string, cwd = process.cwd()): string {
    const relative = path.relative(cwd, file);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
