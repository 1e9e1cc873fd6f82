/**
 * Colours for the picture, taken from the VS Code theme the preview lives in, so the diagrams
 * look like part of the editor. Exports use the light defaults instead: a file that leaves the
 * editor is usually read on white paper or a white page.
 */
import type { PreviewOptions } from '../protocol.js';

export type ThemeKind = PreviewOptions['theme'];

/** The VS Code theme colours the preview uses, with the values VS Code's default light theme gives them. */
export const LIGHT_THEME_DEFAULTS: Readonly<Record<string, string>> = {
    '--vscode-editor-background': '#ffffff',
    '--vscode-editor-foreground': '#3b3b3b',
    '--vscode-foreground': '#3b3b3b',
    '--vscode-descriptionForeground': '#717171',
    '--vscode-font-family': '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, Ubuntu, "Helvetica Neue", Arial, sans-serif',
    '--vscode-font-size': '13px',
    '--vscode-editor-font-family': 'Menlo, Monaco, Consolas, "Droid Sans Mono", "Courier New", monospace',
    '--vscode-focusBorder': '#005fb8',
    '--vscode-textLink-foreground': '#005fb8',
    '--vscode-badge-background': '#cccccc',
    '--vscode-badge-foreground': '#3b3b3b',
    '--vscode-panel-border': '#e5e5e5',
    '--vscode-editorWidget-background': '#f8f8f8',
    '--vscode-editorWidget-border': '#c8c8c8',
    '--vscode-sideBar-background': '#f8f8f8',
    '--vscode-button-background': '#005fb8',
    '--vscode-button-foreground': '#ffffff',
    '--vscode-button-secondaryBackground': '#e5e5e5',
    '--vscode-button-secondaryForeground': '#3b3b3b',
    '--vscode-inputValidation-errorBackground': '#f2dede',
    '--vscode-inputValidation-errorBorder': '#be1100',
    '--vscode-inputValidation-infoBackground': '#d6ecf2',
    '--vscode-inputValidation-infoBorder': '#007acc',
    '--vscode-editor-findMatchHighlightBackground': '#ea5c0055',
    '--vscode-charts-foreground': '#616161',
    '--vscode-charts-lines': '#61616180',
    '--vscode-charts-red': '#e51400',
    '--vscode-charts-blue': '#1a85ff',
    '--vscode-charts-yellow': '#bf8803',
    '--vscode-charts-orange': '#d18616',
    '--vscode-charts-green': '#388a34',
    '--vscode-charts-purple': '#652d90'
};

/**
 * One colour per persona (PERSONA_COLOURS of them), in document order; the same order as the
 * `persona-N` classes of preview.css. Red and green come last: they mean pain and delight elsewhere.
 */
export const PERSONA_COLOR_VARIABLES = [
    '--vscode-charts-blue', '--vscode-charts-orange', '--vscode-charts-purple', '--vscode-charts-yellow', '--vscode-charts-green', '--vscode-charts-red'
] as const;

/**
 * One hue per stage, repeating (STAGE_HUES of them): the timeline's boxes and the grid's
 * column heads share it, so the eye finds a stage in both. Red and green stay for pains and goods.
 */
export const STAGE_COLOR_VARIABLES = ['--vscode-charts-blue', '--vscode-charts-purple', '--vscode-charts-orange', '--vscode-charts-yellow'] as const;

/** Colours of one theme, resolved to values Mermaid's colour functions understand. */
export interface ThemeColors {
    kind: ThemeKind;
    background: string;
    foreground: string;
    muted: string;
    lines: string;
    /** Flows back to an earlier stage, as the grid's loop badges. */
    loop: string;
    personas: string[];
    stageHues: string[];
    stageTints: string[];
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

type Rgba = [number, number, number, number];

let probe: CanvasRenderingContext2D | null | undefined;

/** Any CSS colour as RGBA, using the browser's own parser; undefined when it is not a colour. */
function parseColor(value: string): Rgba | undefined {
    probe ??= document.createElement('canvas').getContext('2d');
    if (!probe || !value) return undefined;
    probe.fillStyle = '#010203';
    probe.fillStyle = value;
    const parsed = probe.fillStyle;
    if (parsed === '#010203' && value.trim().toLowerCase() !== '#010203') return undefined;
    if (parsed.startsWith('#')) {
        return [parseInt(parsed.slice(1, 3), 16), parseInt(parsed.slice(3, 5), 16), parseInt(parsed.slice(5, 7), 16), 1];
    }
    const parts = /rgba?\(([^)]+)\)/.exec(parsed)?.[1].split(',').map(part => Number(part.trim()));
    return parts && parts.length >= 3 ? [parts[0], parts[1], parts[2], parts[3] ?? 1] : undefined;
}

function toHex([r, g, b]: Rgba): string {
    return '#' + [r, g, b].map(c => Math.round(c).toString(16).padStart(2, '0')).join('');
}

/** `share` of `color` over `base`, as an opaque hex colour (Mermaid cannot read color-mix()). */
function mix(color: Rgba, base: Rgba, share: number): string {
    const alpha = share * color[3];
    return toHex([0, 1, 2, 3].map(i => color[i] * alpha + base[i] * (1 - alpha)) as Rgba);
}

/**
 * Resolves the theme colours: from the CSS variables VS Code puts on the page, or from the
 * light defaults (for exports, and for variables a theme leaves out).
 */
export function resolveTheme(kind: ThemeKind, fromPage: boolean): ThemeColors {
    const style = fromPage ? getComputedStyle(document.documentElement) : undefined;
    const raw = (name: string) => (style?.getPropertyValue(name).trim() || LIGHT_THEME_DEFAULTS[name]);
    const color = (name: string) => parseColor(raw(name)) ?? parseColor(LIGHT_THEME_DEFAULTS[name])!;
    const background = color('--vscode-editor-background');
    const foreground = color('--vscode-editor-foreground');
    const opaque = (c: Rgba) => mix(c, background, 1);
    const personas = PERSONA_COLOR_VARIABLES.map(name => color(name));
    const stages = STAGE_COLOR_VARIABLES.map(name => color(name));
    const tintShare = isDarkKind(kind) ? 0.35 : 0.16;
    return {
        kind,
        background: opaque(background),
        foreground: opaque(foreground),
        muted: opaque(color('--vscode-descriptionForeground')),
        lines: mix(color('--vscode-charts-foreground'), background, 0.35),
        loop: opaque(color('--vscode-charts-orange')),
        personas: personas.map(opaque),
        stageHues: stages.map(opaque),
        stageTints: stages.map(hue => mix(hue, background, tintShare)),
        fontFamily: raw('--vscode-font-family')
    };
}

/** Mermaid's configuration for this theme: its `base` theme, recoloured. */
export function mermaidConfig(theme: ThemeColors, seriesColors: string[]): Record<string, unknown> {
    const highContrast = theme.kind === 'high-contrast' || theme.kind === 'high-contrast-light';
    const scale: Record<string, string> = {};
    for (let i = 0; i < 12; i++) {
        scale[`cScale${i}`] = theme.stageTints[i % theme.stageTints.length];
        scale[`cScaleLabel${i}`] = theme.foreground;
        scale[`cScaleInv${i}`] = theme.stageHues[i % theme.stageHues.length];
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
            primaryColor: theme.stageTints[0],
            primaryTextColor: theme.foreground,
            primaryBorderColor: highContrast ? theme.foreground : theme.lines,
            lineColor: theme.lines,
            textColor: theme.foreground,
            ...scale,
            xyChart: {
                backgroundColor: theme.background,
                titleColor: theme.foreground,
                legendTextColor: theme.foreground,
                xAxisTitleColor: theme.muted,
                xAxisLabelColor: theme.foreground,
                xAxisTickColor: theme.lines,
                xAxisLineColor: theme.lines,
                yAxisTitleColor: theme.muted,
                yAxisLabelColor: theme.muted,
                yAxisTickColor: theme.lines,
                yAxisLineColor: theme.lines,
                plotColorPalette: seriesColors.join(',')
            }
        }
    };
}
