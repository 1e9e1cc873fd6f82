/** Wires every service of the journey language by dependency injection. */
import { inject, type AsyncParser, type Module, URI } from 'langium';
import { createDefaultModule, createDefaultSharedModule, type DefaultSharedModuleContext, type LangiumServices, type LangiumSharedServices, type PartialLangiumServices, type PartialLangiumSharedServices } from 'langium/lsp';
import { JourneyGeneratedSharedModule, JourneyMapGeneratedModule } from './generated/module.js';
import { JourneyCodeActionProvider } from './lsp/journey-code-actions.js';
import { JourneyCompletionProvider } from './lsp/journey-completion.js';
import { JourneyFormatter } from './lsp/journey-formatter.js';
import { JourneyDocumentationProvider, JourneyHoverProvider } from './lsp/journey-hover.js';
import { JourneyDocumentValidator, JourneyLinker } from './journey-linker.js';
import { JourneyScopeComputation, JourneyScopeProvider } from './journey-scope.js';
import { JourneyRenameProvider } from './lsp/journey-rename.js';
import { JourneySemanticTokenProvider } from './lsp/journey-semantic-tokens.js';
import { JourneyLexerErrorMessageProvider, JourneyParserErrorMessageProvider } from './journey-syntax-errors.js';
import { JourneyValidator, registerValidationChecks } from './journey-validator.js';
import { JourneyValueConverter } from './journey-value-converter.js';
import { IncrementalDocumentFactory } from './incremental-parse.js';
import { JourneyDocumentBuilder, JourneyDocumentUpdateHandler, JourneyWorkspaceManager } from './journey-workspace.js';
import { JourneyWorkspaceSymbolProvider } from './lsp/journey-workspace-symbols.js';
import { LazyAstNodeDescriptionProvider } from './descriptions.js';
import { WalkingReferenceDescriptionProvider, WalkingValidationRegistry } from './tree-walks.js';
import { ViewModelBuilder } from '../model/build-view-model.js';
import { DataSets, type DataFiles } from './data/data-sets.js';
import { DataValidator } from './data/data-validator.js';

export type JourneyAddedServices = {
    validation: { JourneyValidator: JourneyValidator; DataValidator: DataValidator };
    model: { ViewModelBuilder: ViewModelBuilder };
    data: { DataSets: DataSets };
};

export type JourneyServices = LangiumServices & JourneyAddedServices;

export const JourneyModule: Module<JourneyServices, PartialLangiumServices & JourneyAddedServices> = {
    validation: {
        JourneyValidator: services => new JourneyValidator(services),
        DataValidator: services => new DataValidator(services.data.DataSets, services.shared.workspace.ConfigurationProvider),
        DocumentValidator: services => new JourneyDocumentValidator(services),
        ValidationRegistry: services => new WalkingValidationRegistry(services)
    },
    model: { ViewModelBuilder: services => new ViewModelBuilder(services.data.DataSets) },
    data: { DataSets: () => new DataSets() },
    documentation: { DocumentationProvider: services => new JourneyDocumentationProvider(services.data.DataSets) },
    parser: {
        ParserErrorMessageProvider: () => new JourneyParserErrorMessageProvider(),
        LexerErrorMessageProvider: () => new JourneyLexerErrorMessageProvider(),
        ValueConverter: () => new JourneyValueConverter()
    },
    references: {
        Linker: services => new JourneyLinker(services),
        ScopeComputation: services => new JourneyScopeComputation(services),
        ScopeProvider: services => new JourneyScopeProvider(services)
    },
    workspace: {
        AstNodeDescriptionProvider: services => new LazyAstNodeDescriptionProvider(services),
        ReferenceDescriptionProvider: services => new WalkingReferenceDescriptionProvider(services)
    },
    lsp: {
        CompletionProvider: services => new JourneyCompletionProvider(services),
        HoverProvider: services => new JourneyHoverProvider(services),
        CodeActionProvider: services => new JourneyCodeActionProvider(services),
        Formatter: () => new JourneyFormatter(),
        RenameProvider: services => new JourneyRenameProvider(services),
        SemanticTokenProvider: services => new JourneySemanticTokenProvider(services)
    }
};

export const JourneySharedModule: Module<LangiumSharedServices, PartialLangiumSharedServices> = {
    workspace: {
        WorkspaceManager: services => new JourneyWorkspaceManager(services),
        DocumentBuilder: services => new JourneyDocumentBuilder(services),
        LangiumDocumentFactory: services => new IncrementalDocumentFactory(services)
    },
    lsp: {
        DocumentUpdateHandler: services => new JourneyDocumentUpdateHandler(services),
        WorkspaceSymbolProvider: services => new JourneyWorkspaceSymbolProvider(services)
    }
};

/**
 * `dataFiles`: how research data files beside the maps are read; without it, data blocks say they cannot be read here.
 * `asyncParser`: how documents are parsed as they are built (on the desktop, large ones in a worker thread); without it, in place.
 */
export type JourneyModuleContext = DefaultSharedModuleContext & { dataFiles?: DataFiles; asyncParser?: (services: JourneyServices) => AsyncParser };

export function createJourneyServices(context: JourneyModuleContext): { shared: LangiumSharedServices; Journey: JourneyServices } {
    const shared = inject(createDefaultSharedModule(context), JourneyGeneratedSharedModule, JourneySharedModule);
    const workspaceFolders = () => (shared.workspace.WorkspaceManager.workspaceFolders ?? []).map(folder => URI.parse(folder.uri));
    const dataModule: Module<JourneyServices, Pick<JourneyAddedServices, 'data'>> = { data: { DataSets: () => new DataSets(context.dataFiles, workspaceFolders) } };
    const parserModule: Module<JourneyServices, PartialLangiumServices> = context.asyncParser ? { parser: { AsyncParser: context.asyncParser } } : {};
    const Journey = inject(createDefaultModule({ shared }), JourneyMapGeneratedModule, JourneyModule, dataModule, parserModule);
    shared.ServiceRegistry.register(Journey);
    registerValidationChecks(Journey);
    if (!context.connection) {
        // Without a language client the workspace is never initialised by LSP; mark it ready for the document builder.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Journey };
}
