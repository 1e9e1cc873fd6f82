/**
 * A hover in a small file while the server takes in a huge one: the editor stays responsive only if
 * parsing the huge text keeps off the path of other requests. Each run replaces the huge file's
 * text (a new version, as a paste or a `git checkout` does), waits a moment so the parse is under
 * way, and times a hover in the small file.
 */
import { performance } from 'node:perf_hooks';
import { generateJourney } from './generate.js';
import { ServerProcess } from './lsp.js';
import { findProbes, megabytes, summarize, type Timing } from './measure.js';

export interface HoverWhileParsingResult {
    /** Size of the huge file in MB. */
    megabytes: number;
    /** Request sent to answer received, for a hover in the small file. */
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

export async function measureHoverWhileParsing(serverPath: string, bytes: number, runs: number, delayMs = 100): Promise<HoverWhileParsingResult> {
    const small = generateJourney({ touchpoints: 20, personas: 2, name: 'Small' });
    const huge = hugeJourney(bytes);
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
            const built = server.nextDiagnostics(hugeUri, 600_000);
            const changed = performance.now();
            // A different last character each time, so every version is a new text to parse.
            const text = `${huge}\n// version ${run}\n`;
            await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: hugeUri, version: run + 2 }, contentChanges: [{ text }] });
            await new Promise(resolve => setTimeout(resolve, delayMs));
            const asked = performance.now();
            const answer = await server.connection.sendRequest<{ contents: unknown } | null>('textDocument/hover', { textDocument: { uri: smallUri }, position });
            hovers.push(performance.now() - asked);
            if (!answer) throw new Error('The server gave no hover for the small file\'s touchpoint: the probe no longer points at one.');
            await built;
            builds.push(performance.now() - changed);
        }
        return { megabytes: megabytes(huge.length), hover: summarize(hovers), hugeBuild: summarize(builds) };
    } finally {
        await server.stop();
    }
}
