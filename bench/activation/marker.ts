/** The console line prefix by which the activation suite reports to the benchmark driver. */
export const ACTIVATION_MARKER = '[journey-bench-activation]';

export interface ActivationSample {
    /** `extension.activate()`: loading out/extension.cjs, activate(), and the language client's start (server up and initialized). */
    activation: number;
    /** Opening a journey until the server answers a document-symbol request for it. */
    firstAnswer: number;
    lines: number;
}

/** The file in the benchmark's workspace that holds the path of the journey to open (kept outside the workspace). */
export const JOURNEY_PATH_FILE = 'journey-path.txt';
