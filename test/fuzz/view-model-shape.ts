/**
 * Whether a view model built from any text, broken text included, is what its type promises:
 * it must validate against the published JSON Schema (schemas/view-model-v1.schema.json,
 * generated from the TypeScript types), and be plain JSON without NaN or infinities, which a
 * schema's "number" lets through.
 */
import fs from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';

const schemaFile = new URL('../../schemas/view-model-v1.schema.json', import.meta.url);
let validate: ValidateFunction | undefined;

function validator(): ValidateFunction {
    validate ??= new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
    return validate;
}

/** Where the value differs from the view model's schema, as `path: problem` lines (at most `limit`). */
export function viewModelProblems(value: unknown, limit = 5): string[] {
    const problems: string[] = [];
    const valid = validator();
    if (!valid(value)) {
        for (const error of valid.errors ?? []) problems.push(`model${error.instancePath.replace(/\//g, '.')}: ${error.message ?? 'invalid'}${error.params ? ` ${JSON.stringify(error.params)}` : ''}`);
    }
    notFinite(value, 'model', problems);
    return problems.slice(0, limit);
}

function notFinite(value: unknown, path: string, problems: string[]): void {
    if (typeof value === 'number' && !Number.isFinite(value)) problems.push(`${path}: ${value} where the type says a number`);
    else if (Array.isArray(value)) value.forEach((item, index) => notFinite(item, `${path}[${index}]`, problems));
    else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) notFinite(inner, `${path}.${key}`, problems);
}
