/**
 * A hover in a small file while the server takes in a huge one: the editor stays responsive only if
 * parsing the huge text keeps off the path of other requests (the server parses it in a worker
 * thread and rebuilds the tree in slices, src/language/threaded-parser.ts). Each run replaces the huge file's
 * text (a new version, as a paste or a `git checkout` does) and asks for hovers in the small file,
 * at once and then one after the other 50 ms apart, until the huge file's diagnostics arrive: the slowest of them is
 * how long a reader may wait.
 */
import { performance } from 'node:perf_hooks';
import { generateJourney } from './generate.js';
import { ServerProcess } from './lsp.js';
import { findProbes, megabytes, summarize, type Timing } from './measure.js';
import { THREADED_PARSE_MIN_LENGTH } from '../src/language/threaded-parser.js';

export interface HoverWhileParsingResult {
    /** Size of the huge file in MB. */
    megabytes: number;
    /** The slowest hover in the small file (request sent to answer received) among those asked one after the other, 50 ms apart, until the huge file was built. */
    hover: Timing;
    /** didChange of the huge file to its diagnostics: how long the parse and build took meanwhile. */
    hugeBuild: Timing;
}

/** A generated journey of at least `bytes` characters. */
function hugeJourney(bytes: number): string {
    const probe = generateJourney({ touchpoints: 100, personas: 5, name: 'Huge' });
    const touchpoints = Math.ceil(100 * bytes / probe.length);
    return generateJourney({ touchpoints, personas: 5, name: 'Huge' });
}

export async function measureHoverWhileParsing(serverPath: string, bytes: number, runs: number, intervalMs = 50): Promise<HoverWhileParsingResult> {
    // Personas of its own: names are global, and sharing the huge file's would tie the small file's links to it.
    const small = generateJourney({ touchpoints: 20, personas: 2, name: 'Small' }).replace(/\b(Colleen|Arjun)\b/g, 'Small$1');
    const huge = hugeJourney(bytes);
    if (huge.length < THREADED_PARSE_MIN_LENGTH) throw new Error(`A ${huge.length}-character file is parsed on the server's own thread; this measures the parse off it, from ${THREADED_PARSE_MIN_LENGTH} characters.`);
    const smallUri = 'file:///bench/hover-small.journey';
    const hugeUri = 'file:///bench/hover-huge.journey';
    const server = await ServerProcess.start(serverPath);
    try {
        await server.open(smallUri, small);
        await server.open(hugeUri, huge);
        const position = findProbes(small).hoverTouchpoint;
        const hovers: number[] = [];
        const builds: number[] = [];
        for (let run = 0; run < runs; run++) {
            let built = false;
            const diagnostics = server.nextDiagnostics(hugeUri, 600_000).then(() => { built = true; });
            const changed = performance.now();
            // A different last line each time, so every version is a new text to parse.
            const text = `${huge}\n// version ${run}\n`;
            await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: hugeUri, version: run + 2 }, contentChanges: [{ text }] });
            // Hovers one after the other until the huge file is built: the slowest is how long a reader may wait.
            let slowest = 0;
            for (let first = true; first || !built; first = false) {
                if (!first) await new Promise(resolve => setTimeout(resolve, intervalMs));
                const asked = performance.now();
                const answer = await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: smallUri }, position });
                slowest = Math.max(slowest, performance.now() - asked);
                if (!answer) throw new Error('The server gave no hover for the small file\'s touchpoint: the probe no longer points at one.');
            }
            await diagnostics;
            builds.push(performance.now() - changed);
            hovers.push(slowest);
        }
        return { megabytes: megabytes(huge.length), hover: summarize(hovers), hugeBuild: summarize(builds) };
    } finally {
        await server.stop();
    }
}
