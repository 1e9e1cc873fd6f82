// `npm run schema`: the JSON Schema of `journey render --format json` (the journey view model),
// generated from its TypeScript types in src/model/view-model.ts so the two cannot drift apart
// (a test regenerates it and compares). Written to schemas/view-model-v<version>.schema.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGenerator } from 'ts-json-schema-generator';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = path.join(root, 'src/model/view-model.ts');

/** The schema as JSON text, with the version the view model declares. */
export function viewModelSchema() {
    const version = Number(/export const VIEW_MODEL_VERSION = (\d+);/.exec(fs.readFileSync(source, 'utf8'))?.[1]);
    if (!Number.isInteger(version)) throw new Error(`No VIEW_MODEL_VERSION in ${source}.`);
    const schema = createGenerator({
        path: source,
        tsconfig: path.join(root, 'tsconfig.json'),
        type: 'DocumentViewModel',
        expose: 'export',
        topRef: true,
        jsDoc: 'extended',
        skipTypeCheck: true,
        sortProps: true
    }).createSchema('DocumentViewModel');
    const published = {
        $schema: schema.$schema,
        $id: `urn:journey-maps:view-model:${version}`,
        title: 'Journey view model',
        description: `What \`journey render --format json\` writes: one .journey document as a plain view model (version ${version}). Stable within a version: fields may be added, none removed or changed in meaning.`,
        ...Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$schema'))
    };
    return { version, file: path.join(root, 'schemas', `view-model-v${version}.schema.json`), text: JSON.stringify(published, null, 2) + '\n' };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    const { file, text } = viewModelSchema();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    console.log(`Wrote ${path.relative(root, file)}`);
}
