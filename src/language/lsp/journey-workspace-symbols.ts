/**
 * Workspace symbols: personas, journeys and channels (visible everywhere) and also the stages,
 * touchpoints, pain points and opportunities inside journeys, which are only visible locally.
 */
import type { AstNodeDescription, LangiumDocuments } from 'langium';
import { DefaultWorkspaceSymbolProvider, type LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken, WorkspaceSymbol, WorkspaceSymbolParams } from 'vscode-languageserver';
import { isJourney, type Model } from '../generated/ast.js';
import { isBuiltinLibrary } from '../journey-workspace.js';

export class JourneyWorkspaceSymbolProvider extends DefaultWorkspaceSymbolProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.documents = services.workspace.LangiumDocuments;
    }

    override async getSymbols(params: WorkspaceSymbolParams, _cancelToken?: CancellationToken): Promise<WorkspaceSymbol[]> {
        const symbols: WorkspaceSymbol[] = [];
        const accept = (description: AstNodeDescription) => {
            if (isBuiltinLibrary(description.documentUri) || !this.fuzzyMatcher.match(params.query, description.name)) return;
            const symbol = this.getWorkspaceSymbol(description);
            if (symbol) symbols.push(symbol);
        };
        this.indexManager.allElements().forEach(accept);
        // Journey-scoped names are kept under their journey (see JourneyScopeComputation).
        for (const document of this.documents.all) {
            for (const journey of (document.parseResult.value as Model).elements.filter(isJourney)) {
                document.localSymbols?.getStream(journey).forEach(accept);
            }
        }
        return symbols;
    }
}
