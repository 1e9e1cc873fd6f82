/**
 * Entry of the preview webview. Kept small: Mermaid and the exports load on demand, so the
 * panel shows its frame at once and draws the map as soon as the model arrives.
 */
import type { ToPreviewMessage } from '../protocol.js';
import { paletteCss } from '../render/palette.js';
import { PreviewView } from './preview-view.js';

const host = acquireVsCodeApi();
const root = document.getElementById('journey-preview') ?? document.body;

try {
    // The palette's colours, for every kind of theme: the stylesheet refers to them by name.
    const palette = document.createElement('style');
    palette.textContent = paletteCss();
    document.head.append(palette);
    const view = new PreviewView(root, host);
    window.addEventListener('message', (event: MessageEvent<ToPreviewMessage>) => view.handle(event.data));
    host.postMessage({ type: 'ready', source: host.getState()?.uri ?? '' });
} catch (error) {
    // Never a blank panel: say what went wrong in words.
    const message = `The journey preview could not start: ${error instanceof Error ? error.message : String(error)}`;
    const note = document.createElement('p');
    note.className = 'banner banner-error';
    note.textContent = message;
    root.replaceChildren(note);
    host.postMessage({ type: 'error', message, source: '' });
}
