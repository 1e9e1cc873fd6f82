/**
 * The published JSON Schema of the view model: generated from the TypeScript types (and so
 * never out of date), and every example's `journey render --format json` validates against it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { beforeAll, describe, expect, test } from 'vitest';
import { viewModelSchema } from '../../scripts/generate-schema.mjs';
import { cli, EXAMPLES, journey, ROOT } from './run.js';

beforeAll(async () => { await cli(); });

describe('the view model\'s JSON Schema', () => {
    test('is what the TypeScript types say: npm run schema would write nothing new', () => {
        const { file, text } = viewModelSchema();
        expect(path.relative(ROOT, file)).toBe('schemas/view-model-v1.schema.json');
        expect(fs.readFileSync(file, 'utf8'), 'the committed schema is stale: run npm run schema').toBe(text);
    }, 60_000);

    test.each(fs.readdirSync(EXAMPLES).filter(name => name.endsWith('.journey')))('%s renders as JSON that validates', async name => {
        const run = await journey(['render', path.join(EXAMPLES, name), '--format', 'json']);
        expect(run.status, run.stderr).toBe(0);
        const model = JSON.parse(run.stdout);
        const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/view-model-v1.schema.json'), 'utf8')));
        expect(validate(model), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
        expect(model.schemaVersion).toBe(1);
    });

    test('a model with a field of the wrong type fails it', () => {
        const validate = new Ajv({ strict: false }).compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas/view-model-v1.schema.json'), 'utf8')));
        expect(validate({ schemaVersion: 1, uri: 'file:///x.journey', version: 'one', emotionScale: { min: -3, max: 3 }, journeys: [], personas: [], diagnostics: { errors: 0, warnings: 0 } })).toBe(false);
    });
});
