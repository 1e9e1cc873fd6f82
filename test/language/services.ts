/** Journey services for tests: an in-memory workspace with the built-in channel library loaded. */
import { EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { clearDocuments, parseHelper } from 'langium/test';
import { createJourneyServices } from '../../src/language/journey-module.js';
import type { Model } from '../../src/language/generated/ast.js';
import type { DataFiles } from '../../src/language/data/data-sets.js';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';

/** `dataFiles` reads the data files maps name; without it a map's data blocks say they cannot be read. */
export async function createTestServices(options: { dataFiles?: DataFiles } = {}) {
    const services = createJourneyServices({ ...EmptyFileSystem, dataFiles: options.dataFiles });
    await services.shared.workspace.WorkspaceManager.initializeWorkspace([]);
    const parse = parseHelper<Model>(services.Journey);
    return {
        ...services,
        /** Parses and validates a document; `uri` lets several documents reference each other. */
        async validate(text: string, uri?: string): Promise<LangiumDocument<Model>> {
            return parse(text, { validation: true, documentUri: uri });
        },
        /** Adds several documents at once and builds them together. */
        async workspace(files: Record<string, string>): Promise<Array<LangiumDocument<Model>>> {
            const factory = services.shared.workspace.LangiumDocumentFactory;
            const documents = Object.entries(files).map(([uri, text]) => {
                const document = factory.fromString<Model>(text, URI.parse(uri));
                services.shared.workspace.LangiumDocuments.addDocument(document);
                return document;
            });
            await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
            return documents;
        },
        /** Validates a document and builds its view model, as the language server does for the preview. */
        async view(text: string) {
            const document = await parse(text, { validation: true });
            return { document, model: services.Journey.model.ViewModelBuilder.build(document) };
        },
        /** The quick fixes offered for one diagnostic of a document. */
        async codeActions(document: LangiumDocument, diagnostic: Diagnostic): Promise<CodeAction[]> {
            const actions = await services.Journey.lsp.CodeActionProvider!.getCodeActions(document, {
                textDocument: { uri: document.textDocument.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
            });
            return (actions ?? []) as CodeAction[];
        },
        async reset(): Promise<void> {
            const userDocuments = services.shared.workspace.LangiumDocuments.all.filter(d => d.uri.scheme !== 'journey-builtin').toArray();
            await clearDocuments(services.shared, userDocuments);
        }
    };
}

export function messages(document: LangiumDocument): string[] {
    return (document.diagnostics ?? []).map(d => text(d.message));
}

export function text(message: string | { value: string }): string {
    return typeof message === 'string' ? message : message.value;
}

/** The view model without positions and document identity, which formatting may change. */
export function stripRanges(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(stripRanges);
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value)
            .filter(([key]) => !['range', 'nameRange', 'uri', 'version'].includes(key))
            .map(([key, inner]) => [key, stripRanges(inner)]));
    }
    return value;
}
