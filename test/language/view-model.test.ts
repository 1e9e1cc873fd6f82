import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createTestServices } from './services.js';

let services: Awaited<ReturnType<typeof createTestServices>>;
beforeAll(async () => { services = await createTestServices(); });
afterEach(async () => { await services.reset(); });

/** Every `key` in a view model, wherever it sits. */
function keys(value: unknown, found: string[] = []): string[] {
    if (Array.isArray(value)) value.forEach(item => keys(item, found));
    else if (value && typeof value === 'object') {
        for (const [property, inner] of Object.entries(value)) {
            if (property === 'key' && typeof inner === 'string') found.push(inner);
            else if (property !== 'baseline') keys(inner, found);
        }
    }
    return found;
}

describe('what a touchpoint holds', () => {
    test('does, thinks, feels, says and experiences each go to their own lane, in the order written', async () => {
        const document = await services.validate(`journey Shop {
    stage Wait {
        touchpoint Hold "On hold" {
            channel phone
            does "Calls support"
            experiences "Twenty minutes of hold music"
            feels "Ignored"
            experiences "The call drops once"
            says "I have called three times"
        }
    }
}
`);
        expect((document.diagnostics ?? []).filter(d => d.severity === 1)).toEqual([]);
        const touchpoint = services.Journey.model.ViewModelBuilder.build(document).journeys[0].stages[0].touchpoints[0];
        expect(touchpoint.activities).toEqual({
            does: ['Calls support'], thinks: [], feels: ['Ignored'], says: ['I have called three times'],
            experiences: ['Twenty minutes of hold music', 'The call drops once']
        });
    });

    test('experiences can be a name, like the other activity words', async () => {
        const document = await services.validate('journey Shop {\n    stage experiences {\n        touchpoint Hold { channel phone }\n    }\n}\n');
        expect((document.diagnostics ?? []).filter(d => d.severity === 1)).toEqual([]);
        expect(services.Journey.model.ViewModelBuilder.build(document).journeys[0].stages[0].id).toBe('experiences');
    });
});

describe('view model keys', () => {
    test('are unique within a document, even when two journeys name their pain points alike', async () => {
        const journey = (name: string) => `journey ${name} {\n    stage S {\n        touchpoint T {\n            pain Slow "Slow"\n            good Quick "Quick"\n        }\n        pain Slow2 "Slow too"\n    }\n}\n`;
        const document = await services.validate(journey('A') + journey('B'));
        const all = keys(services.Journey.model.ViewModelBuilder.build(document));
        expect(all.length).toBeGreaterThan(8);
        expect(new Set(all).size).toBe(all.length);
    });

    test('of a named pain point stay the same when another is added before it', async () => {
        const text = 'journey A {\n    stage S {\n        touchpoint T {\n            pain Slow "Slow"\n        }\n    }\n}\n';
        const before = services.Journey.model.ViewModelBuilder.build(await services.validate(text));
        await services.reset();
        const after = services.Journey.model.ViewModelBuilder.build(await services.validate(text.replace('pain Slow', 'pain Other "Other"\n            pain Slow')));
        const keyOf = (model: typeof before) => model.journeys[0].stages[0].touchpoints[0].pains.find(p => p.id === 'Slow')!.key;
        expect(keyOf(after)).toBe(keyOf(before));
    });
});

describe('opportunities in the view model', () => {
    test('come by value for effort, as the preview and the report show them: quick wins, big bets, fill-ins, money pits', async () => {
        const document = await services.validate(`journey A {
    stage S { touchpoint T { } }
    opportunity MoneyPit { impact low effort high }
    opportunity BigBet { impact high effort high }
    opportunity MediumBet { impact medium effort high }
    opportunity FillIn { impact low effort low }
    opportunity QuickWin { impact medium effort low }
    opportunity Unrated { }
    opportunity BestWin { impact high effort low }
    opportunity SlowPit { impact low effort medium }
}`);
        const [journey] = services.Journey.model.ViewModelBuilder.build(document).journeys;
        // Medium impact for low effort ranks above high impact for high effort.
        expect(journey.opportunities.map(o => o.id)).toEqual(['BestWin', 'QuickWin', 'BigBet', 'Unrated', 'MediumBet', 'FillIn', 'SlowPit', 'MoneyPit']);
    });
});
