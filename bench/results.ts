/** The shape of bench/results.json, and the machine it was measured on. */
import os from 'node:os';
import type { BundleSizes } from './bundles.js';
import type { ActivationResult } from './activation/driver.js';
import type { DataLoadResult, HeapResult, SizeResult, WorkspaceResult } from './language.js';
import type { HoverWhileParsingResult } from './hover-while-parsing.js';
import type { LspMemoryResult, LspPortfolioResult, LspSizeResult, LspWorkspaceResult } from './lsp.js';
import type { PreviewSizeResult } from './preview.js';
import type { RenderResult } from './render.js';
import type { TargetCheck } from './targets.js';

/** Why a part did not run or where it broke; the other parts still report. */
export interface Failure { error: string }

export interface Machine {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    os: string;
    node: string;
    chromium?: string;
    /** 1-minute load average when the run started and when it ended: above the core count, numbers are noisy. */
    loadAtStart: number;
    loadAtEnd?: number;
}

export interface BenchResults {
    mode: 'full' | 'smoke';
    date: string;
    runs: number;
    durationSeconds?: number;
    machine: Machine;
    language?: { sizes: SizeResult[]; workspace?: WorkspaceResult; heap?: HeapResult; dataLoad?: DataLoadResult } & Partial<Failure>;
    lsp?: { sizes: LspSizeResult[]; workspace?: LspWorkspaceResult; portfolio?: LspPortfolioResult; memory?: LspMemoryResult; hoverWhileParsing?: HoverWhileParsingResult } & Partial<Failure>;
    preview?: { sizes: PreviewSizeResult[] } & Partial<Failure>;
    render?: Partial<RenderResult> & Partial<Failure>;
    extension?: { bundles?: BundleSizes; activation?: ActivationResult } & Partial<Failure>;
    targets?: TargetCheck[];
}

export function describeMachine(): Machine {
    const cpus = os.cpus();
    return {
        cpus: cpus.length,
        cpuModel: cpus[0]?.model.trim() ?? 'unknown',
        memoryGb: Math.round(os.totalmem() / 1024 ** 3),
        os: `${os.type()} ${os.release()}`,
        node: process.version,
        loadAtStart: Math.round(os.loadavg()[0] * 100) / 100
    };
}
