/**
 * Completion inside a stage reads only the journey's opening and the stage up to the cursor
 * (completionTextInStage). It must offer exactly what reading the whole text offers: compared here
 * at many places in every example, and in examples cut off in the middle, as while typing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LangiumDocument } from 'langium';
import { describe, expect, test } from 'vitest';
import { completionTextInStage, JourneyCompletionProvider } from '../../../src/language/lsp/journey-completion.js';
import { createTestServices } from '../services.js';

const EXAMPLES = path.resolve(__dirname, '../../../examples');

type Services = Awaited<ReturnType<typeof createTestServices>>;

/** Offsets where a writer asks for completion: after a space or at a line's indentation, every `step`th of them. */
function places(text: string, step: number): number[] {
    const all: number[] = [];
    for (let i = 1; i < text.length; i++) if (text[i - 1] === ' ' && text[i] !== ' ') all.push(i);
    return all.filter((_, index) => index % step === 0);
}

async function offered(provider: JourneyCompletionProvider, document: LangiumDocument, offset: number): Promise<string[]> {
    const list = await provider.getCompletion(document, { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) });
    return (list?.items ?? []).map(item => `${item.kind}:${item.label}:${item.textEdit && 'range' in item.textEdit ? JSON.stringify(item.textEdit.range) : ''}`).sort();
}

async function compare(services: Services, text: string, uri: string, step: number): Promise<number> {
    const document = await services.validate(text, uri);
    const shortened = services.Journey.lsp.CompletionProvider as JourneyCompletionProvider;
    const whole = new (class extends JourneyCompletionProvider {
        protected override textForFeatures(): string | undefined {
            return undefined;
        }
    })(services.Journey);
    let inStage = 0;
    for (const offset of places(text, step)) {
        if (completionTextInStage(document, offset) !== undefined) inStage++;
        expect(await offered(shortened, document, offset), `${uri} at ${JSON.stringify(document.textDocument.positionAt(offset))}`).toEqual(await offered(whole, document, offset));
    }
    return inStage;
}

describe('completion inside a stage reads only the stage', () => {
    // Every example with stages (personas.journey holds personas alone).
    const files = fs.readdirSync(EXAMPLES).filter(name => name.endsWith('.journey') && /^\s*stage /m.test(fs.readFileSync(path.join(EXAMPLES, name), 'utf8')));

    test.each(files)('%s: the same items as reading the whole text', async name => {
        const services = await createTestServices();
        const inStage = await compare(services, fs.readFileSync(path.join(EXAMPLES, name), 'utf8'), `file:///examples/${name}`, 3);
        expect(inStage, 'places inside a stage were compared').toBeGreaterThan(10);
    }, 60_000);

    test.each(files)('%s cut off in the middle of a stage, as while typing: the same items', async name => {
        const services = await createTestServices();
        const text = fs.readFileSync(path.join(EXAMPLES, name), 'utf8');
        const cut = text.slice(0, text.indexOf('touchpoint ', Math.floor(text.length / 2)) + 'touchpoint '.length + 3);
        await compare(services, cut, `file:///examples/cut-${name}`, 2);
    }, 60_000);

    test('outside a stage the whole text is read', async () => {
        const services = await createTestServices();
        const text = 'persona Ann "Ann" { }\njourney Shop {\n    kind current-state\n    \n    stage Browse {\n        touchpoint Home { channel web }\n    }\n}\n';
        const document = await services.validate(text, 'file:///outside.journey');
        expect(completionTextInStage(document, text.indexOf('    \n') + 4)).toBeUndefined();
        expect(completionTextInStage(document, text.indexOf('web'))).toBe('journey Shop {\nstage Browse {\n        touchpoint Home { channel ');
    });
});
