/**
 * Large journeys parsed in a worker thread (src/language/threaded-parser.ts, parse-transfer.ts):
 * the tree rebuilt on the server's thread is the tree the parser made there, to every node,
 * token, reference and error; a build over it reports the same problems; cancelling stops it; a
 * worker that cannot start leaves the text parsed in place.
 */
import { AstUtils, Cancellation, EmptyFileSystem, EmptyFileSystemProvider, isOperationCancelled, URI, type LangiumDocument, type ParseResult } from 'langium';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { createJourneyServices, type JourneyServices } from '../../src/language/journey-module.js';
import { decodeParse, encodeParse } from '../../src/language/parse-transfer.js';
import { ThreadedParser } from '../../src/language/threaded-parser.js';
import { treeDescriber } from './parse-trees.js';

const root = path.resolve(__dirname, '../..');
const workerPath = path.join(root, 'out/parser-worker.cjs');
const examples = fs.readdirSync(path.join(root, 'examples')).filter(name => name.endsWith('.journey'));

/** Syntax errors of several kinds, a lexer error, an unresolved reference, a comment and a name in quotes. */
const broken = `// notes first
persona Colleen "Curious Colleen"
journey Broken "Broken \\"quoted\\" journey" {
    personas Colleen, Nobody
    stage Find {
        touchpoint Search "Searches" { channel web emotion Colleen 9 }
        touchpoint "no name" {
    }
    stage Buy { touchpoint Pay "Pays" { emotion Colleen -2 ` + '\u0007' + ` } }
`;

const { Journey } = createJourneyServices(EmptyFileSystem);
const describeTree = treeDescriber(Journey);

/** As the worker sends it: encoded, then copied across the thread boundary. */
async function throughTheBoundary(services: JourneyServices, text: string): Promise<ParseResult> {
    const encoded = structuredClone(encodeParse(services, services.parser.LangiumParser.parse(text)));
    return decodeParse(services, encoded, text, Cancellation.CancellationToken.None);
}

describe('a parse result carried across threads', () => {
    test.each([...examples, 'broken', 'empty'])('is the same tree as the parse in place: %s', async name => {
        const text = name === 'broken' ? broken : name === 'empty' ? '' : fs.readFileSync(path.join(root, 'examples', name), 'utf8');
        const inPlace = Journey.parser.LangiumParser.parse(text);
        const carried = await throughTheBoundary(Journey, text);
        expect(describeTree(carried)).toEqual(describeTree(inPlace));
        if (name === 'broken') expect(carried.parserErrors.length + carried.lexerErrors.length).toBeGreaterThan(1);
    });

    test('stops with OperationCancelled when its build is cancelled while the tree is rebuilt', async () => {
        const text = fs.readFileSync(path.join(root, 'examples/vacuum-current.journey'), 'utf8');
        const encoded = encodeParse(Journey, Journey.parser.LangiumParser.parse(text));
        const source = new Cancellation.CancellationTokenSource();
        source.cancel();
        const error = await decodeParse(Journey, encoded, text, source.token).catch(e => e);
        expect(isOperationCancelled(error)).toBe(true);
    });
});

describe('the threaded parser in a language server', () => {
    const started: ThreadedParser[] = [];
    afterAll(() => { for (const parser of started) parser.dispose(); });

    async function buildWith(options: { workerPath: string; log?: (message: string) => void }, files: Record<string, string>): Promise<LangiumDocument[]> {
        const services = createJourneyServices({
            // The files are read as the language server reads a file on disk, so they are parsed by the async parser.
            fileSystemProvider: () => Object.assign(new EmptyFileSystemProvider(), { readFile: async (uri: URI) => files[uri.toString()] }),
            asyncParser: journey => {
                // Every text goes to the worker, however short.
                const parser = new ThreadedParser(journey, options.workerPath, 0, options.log);
                started.push(parser);
                return parser;
            }
        });
        await services.shared.workspace.WorkspaceManager.initializeWorkspace([]);
        const uris = Object.keys(files).map(uri => URI.parse(uri));
        const documents = await Promise.all(uris.map(uri => services.shared.workspace.LangiumDocuments.getOrCreateDocument(uri)));
        await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        return documents;
    }

    const files = Object.fromEntries([
        ...['personas.journey', 'vacuum-current.journey', 'vacuum-future.journey'].map(name => [`file:///w/${name}`, fs.readFileSync(path.join(root, 'examples', name), 'utf8')]),
        ['file:///w/broken.journey', broken]
    ]);

    async function buildInPlace(files: Record<string, string>): Promise<LangiumDocument[]> {
        const services = createJourneyServices(EmptyFileSystem);
        await services.shared.workspace.WorkspaceManager.initializeWorkspace([]);
        const documents = Object.entries(files).map(([uri, text]) => {
            const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(uri));
            services.shared.workspace.LangiumDocuments.addDocument(document);
            return document;
        });
        await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
        return documents;
    }

    function diagnostics(documents: LangiumDocument[]): unknown {
        return documents.map(document => ({ uri: document.uri.toString(), diagnostics: document.diagnostics?.map(d => ({ range: d.range, message: d.message, severity: d.severity, code: d.code })) }));
    }

    test('reports the same problems, links across files included, as parsing in place', async () => {
        expect(fs.existsSync(workerPath), `${workerPath} is built by the tests' global set-up`).toBe(true);
        const threaded = await buildWith({ workerPath }, files);
        const inPlace = await buildInPlace(files);
        expect(diagnostics(threaded)).toEqual(diagnostics(inPlace));
        expect((diagnostics(threaded) as Array<{ diagnostics: unknown[] }>).some(d => d.diagnostics.length > 0)).toBe(true);
        // A future-state stage's `matches` resolved to the baseline journey in another file.
        const future = threaded.find(d => d.uri.path.endsWith('vacuum-future.journey'))!;
        const references = AstUtils.streamAst(future.parseResult.value).flatMap(node => AstUtils.streamReferences(node)).toArray();
        expect(references.length).toBeGreaterThan(10);
        expect(references.every(info => 'ref' in info.reference && info.reference.ref !== undefined)).toBe(true);
    });

    test('a parse cancelled while the worker is on it stops at once, and the next parse gets a new worker', async () => {
        const parser = new ThreadedParser(Journey, workerPath, 0);
        started.push(parser);
        const text = fs.readFileSync(path.join(root, 'examples/vacuum-current.journey'), 'utf8');
        const source = new Cancellation.CancellationTokenSource();
        // About a second of parsing: the worker is on it when the build is cancelled.
        const cancelledParse = parser.parse(text.repeat(100), source.token);
        setTimeout(() => source.cancel(), 300);
        expect(isOperationCancelled(await cancelledParse.catch(error => error))).toBe(true);
        const result = await parser.parse(text, Cancellation.CancellationToken.None);
        expect(describeTree(result)).toEqual(describeTree(Journey.parser.LangiumParser.parse(text)));
    });

    test('parses in place, and says so once, when the worker cannot start', async () => {
        const logged: string[] = [];
        const documents = await buildWith({ workerPath: path.join(root, 'out/no-such-worker.cjs'), log: message => logged.push(message) }, files);
        expect(diagnostics(documents)).toEqual(diagnostics(await buildInPlace(files)));
        expect(logged).toHaveLength(1);
        expect(logged[0]).toMatch(/parsed on the language server's own thread from now on: its parser thread failed/);
    });
});
