/** The preview panel's page and Content-Security-Policy, as the extension hands them to VS Code. */
import { describe, expect, test } from 'vitest';
import { createNonce, previewCsp, previewHtml } from '../../src/extension/preview/preview-html.js';

const resources = {
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    nonce: 'abc123',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/out/webview/preview.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.css'
};

describe('preview page', () => {
    test('allows scripts only with the nonce or from the extension, and nothing from the network', () => {
        expect(previewCsp(resources)).toBe(
            "default-src 'none'; script-src 'nonce-abc123' https://file+.vscode-resource.vscode-cdn.net; "
            + "style-src https://file+.vscode-resource.vscode-cdn.net 'unsafe-inline'; img-src https://file+.vscode-resource.vscode-cdn.net data:; "
            + 'font-src https://file+.vscode-resource.vscode-cdn.net');
    });

    test('loads one module script carrying the nonce, and shows a message until it runs', () => {
        const html = previewHtml(resources);
        const scripts = html.match(/<script[^>]*>/g) ?? [];
        expect(scripts).toEqual([`<script type="module" nonce="abc123" src="${resources.scriptUri}">`]);
        expect(html).toContain('http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; script-src &#39;nonce-abc123&#39;');
        expect(html).toContain('Loading the journey map');
    });

    test('draws a fresh, unguessable nonce for every page', () => {
        const nonces = new Set(Array.from({ length: 20 }, createNonce));
        expect(nonces.size).toBe(20);
        for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9]{32}$/);
    });
});
