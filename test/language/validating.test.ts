import { beforeAll, afterEach, describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { IssueCodes } from '../../src/language/journey-validator.js';
import { createTestServices, messages, text } from './services.js';

let services: Awaited<ReturnType<typeof createTestServices>>;
beforeAll(async () => { services = await createTestServices(); });
afterEach(async () => { await services.reset(); });

const PERSONAS = `
persona Colleen "Curious Colleen" { backstory "32, self-employed" goal "A vacuum that will not break" }
persona Ivan "Ivan the IT admin" { goal "Roll out without tickets" }
`;

/** A journey with one persona, every stage mapped and every pain addressed: no diagnostics at all. */
const CLEAN = `${PERSONAS}
journey Vacuum "Buying a vacuum" {
    kind current-state
    review 2099-01-01
    personas Colleen
    stage Awareness {
        touchpoint Billboard "Sees a billboard" {
            channel ad
            emotion +1
        }
        pain TooMuch "Too much content to sort through"
    }
    stage Purchase {
        touchpoint Checkout {
            channel web
            emotion Colleen -2
        }
    }
    opportunity Compare "Comparison tool" {
        impact high
        effort medium
        addresses TooMuch
    }
    action Build "Build the comparison tool" {
        owner "Web team"
        for Compare
    }
}`;

function diagnosticsAt(document: Awaited<ReturnType<typeof services.validate>>, text: string) {
    const offset = document.textDocument.getText().indexOf(text);
    expect(offset, `'${text}' not in the document`).toBeGreaterThanOrEqual(0);
    const position = document.textDocument.positionAt(offset);
    return (document.diagnostics ?? []).filter(d => d.range.start.line === position.line && d.range.start.character === position.character);
}

describe('a clean journey', () => {
    test('has no diagnostics', async () => {
        const document = await services.validate(CLEAN);
        expect(messages(document)).toEqual([]);
    });
});

describe('unmapped stage', () => {
    test('warns on the stage name', async () => {
        const document = await services.validate(CLEAN.replace('stage Purchase {', 'stage Empty "Nothing here" { }\n    stage Purchase {'));
        const [warning] = diagnosticsAt(document, 'Empty "Nothing');
        expect(warning.severity).toBe(DiagnosticSeverity.Warning);
        expect(warning.message).toMatch(/Stage 'Nothing here' has no touchpoints yet.*Add a 'touchpoint'/);
        expect(document.textDocument.getText(warning.range)).toBe('Empty');
    });
});

describe('unknown names', () => {
    test('a misspelt persona gets "did you mean"', async () => {
        const document = await services.validate(CLEAN.replace('personas Colleen', 'personas Coleen'));
        const [error] = diagnosticsAt(document, 'Coleen');
        expect(error.severity).toBe(DiagnosticSeverity.Error);
        expect(error.message).toBe("Unknown persona 'Coleen'. Did you mean 'Colleen'?");
    });

    test('a misspelt stage, channel and pain point get suggestions', async () => {
        const text = CLEAN.replace('channel web', 'channel wbe').replace('addresses TooMuch', 'addresses TooMuh')
            .replace('            emotion Colleen -2\n        }', '            emotion Colleen -2\n        }\n        next Awarenes');
        const document = await services.validate(text);
        expect(diagnosticsAt(document, 'wbe')[0].message).toBe("Unknown channel 'wbe'. Did you mean 'web'?");
        expect(diagnosticsAt(document, 'TooMuh')[0].message).toBe("Unknown pain point 'TooMuh'. Did you mean 'TooMuch'?");
        expect(diagnosticsAt(document, 'Awarenes\n')[0].message).toBe("Unknown stage 'Awarenes'. Did you mean 'Awareness'?");
    });

    test('a name with no close match lists what is known and how to declare it', async () => {
        const document = await services.validate(CLEAN.replace('channel web', 'channel fax'));
        const [error] = diagnosticsAt(document, 'fax');
        expect(error.message).toMatch(/^Unknown channel 'fax'\. Known: web, app, .* Declare it with 'channel fax "Label"'/);
    });

    test('an unknown opportunity in an action', async () => {
        const document = await services.validate(CLEAN.replace('for Compare', 'for Compar'));
        expect(diagnosticsAt(document, 'Compar\n')[0].message).toBe("Unknown opportunity 'Compar'. Did you mean 'Compare'?");
    });
});

describe('emotions', () => {
    test('outside the scale', async () => {
        const document = await services.validate(CLEAN.replace('emotion Colleen -2', 'emotion Colleen -5'));
        const [error] = diagnosticsAt(document, '-5');
        expect(error.severity).toBe(DiagnosticSeverity.Error);
        expect(error.message).toMatch(/Emotion -5 is outside the scale\. Use a whole number from -3 .* to \+3/);
    });

    test('a fraction on the scale is not called outside it: it is between two steps', async () => {
        const document = await services.validate(CLEAN.replace('emotion Colleen -2', 'emotion Colleen 1.5'));
        const [error] = diagnosticsAt(document, '1.5');
        expect(error.message).toBe('Emotion 1.5 is on the scale but between two steps: the scale has only whole numbers from -3 to +3. Choose +1 or +2.');
        expect(error.code).toBe(IssueCodes.EmotionNotWhole);
    });

    test('a fraction outside the scale is outside it', async () => {
        const document = await services.validate(CLEAN.replace('emotion Colleen -2', 'emotion Colleen -4.5'));
        expect(diagnosticsAt(document, '-4.5')[0].message).toMatch(/^Emotion -4.5 is outside the scale\./);
    });

    test('a gap in a persona emotion lane', async () => {
        const document = await services.validate(CLEAN.replace('emotion Colleen -2', 'does "pays"'));
        const [warning] = diagnosticsAt(document, 'Purchase {');
        expect(warning.message).toMatch(/Persona 'Colleen' has no emotion in stage 'Purchase'.*Add 'emotion Colleen <-3\.\.\+3>'/);
    });

    test('an emotion with no persona where a touchpoint concerns two', async () => {
        const document = await services.validate(CLEAN.replace('personas Colleen', 'personas Colleen, Ivan'));
        const errors = (document.diagnostics ?? []).filter(d => text(d.message).startsWith('Whose emotion is this?'));
        expect(errors).toHaveLength(1);
        expect(errors[0].message).toMatch(/concerns Colleen and Ivan: write 'emotion Colleen \+1'/);
    });
});

describe('names', () => {
    test('duplicate stages within a journey', async () => {
        const document = await services.validate(CLEAN.replace('stage Purchase {', 'stage Awareness {'));
        expect(messages(document)).toContainEqual(expect.stringMatching(/The stage 'Awareness' is declared twice in the journey 'Vacuum' \(first on line \d+\)/));
    });

    test('duplicate names of every kind within a journey are reported on the second, wherever they are nested', async () => {
        const document = await services.validate(`${PERSONAS}
journey Shop {
    personas Colleen
    channel kiosk
    channel kiosk
    stage Browse {
        touchpoint Home { channel web emotion 1 pain Slow "Slow page" good Nice "Nice photos" }
        pain Slow "Slow again"
    }
    stage Buy {
        touchpoint Home { channel web emotion 2 good Nice "Nice again" }
    }
    opportunity Faster { addresses Slow }
    opportunity Faster { addresses Slow }
    action Fix { for Faster owner "Web" }
    action Fix { for Faster owner "Web" }
}`);
        const duplicates = (document.diagnostics ?? []).filter(d => text(d.message).includes('is declared twice in the journey'))
            .map(d => `${d.range.start.line + 1}: ${/^.*\(first on line \d+\)/.exec(text(d.message))?.[0]}`);
        // Each duplicate once, on the later declaration, naming the line of the first (in any order).
        expect(duplicates.sort()).toEqual([
            "8: The channel 'kiosk' is declared twice in the journey 'Shop' (first on line 7)",
            "14: The touchpoint 'Home' is declared twice in the journey 'Shop' (first on line 10)",
            "11: The pain point 'Slow' is declared twice in the journey 'Shop' (first on line 10)",
            "14: The moment 'Nice' is declared twice in the journey 'Shop' (first on line 10)",
            "17: The opportunity 'Faster' is declared twice in the journey 'Shop' (first on line 16)",
            "19: The action 'Fix' is declared twice in the journey 'Shop' (first on line 18)"
        ].sort());
    });

    test('duplicate personas across files', async () => {
        const [, second] = await services.workspace({
            'file:///ws/personas.journey': PERSONAS,
            'file:///ws/other.journey': 'persona Colleen "Another Colleen" { }'
        });
        expect(messages(second)).toContainEqual(expect.stringMatching(/The persona 'Colleen' is already declared in personas\.journey/));
    });

    test('a declared channel may not shadow a built-in one', async () => {
        const document = await services.validate('channel web "My web"');
        expect(messages(document)).toContainEqual(expect.stringMatching(/already declared as a built-in channel/));
    });
});

describe('improvement links', () => {
    test('a pain point no opportunity addresses, and an opportunity with no action, are hints', async () => {
        const document = await services.validate(CLEAN.replace('addresses TooMuch', '').replace('for Compare', ''));
        const pain = diagnosticsAt(document, 'TooMuch "Too much');
        expect(pain[0].severity).toBe(DiagnosticSeverity.Hint);
        expect(pain[0].message).toBe("No opportunity addresses the pain point 'TooMuch' yet. Add 'addresses TooMuch' to an opportunity.");
        const opportunity = diagnosticsAt(document, 'Compare "Comparison');
        expect(opportunity[0].severity).toBe(DiagnosticSeverity.Hint);
        expect(opportunity[0].message).toMatch(/No action takes up the opportunity 'Compare'/);
    });
});

describe('non-linear journeys', () => {
    test('a stage skipped by every transition is unreachable', async () => {
        const text = CLEAN.replace('pain TooMuch', 'next Purchase\n        pain TooMuch')
            .replace('    opportunity Compare', '    stage Lost {\n        touchpoint Gone { emotion 0 }\n    }\n    opportunity Compare')
            .replace('            emotion Colleen -2\n        }', '            emotion Colleen -2\n        }\n        next Awareness "buys again"');
        const document = await services.validate(text);
        const [warning] = diagnosticsAt(document, 'Lost {');
        expect(warning.message).toMatch(/Stage 'Lost' cannot be reached from the first stage 'Awareness'/);
        expect(messages(document).filter(m => m.includes('cannot be reached'))).toHaveLength(1);
    });

    test('loops back keep every stage reachable', async () => {
        const document = await services.validate(CLEAN.replace('            emotion Colleen -2\n        }', '            emotion Colleen -2\n        }\n        next Awareness "tries again"'));
        expect(messages(document)).toEqual([]);
    });
});

describe('future state', () => {
    const FUTURE = `
journey VacuumFuture "Buying a vacuum, improved" {
    kind future-state
    improves Vacuum
    personas Colleen
    stage Awareness { touchpoint Ad { emotion 2 } }
    stage Chat "Ask the chatbot" { touchpoint Bot { emotion 2 } }
}`;
    test('a stage with no counterpart in the current state', async () => {
        const [, future] = await services.workspace({ 'file:///ws/current.journey': CLEAN, 'file:///ws/future.journey': FUTURE });
        const [warning] = diagnosticsAt(future, 'Chat "Ask');
        expect(warning.message).toMatch(/Future stage 'Chat' has no counterpart in the current state 'Vacuum' \(stages: Awareness, Purchase\).*'matches <Stage>'/);
        expect(diagnosticsAt(future, 'Awareness {')).toEqual([]);
    });

    test('matches names the counterpart explicitly, resolved in the improved journey', async () => {
        const [, future] = await services.workspace({
            'file:///ws/current.journey': CLEAN,
            'file:///ws/future.journey': FUTURE.replace('stage Chat "Ask the chatbot" {', 'stage Chat "Ask the chatbot" { matches Purchase')
        });
        expect(messages(future)).toEqual([]);
    });

    test('matches without improves explains what is missing', async () => {
        const document = await services.validate(CLEAN.replace('stage Purchase {', 'stage Purchase { matches Awareness'));
        expect(diagnosticsAt(document, 'Awareness\n')[0].message).toMatch(/Add 'improves <JourneyName>' to the journey header first/);
    });
});

describe('review dates', () => {
    test('a review date in the past: the map may be stale', async () => {
        const document = await services.validate(CLEAN.replace('review 2099-01-01', 'review 2020-01-31'));
        const [warning] = diagnosticsAt(document, '2020-01-31');
        expect(warning.severity).toBe(DiagnosticSeverity.Warning);
        expect(warning.message).toMatch(/The review date 2020-01-31 has passed: this map may be stale/);
    });

    test('a date that does not exist', async () => {
        const document = await services.validate(CLEAN.replace('review 2099-01-01', 'review 2099-02-30'));
        expect(diagnosticsAt(document, '2099-02-30')[0].message).toMatch(/'2099-02-30' is not a calendar date\. Write the review date as YYYY-MM-DD/);
    });
});

describe('syntax errors speak the writer\'s language', () => {
    test.each([
        ['a misspelt keyword', 'journey J {\n stag S {\n }\n}', /^Expected '\}' but found 'stag'\. Did you mean 'stage'\?/],
        ['a missing emotion score', 'journey J {\n stage S {\n  touchpoint T {\n   emotion\n  }\n }\n}', /^Expected a number or 'from' but found '\}'\.$/],
        ['an unclosed quote', 'journey J {\n stage S {\n  touchpoint T { does "unclosed }\n }\n}', /^This text has no closing " on its line\. Close it with "/],
        ['a header setting after a stage', 'journey J {\n stage S { }\n kind current-state\n}', /Journey settings \(kind, .*\) come first, before the first stage: move 'kind' up\./],
        ['a misspelt journey kind', 'journey J {\n kind currentstate\n}', /^Expected 'current-state', 'future-state', 'day-in-the-life', 'service-blueprint' or 'empathy-map' but found 'currentstate'\. Did you mean 'current-state'\?/],
        ['a malformed date', 'journey J {\n review 2027-1-1\n}', /^Expected a date written YYYY-MM-DD but found '2027'\.$/]
    ])('%s', async (_, input, message) => {
        const document = await services.validate(input);
        expect(messages(document)[0]).toMatch(message);
        expect(messages(document).some(m => m.includes('undefined'))).toBe(false);
    });
});

describe('syntax errors recover', () => {
    test('one typo does not hide the other diagnostics', async () => {
        const broken = CLEAN.replace('touchpoint Billboard "Sees a billboard" {', 'touchpoint Billboard "Sees a billboard" {\n            feels')
            .replace('personas Colleen', 'personas Coleen')
            .replace('stage Purchase {', 'stage Empty { }\n    stage Purchase {');
        const document = await services.validate(broken);
        expect(document.parseResult.parserErrors.length).toBeGreaterThan(0);
        const all = messages(document);
        expect(all).toContainEqual(expect.stringMatching(/Did you mean 'Colleen'/));
        expect(all).toContainEqual(expect.stringMatching(/Stage 'Empty' has no touchpoints yet/));
        // Later stages still parse: Purchase is known to the view model.
        const model = services.Journey.model.ViewModelBuilder.build(document);
        expect(model.journeys[0].stages.map(s => s.id)).toEqual(['Awareness', 'Empty', 'Purchase']);
    });
});

describe('keywords as names', () => {
    /** Every keyword the language lets a name be, used as a name of each kind and referred to. */
    const KEYWORD_NAMES = `
persona need "Nadia" { goal "A newsletter worth reading" }
journey review "Support" {
    personas need
    channel target "Kiosk"
    stage support {
        touchpoint goal "Asks in chat" {
            channel chat
            persona need
            emotion need -1
            pain next "Waits for an answer"
        }
        next scope
    }
    stage scope {
        matches support
        touchpoint owner { channel target emotion need 1 good evidence "Answered" }
        kpi "Solved" 80 % target 90
    }
    stage kind { touchpoint matches { channel web emotion need 0 } }
    opportunity impact "Faster answers" {
        impact high
        effort low
        addresses next
    }
    action effort "Staff the chat" {
        owner "Support"
        for impact
        due 2099-01-01
    }
}`;

    test('parse, link and validate like any other name: no syntax error, no unknown name, nothing about undefined', async () => {
        const document = await services.validate(KEYWORD_NAMES.replace('matches support', ''));
        expect(document.parseResult.parserErrors.map(e => e.message)).toEqual([]);
        expect(messages(document)).toEqual([]);
        const [journey] = services.Journey.model.ViewModelBuilder.build(document).journeys;
        expect(journey.stages.map(stage => stage.id)).toEqual(['support', 'scope', 'kind']);
        expect(journey.transitions.filter(t => !t.implicit).map(t => `${t.from}->${t.to}`)).toEqual(['support->scope']);
        expect(journey.stages[1].touchpoints[0].channel).toEqual({ id: 'target', label: 'Kiosk' });
        expect(journey.opportunities[0].addresses).toEqual(['next']);
        expect(journey.actions[0].opportunities).toEqual(['impact']);
    });

    test('stage support no longer cascades into unrelated errors about built-in channels', async () => {
        const document = await services.validate(CLEAN.replace('stage Awareness {', 'stage support {'));
        expect(messages(document)).toEqual([]);
    });

    test.each(['stage', 'touchpoint', 'persona', 'journey', 'channel', 'opportunity', 'action'])('a block keyword as a name (%s) is one error that says what to use instead', async keyword => {
        const input = `${PERSONAS}
journey Shop {
    personas Colleen
    channel ${keyword === 'channel' ? 'channel' : 'kiosk'}
    stage ${keyword === 'stage' ? 'stage' : 'Browse'} {
        touchpoint ${keyword === 'touchpoint' ? 'touchpoint' : 'Home'} { channel web emotion 1 }
    }
    opportunity ${keyword === 'opportunity' ? 'opportunity' : 'Faster'} { }
    action ${keyword === 'action' ? 'action' : 'Fix'} { owner "Web" }
}
${keyword === 'persona' ? 'persona persona { }' : ''}${keyword === 'journey' ? 'journey journey { }' : ''}`;
        const document = await services.validate(input);
        const kind = { stage: 'stage', touchpoint: 'touchpoint', persona: 'persona', journey: 'journey', channel: 'channel', opportunity: 'opportunity', action: 'action' }[keyword];
        const errors = (document.diagnostics ?? []).filter(d => d.severity === DiagnosticSeverity.Error);
        expect(errors.map(d => text(d.message))).toEqual([`'${keyword}' is a keyword, so it cannot name a ${kind}: try '${keyword[0].toUpperCase()}${keyword.slice(1)}'.`]);
        expect(errors[0].code).toBe(IssueCodes.KeywordAsName);
    });

    test('a block keyword where a name is referred to says why it cannot be a name', async () => {
        const document = await services.validate(CLEAN.replace('            emotion Colleen -2\n        }', '            emotion Colleen -2\n        }\n        next stage'));
        expect(messages(document)[0]).toMatch(/^Expected a name \(letters, digits and _, starting with a letter\) but found 'stage'\. 'stage' opens a block, so it cannot be a name: finish the line before it, or rename what is called 'stage' \(to 'Stage', for example\)\./);
    });

    test('syntax errors where a name is expected do not list the keywords a name may be', async () => {
        const document = await services.validate('journey J {\n stage S {\n  next }\n }\n}');
        expect(messages(document)[0]).toBe("Expected a name (letters, digits and _, starting with a letter) but found '}'.");
    });
});

describe('no message says undefined', () => {
    /** Names and texts cut short by syntax errors are reported as missing, never as 'undefined'. */
    test.each([
        ['a keyword as the name of an unmapped stage', CLEAN.replace('stage Purchase {', 'stage next { }\n    stage Purchase {')],
        ['a stage without a name', CLEAN.replace('stage Purchase {', 'stage {')],
        ['an empty stage without a name', CLEAN.replace('stage Purchase {', 'stage { }\n    stage Purchase {')],
        ['a stage whose name is a number', CLEAN.replace('stage Purchase {', 'stage 2 { }\n    stage Purchase {')],
        ['a first stage without a name, before an unreachable one', CLEAN.replace('stage Awareness {', 'stage {\n next Purchase').replace('stage Purchase {', 'stage Lost { touchpoint X { emotion 1 } }\n    stage Purchase {')],
        ['an unreachable stage without a name', CLEAN.replace('pain TooMuch', 'next Purchase\n        pain TooMuch').replace('stage Purchase {', 'stage { touchpoint X { emotion 1 } }\n    stage Purchase {')],
        ['unnamed touchpoint, opportunity and action', CLEAN.replace('touchpoint Checkout {', 'touchpoint {').replace('opportunity Compare', 'opportunity').replace('action Build', 'action')],
        ['two unnamed personas', `persona { }\npersona { }\n${CLEAN}`]
    ])('%s', async (_what, input) => {
        const document = await services.validate(input);
        expect(messages(document).length).toBeGreaterThan(0);
        expect(messages(document).filter(message => message.includes('undefined'))).toEqual([]);
    });
});

describe('an unknown name is reported once, and nothing that follows from it contradicts the file', () => {
    const FUTURE = `
journey VacuumFuture {
    kind future-state
    improves VacumCurrent
    personas Coleen
    stage Sharing {
        matches Advocacy
        touchpoint Post {
            channel social
            persona Coleen
            emotion 2
            emotion Coleen 1
        }
    }
}`;

    test('an improves that is not found: its error, the unknown persona once, and no "names no personas" or "add improves first"', async () => {
        const document = await services.validate(`${PERSONAS}${FUTURE}`);
        expect(messages(document)).toEqual([
            "Unknown journey 'VacumCurrent'. Known: VacuumFuture. Check the spelling, or open the folder that holds the journey 'VacumCurrent'.",
            "Unknown persona 'Coleen'. Did you mean 'Colleen'?"
        ]);
    });

    test('once the journey it improves is found, matches is checked again', async () => {
        const [, future] = await services.workspace({
            'file:///follow/current.journey': CLEAN.replace('journey Vacuum "Buying a vacuum"', 'journey VacuumCurrent'),
            'file:///follow/future.journey': FUTURE.replace('VacumCurrent', 'VacuumCurrent').replaceAll('Coleen', 'Colleen')
        });
        expect(messages(future)).toEqual([expect.stringMatching(/^Unknown stage 'Advocacy'\. Known: Awareness, Purchase\./)]);
    });
});

describe('a channel declared inside another journey', () => {
    test('says where it is declared and that it can move to the top of that file', async () => {
        const [, other] = await services.workspace({
            'file:///ch/shop.journey': 'journey Shop {\n    channel kiosk "In-store kiosk"\n    stage Visit { touchpoint Kiosk { channel kiosk } }\n}\n',
            'file:///ch/returns.journey': 'journey Returns {\n    stage Return { touchpoint Kiosk { channel kiosk } }\n}\n'
        });
        expect(messages(other)).toEqual([
            "Unknown channel 'kiosk' here: it is declared inside the journey 'Shop' (shop.journey, line 2), and a channel declared inside a journey is known only there. Move the declaration to the top of shop.journey so every journey can use it."
        ]);
    });
});

describe('touchpoints with more than one channel', () => {
    test.each([
        ['a list', 'channel web, app'],
        ['two channel lines', 'channel web\n            channel app']
    ])('%s: one error saying a touchpoint has one channel, not a syntax error', async (_what, channels) => {
        const document = await services.validate(CLEAN.replace('channel web', channels));
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(messages(document)).toEqual(["Touchpoint 'Checkout' names 2 channels (web, app), but a touchpoint happens in one channel. Split it into one touchpoint per channel."]);
        expect(document.diagnostics![0].code).toBe(IssueCodes.SeveralChannels);
        expect(document.textDocument.getText(document.diagnostics![0].range)).toMatch(/^(app|channel app)$/);
    });
});

describe('bidirectional control characters', () => {
    test.each([
        ['a label', CLEAN.replace('"Sees a billboard"', '"invoice\u202Egnp.exe"'), '"invoice\u202Egnp.exe"', 'This quoted text', 'U+202E RIGHT-TO-LEFT OVERRIDE'],
        ['a persona detail', CLEAN.replace('"32, self-employed"', '"32\u2066, self\u2069-employed"'), '"32\u2066, self\u2069-employed"', 'This quoted text', 'U+2066 LEFT-TO-RIGHT ISOLATE, U+2069 POP DIRECTIONAL ISOLATE'],
        ['a comment', `// approved\u200F by legal\n${CLEAN}`, '// approved\u200F by legal', 'This comment', 'U+200F RIGHT-TO-LEFT MARK'],
        ['an Arabic letter mark in a KPI label', CLEAN.replace('emotion Colleen -2', 'emotion Colleen -2\n            kpi "rate\u061C" 5'), '"rate\u061C"', 'This quoted text', 'U+061C ARABIC LETTER MARK']
    ])('in %s: a warning on the text, naming the characters', async (_what, input, flagged, where, names) => {
        const document = await services.validate(input);
        const warnings = (document.diagnostics ?? []).filter(d => d.code === IssueCodes.BidiControl);
        expect(warnings).toHaveLength(1);
        expect(warnings[0].severity).toBe(DiagnosticSeverity.Warning);
        expect(document.textDocument.getText(warnings[0].range)).toBe(flagged);
        expect(text(warnings[0].message)).toBe(`${where} holds invisible bidirectional control characters (${names}) that make it show in another order than it is written, so it can read as something it does not say. Remove them unless the text really needs them.`);
    });

    test('right-to-left text without controls is not flagged', async () => {
        const document = await services.validate(CLEAN.replace('"Sees a billboard"', '"ابحث عن مكنسة שלום"'));
        expect(messages(document)).toEqual([]);
    });
});
