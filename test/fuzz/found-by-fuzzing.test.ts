/**
 * What fuzzing found, stated as behaviour (the inputs that found it are in regressions/): what the user
 * sees instead of a crash, a broken file or a silent no-op.
 */
import { URI } from 'langium';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { ResponseError } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isBuiltinLibrary } from '../../src/language/journey-workspace.js';
import { BUILTIN_LIBRARY_URI } from '../../src/language/vocabulary.js';
import { createTestServices } from '../language/services.js';

let services: Awaited<ReturnType<typeof createTestServices>>;
beforeAll(async () => { services = await createTestServices(); });
afterEach(async () => { await services.reset(); });

const SHOP = 'persona Ann { }\njourney Shop {\n    personas Ann\n    stage Browse {\n        touchpoint Home {\n            channel web\n            emotion Ann 1\n        }\n    }\n}\n';

async function renameAt(text: string, word: string, newName: string) {
    const document = await services.validate(text);
    const position = document.textDocument.positionAt(text.indexOf(word) + 1);
    const params = { textDocument: { uri: document.textDocument.uri }, position, newName };
    const provider = services.Journey.lsp.RenameProvider!;
    const outcome = async <T>(request: () => Promise<T> | T) => {
        try {
            return { result: await request() };
        } catch (error) {
            if (error instanceof ResponseError) return { refused: error.message };
            throw error;
        }
    };
    return { document, prepared: await outcome(() => provider.prepareRename(document, params)), renamed: await outcome(() => provider.rename(document, params)) };
}

describe('rename', () => {
    test('a built-in channel cannot be renamed, and the user is told why and what to do', async () => {
        const { prepared, renamed } = await renameAt(SHOP, 'web', 'website');
        expect(prepared.refused).toBe(`'web' is a built-in channel and cannot be renamed. To call it something else, declare a channel of your own ('channel name "Label"') and use that instead.`);
        expect(renamed.refused).toBe(prepared.refused);
    });

    test.each(['stage', 'two words', '1st', 'x-y', '', 'Ann "x"', '東京'])('%j is refused as a new name', async newName => {
        const { renamed } = await renameAt(SHOP, 'Browse', newName);
        expect(renamed.refused).toMatch(/cannot be a name: use letters, digits and _, start with a letter or _, and do not use a keyword that opens a block, such as 'stage'\.$/);
    });

    test('a keyword that may be a name is a valid new name', async () => {
        const { document, renamed } = await renameAt(SHOP, 'Browse', 'support');
        const edits = (renamed.result as { changes: Record<string, []> }).changes[document.textDocument.uri];
        const after = TextDocument.applyEdits(document.textDocument, edits);
        expect(after).toBe(SHOP.replace('Browse', 'support'));
        await services.reset();
        expect((await services.validate(after)).diagnostics).toEqual([]);
    });

    test('a valid new name, accented letters included, renames declaration and uses', async () => {
        const { document, renamed } = await renameAt(SHOP, 'Ann', 'Zoë');
        const edits = (renamed.result as { changes: Record<string, []> }).changes[document.textDocument.uri];
        expect(TextDocument.applyEdits(document.textDocument, edits)).toBe(SHOP.replaceAll('Ann', 'Zoë'));
    });
});

describe('the built-in channel library', () => {
    test('is recognised by its URI in any spelling', () => {
        expect(isBuiltinLibrary(URI.parse(BUILTIN_LIBRARY_URI))).toBe(true);
        expect(isBuiltinLibrary(BUILTIN_LIBRARY_URI)).toBe(true);
        expect(isBuiltinLibrary(URI.parse(BUILTIN_LIBRARY_URI).toString())).toBe(true);
        expect(isBuiltinLibrary('file:///channels.journey')).toBe(false);
    });

    test('is not offered as workspace symbols, since the editor cannot open it', async () => {
        await services.validate(SHOP);
        const symbols = await services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: '' });
        expect(symbols.map(symbol => symbol.name)).toEqual(expect.arrayContaining(['Ann', 'Shop', 'Browse']));
        expect(symbols.filter(symbol => 'uri' in symbol.location && isBuiltinLibrary(symbol.location.uri))).toEqual([]);
    });
});

describe('quick fixes in a file with syntax errors', () => {
    test('no block is edited where a syntax error makes its closing brace a guess; elsewhere fixes are offered', async () => {
        const text = 'journey Shop {\n    stage Browse {\n        touchpoint Home { }\n        pain Slow "Slow"\n   action   }\n}\njourney Other {\n    stage Pay { }\n}\n';
        const document = await services.validate(text);
        const titles: string[] = [];
        for (const diagnostic of document.diagnostics ?? []) {
            const actions = await services.Journey.lsp.CodeActionProvider!.getCodeActions(document, { textDocument: { uri: document.textDocument.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
            titles.push(...(actions ?? []).map(action => action.title));
        }
        expect(titles).not.toContain("Add an opportunity that addresses 'Slow'");
        expect(titles).toContain("Add a touchpoint to stage 'Pay'");
    });
});
