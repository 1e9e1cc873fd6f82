import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { expectCompletion, expectFindReferences, expectFoldings, expectGoToDefinition, expectHover, expectSymbols, highlightHelper } from 'langium/test';
import { CompletionItemKind } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createTestServices } from '../services.js';

let services: Awaited<ReturnType<typeof createTestServices>>;
beforeAll(async () => { services = await createTestServices(); });
afterEach(async () => { await services.reset(); });

const PERSONAS = 'persona Colleen "Curious Colleen" {\n    backstory "32, self-employed, short of time"\n    goal "A vacuum that will not break"\n}\npersona Ivan "Ivan the IT admin" { }\n';

describe('completion', () => {
    test('offers the keywords valid inside a touchpoint', async () => {
        await expectCompletion(services.Journey)({
            text: `${PERSONAS}journey J {\n stage S {\n  touchpoint T {\n   <|>\n  }\n }\n}`,
            index: 0,
            assert: completion => {
                const labels = completion.items.map(item => item.label);
                for (const keyword of ['channel', 'persona', 'does', 'thinks', 'feels', 'says', 'emotion', 'pain', 'good', 'kpi', 'evidence']) expect(labels).toContain(keyword);
                expect(labels).not.toContain('stage');
                expect(labels).not.toContain('{');
            }
        });
    });

    test('offers persona names, from other files too, after personas', async () => {
        await services.workspace({ 'file:///c/personas.journey': PERSONAS });
        await expectCompletion(services.Journey)({
            text: 'journey J {\n personas <|>\n}',
            index: 0,
            assert: completion => expect(completion.items.map(item => item.label)).toEqual(expect.arrayContaining(['Colleen', 'Ivan']))
        });
    });

    test('offers stage names after next, and only this journey\'s stages', async () => {
        await expectCompletion(services.Journey)({
            text: 'journey Other { stage Elsewhere { } }\njourney J {\n stage Awareness { }\n stage Purchase {\n  next <|>\n }\n}',
            index: 0,
            assert: completion => {
                const labels = completion.items.map(item => item.label);
                expect(labels).toEqual(expect.arrayContaining(['Awareness', 'Purchase']));
                expect(labels).not.toContain('Elsewhere');
            }
        });
    });

    test('offers the emotion scale after emotion and a persona', async () => {
        await expectCompletion(services.Journey)({
            text: `${PERSONAS}journey J {\n personas Colleen\n stage S {\n  touchpoint T {\n   emotion Colleen <|>\n  }\n }\n}`,
            index: 0,
            assert: completion => {
                const values = completion.items.filter(item => item.detail && /negative|neutral|positive/.test(item.detail)).map(item => item.label);
                expect(values).toEqual(['-3', '-2', '-1', '0', '+1', '+2', '+3']);
            }
        });
    });

    test('offers built-in and declared channels after channel', async () => {
        await expectCompletion(services.Journey)({
            text: 'journey J {\n channel forum "Review forums"\n stage S {\n  touchpoint T {\n   channel <|>\n  }\n }\n}',
            index: 0,
            assert: completion => expect(completion.items.map(item => item.label)).toEqual(expect.arrayContaining(['web', 'email', 'store', 'forum']))
        });
    });

    test('offers a touchpoint snippet in a stage that names the journey persona', async () => {
        await expectCompletion(services.Journey)({
            text: `${PERSONAS}journey J {\n personas Colleen\n stage S {\n  <|>\n }\n}`,
            index: 0,
            assert: completion => {
                const snippet = completion.items.find(item => item.label === 'touchpoint (new touchpoint)');
                expect(snippet?.insertText).toMatch(/^touchpoint \$\{1:Name\}/);
                expect(snippet?.insertText).toContain('emotion Colleen ${7:0}');
                expect(completion.items.some(item => item.label === 'stage (new stage)')).toBe(false);
            }
        });
    });

    test('offers matches only where a journey improves another one', async () => {
        const labelsAt = async (text: string) => {
            let labels: string[] = [];
            await expectCompletion(services.Journey)({ text, index: 0, assert: completion => { labels = completion.items.map(item => String(item.label)); } });
            return labels;
        };
        const current = await labelsAt('journey J {\n kind current-state\n stage S {\n  <|>\n }\n}');
        expect(current).toContain('next');
        expect(current).not.toContain('matches');
        expect(await labelsAt('journey J {\n stage S {\n  <|>\n }\n}')).not.toContain('matches');
        expect(await labelsAt('journey Old { stage S { } }\njourney J {\n kind future-state\n improves Old\n stage S {\n  <|>\n }\n}')).toContain('matches');
    });

    test('offers names, not the keywords a name may be, where a name goes', async () => {
        await expectCompletion(services.Journey)({
            text: 'journey J {\n stage support { }\n stage Pay {\n  next <|>\n }\n}\njourney K {\n stage <|>\n}',
            index: 0,
            assert: completion => {
                const labels = completion.items.map(item => item.label);
                expect(labels).toEqual(expect.arrayContaining(['support', 'Pay']));
                for (const keyword of ['goal', 'review', 'pain', 'next', 'target']) expect(labels).not.toContain(keyword);
            }
        });
        await expectCompletion(services.Journey)({
            text: 'journey J {\n stage support { }\n stage Pay {\n  next <|>\n }\n}\njourney K {\n stage <|>\n}',
            index: 1,
            assert: completion => expect(completion.items.filter(item => item.kind === CompletionItemKind.Keyword).map(item => item.label)).toEqual([])
        });
    });

    test('offers stage and persona snippets where they fit', async () => {
        await expectCompletion(services.Journey)({
            text: 'journey J {\n <|>\n}\n<|>',
            index: 0,
            assert: completion => expect(completion.items.map(item => item.label)).toContain('stage (new stage)')
        });
        await expectCompletion(services.Journey)({
            text: 'journey J {\n <|>\n}\n<|>',
            index: 1,
            assert: completion => expect(completion.items.map(item => item.label)).toEqual(expect.arrayContaining(['persona (new persona)', 'journey (new journey)']))
        });
    });
});

describe('hover', () => {
    test('a persona reference shows the persona summary', async () => {
        await expectHover(services.Journey)({
            text: `${PERSONAS}journey J {\n personas Col<|>leen\n}`,
            index: 0,
            hover: /\*\*Persona\*\* Curious Colleen \(`Colleen`\)\n- \*backstory\*: 32, self\\-employed, short of time\n- \*goal\*: A vacuum that will not break/
        });
    });

    test('a stage shows its touchpoint count and the average emotion per persona', async () => {
        await expectHover(services.Journey)({
            text: `${PERSONAS}journey J "Buying" {\n personas Colleen, Ivan\n stage Aware<|>ness {\n  touchpoint A { emotion Colleen -2 emotion Ivan 1 }\n  touchpoint B { emotion Colleen 1 }\n }\n}`,
            index: 0,
            hover: /\*\*Stage\*\* Awareness of \*Buying\*\n\n2 touchpoints: A, B\n\n\| Persona \| Average emotion \|\n\|---\|---\|\n\| Curious Colleen \| -0\.5 \(slightly negative\) \|\n\| Ivan the IT admin \| \+1 \(slightly positive\) \|/
        });
    });
});

describe('navigation', () => {
    test('go to definition of a pain point from an opportunity', async () => {
        await expectGoToDefinition(services.Journey)({
            text: 'journey J {\n stage S {\n  touchpoint T { }\n  pain <|Slow|> "Slow site"\n }\n opportunity O { addresses Sl<|>ow }\n}',
            index: 0,
            rangeIndex: 0
        });
    });

    test('find references of a stage includes transitions', async () => {
        await expectFindReferences(services.Journey)({
            text: 'journey J {\n stage <|Aw<|>areness|> { touchpoint T { } }\n stage B { touchpoint U { } next <|Awareness|> }\n}',
            includeDeclaration: true
        });
    });

    test('rename a persona across files', async () => {
        const [personas, journey] = await services.workspace({
            'file:///r/personas.journey': PERSONAS,
            'file:///r/shop.journey': 'journey Shop {\n personas Colleen\n stage S { touchpoint T { persona Colleen emotion Colleen 1 } }\n}'
        });
        const offset = personas.textDocument.getText().indexOf('Colleen');
        const edit = await services.Journey.lsp.RenameProvider!.rename(personas, {
            textDocument: { uri: personas.textDocument.uri }, position: personas.textDocument.positionAt(offset), newName: 'Carla'
        });
        const apply = (document: typeof personas) => TextDocument.applyEdits(document.textDocument, edit?.changes?.[document.textDocument.uri] ?? []);
        expect(apply(personas)).toContain('persona Carla "Curious Colleen"');
        expect(apply(journey)).toBe('journey Shop {\n personas Carla\n stage S { touchpoint T { persona Carla emotion Carla 1 } }\n}');
    });

    test('renaming onto a name already in use is refused with the reason', async () => {
        const document = await services.validate('journey J {\n stage Awareness { touchpoint T { } }\n stage Purchase { touchpoint U { } }\n}');
        const position = document.textDocument.positionAt(document.textDocument.getText().indexOf('Purchase'));
        await expect(services.Journey.lsp.RenameProvider!.rename(document, { textDocument: { uri: document.textDocument.uri }, position, newName: 'Awareness' }))
            .rejects.toThrow("There is already a stage named 'Awareness' in the journey 'J'. Pick another name, or rename that one first.");
    });

    test('document symbols outline journeys, stages and touchpoints', async () => {
        await expectSymbols(services.Journey)({
            text: `${PERSONAS}journey J {\n stage S {\n  touchpoint T { }\n }\n opportunity O { }\n}`,
            assert: symbols => {
                expect(symbols.map(s => s.name)).toEqual(['Colleen', 'Ivan', 'J']);
                const journey = symbols[2];
                expect(journey.children?.map(s => s.name)).toEqual(['S', 'O']);
                expect(journey.children?.[0].children?.map(s => s.name)).toEqual(['T']);
            }
        });
    });

    test('workspace symbols find stages and personas across files', async () => {
        await services.workspace({ 'file:///w/personas.journey': PERSONAS, 'file:///w/shop.journey': 'journey Shop { stage Checkout { } }' });
        const symbols = await services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'Co' });
        const names = symbols.map(s => s.name);
        expect(names).toContain('Colleen');
        expect(names).toContain('Checkout');
    });

    test('folding ranges for every block', async () => {
        await expectFoldings(services.Journey)({
            text: '<|journey J {\n    <|stage S {\n        <|touchpoint T {\n            does "x"\n        }|>\n    }|>\n}|>',
            assert: foldings => expect(foldings.length).toBeGreaterThanOrEqual(3)
        });
    });

    test('document highlights mark every use of a persona', async () => {
        const document = await services.validate(`${PERSONAS}journey J {\n personas Colleen\n stage S { touchpoint T { emotion Colleen 1 } }\n}`);
        const offset = document.textDocument.getText().lastIndexOf('Colleen');
        const highlights = await services.Journey.lsp.DocumentHighlightProvider!.getDocumentHighlight(document, {
            textDocument: { uri: document.textDocument.uri }, position: document.textDocument.positionAt(offset)
        });
        expect(highlights?.length).toBe(3);
    });
});

describe('semantic highlighting', () => {
    test('marks persona references and emotion scores', async () => {
        const tokens = await highlightHelper(services.Journey)(`${PERSONAS}journey J {\n personas <|Colleen|>\n stage S { touchpoint T { emotion Colleen <|-2|> } }\n}`);
        const types = tokens.tokens.map(t => t.tokenType);
        expect(types).toContain('class');
        expect(types).toContain('number');
        const number = tokens.tokens.find(t => t.tokenType === 'number')!;
        expect(number.text).toBe('-2');
    });

    test('a keyword used as a name is coloured as the name it is, where it is declared and where it is used', async () => {
        const tokens = await highlightHelper(services.Journey)('journey J {\n stage <|support|> { touchpoint T { } next <|goal|> }\n stage goal { touchpoint U { } }\n}');
        const names = tokens.tokens.filter(token => token.text === 'support' || token.text === 'goal');
        expect(names.map(token => [token.text, token.tokenType])).toEqual([['support', 'type'], ['goal', 'type'], ['goal', 'type']]);
    });
});
