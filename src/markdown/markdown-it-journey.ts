/**
 * ```journey fenced blocks in VS Code's Markdown preview. markdown-it renders synchronously,
 * but a journey is only known after linking and validation, which are asynchronous; and the
 * extension host has no browser to draw diagrams in. So this plugin renders a placeholder
 * that carries the block's text (and the .journey files next to the Markdown file, so that
 * `personas Colleen` resolves as it does in the editor), and the preview script
 * (src/markdown/preview/main.ts) builds the view model with the same language services and
 * draws it with the preview's own renderer. Until the script runs, the block reads as code.
 */
import { escapeHtml } from '../render/escape.js';
import type { ContextDocument } from './journey-block-model.js';

/** The info string that marks a journey block: ```journey */
const JOURNEY_FENCE = 'journey';

/** The parts of markdown-it this plugin uses, so it works with any markdown-it the host brings. */
export interface FenceToken {
    info: string;
    content: string;
    map: [number, number] | null;
    attrJoin(name: string, value: string): void;
}
export interface MarkdownRenderer {
    rules: { fence?: RenderRule };
    renderAttrs(token: FenceToken): string;
}
export type RenderRule = (tokens: FenceToken[], index: number, options: unknown, env: unknown, self: MarkdownRenderer) => string;
export interface MarkdownItLike {
    renderer: MarkdownRenderer;
}

export interface JourneyMarkdownOptions {
    /**
     * The documents a block may reference besides itself: on the desktop, the .journey files beside
     * the Markdown file (sibling-journey-files.ts); none by default, where files cannot be read at once.
     */
    contextFor?: (env: unknown) => ContextDocument[];
    /** The language of the words the maps add (the journey.map.language setting); a journey's own `language` wins. */
    languageFor?: (env: unknown) => string | undefined;
}

/** The Markdown file being rendered, as VS Code's preview passes it. */
export function markdownFileUri(env: unknown): unknown {
    return (env as { currentDocument?: unknown } | undefined)?.currentDocument;
}

function isJourneyFence(token: FenceToken): boolean {
    return token.info.trim().split(/\s+/)[0] === JOURNEY_FENCE;
}

/**
 * The plugin: `md.use(journeyMarkdownIt)` (or with options). Other fences render as before.
 * The placeholder keeps the token's attributes, so the preview's scroll sync (`data-line`,
 * `code-line`) still knows where the block is.
 */
export function journeyMarkdownIt(md: MarkdownItLike, options: JourneyMarkdownOptions = {}): void {
    const contextFor = options.contextFor ?? (() => []);
    const fallback = md.renderer.rules.fence;
    md.renderer.rules.fence = (tokens, index, renderOptions, env, self) => {
        const token = tokens[index];
        if (!isJourneyFence(token)) {
            return fallback ? fallback(tokens, index, renderOptions, env, self) : `<pre><code>${escapeHtml(token.content)}</code></pre>\n`;
        }
        token.attrJoin('class', 'journey-block');
        // The first line of the block's text, one-based, so a problem can name its line in the Markdown file.
        const firstLine = token.map ? token.map[0] + 2 : 1;
        const context = contextFor(env);
        const language = options.languageFor?.(env);
        return `<div${self.renderAttrs(token)} data-journey-line="${firstLine}"`
            + (language ? ` data-journey-language="${escapeHtml(language)}"` : '')
            + ` data-journey-source="${escapeHtml(token.content)}"`
            + ` data-journey-context="${escapeHtml(JSON.stringify(context))}">`
            + `<pre class="journey-block-source"><code>${escapeHtml(token.content)}</code></pre>`
            + '</div>\n';
    };
}
