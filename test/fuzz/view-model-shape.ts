/**
 * The shape of DocumentViewModel (src/model/view-model.ts) as data, to check at run time that a view
 * model built from any text — broken text included — is what its type promises: plain JSON, no
 * missing or undefined values where the preview expects one, no NaN. Fields added to the type later
 * are not required here until they are listed.
 */
type Shape = 'string' | 'number' | 'boolean' | Shape[] | { [key: string]: Shape } | { record: Shape } | { nullable: Shape };

const position: Shape = { line: 'number', character: 'number' };
const range: Shape = { start: position, end: position };
const located = { key: 'string', range, 'uri?': 'string' } as const;
const evidence: Shape = { level: 'string', 'source?': 'string' };
const persona: Shape = { ...located, id: 'string', label: 'string', details: [{ kind: 'string', text: 'string' }] };
const moment: Shape = { ...located, 'id?': 'string', text: 'string', stageId: 'string', 'touchpointId?': 'string', 'evidence?': evidence, addressedBy: ['string'] };
const kpi: Shape = { ...located, label: 'string', value: 'number', 'unit?': 'string', 'target?': 'number' };
const emotionPoint: Shape = { ...located, persona: 'string', score: 'number', stageId: 'string', touchpointId: 'string' };
const emotionLane: Shape = { persona: 'string', label: 'string', points: [emotionPoint], averageByStage: { record: { nullable: 'number' } } };
const laneItems: Shape = [{ text: 'string', range }];
const touchpoint: Shape = {
    ...located, id: 'string', label: 'string', stageId: 'string', 'channel?': { id: 'string', label: 'string' }, personas: ['string'],
    activities: { does: ['string'], thinks: ['string'], feels: ['string'], says: ['string'] },
    emotions: [emotionPoint], pains: [moment], goods: [moment], kpis: [kpi], 'evidence?': evidence
};
const stage: Shape = {
    ...located, id: 'string', label: 'string', index: 'number', nameRange: range, touchpoints: [touchpoint], pains: [moment], goods: [moment], kpis: [kpi],
    lanes: { frontstage: laneItems, backstage: laneItems, support: laneItems }, 'evidence?': evidence, unmapped: 'boolean', 'counterpart?': 'string'
};
const journey: Shape = {
    ...located, id: 'string', title: 'string', kind: 'string', 'goal?': 'string', 'scope?': 'string', 'owner?': 'string',
    'review?': { date: 'string', stale: 'boolean', range }, personas: [persona], stages: [stage],
    transitions: [{ from: 'string', to: 'string', 'label?': 'string', implicit: 'boolean', loop: 'boolean', 'range?': range }],
    opportunities: [{ ...located, id: 'string', label: 'string', 'impact?': 'string', 'effort?': 'string', priority: 'number', addresses: ['string'], actions: ['string'], 'evidence?': evidence }],
    actions: [{ ...located, id: 'string', label: 'string', 'owner?': 'string', 'due?': 'string', opportunities: ['string'], 'evidence?': evidence }],
    emotionLanes: [emotionLane],
    'baseline?': { id: 'string', title: 'string', uri: 'string', stages: [{ id: 'string', label: 'string' }], emotionLanes: [emotionLane] }
};
const documentViewModel: Shape = {
    uri: 'string', version: 'number', emotionScale: { min: 'number', max: 'number' }, journeys: [journey], personas: [persona],
    diagnostics: { errors: 'number', warnings: 'number', 'firstError?': { message: 'string', range } }
};

/** Where the value differs from the view model's type, as `path: problem` lines (at most `limit`). */
export function viewModelProblems(value: unknown, limit = 5): string[] {
    const problems: string[] = [];
    check(value, documentViewModel, 'model', problems, limit);
    return problems;
}

function check(value: unknown, shape: Shape, path: string, problems: string[], limit: number): void {
    if (problems.length >= limit) return;
    if (typeof shape === 'string') {
        if (typeof value !== shape || (typeof value === 'number' && !Number.isFinite(value))) problems.push(`${path}: ${describe(value)} where the type says ${shape}`);
    } else if (Array.isArray(shape)) {
        if (!Array.isArray(value)) problems.push(`${path}: ${describe(value)} where the type says an array`);
        else value.forEach((item, index) => check(item, shape[0], `${path}[${index}]`, problems, limit));
    } else if ('nullable' in shape && Object.keys(shape).length === 1) {
        if (value !== null) check(value, shape.nullable as Shape, path, problems, limit);
    } else if (!isPlainObject(value)) {
        problems.push(`${path}: ${describe(value)} where the type says an object`);
    } else if ('record' in shape && Object.keys(shape).length === 1) {
        for (const [key, inner] of Object.entries(value)) check(inner, shape.record as Shape, `${path}[${JSON.stringify(key)}]`, problems, limit);
    } else {
        const fields = shape as Record<string, Shape>;
        for (const [field, inner] of Object.entries(fields)) {
            const optional = field.endsWith('?');
            const name = optional ? field.slice(0, -1) : field;
            const present = value[name] !== undefined;
            if (present) check(value[name], inner, `${path}.${name}`, problems, limit);
            else if (!optional) problems.push(`${path}.${name}: missing`);
        }
    }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;
}

function describe(value: unknown): string {
    if (value === undefined) return 'undefined';
    if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
    return JSON.stringify(value)?.slice(0, 60) ?? String(value);
}
