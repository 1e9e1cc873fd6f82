// Reads a V8 CPU profile (node --cpu-prof, or `npm run bench -- --profile`) and prints where the
// time went: the functions with the most time of their own, the time per source file, and the
// project's own functions with the time spent in them and below. Frames of an esbuild bundle are
// traced back to their source file by the `// path/to/file.ts` comments esbuild writes.
//
//   node bench/top-frames.mjs bench/profiles/CPU.*.cpuprofile [how many rows, default 25]
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const [file, rowsArg] = process.argv.slice(2);
if (!file) {
    console.error('Usage: node bench/top-frames.mjs PROFILE.cpuprofile [rows]');
    process.exit(2);
}
const rows = Number(rowsArg ?? 25);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));

/** For a bundle, the source file each line came from, from esbuild's `// src/...` markers. */
const bundles = new Map();
function sourceOf(url, line) {
    if (!url.startsWith('file://')) return url || '(native)';
    if (!bundles.has(url)) {
        let marks = [];
        try {
            const lines = fs.readFileSync(fileURLToPath(url), 'utf8').split('\n');
            lines.forEach((text, index) => {
                const match = /^\/\/ ((?:src|bench|test|node_modules)\/\S+)$/.exec(text);
                if (match) marks.push([index, match[1]]);
            });
        } catch {
            marks = [];
        }
        bundles.set(url, marks);
    }
    const marks = bundles.get(url);
    if (marks.length === 0) return url.replace(/^file:\/\//, '');
    let found = url;
    for (const [start, source] of marks) {
        if (start > line) break;
        found = source;
    }
    return found;
}

const byId = new Map(profile.nodes.map(node => [node.id, node]));
const parentOf = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
const frame = node => {
    const { functionName, url, lineNumber } = node.callFrame;
    const source = sourceOf(url, lineNumber);
    return { name: `${functionName || '(anonymous)'}  ${source}`, source };
};

let total = 0;
const selfTime = new Map();
profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    selfTime.set(id, (selfTime.get(id) ?? 0) + delta);
    total += delta;
});

const bySelf = new Map();
const byFile = new Map();
const ownInclusive = new Map();
for (const [id, time] of selfTime) {
    const leaf = frame(byId.get(id));
    bySelf.set(leaf.name, (bySelf.get(leaf.name) ?? 0) + time);
    byFile.set(leaf.source, (byFile.get(leaf.source) ?? 0) + time);
    const seen = new Set();
    for (let current = id; current !== undefined; current = parentOf.get(current)) {
        const { name, source } = frame(byId.get(current));
        if (!source.startsWith('src/') || seen.has(name)) continue;
        seen.add(name);
        ownInclusive.set(name, (ownInclusive.get(name) ?? 0) + time);
    }
}

const print = (title, map) => {
    console.log(`\n${title}`);
    for (const [name, time] of [...map].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
        console.log(`${(time / 1000).toFixed(0).padStart(8)} ms ${(100 * time / total).toFixed(1).padStart(5)}%  ${name}`);
    }
};
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
print('Self time by function', bySelf);
print('Self time by source file', byFile);
print('Own code (src/), with everything it calls', ownInclusive);
