import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI, type LangiumDocument } from 'langium';
import { NodeDataFiles } from '../../src/language/data/node-data-files.js';
import { createTestServices, text } from './services.js';

const EXAMPLES = path.resolve(__dirname, '../../examples');
const files = fs.readdirSync(EXAMPLES).filter(file => file.endsWith('.journey')).sort();

let services: Awaited<ReturnType<typeof createTestServices>>;
let documents: Map<string, LangiumDocument>;
beforeAll(async () => {
    // The examples' research data is read from the files beside them, as in VS Code.
    services = await createTestServices({ dataFiles: NodeDataFiles });
    const built = await services.workspace(Object.fromEntries(files.map(file => [URI.file(path.join(EXAMPLES, file)).toString(), fs.readFileSync(path.join(EXAMPLES, file), 'utf8')])));
    documents = new Map(built.map(document => [path.basename(document.uri.path), document]));
});

describe('examples', () => {
    test('the built-in channel library parses and validates clean', () => {
        const library = services.shared.workspace.LangiumDocuments.all.find(d => d.uri.scheme === 'journey-builtin')!;
        expect(library.parseResult.parserErrors).toEqual([]);
        expect((library.diagnostics ?? []).map(d => text(d.message))).toEqual([]);
        expect(library.parseResult.value.$cstNode?.text).toContain('channel helpdesk');
    });

    test('there are at least five journeys and a shared persona file', () => {
        expect(files.length).toBeGreaterThanOrEqual(6);
        expect(files).toContain('personas.journey');
    });

    test.each(files)('%s parses and validates without errors or warnings', file => {
        const document = documents.get(file)!;
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors.map(e => e.message)).toEqual([]);
        const problems = (document.diagnostics ?? [])
            .filter(d => d.severity === DiagnosticSeverity.Error || d.severity === DiagnosticSeverity.Warning)
            .map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${text(d.message)}`);
        expect(problems).toEqual([]);
    });

    test.each(files)('%s is formatted already, and formatting keeps its meaning', async file => {
        const document = documents.get(file)!;
        const edits = await services.Journey.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.textDocument.uri }, options: { tabSize: 4, insertSpaces: true } });
        const formatted = TextDocument.applyEdits(document.textDocument, edits);
        expect(formatted).toBe(document.textDocument.getText());
    });

    test('the view model of the vacuum journey', () => {
        const model = services.Journey.model.ViewModelBuilder.build(documents.get('vacuum-current.journey')!);
        expect(model.diagnostics.errors).toBe(0);
        const [journey] = model.journeys;
        expect(journey.kind).toBe('current-state');
        expect(journey.personas.map(p => p.id)).toContain('Colleen');
        expect(journey.stages.length).toBeGreaterThanOrEqual(5);
        expect(journey.stages.every(stage => !stage.unmapped)).toBe(true);
        const lane = journey.emotionLanes.find(l => l.persona === 'Colleen')!;
        expect(lane.points.length).toBe(journey.stages.flatMap(s => s.touchpoints).filter(t => t.emotions.some(e => e.persona === 'Colleen')).length);
        expect(Object.values(lane.averageByStage).every(value => value !== null)).toBe(true);
        // Opportunities come highest priority first, and every named pain point is addressed.
        const priorities = journey.opportunities.map(o => o.priority);
        expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
        const pains = journey.stages.flatMap(s => [...s.pains, ...s.touchpoints.flatMap(t => t.pains)]).filter(p => p.id);
        expect(pains.length).toBeGreaterThan(0);
        expect(pains.every(p => p.addressedBy.length > 0)).toBe(true);
        // Ranges point at the source: the first stage's name range covers its name.
        const source = documents.get('vacuum-current.journey')!.textDocument;
        expect(source.getText(journey.stages[0].nameRange)).toBe(journey.stages[0].id);
        // The model is plain JSON.
        expect(JSON.parse(JSON.stringify(model))).toEqual(model);
    });

    test('the future state carries its baseline for comparison', () => {
        const model = services.Journey.model.ViewModelBuilder.build(documents.get('vacuum-future.journey')!);
        const [journey] = model.journeys;
        expect(journey.kind).toBe('future-state');
        expect(journey.baseline?.id).toBe('VacuumCurrent');
        expect(journey.baseline?.emotionLanes.length).toBeGreaterThan(0);
        expect(journey.stages.every(stage => stage.counterpart !== undefined)).toBe(true);
    });

    test('the support journey loops back to an earlier stage', () => {
        const model = services.Journey.model.ViewModelBuilder.build(documents.get('support-loop.journey')!);
        const [journey] = model.journeys;
        expect(journey.transitions.some(t => t.loop && !t.implicit)).toBe(true);
    });

    test('the B2B onboarding is a service blueprint with lanes', () => {
        const model = services.Journey.model.ViewModelBuilder.build(documents.get('b2b-onboarding.journey')!);
        const [journey] = model.journeys;
        expect(journey.kind).toBe('service-blueprint');
        expect(journey.stages.some(s => s.lanes.backstage.length > 0 && s.lanes.frontstage.length > 0)).toBe(true);
        expect(journey.emotionLanes.length).toBe(2);
    });
});
