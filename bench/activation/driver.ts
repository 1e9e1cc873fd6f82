/**
 * Extension activation in a real VS Code: code-server (scripts/code-server.mjs) with the
 * extension under development and the activation suite passed in the workbench's `payload`,
 * driven by headless Chromium, a newly started server and a fresh profile for every run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { generateJourney, type JourneySpec } from '../generate.js';
import { summarize, type Timing } from '../measure.js';
import { ACTIVATION_MARKER, JOURNEY_PATH_FILE, type ActivationSample } from './marker.js';

export interface ActivationResult {
    vscode: string;
    /** Touchpoints of the journey opened after activation. */
    touchpoints: number;
    activation: Timing;
    firstAnswer: Timing;
}

/** The part of scripts/code-server.mjs the benchmark uses (loaded at run time from the project, not bundled). */
interface CodeServerScript {
    CODE_SERVER_VERSION: string;
    isCodeServerInstalled(): boolean;
    resetProfile(name: string): void;
    startCodeServer(options: { profile: string; fresh: boolean; log: (message: string) => void }): Promise<{ host: string; stop(): Promise<void> }>;
    workbenchUrl(server: { host: string }, options: { folder: string; payload: Array<[string, string]> }): string;
    remoteUri(server: { host: string }, absolutePath: string): string;
}

const PROFILE = 'bench';

export async function measureActivation(options: {
    projectRoot: string; extensionPath: string; suitePath: string; browser: Browser; runs: number; journey: JourneySpec; timeoutMs?: number;
}): Promise<ActivationResult> {
    const { projectRoot, extensionPath, suitePath, browser, runs, journey, timeoutMs = 120_000 } = options;
    const script = pathToFileURL(path.join(projectRoot, 'scripts', 'code-server.mjs')).href;
    const codeServer = await import(script) as CodeServerScript;
    if (!codeServer.isCodeServerInstalled()) {
        throw new Error('code-server is not installed: run `node scripts/code-server.mjs install` once, then the benchmark again.');
    }
    // The extension activates by itself on a workspace that holds a .journey file, before the
    // suite could time it; so the journey lies beside the workspace, and the workspace says where.
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-bench-activation-'));
    const workspace = path.join(root, 'workspace');
    const journeyFile = path.join(root, 'journey.journey');
    fs.mkdirSync(workspace);
    fs.writeFileSync(journeyFile, generateJourney(journey));
    fs.writeFileSync(path.join(workspace, JOURNEY_PATH_FILE), journeyFile);
    codeServer.resetProfile(PROFILE);
    const samples: ActivationSample[] = [];
    try {
        for (let run = 0; run < runs; run++) {
            const server = await codeServer.startCodeServer({ profile: PROFILE, fresh: true, log: () => undefined });
            const page = await browser.newPage();
            try {
                const log: string[] = [];
                let exit!: (code: number) => void;
                const exited = new Promise<number>(resolve => { exit = resolve; });
                await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown) => {
                    for (const arg of Array.isArray(args) ? args : [args]) {
                        const line = typeof arg === 'string' ? arg : JSON.stringify(arg);
                        log.push(line);
                        if (line.startsWith(ACTIVATION_MARKER)) samples.push(JSON.parse(line.slice(ACTIVATION_MARKER.length)));
                    }
                });
                await page.exposeFunction('codeAutomationExit', (code: number) => exit(code));
                await page.goto(codeServer.workbenchUrl(server, {
                    folder: workspace,
                    payload: [
                        ['extensionDevelopmentPath', codeServer.remoteUri(server, extensionPath)],
                        ['extensionTestsPath', codeServer.remoteUri(server, suitePath)],
                        ['skipWelcome', 'true']
                    ]
                }));
                const code = await Promise.race([exited, new Promise<'timeout'>(resolve => setTimeout(() => resolve('timeout'), timeoutMs))]);
                if (code !== 0 || samples.length !== run + 1) {
                    throw new Error(`The activation run ${run + 1} ${code === 'timeout' ? `did not finish within ${timeoutMs / 1000} s` : `ended with code ${code}`}. Last log lines:\n${log.slice(-10).join('\n')}`);
                }
            } finally {
                await page.close();
                await server.stop();
            }
        }
    } finally {
        fs.rmSync(root, { recursive: true, force: true });
        codeServer.resetProfile(PROFILE);
    }
    return {
        vscode: `code-server ${codeServer.CODE_SERVER_VERSION}`,
        touchpoints: journey.touchpoints,
        activation: summarize(samples.map(s => s.activation)),
        firstAnswer: summarize(samples.map(s => s.firstAnswer))
    };
}
