/**
 * Every colour of the map, once, per kind of theme: the preview, the exports and the Markdown
 * blocks read them as CSS variables generated from here (`paletteCss`). VS Code's chart
 * colours are not used for text or marks: several of them fall below WCAG contrast on their
 * own theme's background, so each kind of theme gets colours chosen against its default
 * background (text at least 4.5:1, marks and lines at least 3:1; a test checks it).
 *
 * A persona keeps one colour and one marker shape everywhere, so two curves differ in shape
 * as well as colour; stages cycle through a few hues shared by the grid and the timeline.
 */

export type ThemeKind = 'light' | 'dark' | 'high-contrast' | 'high-contrast-light';
export const THEME_KINDS: readonly ThemeKind[] = ['light', 'dark', 'high-contrast', 'high-contrast-light'];

export interface Palette {
    /** The default editor background and text of this kind of theme (the preview takes VS Code's own). */
    background: string;
    foreground: string;
    /** Secondary text: labels, captions, notes. */
    muted: string;
    /** Card surfaces and the lane-name column. */
    surface: string;
    border: string;
    /** Gridlines and axes of the emotion lane. */
    gridline: string;
    focus: string;
    personas: readonly string[];
    stageHues: readonly string[];
    pain: string;
    good: string;
    opportunity: string;
    loop: string;
    stage: string;
    warning: string;
    /** How strongly hues tint a background (stage headers, cards): stronger on dark backgrounds. */
    tint: number;
}

export const PERSONA_MARKERS = ['circle', 'square', 'diamond', 'triangle', 'triangle-down', 'hexagon'] as const;
export type MarkerShape = typeof PERSONA_MARKERS[number];
/** Personas get one of this many colour and marker pairs, by their place in the document. */
export const PERSONA_STYLES = PERSONA_MARKERS.length;
export const STAGE_HUES = 4;

export const PALETTES: Record<ThemeKind, Palette> = {
    light: {
        background: '#ffffff', foreground: '#1f1f1f', muted: '#575757', surface: '#f6f6f6', border: '#c8c8c8',
        gridline: '#d4d4d4', focus: '#005fb8',
        personas: ['#1f63c6', '#b45309', '#7c3aad', '#0b7a6f', '#b3256f', '#5b6300'],
        stageHues: ['#2563a8', '#6d44b8', '#0f7672', '#a35f00'],
        pain: '#c0262d', good: '#1c7a36', opportunity: '#6b3fa0', loop: '#b45309', stage: '#2563a8', warning: '#9a5b00',
        tint: 0.1
    },
    dark: {
        background: '#1f1f1f', foreground: '#e4e4e4', muted: '#b4b4b4', surface: '#262626', border: '#4a4a4a',
        gridline: '#3d3d3d', focus: '#3a9df0',
        personas: ['#6cb0ff', '#f2a65a', '#c79cf7', '#4fd1c3', '#f582c5', '#cfc75a'],
        stageHues: ['#5aa2ff', '#ad8cf5', '#3cc5bc', '#e0a84a'],
        pain: '#ff8a8a', good: '#74d69a', opportunity: '#c4a0f2', loop: '#f2a65a', stage: '#5aa2ff', warning: '#e8b04a',
        tint: 0.2
    },
    'high-contrast': {
        background: '#000000', foreground: '#ffffff', muted: '#d6d6d6', surface: '#000000', border: '#6fc3df',
        gridline: '#5a5a5a', focus: '#f38518',
        personas: ['#8cc8ff', '#ffb86b', '#dcbcff', '#5ce6d8', '#ff9ad8', '#f0e68c'],
        stageHues: ['#8cc8ff', '#dcbcff', '#5ce6d8', '#ffd27a'],
        pain: '#ff9e9e', good: '#8ef0b0', opportunity: '#dcbcff', loop: '#ffb86b', stage: '#8cc8ff', warning: '#ffd27a',
        tint: 0
    },
    'high-contrast-light': {
        background: '#ffffff', foreground: '#000000', muted: '#3b3b3b', surface: '#ffffff', border: '#0f4a85',
        gridline: '#8a8a8a', focus: '#006bbd',
        personas: ['#0b4fa8', '#8a4500', '#5a2d91', '#005a52', '#8c1c5f', '#4d5200'],
        stageHues: ['#0b4fa8', '#5a2d91', '#005a52', '#7a4a00'],
        pain: '#a4000f', good: '#0f5c25', opportunity: '#5a2d91', loop: '#8a4500', stage: '#0b4fa8', warning: '#7a4a00',
        tint: 0
    }
};

/** The palette of exports: they are read on white paper, slides and wiki pages whatever the editor's theme. */
export const EXPORT_THEME: ThemeKind = 'light';

/** Fonts of exported pictures: named, with generic fallbacks, so any SVG viewer finds one. */
export const EXPORT_FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, Ubuntu, Cantarell, "Noto Sans", "DejaVu Sans", Arial, sans-serif';

/** The body class VS Code gives a webview for each kind of theme. */
const BODY_CLASS: Record<ThemeKind, string> = {
    light: 'vscode-light',
    dark: 'vscode-dark',
    'high-contrast': 'vscode-high-contrast',
    'high-contrast-light': 'vscode-high-contrast-light'
};

export function personaStyleIndex(persona: string, personaOrder: readonly string[]): number {
    const index = personaOrder.indexOf(persona);
    return (index < 0 ? personaOrder.length : index) % PERSONA_STYLES;
}

export function personaMarker(persona: string, personaOrder: readonly string[]): MarkerShape {
    return PERSONA_MARKERS[personaStyleIndex(persona, personaOrder)];
}

function variables(palette: Palette, withBase: boolean): string {
    const entries: Array<[string, string]> = [
        ['muted', palette.muted], ['surface', palette.surface], ['border', palette.border], ['gridline', palette.gridline],
        ['pain', palette.pain], ['good', palette.good], ['opportunity', palette.opportunity], ['loop', palette.loop],
        ['stage', palette.stage], ['warning', palette.warning], ['tint', `${Math.round(palette.tint * 100)}%`]
    ];
    palette.personas.forEach((colour, i) => entries.push([`persona-${i}`, colour]));
    palette.stageHues.forEach((colour, i) => entries.push([`stage-hue-${i}`, colour]));
    if (withBase) entries.push(['background', palette.background], ['foreground', palette.foreground], ['focus', palette.focus]);
    return entries.map(([name, value]) => `--journey-${name}:${value};`).join('');
}

/**
 * The palette as CSS custom properties: one rule per kind of theme, keyed by the body class
 * VS Code sets, and one for exports (`.journey-export`, the light palette with its own
 * background, text and font, since no editor theme is around it).
 */
export function paletteCss(): string {
    const rules = [`:root{${variables(PALETTES.light, false)}}`];
    for (const kind of THEME_KINDS) rules.push(`body.${BODY_CLASS[kind]}{${variables(PALETTES[kind], false)}}`);
    rules.push(`.journey-export{${variables(PALETTES[EXPORT_THEME], true)}--journey-font:${EXPORT_FONT_FAMILY};}`);
    return rules.join('\n') + '\n';
}

// ---------------------------------------------------------------- contrast (WCAG 2.1)

function channel(value: number): number {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function hexToRgb(hex: string): [number, number, number] {
    const digits = hex.replace('#', '');
    const full = digits.length === 3 ? digits.split('').map(d => d + d).join('') : digits.slice(0, 6);
    return [0, 2, 4].map(i => parseInt(full.slice(i, i + 2), 16)) as [number, number, number];
}

export function relativeLuminance(hex: string): number {
    const [r, g, b] = hexToRgb(hex);
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a: string, b: string): number {
    const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
}

/** `share` of `colour` over `base`, as CSS `color-mix(in srgb, colour share, base)` gives it. */
export function mixHex(colour: string, base: string, share: number): string {
    const c = hexToRgb(colour);
    const b = hexToRgb(base);
    return '#' + c.map((value, i) => Math.round(value * share + b[i] * (1 - share)).toString(16).padStart(2, '0')).join('');
}
