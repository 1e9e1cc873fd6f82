/**
 * The .journey files beside a Markdown file, for its ```journey blocks to reference (desktop only:
 * markdown-it renders synchronously, and only Node reads files at once).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ContextDocument } from './journey-block-model.js';

/** The Markdown file being rendered, as VS Code's preview passes it in `env.currentDocument` (a vscode.Uri). */
function markdownFilePath(env: unknown): string | undefined {
    const current = (env as { currentDocument?: { scheme?: string; fsPath?: string } } | undefined)?.currentDocument;
    return current?.scheme === 'file' && typeof current.fsPath === 'string' ? current.fsPath : undefined;
}

/** The .journey files in the Markdown file's folder, as the CLI and the editor would see them. */
export function siblingJourneyFiles(env: unknown): ContextDocument[] {
    const file = markdownFilePath(env);
    if (!file) return [];
    const folder = path.dirname(file);
    let names: string[];
    try {
        names = fs.readdirSync(folder).filter(name => name.endsWith('.journey')).sort();
    } catch {
        return [];
    }
    const documents: ContextDocument[] = [];
    for (const name of names) {
        try {
            const full = path.join(folder, name);
            documents.push({ uri: pathToFileURL(full).href, text: fs.readFileSync(full, 'utf8') });
        } catch {
            // An unreadable neighbour only means fewer references resolve; the block still draws.
        }
    }
    return documents;
}
