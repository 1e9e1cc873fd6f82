// How the extension-host suite reports each test to the driver: one console line per test,
// which the workbench forwards to the driver through codeAutomationLog.
export const RESULT_MARKER = '[journey-e2e-result]';

/** @param {{ name: string, passed: boolean, error?: string, ms: number }} result */
export function formatResult(result) {
    return `${RESULT_MARKER} ${JSON.stringify(result)}`;
}

/** @param {string} line */
export function parseResult(line) {
    return line.startsWith(RESULT_MARKER) ? JSON.parse(line.slice(RESULT_MARKER.length)) : undefined;
}
