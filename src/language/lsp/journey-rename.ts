/**
 * Rename, refused where the result could not be right: a built-in channel (its declaration is not in
 * any file the user can edit, so its uses would stop resolving), and a new name that is not a name
 * in the language (a keyword, or text with spaces or punctuation, which would break the file).
 */
import { AstUtils, CstUtils, type LangiumDocument, type MaybePromise } from 'langium';
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import { LSPErrorCodes, ResponseError, type CancellationToken, type Position, type Range, type RenameParams, type TextDocumentPositionParams, type WorkspaceEdit } from 'vscode-languageserver';
import { isJourney } from '../generated/ast.js';
import { KIND_WORDS } from '../journey-linker.js';
import { KEYWORDS_AS_NAMES } from '../journey-names.js';
import { isBuiltinLibrary } from '../journey-workspace.js';

export class JourneyRenameProvider extends DefaultRenameProvider {
    private readonly services: LangiumServices;

    constructor(services: LangiumServices) {
        super(services);
        this.services = services;
    }

    override async rename(document: LangiumDocument, params: RenameParams, cancelToken?: CancellationToken): Promise<WorkspaceEdit | undefined> {
        this.refuseBuiltin(document, params.position);
        if (!this.isName(params.newName)) {
            throw new ResponseError(LSPErrorCodes.RequestFailed, `'${params.newName}' cannot be a name: use letters, digits and _, start with a letter or _, and do not use a keyword that opens a block, such as 'stage'.`);
        }
        this.refuseTakenName(document, params.position, params.newName);
        return super.rename(document, params, cancelToken);
    }

    /** Renaming onto a name of the same kind already in use would merge two things into a duplicate-name error. */
    private refuseTakenName(document: LangiumDocument, position: Position, newName: string): void {
        const leaf = CstUtils.findDeclarationNodeAtOffset(document.parseResult.value.$cstNode, document.textDocument.offsetAt(position), this.grammarConfig.nameRegexp);
        const target = leaf && this.references.findDeclarations(leaf)[0];
        if (!target) return;
        const journey = AstUtils.getContainerOfType(target.$container, isJourney);
        const taken = journey
            ? AstUtils.streamAllContents(journey).some(node => node !== target && node.$type === target.$type && (node as { name?: string }).name === newName)
            : this.services.shared.workspace.IndexManager.allElements(target.$type).some(description => description.name === newName);
        if (taken) {
            const kind = KIND_WORDS[target.$type] ?? target.$type;
            throw new ResponseError(LSPErrorCodes.RequestFailed, `There is already a ${kind} named '${newName}'${journey ? ` in the journey '${journey.name}'` : ' in the workspace'}. Pick another name, or rename that one first.`);
        }
    }

    override prepareRename(document: LangiumDocument, params: TextDocumentPositionParams, cancelToken?: CancellationToken): MaybePromise<Range | undefined> {
        this.refuseBuiltin(document, params.position);
        return super.prepareRename(document, params, cancelToken);
    }

    /** Throws, with the reason for the user, when the name at the position is declared in the built-in library. */
    private refuseBuiltin(document: LangiumDocument, position: Position): void {
        const leaf = CstUtils.findDeclarationNodeAtOffset(document.parseResult.value.$cstNode, document.textDocument.offsetAt(position), this.grammarConfig.nameRegexp);
        const builtin = leaf && this.references.findDeclarations(leaf).find(target => isBuiltinLibrary(AstUtils.getDocument(target).uri));
        if (builtin) {
            throw new ResponseError(LSPErrorCodes.RequestFailed, `'${leaf.text}' is a built-in channel and cannot be renamed. To call it something else, declare a channel of your own ('channel name "Label"') and use that instead.`);
        }
    }

    /**
     * A new name must read back as exactly one name: the lexer decides, so stray characters are refused, and
     * so are the keywords that cannot be names (those that open a block).
     */
    private isName(text: string): boolean {
        const result = this.services.parser.Lexer.tokenize(text);
        const [token] = result.tokens;
        return result.errors.length === 0 && result.tokens.length === 1 && token.image === text
            && (token.tokenType.name === 'ID' || KEYWORDS_AS_NAMES.has(text));
    }
}
