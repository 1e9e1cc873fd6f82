import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { testCodeAction } from 'langium/test';
import { DocumentValidator } from 'langium';
import { createTestServices, text } from '../services.js';
import { IssueCodes } from '../../../src/language/journey-validator.js';

let fix: ReturnType<typeof testCodeAction>;
let services: Awaited<ReturnType<typeof createTestServices>>;
beforeAll(async () => {
    services = await createTestServices();
    fix = testCodeAction(services.Journey);
});
afterEach(async () => { await services.reset(); });

const persona = 'persona Colleen "Curious Colleen" { goal "A vacuum" }\n';

function journey(body: string, header = 'personas Colleen\n    review 2099-01-01'): string {
    return `${persona}journey Shop {\n    ${header}\n${body}}\n`;
}

describe('quick fixes', () => {
    test('an unmapped stage gets a touchpoint skeleton', async () => {
        const before = journey('    stage Awareness {\n    }\n');
        const after = journey('    stage Awareness {\n        touchpoint AwarenessStep "What happens here" {\n            channel web\n            does "What the customer does"\n            feels "How it feels"\n            emotion Colleen 0\n        }\n    }\n');
        await fix(before, IssueCodes.UnmappedStage, after);
    });

    test('an unknown name is replaced by the closest known one', async () => {
        const body = '    stage Awareness {\n        touchpoint Ad {\n            channel wbe\n            emotion 1\n        }\n    }\n';
        await fix(journey(body), DocumentValidator.LinkingError, journey(body.replace('wbe', 'web')));
    });

    test('an emotion outside the scale is clamped into it', async () => {
        const body = '    stage Awareness {\n        touchpoint Ad {\n            emotion Colleen 7\n        }\n    }\n';
        await fix(journey(body), IssueCodes.EmotionOutOfScale, journey(body.replace('7', '+3')));
    });

    test('a gap in an emotion lane gets a neutral emotion', async () => {
        const body = '    stage Awareness {\n        touchpoint Ad {\n            channel web\n        }\n    }\n';
        await fix(journey(body), IssueCodes.EmotionGap, journey(body.replace('channel web', 'channel web\n            emotion Colleen 0')));
    });

    test('an emotion without a persona gets the touchpoint persona', async () => {
        const header = 'personas Colleen, Ivan\n    review 2099-01-01';
        const twoPersonas = 'persona Ivan { }\n';
        const body = '    stage Awareness {\n        touchpoint Ad {\n            persona Colleen, Ivan\n            emotion 2\n            emotion Ivan 1\n        }\n    }\n';
        const result = await services.validate(twoPersonas + journey(body, header));
        expect(result.diagnostics?.some(d => text(d.message).startsWith('Whose emotion'))).toBe(true);
        const actions = await services.Journey.lsp.CodeActionProvider!.getCodeActions(result, {
            textDocument: { uri: result.textDocument.uri },
            range: result.diagnostics!.find(d => text(d.message).startsWith('Whose emotion'))!.range,
            context: { diagnostics: result.diagnostics!.filter(d => text(d.message).startsWith('Whose emotion')) }
        });
        expect(actions?.map(a => a.title)).toEqual(["Make it the emotion of 'Colleen'", "Make it the emotion of 'Ivan'"]);
    });

    test('a pain point nobody addresses gets an opportunity', async () => {
        const body = '    stage Awareness {\n        touchpoint Ad {\n            emotion 1\n        }\n        pain Slow "Slow site"\n    }\n';
        const after = journey(body + '    opportunity FixSlow "How we could remove this pain" {\n        impact medium\n        effort medium\n        addresses Slow\n    }\n');
        const result = await fix(journey(body), IssueCodes.PainUnaddressed, after);
        expect(result.action?.title).toBe("Add an opportunity that addresses 'Slow'");
    });

    test('a stale review date moves three months ahead', async () => {
        const body = '    stage Awareness {\n        touchpoint Ad {\n            emotion 1\n        }\n    }\n';
        const next = new Date();
        next.setUTCMonth(next.getUTCMonth() + 3);
        await fix(journey(body, 'personas Colleen\n    review 2001-01-01'), IssueCodes.StaleReview, journey(body, `personas Colleen\n    review ${next.toISOString().slice(0, 10)}`));
    });

    test('a future stage with no counterpart can match the closest current stage', async () => {
        const [, future] = await services.workspace({
            'file:///qf/current.journey': journey('    stage Purchase {\n        touchpoint Pay {\n            emotion 1\n        }\n    }\n'),
            'file:///qf/future.journey': 'journey Future {\n    kind future-state\n    improves Shop\n    stage Purchasing {\n        touchpoint Pay {\n        }\n    }\n}\n'
        });
        const diagnostic = future.diagnostics!.find(d => d.code === IssueCodes.NoCounterpart)!;
        const actions = await services.Journey.lsp.CodeActionProvider!.getCodeActions(future, {
            textDocument: { uri: future.textDocument.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        });
        const [preferred] = actions as Array<{ title: string; isPreferred?: boolean; edit?: { changes?: Record<string, Array<{ newText: string }>> } }>;
        expect(preferred.title).toBe("Match current-state stage 'Purchase'");
        expect(preferred.edit?.changes?.[future.textDocument.uri][0].newText).toBe('\n        matches Purchase');
    });

    test('an emotion between two steps of the scale is rounded', async () => {
        const body = '    stage Awareness {\n        touchpoint Ad {\n            emotion Colleen 1.5\n        }\n    }\n';
        const result = await fix(journey(body), IssueCodes.EmotionNotWhole, journey(body.replace('1.5', '+2')));
        expect(result.action?.title).toBe('Change to +2');
    });

    test('a keyword that opens a block, as a name, is renamed to the capitalised word', async () => {
        const body = '    stage stage {\n        touchpoint Ad {\n            emotion Colleen 1\n        }\n    }\n';
        const result = await fix(journey(body), IssueCodes.KeywordAsName, journey(body.replace('stage stage', 'stage Stage')));
        expect(result.action?.title).toBe("Rename to 'Stage'");
    });

    test('a touchpoint with two channels is split into one touchpoint per channel, findings staying with the first', async () => {
        const before = journey([
            '    stage Consideration {',
            '        touchpoint Chat "Live chat" {',
            '            channel chat, app',
            '            does "Asks about the battery"',
            '            emotion Colleen -1',
            '            pain Slow "Waits ten minutes"',
            '        }',
            '    }',
            ''
        ].join('\n'));
        const after = journey([
            '    stage Consideration {',
            '        touchpoint Chat "Live chat" {',
            '            channel chat',
            '            does "Asks about the battery"',
            '            emotion Colleen -1',
            '            pain Slow "Waits ten minutes"',
            '        }',
            '        touchpoint ChatApp "Live chat" {',
            '            channel app',
            '            does "Asks about the battery"',
            '            emotion Colleen -1',
            '        }',
            '    }',
            ''
        ].join('\n'));
        const result = await fix(before, IssueCodes.SeveralChannels, after);
        expect(result.action?.title).toBe("Split 'Chat' into one touchpoint per channel");
    });

    test('a second channel line is split off the same way', async () => {
        const before = journey('    stage Buy {\n        touchpoint Pay {\n            channel web\n            channel store\n            emotion Colleen 1\n        }\n    }\n');
        const after = journey('    stage Buy {\n        touchpoint Pay {\n            channel web\n            emotion Colleen 1\n        }\n        touchpoint PayStore {\n            channel store\n            emotion Colleen 1\n        }\n    }\n');
        await fix(before, IssueCodes.SeveralChannels, after);
    });

    test('bidirectional control characters are removed from the text that holds them', async () => {
        const body = '    stage Awareness {\n        touchpoint Ad "invoice\u202Egnp.exe" {\n            emotion Colleen 1\n        }\n    }\n';
        await fix(journey(body), IssueCodes.BidiControl, journey(body.replace('\u202E', '')));
    });

    test('a channel declared inside another journey moves to the top of its file', async () => {
        const text = '// Shop journeys\n\njourney Shop {\n    channel kiosk "In-store kiosk"\n    stage Visit { touchpoint Kiosk { channel kiosk } }\n}\njourney Returns {\n    stage Return { touchpoint Kiosk { channel kiosk } }\n}\n';
        const moved = '// Shop journeys\n\nchannel kiosk "In-store kiosk"\n\njourney Shop {\n    stage Visit { touchpoint Kiosk { channel kiosk } }\n}\njourney Returns {\n    stage Return { touchpoint Kiosk { channel kiosk } }\n}\n';
        const result = await fix(text, DocumentValidator.LinkingError, moved);
        expect(result.action?.title).toMatch(/^Move channel 'kiosk' out of the journey 'Shop' to the top of \S+\.journey$/);
    });
});
