/**
 * The build's walks over the syntax tree with fewer awaits (src/language/tree-walks.ts): they
 * still stop when the build is cancelled, a check that fails is still reported, and the
 * result is the same as Langium's own walks.
 */
import { AstUtils, Cancellation, DefaultAstNodeDescriptionProvider, DefaultLinker, DefaultReferenceDescriptionProvider, DefaultScopeComputation, isOperationCancelled, URI, type AstNode, type LocalSymbols, type Reference, type ValidationAcceptor } from 'langium';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import { isJourney, type Model } from '../../src/language/generated/ast.js';
import { cancellationCheckpoints, readTree } from '../../src/language/tree-walks.js';
import { describeName, describeReference, localNames } from './parse-trees.js';
import { createTestServices, messages } from './services.js';

let services: Awaited<ReturnType<typeof createTestServices>>;
beforeAll(async () => { services = await createTestServices(); });
afterEach(async () => { await services.reset(); });

/** A journey of `touchpoints` touchpoints, each with a channel and an emotion: thousands of nodes. */
function largeJourney(touchpoints: number): string {
    const stages: string[] = [];
    for (let s = 0; s < touchpoints / 10; s++) {
        const points: string[] = [];
        for (let t = 0; t < 10; t++) points.push(`        touchpoint T${s}_${t} "Step ${t}" { channel web emotion Colleen ${(t % 7) - 3} }`);
        stages.push(`    stage S${s} {\n${points.join('\n')}\n    }`);
    }
    return `persona Colleen "Curious Colleen"\njourney Big "Big" {\n    personas Colleen\n${stages.join('\n')}\n}\n`;
}

function cancelled(): Cancellation.CancellationToken {
    const source = new Cancellation.CancellationTokenSource();
    source.cancel();
    return source.token;
}

describe('walks over the syntax tree', () => {
    test('a checkpoint is offered every 256 nodes, and a cancelled build stops there', async () => {
        const checkpoint = cancellationCheckpoints(cancelled());
        const pauses = Array.from({ length: 600 }, () => checkpoint());
        expect(pauses.flatMap((pause, index) => pause ? [index + 1] : [])).toEqual([256, 512]);
        const settled = await Promise.allSettled(pauses.filter(pause => pause !== undefined));
        expect(settled.map(result => result.status === 'rejected' && isOperationCancelled(result.reason))).toEqual([true, true]);
    });

    test('linking, local names, the reference index and validation stop on a cancelled token', async () => {
        const document = await services.validate(largeJourney(200));
        const journey = services.Journey;
        const token = cancelled();
        const stopped = async (work: Promise<unknown>) => expect(await work.then(() => 'finished', error => isOperationCancelled(error) ? 'cancelled' : error)).toBe('cancelled');
        await stopped(journey.references.ScopeComputation.collectLocalSymbols(document, token));
        await stopped(journey.references.Linker.link(document, token));
        await stopped(journey.workspace.ReferenceDescriptionProvider.createDescriptions(document, token));
        await stopped(journey.validation.DocumentValidator.validateDocument(document, {}, token));
    });

    test('the same local names, links and reference index as Langium\u2019s own walks', async () => {
        const document = await services.validate(largeJourney(100), 'file:///big.journey');
        const journey = services.Journey;
        const token = Cancellation.CancellationToken.None;
        const ours = await journey.references.ScopeComputation.collectLocalSymbols(document, token);
        const theirs = await DefaultScopeComputation.prototype.collectLocalSymbols.call(journey.references.ScopeComputation, document, token);
        const containers = AstUtils.streamAst(document.parseResult.value).toArray();
        const names = (symbols: LocalSymbols) => containers.map(node => symbols.has(node) ? symbols.getStream(node).map(d => d.name).toArray() : []);
        expect(names(ours)).toEqual(names(theirs));
        expect(names(ours).flat().length).toBeGreaterThan(100);

        // Every field of every entry, though ours work out their places only when read (src/language/descriptions.ts).
        const langiumNames = new DefaultAstNodeDescriptionProvider(journey);
        const described = localNames(ours, document.parseResult.value);
        expect(described.map(describeName)).toEqual(described.map(d => describeName(langiumNames.createDescription(d.node!, d.name, document))));
        const index = await journey.workspace.ReferenceDescriptionProvider.createDescriptions(document, token);
        const langiumIndex = await new DefaultReferenceDescriptionProvider(journey).createDescriptions(document, token);
        expect(index.map(describeReference)).toEqual(langiumIndex.map(describeReference));
        expect(index.length).toBeGreaterThan(200);

        // Linking again from scratch resolves every reference to the same place.
        const targets = () => AstUtils.streamAst(document.parseResult.value as Model)
            .flatMap(node => AstUtils.streamReferences(node)).map(info => `${info.reference.$refText}->${(info.reference as Reference).ref?.$type}`).toArray();
        const before = targets();
        journey.references.Linker.unlink(document);
        await DefaultLinker.prototype.link.call(journey.references.Linker, document, token);
        const langiumLinks = targets();
        journey.references.Linker.unlink(document);
        await journey.references.Linker.link(document, token);
        expect(targets()).toEqual(langiumLinks);
        expect(targets()).toEqual(before);
    });

    test('the checks over a whole journey pause as they go, and stop when the build is cancelled', async () => {
        // More touchpoints, pains and times than one checkpoint's worth (256), and every check finds something.
        const points = Array.from({ length: 300 }, (_, i) => `        touchpoint T${i} "Step" { channel web at ${i % 2 ? '08:00' : '07:00'} pain P${i} "Slow" }`);
        const text = `persona Colleen "Curious Colleen"\njourney Big "Big" {\n    personas Colleen\n    stage S {\n${points.join('\n')}\n    }\n    stage Quiet { touchpoint Q "Quiet" { channel web } }\n}\n`;
        const document = await services.validate(text, 'file:///whole.journey');
        const found = (words: string) => (document.diagnostics ?? []).filter(d => String(d.message).includes(words)).length;
        expect([found('No opportunity addresses'), found('earlier than'), found('has no emotion in stage')]).toEqual([300, 149, 2]);
        const journey = (document.parseResult.value as Model).elements.find(isJourney)!;
        const validator = services.Journey.validation.JourneyValidator;
        const accept: ValidationAcceptor = () => undefined;
        for (const check of [validator.checkPainsAddressed, validator.checkTimesOfDay, validator.checkEmotionLanes]) {
            const stopped = await Promise.resolve(check.call(validator, journey, accept, cancelled())).then(() => 'finished', error => isOperationCancelled(error) ? 'cancelled' : error);
            expect(stopped, check.name).toBe('cancelled');
        }
    });

    test('the tree is read once per parse: a changed text is read again, and a validator may still leave out a node\'s children', async () => {
        const first = await services.validate(largeJourney(10), 'file:///tree.journey');
        const tree = await readTree(first.parseResult.value, Cancellation.CancellationToken.None);
        expect(await readTree(first.parseResult.value, cancelled())).toBe(tree);
        expect(tree.nodes[0]).toBe(first.parseResult.value);
        expect(tree.nodes).toEqual(AstUtils.streamAst(first.parseResult.value).toArray());
        expect(tree.references).toEqual(tree.nodes.flatMap(node => AstUtils.streamReferences(node).toArray()));
        const second = await services.validate(largeJourney(20), 'file:///tree2.journey');
        expect((await readTree(second.parseResult.value, Cancellation.CancellationToken.None)).nodes.length).toBeGreaterThan(tree.nodes.length);
        // A tree not read yet is read with pauses, and its reading stops when the build is cancelled.
        const unread = services.Journey.parser.LangiumParser.parse(largeJourney(100)).value;
        expect(isOperationCancelled(await readTree(unread, cancelled()).catch(error => error))).toBe(true);

        // Emotions outside the scale are found in both touchpoints, unless the first one's children are left out.
        const outside = await services.validate(`persona Colleen "Curious Colleen"
journey J "J" {
    personas Colleen
    stage S {
        touchpoint T { channel web emotion Colleen 9 }
        touchpoint U { channel web emotion Colleen 8 }
    }
}`, 'file:///outside.journey');
        const outOfScale = (found: readonly { message: unknown }[]) => found.map(d => String(d.message)).filter(message => message.includes('outside the scale'));
        expect(outOfScale(outside.diagnostics ?? [])).toEqual([expect.stringContaining('Emotion 9'), expect.stringContaining('Emotion 8')]);
        const validator = services.Journey.validation.DocumentValidator;
        const skipT = Object.create(validator, {
            validateSingleNodeOptions: { value: (node: AstNode) => ({ validateNode: true, validateChildren: (node as { name?: string }).name !== 'T' }) }
        }) as typeof validator;
        // The nodes after the left-out touchpoint are checked again.
        expect(outOfScale(await skipT.validateDocument(outside, {}, Cancellation.CancellationToken.None))).toEqual([expect.stringContaining('Emotion 8')]);
    });

    test('a check that throws is reported on its node, and the other checks still run', async () => {
        const registry = services.Journey.validation.ValidationRegistry;
        const failing = (node: AstNode, _accept: ValidationAcceptor) => {
            if ((node as { name?: string }).name === 'Broken') throw new Error('this check is broken');
        };
        const failingLater = async (node: AstNode) => {
            await Promise.resolve();
            if ((node as { name?: string }).name === 'Broken') throw new Error('this async check is broken');
        };
        registry.register({ Stage: [failing, failingLater] });
        const errors = console.error;
        console.error = () => undefined;
        try {
            const document = await services.validate(`persona Colleen "Curious Colleen"
journey J "J" {
    personas Colleen
    stage Broken { touchpoint T { channel web emotion Colleen 0 } }
    stage Fine { touchpoint U { channel nowhere emotion Colleen 1 } }
}`, URI.file('/broken.journey').toString());
            const found = messages(document);
            expect(found).toContain('An error occurred during validation: this check is broken');
            expect(found).toContain('An error occurred during validation: this async check is broken');
            // The journey's own checks went on: the unknown channel in the next stage is still reported.
            expect(found.some(message => message.startsWith("Unknown channel 'nowhere'"))).toBe(true);
        } finally {
            console.error = errors;
        }
    });
});
