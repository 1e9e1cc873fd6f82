/** Loads the built-in channel library into every workspace, so `channel web` resolves like a declared channel. */
import { DefaultWorkspaceManager, URI, type LangiumDocument, type LangiumDocumentFactory, type LangiumSharedCoreServices } from 'langium';
import type { WorkspaceFolder } from 'vscode-languageserver-types';
import { BUILTIN_LIBRARY_URI, builtinLibraryText } from './vocabulary.js';

export class JourneyWorkspaceManager extends DefaultWorkspaceManager {
    private readonly documentFactory: LangiumDocumentFactory;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.documentFactory = services.workspace.LangiumDocumentFactory;
    }

    protected override async loadAdditionalDocuments(folders: WorkspaceFolder[], collector: (document: LangiumDocument) => void): Promise<void> {
        await super.loadAdditionalDocuments(folders, collector);
        collector(this.documentFactory.fromString(builtinLibraryText(), URI.parse(BUILTIN_LIBRARY_URI)));
    }
}

export function isBuiltinLibrary(uri: URI | string): boolean {
    return uri.toString() === BUILTIN_LIBRARY_URI;
}
