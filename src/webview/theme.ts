/**
 * Colours for the parts Mermaid draws (the overview timeline), from the same palette as the
 * rest of the map: the kind of VS Code theme the preview lives in picks the palette, and the
 * page's own background and text colour come from the editor. Exports use the light palette on
 * white, whatever the editor's theme: a file that leaves the editor is read on paper, slides
 * and wiki pages.
 */
import { EXPORT_FONT_FAMILY, EXPORT_THEME, mixHex, PALETTES, type Palette, type ThemeKind } from '../render/palette.js';

export interface DrawTheme {
    kind: ThemeKind;
    palette: Palette;
    background: string;
    foreground: string;
    fontFamily: string;
}

export function themeKindOf(body: HTMLElement, fallback: ThemeKind): ThemeKind {
    if (body.classList.contains('vscode-high-contrast-light')) return 'high-contrast-light';
    if (body.classList.contains('vscode-high-contrast')) return 'high-contrast';
    if (body.classList.contains('vscode-dark')) return 'dark';
    if (body.classList.contains('vscode-light')) return 'light';
    return fallback;
}

export function isDarkKind(kind: ThemeKind): boolean {
    return kind === 'dark' || kind === 'high-contrast';
}

let probe: CanvasRenderingContext2D | null | undefined;

/** Any CSS colour as #rrggbb, using the browser's own parser; undefined when it is not an opaque colour. */
export function cssColorToHex(value: string): string | undefined {
    probe ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    if (!probe || !value.trim()) return undefined;
    probe.fillStyle = '#010203';
    probe.fillStyle = value;
    const parsed = probe.fillStyle;
    if (parsed === '#010203' && value.trim().toLowerCase() !== '#010203') return undefined;
    return parsed.startsWith('#') ? parsed : undefined;
}

/** The theme of the page the preview is in: the editor's background and text, the palette of its kind. */
export function pageTheme(kind: ThemeKind): DrawTheme {
    const style = getComputedStyle(document.documentElement);
    const palette = PALETTES[kind];
    const read = (name: string, fallback: string) => cssColorToHex(style.getPropertyValue(name)) ?? fallback;
    return {
        kind,
        palette,
        background: read('--vscode-editor-background', palette.background),
        foreground: read('--vscode-editor-foreground', palette.foreground),
        fontFamily: style.getPropertyValue('--vscode-font-family').trim() || EXPORT_FONT_FAMILY
    };
}

export function exportTheme(): DrawTheme {
    const palette = PALETTES[EXPORT_THEME];
    return { kind: EXPORT_THEME, palette, background: palette.background, foreground: palette.foreground, fontFamily: EXPORT_FONT_FAMILY };
}

/** Mermaid's configuration for this theme: its `base` theme, recoloured with the stage hues of the grid. */
export function mermaidConfig(theme: DrawTheme): Record<string, unknown> {
    const { palette } = theme;
    const highContrast = theme.kind === 'high-contrast' || theme.kind === 'high-contrast-light';
    const tint = (hue: string) => mixHex(hue, theme.background, highContrast ? 0 : palette.tint + 0.06);
    const scale: Record<string, string> = {};
    for (let i = 0; i < 12; i++) {
        const hue = palette.stageHues[i % palette.stageHues.length];
        scale[`cScale${i}`] = tint(hue);
        scale[`cScaleLabel${i}`] = theme.foreground;
        scale[`cScaleInv${i}`] = hue;
    }
    return {
        startOnLoad: false,
        securityLevel: 'strict',
        theme: 'base',
        darkMode: isDarkKind(theme.kind),
        fontFamily: theme.fontFamily,
        timeline: { useMaxWidth: false },
        xyChart: { useMaxWidth: false },
        themeVariables: {
            darkMode: isDarkKind(theme.kind),
            background: theme.background,
            fontFamily: theme.fontFamily,
            fontSize: '14px',
            primaryColor: tint(palette.stageHues[0]),
            primaryTextColor: theme.foreground,
            primaryBorderColor: highContrast ? theme.foreground : palette.border,
            lineColor: palette.muted,
            textColor: theme.foreground,
            ...scale
        }
    };
}
