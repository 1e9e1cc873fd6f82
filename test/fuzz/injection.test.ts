/**
 * Hostile text in labels, at the language level: whatever a writer puts between quotes reaches the view
 * model as the same plain string, its escapes read exactly once, nothing HTML- or Mermaid-escaped (that is
 * the renderer's job), in every place a journey holds quoted text.
 */
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { DocumentViewModel } from '../../src/model/view-model.js';
import { createTestServices } from '../language/services.js';
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
    test.each([
        ['escaped double quotes', String.raw`"a \"quoted\" word"`, 'a "quoted" word'],
        ['escaped single quotes in single quotes', String.raw`'it\'s "fine"'`, `it's "fine"`],
        ['an escaped backslash', String.raw`"back\\slash"`, 'back\\slash'],
        ['an escaped backslash before a quote', String.raw`"ends with \\\""`, 'ends with \\"'],
        ['a line break and a tab', String.raw`"line\nbreak\tand tab"`, 'line\nbreak\tand tab'],
        ['an escaped backslash before n is not a line break', String.raw`"not a \\n break"`, 'not a \\n break'],
        ['backslashes that escape nothing', String.raw`"C:\Users\Ann and 50\50, \d+ \u0041 \b \0"`, 'C:\\Users\\Ann and 50\\50, \\d+ \\u0041 \\b \\0'],
        ['a Mermaid init directive', String.raw`"%%{init: {\"theme\": \"dark\", \"securityLevel\": \"loose\"}}%%"`, '%%{init: {"theme": "dark", "securityLevel": "loose"}}%%'],
        ['Mermaid syntax', '"A-->B; click A call alert(1); classDef x fill:#f00"', 'A-->B; click A call alert(1); classDef x fill:#f00'],
        ['a script tag', `"<script>alert('x')</script>"`, "<script>alert('x')</script>"],
        ['HTML with an event handler', '"<img src=x onerror=alert(1)>"', '<img src=x onerror=alert(1)>'],
        ['HTML entities, not decoded', '"&lt;b&gt; &amp; &#0; &quot;"', '&lt;b&gt; &amp; &#0; &quot;'],
        ['template and snippet syntax', '"${1:Name} {{x}} `code` $(icon)"', '${1:Name} {{x}} `code` $(icon)'],
        ['Markdown', '"**bold** [link](command:workbench.action.quit) | table |"', '**bold** [link](command:workbench.action.quit) | table |'],
        ['prototype keys', '"__proto__ constructor toString"', '__proto__ constructor toString'],
        ['emoji and joiners', '"😀 👨‍👩‍👧 🏳️‍🌈"', '😀 👨‍👩‍👧 🏳️‍🌈'],
        ['Arabic, right to left', '"ابحث عن مكنسة"', 'ابحث عن مكنسة'],
        ['Hebrew with a direction override', '"שלום \u202Eolleh\u202C"', 'שלום \u202Eolleh\u202C'],
        ['control characters typed raw', '"nul\u0000 bell\u0007 escape\u001b[31m"', 'nul\u0000 bell\u0007 escape\u001b[31m'],
        ['an empty label', '""', '']
    ])('%s', async (_what, literal, expected) => {
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
