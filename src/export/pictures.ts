/**
 * The pictures of a map as inline `data:` URLs, for the exports: an exported map carries its
 * pictures within it, so it shows them wherever it is opened. Reading is the caller's (the file
 * system for the CLI, the workspace for the editor); a picture that cannot be read, or that is not
 * inside the places the caller allows, is left out and drawn as its description.
 */
import { journeyPictures, type DocumentViewModel } from '../model/view-model.js';
import { imageMediaType } from '../language/workspace-path.js';
import { toBase64 } from '../base64.js';

/** Larger pictures are not carried inline (the editor warns from 2 MB): the export draws their description. */
export const MAX_INLINE_PICTURE_BYTES = 10 * 1024 * 1024;

export interface PictureReader {
    /** Whether the file may be read at all: inside the workspace, or beside the map. */
    allowed(file: string): boolean;
    /** The file's bytes, or undefined when there is none or it is larger than `limit`. */
    read(file: string, limit: number): Promise<Uint8Array | undefined>;
}

export async function inlinePictures(model: DocumentViewModel, reader: PictureReader): Promise<Record<string, string>> {
    const files = new Set(model.journeys.flatMap(journeyPictures).map(picture => picture.file));
    const inline: Record<string, string> = {};
    await Promise.all([...files].map(async file => {
        const type = imageMediaType(file);
        if (!type || !reader.allowed(file)) return;
        const bytes = await reader.read(file, MAX_INLINE_PICTURE_BYTES).catch(() => undefined);
        if (bytes) inline[file] = `data:${type};base64,${toBase64(bytes)}`;
    }));
    return inline;
}
