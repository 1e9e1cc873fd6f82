/**
 * Runs every language service on one document, as an editor would, and checks what must hold for any
 * text: nothing throws; the view model keeps to its type; formatting changes only whitespace; and, for text
 * that parses, formatting keeps the view model and is idempotent; a quick fix or a rename never leaves
 * more errors than before.
 */
import { CstUtils, isLeafCstNode, type LangiumDocument, type LeafCstNode } from 'langium';
import { DiagnosticSeverity, type CodeAction, type Diagnostic, type Position, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import { ResponseError } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Model } from '../../src/language/generated/ast.js';
import type { DocumentViewModel } from '../../src/model/view-model.js';
import { createTestServices, stripRanges, text as messageText } from '../language/services.js';
import type { Random } from './mutate.js';
import { viewModelProblems } from './view-model-shape.js';

export type TestServices = Awaited<ReturnType<typeof createTestServices>>;

export interface ExerciseOptions {
    /** For small regression files: hover, completion and navigation at every offset, every quick fix, a rename of every name. */
    everyOffset?: boolean;
    /** Random offsets per document for hover, completion and navigation. */
    offsets?: number;
    /** Quick fixes applied and checked per document (all are computed). */
    appliedFixes?: number;
    /** Share of documents that get the costlier requests: quick fixes applied, folding ranges, semantic tokens. */
    thoroughness?: number;
}

export interface ExerciseReport {
    parsesCleanly: boolean;
    errors: number;
    diagnostics: number;
    fixesChecked: number;
    renamed: boolean;
}

/** Thrown when a service throws or an invariant breaks; `stage` says which service or check. */
export class ExerciseFailure extends Error {
    constructor(readonly stage: string, cause: unknown) {
        super(`${stage}: ${cause instanceof Error ? cause.stack ?? cause.message : String(cause)}`);
    }
}

const FORMATTING = { tabSize: 4, insertSpaces: true };

export async function exercise(services: TestServices, text: string, random: Random, options: ExerciseOptions = {}): Promise<ExerciseReport> {
    // Langium catches exceptions in validation checks and completion and logs them: count those as failures too.
    const logged: string[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => { logged.push(args.map(arg => arg instanceof Error ? arg.stack : String(arg)).join(' ')); };
    try {
        const report = await run(services, text, random, options);
        if (logged.length > 0) throw new ExerciseFailure('a service logged an error it caught', new Error(logged.join('\n').slice(0, 2000)));
        return report;
    } finally {
        console.error = consoleError;
        await services.reset();
    }
}

async function run(services: TestServices, text: string, random: Random, options: ExerciseOptions): Promise<ExerciseReport> {
    const lsp = services.Journey.lsp;
    const document = await step('parse, link and validate', () => services.validate(text));
    const uri = document.textDocument.uri;
    const textDocument = { uri };
    const parsesCleanly = document.parseResult.lexerErrors.length === 0 && document.parseResult.parserErrors.length === 0;
    const diagnostics = document.diagnostics ?? [];
    const errors = errorCount(document);

    const model = await step('view model', () => services.Journey.model.ViewModelBuilder.build(document));
    await step('view model keeps to its type', () => expectEqual(viewModelProblems(model), [], 'the view model is not what its type promises'));

    const formatEdits = await step('formatting', () => lsp.Formatter!.formatDocument(document, { textDocument, options: FORMATTING }));
    const formatted = await step('apply formatting', () => TextDocument.applyEdits(document.textDocument, formatEdits));
    await step('formatting changes only whitespace', () => expectEqual(formatted.replace(/\s+/g, ''), text.replace(/\s+/g, ''), 'formatting changed more than whitespace'));

    const offsets = options.everyOffset
        ? Array.from({ length: text.length + 1 }, (_, offset) => offset)
        : Array.from({ length: options.offsets ?? 1 }, () => random.int(text.length + 1));
    const thorough = () => options.everyOffset || random.chance(options.thoroughness ?? 1);
    for (const offset of offsets) {
        const position = document.textDocument.positionAt(offset);
        const at = `at offset ${offset} (${position.line + 1}:${position.character + 1})`;
        await step(`hover ${at}`, () => lsp.HoverProvider!.getHoverContent(document, { textDocument, position }));
        await step(`completion ${at}`, () => lsp.CompletionProvider!.getCompletion(document, { textDocument, position }));
        await step(`definition ${at}`, () => lsp.DefinitionProvider!.getDefinition(document, { textDocument, position }));
        await step(`highlight ${at}`, () => lsp.DocumentHighlightProvider!.getDocumentHighlight(document, { textDocument, position }));
        await step(`references ${at}`, () => lsp.ReferencesProvider!.findReferences(document, { textDocument, position, context: { includeDeclaration: true } }));
    }
    await step('document symbols', () => lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument }));
    if (thorough()) {
        await step('folding ranges', () => lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument }));
        await step('semantic tokens', () => lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument }));
    }

    const fixes: Array<{ diagnostic: Diagnostic; action: CodeAction }> = [];
    for (const diagnostic of diagnostics) {
        const actions = await step(`code actions for "${messageText(diagnostic.message)}"`, () =>
            lsp.CodeActionProvider!.getCodeActions(document, { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } }));
        for (const action of actions ?? []) {
            if ('edit' in action && action.edit) fixes.push({ diagnostic, action });
        }
    }
    const renames = options.everyOffset ? await renameEverything(services, document, random) : [await renameSomething(services, document, random)];
    // A name or text cut short by a syntax error is missing, never 'undefined' (unless the writer wrote the word).
    if (!text.includes('undefined')) {
        const said = [...diagnostics.map(d => messageText(d.message)), ...fixes.map(fix => fix.action.title)].filter(message => message.includes('undefined'));
        await step('no message or quick fix says undefined', () => expectEqual(said, [], 'a message or quick fix says undefined'));
    }

    // Every check below builds other documents, so everything above was asked of the original first.
    await services.reset();
    if (parsesCleanly) {
        const after = await step('validate formatted text', () => services.validate(formatted));
        const modelAfter = services.Journey.model.ViewModelBuilder.build(after);
        await step('formatting keeps the view model', () => expectEqual(meaning(modelAfter), meaning(model), 'formatting changed the view model'));
        const again = TextDocument.applyEdits(after.textDocument, await lsp.Formatter!.formatDocument(after, { textDocument: { uri: after.textDocument.uri }, options: FORMATTING }));
        await step('formatting is idempotent', () => expectEqual(again, formatted, 'formatting the formatted text changed it again'));
        await services.reset();
    }

    const chosen = options.everyOffset ? fixes : thorough() ? shuffled(fixes, random).slice(0, options.appliedFixes ?? 1) : [];
    for (const { diagnostic, action } of chosen) {
        await expectNoNewErrors(services, `quick fix "${action.title}" for "${messageText(diagnostic.message)}"`, document, action.edit!, errors);
    }
    for (const rename of renames) {
        if (rename) await expectNoNewErrors(services, rename.title, document, rename.edit, errors);
    }
    return { parsesCleanly, errors, diagnostics: diagnostics.length, fixesChecked: chosen.length, renamed: renames.some(Boolean) };
}

interface Rename {
    title: string;
    edit: WorkspaceEdit;
}

function namesIn(document: LangiumDocument<Model>): LeafCstNode[] {
    const root = document.parseResult.value.$cstNode;
    return root ? CstUtils.streamCst(root).filter((node): node is LeafCstNode => isLeafCstNode(node) && node.tokenType.name === 'ID').toArray() : [];
}

/** Every name of a (small) document renamed in turn, each from the original text. */
async function renameEverything(services: TestServices, document: LangiumDocument<Model>, random: Random): Promise<Array<Rename | undefined>> {
    const renames: Array<Rename | undefined> = [];
    for (const name of namesIn(document)) renames.push(await renameSomething(services, document, random, name));
    return renames;
}

/**
 * Renames the name under a random offset: mostly to a new, unused, valid name, sometimes to text that
 * is no name at all. The server may refuse (with a message for the user); what it does edit must not add errors.
 */
async function renameSomething(services: TestServices, document: LangiumDocument<Model>, random: Random, name = random.pick(namesIn(document))): Promise<Rename | undefined> {
    if (!name) return undefined;
    const position: Position = document.textDocument.positionAt(name.offset + random.int(name.length + 1));
    const text = document.textDocument.getText();
    let newName = `${name.text}${random.pick(['Renamed', '_2', 'Ä', 'X'])}`;
    while (new RegExp(`(?<![\\w\\u00C0-\\u024F])${newName}(?![\\w\\u00C0-\\u024F])`).test(text)) newName += '_';
    if (random.chance(0.1)) newName = random.pick(['stage', 'journey', 'a b', '1abc', '', 'x"y', `${name.text} `, `${name.text}-2`, '😀', 'ɐ']);
    const title = `rename '${name.text}' (${position.line + 1}:${position.character + 1}) to '${newName}'`;
    const params = { textDocument: { uri: document.textDocument.uri }, position, newName };
    const range = await step(`prepare ${title}`, () => refusable(() => services.Journey.lsp.RenameProvider!.prepareRename(document, params)));
    const edit = await step(title, () => refusable(() => services.Journey.lsp.RenameProvider!.rename(document, params)));
    if (!edit) return undefined;
    await step(`${title}: only where prepareRename allowed it`, () => expectEqual(range !== undefined && range !== null, true, 'rename edits a name that prepareRename refused'));
    return { title, edit };
}

async function expectNoNewErrors(services: TestServices, what: string, document: LangiumDocument, edit: WorkspaceEdit, errorsBefore: number): Promise<void> {
    const uri = document.textDocument.uri;
    const edits: TextEdit[] = [];
    for (const [target, changes] of Object.entries(edit.changes ?? {})) {
        if (target !== uri) {
            if (changes.length > 0) throw new ExerciseFailure(what, new Error(`it edits ${target}, which is not the document asked about and cannot be edited by the user`));
            continue;
        }
        edits.push(...changes);
    }
    const changed = await step(`${what}: apply`, () => TextDocument.applyEdits(document.textDocument, edits));
    const after = await step(`${what}: validate the result`, () => services.validate(changed));
    const errorsAfter = errorCount(after);
    await services.reset();
    if (errorsAfter > errorsBefore) {
        const list = (after.diagnostics ?? []).filter(d => d.severity === DiagnosticSeverity.Error).map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${messageText(d.message)}`);
        throw new ExerciseFailure(what, new Error(`errors went from ${errorsBefore} to ${errorsAfter}:\n  ${list.join('\n  ')}\nText after:\n${changed}`));
    }
}

/** The view model without positions: messages may cite line numbers ("first on line 12"), which formatting moves. */
function meaning(model: DocumentViewModel): unknown {
    const lineless = (problem: { message: string }) => ({ ...problem, message: problem.message.replace(/\bline \d+/g, 'line N') });
    const firstError = model.diagnostics.firstError && lineless(model.diagnostics.firstError);
    const problems = model.diagnostics.problems?.map(lineless);
    return stripRanges({ ...model, diagnostics: { ...model.diagnostics, firstError, problems } });
}

/** A request the server turns down with a ResponseError (a message for the user) gives no result; anything else thrown is a failure. */
async function refusable<T>(request: () => T | PromiseLike<T>): Promise<T | undefined> {
    try {
        return await request();
    } catch (error) {
        if (error instanceof ResponseError) return undefined;
        throw error;
    }
}

function errorCount(document: LangiumDocument): number {
    return (document.diagnostics ?? []).filter(d => d.severity === DiagnosticSeverity.Error).length;
}

async function step<T>(stage: string, action: () => T | PromiseLike<T>): Promise<T> {
    try {
        return await action();
    } catch (error) {
        throw error instanceof ExerciseFailure ? error : new ExerciseFailure(stage, error);
    }
}

function expectEqual(actual: unknown, expected: unknown, message: string): void {
    const a = JSON.stringify(actual);
    const e = JSON.stringify(expected);
    if (!deepEqual(actual, expected)) {
        const at = [...a].findIndex((c, i) => c !== e[i]);
        throw new Error(`${message}\n  expected: …${e.slice(Math.max(0, at - 80), at + 120)}\n  actual:   …${a.slice(Math.max(0, at - 80), at + 120)}`);
    }
}

/** Structural equality where a missing property equals an undefined one (as in JSON). */
function deepEqual(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
    if (!a || !b || typeof a !== 'object' || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
        if (!deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
    }
    return true;
}

function shuffled<T>(items: T[], random: Random): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
        const j = random.int(i + 1);
        [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
}
