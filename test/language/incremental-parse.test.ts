/**
 * Reparsing only the block an edit falls in (src/language/incremental-parse.ts): where it is
 * taken, the tree is the one a full parse of the new text gives, to every node, token, position,
 * reference and grammar element; where it cannot be sure of that, it leaves the text to a full
 * parse; and the language server's documents, built over such trees, report what a fresh build does.
 */
import { Cancellation, CstUtils, DocumentState, EmptyFileSystem, URI, type AstNode, type LangiumDocument } from 'langium';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateJourney } from '../../bench/generate.js';
import { reparseEdit } from '../../src/language/incremental-parse.js';
import { decodeParse, encodeParse } from '../../src/language/parse-transfer.js';
import { createJourneyServices } from '../../src/language/journey-module.js';
import { CHANGE_QUIET_MS } from '../../src/language/journey-workspace.js';
import { readTree, type ParsedTree } from '../../src/language/tree-walks.js';
import { indexEntries, treeDescriber } from './parse-trees.js';

const { CancellationToken } = Cancellation;
const root = path.resolve(__dirname, '../..');
const examples = fs.readdirSync(path.join(root, 'examples')).filter(name => name.endsWith('.journey'))
    .map(name => ({ name, text: fs.readFileSync(path.join(root, 'examples', name), 'utf8') }));

const { Journey } = createJourneyServices(EmptyFileSystem);
const parser = Journey.parser.LangiumParser;
const describeTree = treeDescriber(Journey);

/** A small pseudo-random sequence, the same on every run. */
function random(seed: number): () => number {
    let state = seed;
    return () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

const edit = (text: string, at: number, remove: number, insert: string) => text.slice(0, at) + insert + text.slice(at + remove);

/** Reparses `after` from a parse of `before`; checks the tree equals a full parse of `after`. Whether the reparse was taken. */
async function reparsedAsFull(before: string, after: string): Promise<boolean> {
    const previous = parser.parse(before);
    // A built document has asked its CST nodes for their ranges, which they keep, and read its tree's nodes and references once.
    for (const node of CstUtils.streamCst(previous.value.$cstNode!)) void node.range;
    await readTree(previous.value, CancellationToken.None);
    const reparsed = reparseEdit(previous, after, parser);
    if (reparsed) {
        const full = parser.parse(after);
        const where = `${JSON.stringify(before.slice(0, 40))}… edited`;
        expect(describeTree(reparsed), where).toEqual(describeTree(full));
        // The list of nodes and references made from the previous one is the list a walk over the full parse makes.
        expect(describeList(await readTree(reparsed.value, CancellationToken.None)), where).toEqual(describeList(await readTree(full.value, CancellationToken.None)));
    }
    return reparsed !== undefined;
}

function describeList(tree: ParsedTree): unknown {
    const at = (node: AstNode) => `${node.$type}@${node.$cstNode?.offset}`;
    return {
        nodes: tree.nodes.map(at),
        references: tree.references.map(info => ({ container: at(info.container), property: info.property, index: info.index, text: info.reference.$refText })),
        firstReferences: [...tree.firstReferences]
    };
}

describe('an edit reparsed in its block', () => {
    test('a label typed, a score changed, a line added inside a touchpoint: the tree a full parse gives', async () => {
        const text = `persona Colleen "Curious Colleen" { goal "Finds it" }
journey Shop "Shop" {
    personas Colleen
    stage Browse "Browse" {
        touchpoint Home "Home page" {
            channel web
            emotion Colleen 2
        }
        // between two touchpoints
        touchpoint Search "Search" { channel web emotion Colleen -1 /* inline */ }
        pain Slow "Slow pages"
    }
    stage Buy { touchpoint Pay "Pays" { emotion Colleen -2 } }
}
`;
        const at = (needle: string) => text.indexOf(needle);
        expect(await reparsedAsFull(text, edit(text, at('Home page') + 4, 0, ' sweet'))).toBe(true);
        expect(await reparsedAsFull(text, edit(text, at('Colleen 2') + 8, 1, '-3'))).toBe(true);
        expect(await reparsedAsFull(text, edit(text, at('emotion Colleen 2'), 0, 'does "Looks around"\n            '))).toBe(true);
        expect(await reparsedAsFull(text, edit(text, at('channel web\n'), 11, ''))).toBe(true);
        // Lines added and removed move the tokens after the block, on the block's last line too.
        expect(await reparsedAsFull(text, edit(text, at('-1 /*'), 0, '\n   '))).toBe(true);
        expect(await reparsedAsFull(text, edit(text, at('emotion Colleen 2'), 18, ''))).toBe(true);
        // The stage's closing brace after the touchpoint, on the same line, moves along it.
        expect(await reparsedAsFull(text, edit(text, at('"Pays"') + 5, 0, ' now'))).toBe(true);
        expect(await reparsedAsFull(text, edit(text, at('"Pays"') + 1, 2, ''))).toBe(true);
        // Outside any touchpoint, the stage is reparsed; a touchpoint's keyword belongs to its stage.
        expect(await reparsedAsFull(text, edit(text, at('Slow pages'), 4, 'Sluggish'))).toBe(true);
        expect(await reparsedAsFull(text, edit(text, at('touchpoint Search'), 10, 'moment'))).toBe(true);
    });

    test('where only a full parse knows the tree, it is left to one', () => {
        const text = 'journey Shop {\n    stage Browse {\n        touchpoint Home "Home" { channel web }\n    }\n}\n';
        const at = (needle: string) => text.indexOf(needle);
        const notReparsed = (after: string) => expect(reparseEdit(parser.parse(text), after, parser)).toBeUndefined();
        notReparsed(edit(text, at('"Home"'), 1, ''));                    // an unclosed quote: an error in the block
        notReparsed(edit(text, at('web }'), 0, 'pain '));                 // a syntax error in the block
        notReparsed(edit(text, at('{\n    stage'), 0, '"Title" '));      // the journey's header: no block around it
        notReparsed(edit(text, at('journey'), 7, 'persona'));             // the first token changed
        notReparsed(edit(text, text.lastIndexOf('}'), 1, ''));            // a closing brace removed
        notReparsed(text);                                                  // no change at all
        // A text that did not parse cleanly before is parsed again in full, so its errors are the full parse's.
        const broken = edit(text, at('web }'), 0, 'pain ');
        expect(reparseEdit(parser.parse(broken), edit(broken, broken.indexOf('Home"'), 0, 'x'), parser)).toBeUndefined();
    });

    test('random edits across the examples and a generated journey: every reparse equals the full parse', async () => {
        const generated = generateJourney({ touchpoints: 60, personas: 3 });
        // Windows line ends too: a line ends at \r\n, and an edit may put a \r or \n between them.
        const texts = [...examples, { name: 'generated', text: generated }, { name: 'generated, CRLF', text: generated.replace(/\n/g, '\r\n') }];
        const snippets = ['a', ' ', '\n', '\r', '\r\n', '"', '}', '{', '-', '1', 'x y', ' "More" ', '\n        pain "New" { evidence observed "Diary" }\n', '// note\n', '/* c */'];
        const next = random(7);
        let reparsed = 0;
        let edits = 0;
        for (const { text } of texts) {
            for (let i = 0; i < 80; i++) {
                const at = Math.floor(next() * text.length);
                const remove = next() < 0.4 ? Math.floor(next() * 6) : 0;
                const insert = remove > 0 && next() < 0.5 ? '' : snippets[Math.floor(next() * snippets.length)];
                edits++;
                if (await reparsedAsFull(text, edit(text, at, remove, insert))) reparsed++;
            }
        }
        // Most random edits break the syntax or fall outside a block; enough must be reparsed for the comparison to mean something.
        expect(reparsed).toBeGreaterThan(edits / 5);
    });

    test('each character typed into a touchpoint, one after another, from the tree of the last', () => {
        const start = generateJourney({ touchpoints: 30, personas: 2 });
        const at = start.indexOf('"', start.indexOf('touchpoint', start.length / 2)) + 1;
        let previous = parser.parse(start);
        let text = start;
        for (const character of 'Ålesund: «kö» ✓') {
            const typed = text.slice(0, at + text.length - start.length) + character + text.slice(at + text.length - start.length);
            const reparsed = reparseEdit(previous, typed, parser);
            expect(reparsed).toBeDefined();
            expect(describeTree(reparsed!)).toEqual(describeTree(parser.parse(typed)));
            previous = reparsed!;
            text = typed;
        }
    });
});

describe('an edit in a large file, whose tree came from the parser thread', () => {
    test('is reparsed in its block into the tree a full parse gives', async () => {
        const text = generateJourney({ touchpoints: 80, personas: 3 });
        const at = text.indexOf('"', text.indexOf('touchpoint', text.length / 2)) + 1;
        const after = edit(text, at, 0, 'Typed ');
        // The tree as the worker's parse is rebuilt on the server's thread (src/language/parse-transfer.ts).
        const carried = await decodeParse(Journey, structuredClone(encodeParse(Journey, parser.parse(text))), text, CancellationToken.None);
        await readTree(carried.value, CancellationToken.None);
        const reparsed = reparseEdit(carried, after, parser);
        expect(reparsed).toBeDefined();
        expect(describeTree(reparsed!)).toEqual(describeTree(parser.parse(after)));
    });
});

describe('a document reparsed in its block by the language server', () => {
    test('its diagnostics, references and view model are those of the same text built afresh', async () => {
        const services = createJourneyServices(EmptyFileSystem);
        const { shared } = services;
        await shared.workspace.WorkspaceManager.initializeWorkspace([]);
        const parse = services.Journey.parser.LangiumParser;
        const fullParses: number[] = [];
        const original = parse.parse.bind(parse);
        parse.parse = ((input: string, options?: { rule?: string }) => { if (!options?.rule) fullParses.push(input.length); return original(input, options); }) as typeof parse.parse;

        const uri = 'file:///edit/shop.journey';
        const persona = 'persona Colleen "Curious Colleen" { goal "Finds it" }\n';
        const before = `${persona}journey Shop {\n    personas Colleen\n    stage Browse {\n        touchpoint Home "Home" { channel web emotion Colleen 2 }\n        touchpoint Pay "Pay" { channel web emotion Colleen -2 pain Fees "Fees" }\n    }\n    opportunity Clear { addresses Fees }\n}\n`;
        // The edit renames the pain the opportunity addresses, so the reference elsewhere breaks.
        const after = before.replace('pain Fees "Fees"', 'pain Charges "Fees"\n            does "Pays"');
        const change = async (version: number, text: string) => {
            const document = TextDocument.create(uri, 'journey', version, text);
            shared.workspace.TextDocuments!.set(document);
            shared.lsp.DocumentUpdateHandler.didChangeContent!({ document });
            await new Promise(resolve => setTimeout(resolve, CHANGE_QUIET_MS * 4));
            await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, URI.parse(uri));
            return shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!;
        };
        await change(1, before);
        fullParses.length = 0;
        const edited = await change(2, after);
        expect(fullParses).toEqual([]);

        const fresh = createJourneyServices(EmptyFileSystem);
        await fresh.shared.workspace.WorkspaceManager.initializeWorkspace([]);
        const afresh = fresh.shared.workspace.LangiumDocumentFactory.fromTextDocument(TextDocument.create(uri, 'journey', 2, after));
        fresh.shared.workspace.LangiumDocuments.addDocument(afresh);
        await fresh.shared.workspace.DocumentBuilder.build([afresh], { validation: true });

        const summary = (document: LangiumDocument) => ({
            text: document.parseResult.value.$cstNode?.text,
            diagnostics: document.diagnostics?.map(d => ({ message: d.message, range: d.range, severity: d.severity })),
            references: document.references.map(reference => ({ text: reference.$refText, range: reference.$refNode?.range, target: 'ref' in reference ? reference.ref?.$type : undefined })),
            model: JSON.parse(JSON.stringify(services.Journey.model.ViewModelBuilder.build(document)))
        });
        expect(edited.diagnostics?.some(d => JSON.stringify(d.message).includes('Fees'))).toBe(true);
        expect(summary(edited)).toEqual({ ...summary(afresh), model: JSON.parse(JSON.stringify(fresh.Journey.model.ViewModelBuilder.build(afresh))) });
    });

    test('a run of random edits, each built on the last: after every one, the diagnostics of the same text built afresh', async () => {
        const { shared, Journey: services } = createJourneyServices(EmptyFileSystem);
        await shared.workspace.WorkspaceManager.initializeWorkspace([]);
        const blockParses: string[] = [];
        const ownParser = services.parser.LangiumParser;
        const original = ownParser.parse.bind(ownParser);
        ownParser.parse = ((input: string, options?: { rule?: string }) => { if (options?.rule) blockParses.push(options.rule); return original(input, options); }) as typeof ownParser.parse;
        const fresh = createJourneyServices(EmptyFileSystem);
        await fresh.shared.workspace.WorkspaceManager.initializeWorkspace([]);

        const uri = 'file:///edit/generated.journey';
        const diagnosticsOf = (document: LangiumDocument) => document.diagnostics?.map(d => ({ message: d.message, range: d.range, severity: d.severity, code: d.code }));
        const next = random(11);
        const snippets = ['a', ' ', '\n', '"', '}', '-', '3', 'Ok', '\n            channel app'];
        /** Where `pattern` matches, and so many characters into the match. */
        const places = (pattern: RegExp, into?: number) => [...text.matchAll(pattern)].map(match => match.index! + (into ?? match[0].length));
        const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
        let text = generateJourney({ touchpoints: 40, personas: 2 });
        let beforeBreaking: string | undefined;
        for (let version = 1; version <= 40; version++) {
            if (beforeBreaking !== undefined) {
                // Back to the text before a random edit, as with undo: from a broken text to a clean one.
                text = beforeBreaking;
                beforeBreaking = undefined;
            } else if (version > 1) {
                const kind = next();
                if (kind < 0.35) {
                    text = edit(text, pick(places(/"[^"\n]*"/g, 1)), 0, pick(['x', 'Å ', '1']));                                // typing in a label
                } else if (kind < 0.55) {
                    text = edit(text, pick(places(/touchpoint \w+ "[^"\n]*" \{/g)), 0, pick(['\n            does "Looks"', '\n            emotion Colleen -3', ' pain "Slow"']));
                } else {
                    // A score changed, maybe to something that is not one, or a random edit: undone at the next step.
                    beforeBreaking = text;
                    text = kind < 0.7 ? edit(text, pick(places(/emotion \w+ /g)), 1, pick(['1', '2', '-', '+']))
                        : edit(text, Math.floor(next() * text.length), next() < 0.3 ? Math.floor(next() * 4) : 0, pick(snippets));
                }
            }
            const document = TextDocument.create(uri, 'journey', version, text);
            shared.workspace.TextDocuments!.set(document);
            shared.lsp.DocumentUpdateHandler.didChangeContent!({ document });
            await new Promise(resolve => setTimeout(resolve, CHANGE_QUIET_MS * 4));
            await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, URI.parse(uri));
            const edited = shared.workspace.LangiumDocuments.getDocument(URI.parse(uri))!;

            const afresh = fresh.shared.workspace.LangiumDocumentFactory.fromTextDocument(TextDocument.create(uri, 'journey', version, text));
            fresh.shared.workspace.LangiumDocuments.addDocument(afresh);
            await fresh.shared.workspace.DocumentBuilder.build([afresh], { validation: true });
            expect(diagnosticsOf(edited), `after edit ${version}`).toEqual(diagnosticsOf(afresh));
            // The index entries, whose positions and paths are read from the tree only when asked for.
            expect(indexEntries(shared, edited), `after edit ${version}`).toEqual(indexEntries(fresh.shared, afresh));
            await fresh.shared.workspace.DocumentBuilder.update([], [URI.parse(uri)]);
        }
        // Random places: some edits fall in a touchpoint or stage and are reparsed there, the rest in full.
        expect(blockParses.length).toBeGreaterThan(10);
    });
});
