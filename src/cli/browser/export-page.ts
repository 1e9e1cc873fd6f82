/**
 * The browser side of `journey render --format html|svg|png|pdf`, bundled as modules into
 * out/cli-export/ and opened by the CLI's browser as it starts (src/cli/chromium.ts). Mermaid,
 * the largest part, starts loading at once, beside the export code (export-runner.ts) rather
 * than after it: both are ready sooner for the first map.
 */
import('mermaid').catch(() => {
    // The first map's drawing loads it again and says what went wrong.
});
void import('./export-runner.js');
