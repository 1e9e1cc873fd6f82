/**
 * The preview panel's HTML page and its Content-Security-Policy. Free of the vscode module so the
 * webview tests load exactly this page, under exactly this policy, in a plain browser.
 */
import { escapeHtml } from '../../render/escape.js';

export interface PreviewPageResources {
    /** `webview.cspSource`: the origin VS Code serves the extension's files from. */
    cspSource: string;
    /** A fresh random value per page load: only scripts carrying it may run. */
    nonce: string;
    scriptUri: string;
    styleUri: string;
}

/**
 * Scripts only with the nonce or from the extension (the ESM entry imports its chunks from
 * there); inline styles because Mermaid writes `<style>` and `style=` into its SVG; pictures
 * from the extension or `data:` (the PNG export draws one); nothing else, no network.
 */
export function previewCsp(resources: Pick<PreviewPageResources, 'cspSource' | 'nonce'>): string {
    const { cspSource, nonce } = resources;
    return [
        "default-src 'none'",
        `script-src 'nonce-${nonce}' ${cspSource}`,
        `style-src ${cspSource} 'unsafe-inline'`,
        `img-src ${cspSource} data:`,
        `font-src ${cspSource}`
    ].join('; ');
}

export function previewHtml(resources: PreviewPageResources): string {
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(previewCsp(resources))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(resources.styleUri)}">
<title>Journey preview</title>
</head>
<body>
<div id="journey-preview" class="preview"><p class="placeholder">Loading the journey map\u2026</p></div>
<script type="module" nonce="${escapeHtml(resources.nonce)}" src="${escapeHtml(resources.scriptUri)}"></script>
</body>
</html>
`;
}

/** A nonce for one page load: 32 characters from a cryptographic source. */
export function createNonce(): string {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    return Array.from(bytes, byte => alphabet[byte % alphabet.length]).join('');
}
