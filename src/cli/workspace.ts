/**
 * Loads .journey files from disk into a fresh set of language services and validates them,
 * so the CLI sees exactly the diagnostics and view model the editor would.
 *
 * The workspace is the given files, the other .journey files in their folders (so
 * `personas Colleen` resolves to personas.journey beside it, as in the editor), the folders
 * given with --workspace (recursively), and the built-in channel library. Files are read here
 * rather than by Langium's workspace traversal, which descends into every subfolder: a file
 * at the top of a repository would otherwise pull in test fixtures and copies of the same
 * journey, and report duplicate names that are not there.
 */
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { DocumentViewModel } from '../model/view-model.js';
import { displayPath, JOURNEY_EXTENSION, journeyFilesBelow, journeyFilesIn, readUserFile } from './files.js';
import { CliError } from './errors.js';
import type { Progress } from './progress.js';

export interface LoadedJourneyFile {
    /** Absolute path. */
    file: string;
    /** The path as the user gave it, for messages. */
    shown: string;
    document: LangiumDocument;
    model: DocumentViewModel;
    diagnostics: Diagnostic[];
}

export interface LoadOptions {
    /** Folders whose .journey files (recursively) are loaded for reference resolution only. */
    workspaceFolders?: readonly string[];
    /** Text to use instead of a file's content on disk, by absolute path: an older version from git. */
    texts?: ReadonlyMap<string, string>;
    /** More files loaded for reference resolution only: the current state a future state improves. */
    context?: readonly string[];
    /** Files never loaded as context: the other side of a diff, which declares the same names. */
    exclude?: readonly string[];
    /** Shown as the file's name instead of its path, by absolute path: `HEAD~1:examples/a.journey`. */
    shownAs?: ReadonlyMap<string, string>;
    progress?: Progress;
    today?: Date;
}

/**
 * Loads, links and validates the files in one workspace. Throws a CliError for a file the
 * user named that cannot be read; context files that cannot be read are left out.
 */
export async function loadJourneyFiles(files: readonly string[], options: LoadOptions = {}): Promise<LoadedJourneyFile[]> {
    // Loaded here rather than with the command: they are most of the CLI's code, and `journey
    // render` starts its browser first, which then starts while they load.
    const [{ DocumentState, EmptyFileSystem, URI }, { NodeDataFiles }, { createJourneyServices }] = await Promise.all([
        import('langium'), import('../language/data/node-data-files.js'), import('../language/journey-module.js')
    ]);
    const services = createJourneyServices({ ...EmptyFileSystem, dataFiles: NodeDataFiles });
    await services.shared.workspace.WorkspaceManager.initializeWorkspace([]);
    const factory = services.shared.workspace.LangiumDocumentFactory;
    const documents = services.shared.workspace.LangiumDocuments;
    const excluded = new Set(options.exclude ?? []);

    const named = files.map(file => {
        // Every other file would be handed to the language services as a language they do not have.
        if (!file.endsWith(JOURNEY_EXTENSION)) {
            throw new CliError(`'${displayPath(file)}' is not a ${JOURNEY_EXTENSION} file. Name journey maps written in ${JOURNEY_EXTENSION} files; a Markdown file's Mermaid journeys can be turned into one with 'journey import'.`);
        }
        const text = options.texts?.get(file) ?? readUserFile(file, displayPath(file));
        const document = factory.fromString(text, URI.file(file));
        documents.addDocument(document);
        return { file, document };
    });

    const contextDocuments: LangiumDocument[] = [];
    const context = new Set<string>();
    for (const file of files) for (const sibling of journeyFilesIn(path.dirname(file))) context.add(sibling);
    for (const folder of options.workspaceFolders ?? []) for (const file of journeyFilesBelow(folder)) context.add(file);
    for (const file of options.context ?? []) context.add(file);
    for (const file of context) {
        if (files.includes(file) || excluded.has(file)) continue;
        let text: string;
        try {
            text = readUserFile(file, displayPath(file));
        } catch {
            continue;
        }
        const document = factory.fromString(text, URI.file(file));
        documents.addDocument(document);
        contextDocuments.push(document);
    }

    const all = [...named.map(n => n.document), ...contextDocuments];
    const total = all.length;
    let validated = 0;
    const listener = services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Validated, () => {
        options.progress?.update('Checked', ++validated, total);
    });
    try {
        await services.shared.workspace.DocumentBuilder.build(all, { validation: true });
    } finally {
        listener.dispose();
        options.progress?.done();
    }

    const builder = services.Journey.model.ViewModelBuilder;
    return named.map(({ file, document }) => ({
        file,
        shown: options.shownAs?.get(file) ?? displayPath(file),
        document,
        model: builder.build(document, options.today),
        diagnostics: document.diagnostics ?? []
    }));
}

