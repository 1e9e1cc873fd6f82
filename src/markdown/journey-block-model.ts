/**
 * The view model of a ```journey block, built with the same language services as a .journey
 * file: parsed, linked against the built-in channels and the documents beside the Markdown
 * file, and validated. Runs in the Markdown preview (no file system, no language server).
 *
 * A block often copies a journey from a file beside it to show it; that file is left out of
 * the block's context, or every name in the block would be reported as declared twice.
 */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Model } from '../language/generated/ast.js';
import { createJourneyServices } from '../language/journey-module.js';
import type { DocumentViewModel } from '../model/view-model.js';

export interface ContextDocument {
    uri: string;
    text: string;
}

export interface JourneyBlockModel {
    model: DocumentViewModel;
    /** The block's own problems (not those of the documents around it). */
    diagnostics: Diagnostic[];
}

/** The URI of a block: it has no file of its own. */
const BLOCK_URI = 'journey-markdown:///block.journey';

/** Built models kept for unchanged blocks, so re-rendering a preview does not rebuild them. */
const MAX_CACHED = 32;

function declaredNames(services: ReturnType<typeof createJourneyServices>, text: string): Set<string> {
    const model = services.Journey.parser.LangiumParser.parse<Model>(text).value;
    return new Set(model.elements.map(element => element.name).filter(name => name !== undefined));
}

export class JourneyBlockModels {
    private readonly services = createJourneyServices(EmptyFileSystem);
    private readonly ready = this.services.shared.workspace.WorkspaceManager.initializeWorkspace([]);
    private readonly cache = new Map<string, JourneyBlockModel>();
    private loaded: URI[] = [];
    /** Builds share one workspace, so they run one after another. */
    private queue: Promise<unknown> = Promise.resolve();

    build(source: string, context: readonly ContextDocument[]): Promise<JourneyBlockModel> {
        const key = JSON.stringify([source, context]);
        const cached = this.cache.get(key);
        if (cached) return Promise.resolve(cached);
        const result = this.queue.then(() => this.buildNow(source, context));
        this.queue = result.catch(() => undefined);
        return result.then(built => {
            if (this.cache.size >= MAX_CACHED) this.cache.delete(this.cache.keys().next().value!);
            this.cache.set(key, built);
            return built;
        });
    }

    private async buildNow(source: string, context: readonly ContextDocument[]): Promise<JourneyBlockModel> {
        await this.ready;
        const workspace = this.services.shared.workspace;
        if (this.loaded.length > 0) await workspace.DocumentBuilder.update([], this.loaded);

        const blockNames = declaredNames(this.services, source);
        const around = context.filter(document => ![...declaredNames(this.services, document.text)].some(name => blockNames.has(name)));
        const documents: LangiumDocument[] = [];
        for (const { uri, text } of [...around, { uri: BLOCK_URI, text: source }]) {
            const document = workspace.LangiumDocumentFactory.fromString(text, URI.parse(uri));
            workspace.LangiumDocuments.addDocument(document);
            documents.push(document);
        }
        this.loaded = documents.map(document => document.uri);
        await workspace.DocumentBuilder.build(documents, { validation: true });
        const block = documents[documents.length - 1];
        return { model: this.services.Journey.model.ViewModelBuilder.build(block), diagnostics: block.diagnostics ?? [] };
    }
}
