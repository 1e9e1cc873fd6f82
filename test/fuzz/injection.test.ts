/**
 * Hostile text in labels, at the language level: whatever a writer puts between quotes reaches the view
 * model as the same plain string, its escapes read exactly once, nothing HTML- or Mermaid-escaped (that is
 * the renderer's job), in every place a journey holds quoted text.
 */
import { createRequire } from 'node:module';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { DocumentViewModel } from '../../src/model/view-model.js';
import { createTestServices } from '../language/services.js';
import { HOSTILE } from '../webview/fixtures/hostile.js';
import { QUOTED_INJECTIONS } from './injection-corpus.js';
import { Random, STRANGE_TEXT } from './mutate.js';

let services: Awaited<ReturnType<typeof createTestServices>>;
beforeAll(async () => { services = await createTestServices(); });
afterEach(async () => { await services.reset(); });

/** A journey with quoted text in every place the grammar allows it, all written as `literal`. */
function everywhere(literal: string): string {
    return `persona P ${literal} {
    backstory ${literal}
}
journey J ${literal} {
    goal ${literal}
    scope ${literal}
    owner ${literal}
    personas P
    stage S ${literal} {
        touchpoint T ${literal} {
            does ${literal}
            thinks ${literal}
            feels ${literal}
            says ${literal}
            emotion P +1
            pain Slow ${literal} {
                evidence observed ${literal}
            }
            good ${literal}
            kpi ${literal} 1 ${literal} target 2
        }
        frontstage ${literal}
        next S2 ${literal}
    }
    stage S2 {
        touchpoint T2 { }
    }
    opportunity O ${literal} {
        addresses Slow
    }
    action A ${literal} {
        owner ${literal}
        for O
    }
}
`;
}

/** Every string of the view model that came from quoted text in `everywhere`. */
function quotedTexts(model: DocumentViewModel): unknown[] {
    const [journey] = model.journeys;
    const [stage] = journey.stages;
    const [touchpoint] = stage.touchpoints;
    const [pain] = touchpoint.pains;
    const [kpi] = touchpoint.kpis;
    const transition = journey.transitions.find(t => t.from === 'S' && t.to === 'S2');
    return [
        model.personas[0].label, model.personas[0].details[0].text, journey.title, journey.goal, journey.scope, journey.owner,
        stage.label, touchpoint.label, ...Object.values(touchpoint.activities).flat(), pain.text, pain.evidence?.source,
        touchpoint.goods[0].text, kpi.label, kpi.unit, stage.lanes.frontstage[0].text, transition?.label,
        journey.opportunities[0].label, journey.actions[0].label, journey.actions[0].owner
    ];
}

async function readBack(literal: string): Promise<unknown[]> {
    const document = await services.validate(everywhere(literal));
    expect(document.parseResult.lexerErrors.map(e => e.message)).toEqual([]);
    expect(document.parseResult.parserErrors.map(e => e.message)).toEqual([]);
    const texts = quotedTexts(services.Journey.model.ViewModelBuilder.build(document));
    expect(texts).toHaveLength(22);
    return texts;
}

/** How a writer puts any text between double quotes: backslash, quote, line break and tab escaped. */
function quote(text: string): string {
    return `"${text.replace(/[\\"\n\t]/g, char => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t' })[char]!)}"`;
}

describe('quoted text reaches the view model as written', () => {
    test.each(QUOTED_INJECTIONS)('%s', async (_what, literal, expected) => {
        expect(await readBack(literal)).toEqual(Array(22).fill(expected));
    });

    test('any text, quoted with its backslashes, quotes, line breaks and tabs escaped, reads back exactly (seeded)', async () => {
        const random = new Random(20261122);
        const alphabet = [...STRANGE_TEXT, '"', "'", '\\', '\\n', '\n', '\t', ' ', 'a', 'Z', '{', '}', '//', '/*', '*/', '%%', '<', '>', '&'];
        for (let i = 0; i < 40; i++) {
            const text = Array.from({ length: 1 + random.int(12) }, () => random.pick(alphabet)).join('').replace(/[\r\u0085\u2028\u2029]/g, '');
            expect(await readBack(quote(text)), JSON.stringify(text)).toEqual(Array(22).fill(text));
            await services.reset();
        }
    });
});

describe('quoted text that cannot be read', () => {
    test.each([
        ['an unclosed quote', '"never closed'],
        ['a raw line break inside quotes', '"two\nlines"'],
        ['a backslash at the very end', '"ends with \\"']
    ])('%s is a syntax error, not a silently different label', async (_what, literal) => {
        const document = await services.validate(`persona P ${literal} { }\njourney J { personas P }`);
        expect(document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length).toBeGreaterThan(0);
        const model = services.Journey.model.ViewModelBuilder.build(document);
        expect(model.diagnostics.errors).toBeGreaterThan(0);
        expect(JSON.stringify(model)).not.toContain('never closed"');
    });
});

/**
 * The Markdown renderer of the tests: CommonMark with raw HTML on, as a client that trusts HTML in
 * hovers would render it, and bare URLs turned into links, as VS Code's renderer (GFM) does.
 */
const renderMarkdown = (createRequire(import.meta.url)('markdown-it') as (options: object) => { render(source: string): string })({ html: true, linkify: true });

/** What a reader sees of rendered Markdown: its text, tags removed and entities decoded. */
function visibleText(html: string): string {
    return html.replace(/<[^>]*>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

/** The tags a card's own Markdown produces; anything else came from a label. */
const CARD_TAGS = /^<\/?(p|strong|em|code|ul|li|table|thead|tbody|tr|th|td)>$/;

describe('hover cards and completion documentation show hostile text as text', () => {
    const HOSTILE_VALUES = [...QUOTED_INJECTIONS.map(([, , value]) => value), ...Object.values(HOSTILE)].filter(value => value.trim().length > 0);

    /** A map whose every hoverable name carries `literal` in its label and texts. */
    function hoverable(literal: string): string {
        return `persona P ${literal} { backstory ${literal} }
channel C ${literal}
journey J ${literal} {
    personas P
    stage S ${literal} {
        touchpoint T ${literal} {
            channel C
            does ${literal}
            emotion P 1
            pain Slow ${literal}
        }
    }
    opportunity O ${literal} { addresses Slow }
}
journey K { personas P stage X { touchpoint Y { channel C } } }`;
    }

    function expectShownAsText(markdown: string, value: string, where: string): void {
        const html = renderMarkdown.render(markdown);
        const tags = (html.match(/<[^>]+>/g) ?? []).filter(tag => !CARD_TAGS.test(tag));
        expect(tags, `${where}: markup from the label in ${html}`).toEqual([]);
        const shown = value.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
        expect(visibleText(html), `${where}: the label does not read as written`).toContain(shown);
    }

    test.each(HOSTILE_VALUES.map(value => [JSON.stringify(value).slice(0, 60), value]))('%s', async (_shown, value) => {
        const literal = `"${value.replace(/[\\"\n\t]/g, char => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t' })[char]!)}"`;
        const text = hoverable(literal);
        const document = await services.validate(text);
        expect(document.parseResult.parserErrors.map(e => e.message)).toEqual([]);
        const textDocument = { uri: document.textDocument.uri };
        for (const name of ['P', 'C', 'J', 'S', 'T', 'Slow', 'O']) {
            const offset = text.indexOf(` ${name} `) + 1;
            const hover = await services.Journey.lsp.HoverProvider!.getHoverContent(document, { textDocument, position: document.textDocument.positionAt(offset) });
            const markdown = (hover?.contents as { value: string } | undefined)?.value ?? '';
            expect(markdown, `no hover for ${name}`).not.toBe('');
            expectShownAsText(markdown, value, `hover of ${name}`);
        }
        // Completion documents each name it offers with the same card.
        const completion = await services.Journey.lsp.CompletionProvider!.getCompletion(document, { textDocument, position: document.textDocument.positionAt(text.indexOf('channel C }') + 'channel '.length) });
        const channel = completion?.items.find(item => item.label === 'C');
        expectShownAsText((channel?.documentation as { value: string } | undefined)?.value ?? '', value, 'completion documentation of C');
    });

    test('a doc comment before a declaration is not sent as Markdown with completion', async () => {
        const text = '/** ![x](https://tracker.example/t.png) <b>trusted</b> */\npersona P "Pia" { }\njourney J { personas  }';
        const document = await services.validate(text);
        const completion = await services.Journey.lsp.CompletionProvider!.getCompletion(document, { textDocument: { uri: document.textDocument.uri }, position: document.textDocument.positionAt(text.indexOf('personas ') + 'personas '.length) });
        const documentation = (completion?.items.find(item => item.label === 'P')?.documentation as { value: string } | undefined)?.value;
        expect(documentation).toBe('**Persona** Pia (`P`)');
    });
});
