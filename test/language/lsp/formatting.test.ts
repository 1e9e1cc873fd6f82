import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { expectFormatting } from 'langium/test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createTestServices, stripRanges } from '../services.js';

let services: Awaited<ReturnType<typeof createTestServices>>;
beforeAll(async () => { services = await createTestServices(); });
afterEach(async () => { await services.reset(); });

const MESSY = `// Personas first
persona   Colleen "Curious Colleen"{backstory "32"
goal    "A vacuum" }
journey Shop   "Shop"{
kind   current-state
      personas Colleen ,Colleen
stage Awareness{touchpoint Ad "Sees an ad" {   channel ad
emotion Colleen   +1 /* hopeful */
}


  pain Slow "Slow site" { evidence observed "interview 3" }
    }
}`;

const TIDY = `// Personas first
persona Colleen "Curious Colleen" {
    backstory "32"
    goal "A vacuum"
}

journey Shop "Shop" {
    kind current-state
    personas Colleen, Colleen
    stage Awareness {
        touchpoint Ad "Sees an ad" {
            channel ad
            emotion Colleen +1 /* hopeful */
        }


        pain Slow "Slow site" {
            evidence observed "interview 3"
        }
    }
}`;

async function format(text: string): Promise<string> {
    const document = await services.validate(text);
    const edits = await services.Journey.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.textDocument.uri }, options: { tabSize: 4, insertSpaces: true } });
    return TextDocument.applyEdits(document.textDocument, edits);
}

describe('formatting', () => {
    test('indents blocks, puts one statement per line and single spaces between words', async () => {
        await expectFormatting(services.Journey)({ before: MESSY, after: TIDY });
    });

    test('keeps a list of one-line segments and channels together, and sets blocks apart', async () => {
        await expectFormatting(services.Journey)({
            before: 'segment A "a"\nsegment B "b"   channel c "C"\npersona P { segment A }\nsegment D',
            after: 'segment A "a"\nsegment B "b"\nchannel c "C"\n\npersona P {\n    segment A\n}\n\nsegment D'
        });
    });

    test('keeps CRLF line endings in a CRLF file', async () => {
        const formatted = await format(MESSY.replace(/\n/g, '\r\n'));
        expect(formatted).toBe(TIDY.replace(/\n/g, '\r\n'));
    });

    test('is idempotent', async () => {
        const once = await format(MESSY);
        expect(await format(once)).toBe(once);
    });

    test('changes only whitespace: the view model is the same before and after', async () => {
        const before = await services.validate(MESSY);
        const modelBefore = services.Journey.model.ViewModelBuilder.build(before);
        const formatted = await format(MESSY);
        await services.reset();
        const after = await services.validate(formatted);
        const modelAfter = services.Journey.model.ViewModelBuilder.build(after);
        expect(stripRanges(modelAfter)).toEqual(stripRanges(modelBefore));
        expect(formatted.replace(/\s+/g, '')).toBe(MESSY.replace(/\s+/g, ''));
    });
});
