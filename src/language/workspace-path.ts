/**
 * A file a map names by its path (a data table, an image): relative to the map, in the workspace.
 * A URL is refused, so a map opened from a pull request never fetches anything; an absolute path is
 * refused, so the map works in every clone of the repository.
 */
import { Utils as UriUtils, type URI } from 'vscode-uri';

type UriParts = Pick<URI, 'scheme' | 'authority' | 'path'>;

/** What kind of file a path names, in the words its messages use. */
export interface FileKind {
    /** `data file`, `image`. */
    noun: string;
    /** Says that files of this kind come from the workspace only (the sentence before "Save the file ..."). */
    localOnly: string;
    /** The extensions it may have, lower case, without the dot. */
    extensions: readonly string[];
    /** Says which files it may name, for a path with another extension. */
    wrongKind: string;
    /** A path as it would be written, for the messages' examples. */
    example: string;
}

/**
 * The file a path names, relative to the map. With the editor's workspace folders given, a path
 * that climbs out of all of them is refused too: a map shows and reads its workspace only.
 */
export function resolveWorkspacePath(documentUri: URI, path: string, kind: FileKind, workspaceFolders: readonly URI[] = []): URI | { problem: string } {
    const trimmed = path.trim();
    const example = `"${kind.example}"`;
    if (trimmed === '') return { problem: `The ${kind.noun}'s path is empty. Write the path of ${kind.wrongKind.replace(/^name /, '')} relative to this map, such as ${example}.` };
    const shown = trimmed.slice(0, 60);
    if (/^[a-z][a-z0-9+.-]+:/i.test(trimmed) && !/^[a-z]:[\\/]/i.test(trimmed)) {
        return { problem: `${kind.localOnly} ('${shown}'). Save the file next to the map and write its relative path, such as ${example}.` };
    }
    if (trimmed.startsWith('/') || /^[a-z]:[\\/]/i.test(trimmed) || trimmed.startsWith('\\')) {
        return { problem: `'${shown}' is an absolute path, which only works on one machine. Write the path relative to this map, such as ${example}, so it works in every clone of the repository.` };
    }
    const extension = /\.([a-z]+)$/i.exec(trimmed)?.[1]?.toLowerCase();
    if (!extension || !kind.extensions.includes(extension)) {
        return { problem: `'${shown}' is not ${kind.noun === 'image' ? 'an image' : `a ${kind.noun}`} this map can ${kind.noun === 'image' ? 'show' : 'read'}: ${kind.wrongKind}.` };
    }
    // Text with a lone surrogate (half of an emoji) names no file, and cannot be written as a URI.
    if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(trimmed)) {
        return { problem: `The ${kind.noun}'s path holds a broken character (half of an emoji or symbol). Write the path again, as the file is named.` };
    }
    const resolved = UriUtils.joinPath(UriUtils.dirname(documentUri), ...trimmed.replace(/\\/g, '/').split('/'));
    if (workspaceFolders.length > 0 && !workspaceFolders.some(folder => isWithin(resolved, folder))) {
        return { problem: `'${shown}' is outside the workspace, and a map ${kind.noun === 'image' ? 'shows' : 'reads'} files of its workspace only. Keep the file with the map, such as ${example}.` };
    }
    return resolved;
}

/**
 * Whether a file lies in a folder (or is it), compared as URIs: same scheme and authority, the
 * folder's path a prefix. Langium's URIs and VS Code's both have these parts.
 */
export function isWithin(file: UriParts, folder: UriParts): boolean {
    if (file.scheme !== folder.scheme || file.authority !== folder.authority) return false;
    const base = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
    return file.path === folder.path || file.path.startsWith(base);
}

/** Pictures of stages and touchpoints. */
export const IMAGE_FILE: FileKind = {
    noun: 'image',
    localOnly: 'Images are shown from files in the workspace only, never from the network or another location: a map opened from a pull request must not fetch anything',
    extensions: ['png', 'jpg', 'jpeg', 'svg'],
    wrongKind: 'name a PNG, JPEG or SVG file (.png, .jpg, .jpeg or .svg)',
    example: 'storyboard/morning.png'
};

/** The media type of an image the map can show, by its file's extension. */
export function imageMediaType(path: string): string | undefined {
    const extension = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
    return extension === 'png' ? 'image/png' : extension === 'jpg' || extension === 'jpeg' ? 'image/jpeg' : extension === 'svg' ? 'image/svg+xml' : undefined;
}
