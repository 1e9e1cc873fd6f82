/** The part of the webview API VS Code injects that the preview uses. */
import type { FromPreviewMessage, PreviewState } from '../protocol.js';

export interface VsCodeApi {
    postMessage(message: FromPreviewMessage): void;
    getState(): PreviewState | undefined;
    setState(state: PreviewState): void;
}

declare global {
    function acquireVsCodeApi(): VsCodeApi;
}
