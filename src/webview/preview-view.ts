/**
 * The preview page: toolbar, banner and the zoomable journey map. Receives the extension's
 * messages, draws the newest model (one drawing at a time, skipping models that were overtaken),
 * keeps the last good picture while the text has errors, and turns clicks into `reveal`s.
 */
import type { DocumentViewModel, SourceRange } from '../model/view-model.js';
import type { ExportFormat, PreviewOptions, PreviewState, ToPreviewMessage } from '../protocol.js';
import { countTouchpoints, decodeRange, elementAt, personasOf } from '../render/elements.js';
import { personaClassOf } from '../render/html.js';
import { JourneySection, type SectionContext } from './journey-section.js';
import { resolveTheme, themeKindOf } from './theme.js';
import type { VsCodeApi } from './vscode-api.js';

/** Fired on the window after every model message has been handled; the tests and timings listen for it. */
export const RENDERED_EVENT = 'journey-preview-rendered';
export interface RenderedDetail {
    version: number;
    outcome: 'drawn' | 'kept-last-good' | 'too-large' | 'failed';
    milliseconds: number;
}

const MIN_ZOOM = 0.1;
const MAX_ZOOM = 3;
const ZOOM_STEP = 1.2;
/** Movement (px) after which a press on the map is a pan, not a click. */
const PAN_THRESHOLD = 4;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
    const created = document.createElement(tag);
    created.className = className;
    if (text !== undefined) created.textContent = text;
    return created;
}

function button(label: string, title: string, action: () => void): HTMLButtonElement {
    const created = element('button', 'toolbar-button', label);
    created.type = 'button';
    created.title = title;
    created.addEventListener('click', action);
    return created;
}

function messageOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

export class PreviewView {
    private readonly toolbar = element('div', 'toolbar');
    private readonly personaFilter = element('div', 'persona-filter');
    private readonly zoomLabel = element('span', 'zoom-label', '100%');
    private readonly banner = element('div', 'banner');
    private readonly viewport = element('div', 'viewport');
    private readonly map = element('div', 'map');
    private readonly sections = new Map<string, JourneySection>();

    private state: PreviewState;
    private options: PreviewOptions = { theme: 'light' };
    /** The model whose picture is on screen. */
    private shown: DocumentViewModel | undefined;
    /** The newest model received: its errors stay in the banner while an older picture is shown. */
    private latest: DocumentViewModel | undefined;
    private lastGood: DocumentViewModel | undefined;
    private next: { model: DocumentViewModel; options: PreviewOptions; received: number; redraw: boolean } | undefined;
    private drawing = false;
    private bannerRange: { range: SourceRange; uri?: string } | undefined;
    private highlightedKey: string | undefined;
    private personaSignature = '';

    constructor(root: HTMLElement, private readonly host: VsCodeApi) {
        this.state = host.getState() ?? { uri: '', locked: false };
        this.buildToolbar();
        this.banner.hidden = true;
        this.banner.setAttribute('role', 'status');
        this.banner.addEventListener('click', () => this.revealBanner());
        this.banner.addEventListener('keydown', event => { if (event.key === 'Enter') this.revealBanner(); });
        this.viewport.append(this.map);
        this.map.append(element('p', 'placeholder', 'Waiting for the journey language server to read this file\u2026'));
        root.replaceChildren(this.toolbar, this.banner, this.viewport);
        this.applyZoom(this.state.zoom ?? 1);
        new ResizeObserver(() => this.updatePanelWidth()).observe(this.viewport);
        this.wireInteraction();
        // VS Code swaps the body's theme class without telling the extension first: redraw in the new colours.
        new MutationObserver(() => this.redraw()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
    }

    handle(message: ToPreviewMessage): void {
        switch (message.type) {
            case 'model':
                this.latest = message.model;
                this.next = { model: message.model, options: message.options, received: performance.now(), redraw: false };
                void this.drawNext();
                break;
            case 'cursor':
                this.highlight(message.position);
                break;
            case 'status':
                this.showStatus(message.message, message.kind);
                break;
            case 'export':
                void this.export(message.format);
                break;
        }
    }

    // ------------------------------------------------------------ drawing

    /** Draws the picture on screen again, in new colours or for other personas. */
    private redraw(): void {
        if (!this.shown || this.next) return;
        this.next = { model: this.shown, options: this.options, received: performance.now(), redraw: true };
        void this.drawNext();
    }

    private async drawNext(): Promise<void> {
        if (this.drawing) return;
        this.drawing = true;
        try {
            while (this.next) {
                const { model, options, received, redraw } = this.next;
                this.next = undefined;
                const outcome = await this.drawModel(model, options, redraw);
                const detail: RenderedDetail = { version: model.version, outcome, milliseconds: performance.now() - received };
                document.body.dataset.renderedVersion = String(model.version);
                window.dispatchEvent(new CustomEvent(RENDERED_EVENT, { detail }));
            }
        } finally {
            this.drawing = false;
        }
    }

    private async drawModel(model: DocumentViewModel, options: PreviewOptions, redraw: boolean): Promise<RenderedDetail['outcome']> {
        this.options = options;
        this.saveState({ uri: model.uri, locked: options.locked ?? false });
        this.updatePersonaFilter(model);
        const { errors, firstError } = model.diagnostics;
        if (!redraw && errors > 0 && this.lastGood) {
            this.showErrorBanner(errors, firstError, true);
            return 'kept-last-good';
        }
        const touchpoints = countTouchpoints(model);
        if (options.maxTouchpoints !== undefined && touchpoints > options.maxTouchpoints) {
            this.clearMap();
            this.map.append(element('p', 'too-large',
                `This file has ${touchpoints.toLocaleString('en')} touchpoints: too large to draw (the limit is ${options.maxTouchpoints.toLocaleString('en')}, `
                + 'set by journey.preview.maxTouchpoints). Split it into smaller journeys, or raise the setting.'));
            this.shown = undefined;
            this.hideBanner();
            return 'too-large';
        }
        try {
            await this.drawJourneys(model);
        } catch (error) {
            const message = `The preview could not draw this map: ${messageOf(error)}`;
            this.showBanner(this.shown ? `${message} Showing the last picture that worked.` : message, 'error');
            this.host.postMessage({ type: 'error', message });
            return 'failed';
        }
        this.shown = model;
        if (errors === 0) this.lastGood = model;
        const newest = this.latest ?? model;
        if (newest.diagnostics.errors > 0) {
            this.showErrorBanner(newest.diagnostics.errors, newest.diagnostics.firstError, newest !== model);
        } else if (!redraw) {
            // A redraw changes colours or personas, not the news: a status such as a stopped server stays.
            this.hideBanner();
        }
        return 'drawn';
    }

    private context(model: DocumentViewModel): SectionContext {
        const personas = personasOf(model);
        const filter = this.state.personaFilter;
        return {
            theme: resolveTheme(themeKindOf(document.body, this.options.theme), true),
            personaOrder: personas.map(p => p.id),
            personaLabels: new Map(personas.map(p => [p.id, p.label])),
            personas: filter ? personas.map(p => p.id).filter(id => filter.includes(id)) : undefined
        };
    }

    private async drawJourneys(model: DocumentViewModel): Promise<void> {
        const context = this.context(model);
        if (model.journeys.length === 0) {
            this.clearMap();
            this.map.append(element('p', 'placeholder', 'This file has no journey yet. Start one with: journey Name "Title" { stage Awareness { } }'));
            return;
        }
        this.map.querySelector(':scope > p')?.remove();
        const wanted = new Set(model.journeys.map(j => j.key));
        for (const [key, section] of this.sections) {
            if (!wanted.has(key)) {
                section.element.remove();
                this.sections.delete(key);
            }
        }
        // Sections go into the page before they are drawn: diagrams are measured as they are annotated.
        const sections = model.journeys.map((journey, index) => {
            let section = this.sections.get(journey.key);
            if (!section) {
                section = new JourneySection(journey.key);
                this.sections.set(journey.key, section);
            }
            if (this.map.children[index] !== section.element) this.map.insertBefore(section.element, this.map.children[index] ?? null);
            return section;
        });
        const failures: unknown[] = [];
        await Promise.all(model.journeys.map((journey, index) => sections[index].update(journey, context).catch(error => { failures.push(error); })));
        this.restoreHighlight();
        if (failures.length > 0) throw failures[0];
    }

    private clearMap(): void {
        this.map.replaceChildren();
        this.sections.clear();
    }

    // ------------------------------------------------------------ banner

    private showErrorBanner(errors: number, firstError: DocumentViewModel['diagnostics']['firstError'], keptLastGood: boolean): void {
        const count = errors === 1 ? '1 error' : `${errors} errors`;
        const where = firstError ? ` First, on line ${firstError.range.start.line + 1}: ${firstError.message}` : '';
        const kept = keptLastGood ? ' Showing the last picture drawn without errors.' : ' Showing what could be read.';
        this.showBanner(`The journey file has ${count}.${kept}${where}`, 'error', firstError ? { range: firstError.range } : undefined);
    }

    private showBanner(message: string, kind: 'info' | 'error', target?: { range: SourceRange; uri?: string }): void {
        this.banner.textContent = message;
        this.banner.className = `banner banner-${kind}${target ? ' banner-link' : ''}`;
        this.banner.tabIndex = target ? 0 : -1;
        this.banner.title = target ? 'Show in the editor' : '';
        this.bannerRange = target;
        this.banner.hidden = false;
    }

    /** Before the first picture, news goes where the picture will be; afterwards, into the banner above it. */
    private showStatus(message: string, kind: 'info' | 'error'): void {
        const placeholder = this.shown ? null : this.map.querySelector(':scope > p.placeholder');
        if (placeholder && kind === 'info') {
            placeholder.textContent = message;
            return;
        }
        if (placeholder) placeholder.textContent = 'No map drawn yet.';
        this.showBanner(message, kind);
    }

    private hideBanner(): void {
        this.banner.hidden = true;
        this.bannerRange = undefined;
    }

    private revealBanner(): void {
        if (this.bannerRange) this.host.postMessage({ type: 'reveal', ...this.bannerRange });
    }

    // ------------------------------------------------------------ cursor

    private highlight(position: { line: number; character: number } | null): void {
        const found = position && this.shown ? elementAt(this.shown, position) : undefined;
        this.highlightedKey = found?.key;
        this.restoreHighlight(true);
    }

    /** Marks the element under the cursor; `scroll` brings it into view. */
    private restoreHighlight(scroll = false): void {
        for (const old of Array.from(this.map.querySelectorAll('.is-cursor'))) old.classList.remove('is-cursor');
        const key = this.highlightedKey;
        if (!key) return;
        const matches = Array.from(this.map.querySelectorAll(`[data-key="${CSS.escape(key)}"], [data-covers~="${CSS.escape(encodeURIComponent(key))}"]`));
        for (const match of matches) match.classList.add('is-cursor');
        if (!scroll) return;
        // Prefer the card in the grid: it holds the most detail.
        const target = matches.find(m => m.closest('.swimlanes, .journey-header, .plan')) ?? matches[0];
        target?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }

    // ------------------------------------------------------------ toolbar, zoom, pan, reveal

    private buildToolbar(): void {
        this.toolbar.setAttribute('role', 'toolbar');
        const zoom = element('div', 'toolbar-group');
        zoom.append(
            button('\u2212', 'Zoom out (Ctrl+scroll)', () => this.applyZoom(this.zoom / ZOOM_STEP)),
            this.zoomLabel,
            button('+', 'Zoom in (Ctrl+scroll)', () => this.applyZoom(this.zoom * ZOOM_STEP)),
            button('Fit width', 'Zoom so the whole map fits the width of the panel', () => this.fitWidth()),
            button('100%', 'Actual size', () => this.applyZoom(1))
        );
        const exports = element('div', 'toolbar-group toolbar-exports');
        exports.append(
            element('span', 'toolbar-label', 'Export'),
            button('SVG', 'Save the map as an SVG picture', () => void this.export('svg')),
            button('PNG', 'Save the map as a PNG picture', () => void this.export('png')),
            button('HTML', 'Save the map as a self-contained HTML page', () => void this.export('html')),
            button('Mermaid', 'Copy the diagrams as Mermaid text', () => void this.export('mermaid'))
        );
        this.toolbar.append(zoom, this.personaFilter, exports);
    }

    private updatePersonaFilter(model: DocumentViewModel): void {
        const personas = personasOf(model).filter(p => model.journeys.some(j =>
            j.emotionLanes.some(l => l.persona === p.id) || j.baseline?.emotionLanes.some(l => l.persona === p.id)));
        // Rebuilt only when the personas change: the ticks themselves already show the filter.
        const signature = JSON.stringify(personas);
        if (signature === this.personaSignature) return;
        this.personaSignature = signature;
        this.personaFilter.replaceChildren();
        if (personas.length < 2) return;
        this.personaFilter.append(element('span', 'toolbar-label', 'Personas'));
        const order = personasOf(model).map(p => p.id);
        for (const persona of personas) {
            const label = element('label', `persona-toggle ${personaClassOf(persona.id, order)}`);
            const box = element('input', '');
            box.type = 'checkbox';
            box.value = persona.id;
            box.checked = !this.state.personaFilter || this.state.personaFilter.includes(persona.id);
            box.addEventListener('change', () => this.togglePersonas());
            label.append(box, element('span', 'persona-swatch'), document.createTextNode(persona.label));
            this.personaFilter.append(label);
        }
    }

    private togglePersonas(): void {
        const boxes = Array.from(this.personaFilter.querySelectorAll<HTMLInputElement>('input[type=checkbox]'));
        const checked = boxes.filter(b => b.checked).map(b => b.value);
        this.saveState({ personaFilter: checked.length === boxes.length ? undefined : checked });
        this.redraw();
    }

    private get zoom(): number {
        return this.state.zoom ?? 1;
    }

    private applyZoom(zoom: number): void {
        const clamped = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
        this.map.style.zoom = String(clamped);
        this.zoomLabel.textContent = `${Math.round(clamped * 100)}%`;
        this.saveState({ zoom: clamped });
        this.updatePanelWidth();
    }

    /**
     * The width the map's text blocks (header, plan) may take: what the panel shows, in the
     * map's own zoomed pixels, so they wrap inside the panel instead of running off its edge.
     */
    private updatePanelWidth(): void {
        const style = getComputedStyle(this.viewport);
        const available = this.viewport.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        if (available > 0) this.map.style.setProperty('--journey-panel-width', `${Math.floor(available / this.zoom)}px`);
    }

    private fitWidth(): void {
        // offsetWidth is the map's own, unzoomed width; the viewport's padding stays visible.
        const available = this.viewport.clientWidth - 32;
        if (this.map.offsetWidth > 0) this.applyZoom(available / this.map.offsetWidth);
    }

    private wireInteraction(): void {
        let press: { x: number; y: number; left: number; top: number; panning: boolean } | undefined;
        let suppressClick = false;
        this.viewport.addEventListener('pointerdown', event => {
            const target = event.target as Element;
            // Drag from the background (or anywhere with the middle button) pans; text on cards stays selectable.
            if (event.button === 1 || (event.button === 0 && !target.closest('[data-range], button, input, label, a, .card, p, li, dd'))) {
                press = { x: event.clientX, y: event.clientY, left: this.viewport.scrollLeft, top: this.viewport.scrollTop, panning: false };
            }
        });
        window.addEventListener('pointermove', event => {
            if (!press) return;
            const dx = event.clientX - press.x;
            const dy = event.clientY - press.y;
            if (!press.panning && Math.hypot(dx, dy) < PAN_THRESHOLD) return;
            press.panning = true;
            this.viewport.classList.add('panning');
            this.viewport.scrollLeft = press.left - dx;
            this.viewport.scrollTop = press.top - dy;
        });
        window.addEventListener('pointerup', () => {
            suppressClick = press?.panning ?? false;
            press = undefined;
            this.viewport.classList.remove('panning');
        });
        this.viewport.addEventListener('click', event => {
            if (suppressClick) {
                suppressClick = false;
                return;
            }
            this.revealFrom(event.target as Element);
        });
        this.viewport.addEventListener('keydown', event => {
            if (event.key === 'Enter' || event.key === ' ') {
                if (this.revealFrom(event.target as Element)) event.preventDefault();
            }
        });
        this.viewport.addEventListener('wheel', event => {
            if (!event.ctrlKey) return;
            event.preventDefault();
            this.applyZoom(this.zoom * (event.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP));
        }, { passive: false });
    }

    private revealFrom(target: Element): boolean {
        // A click on a persona's name unfolds its details; it does not jump to another file.
        if (target.closest('summary')) return false;
        const source = target.closest('[data-range]');
        const range = source ? decodeRange(source.getAttribute('data-range') ?? '') : undefined;
        if (!source || !range) return false;
        const uri = source.getAttribute('data-uri') ?? undefined;
        this.host.postMessage(uri ? { type: 'reveal', range, uri } : { type: 'reveal', range });
        return true;
    }

    // ------------------------------------------------------------ state and export

    private saveState(change: Partial<PreviewState>): void {
        this.state = { ...this.state, ...change };
        this.host.setState(this.state);
    }

    private async export(format: ExportFormat): Promise<void> {
        const model = this.shown;
        if (!model) {
            this.showBanner('Nothing to export yet: the map has not been drawn.', 'info');
            return;
        }
        try {
            const { exportMap } = await import('./export.js');
            const personas = this.context(model);
            const data = await exportMap(format, model, { personaOrder: personas.personaOrder, personaLabels: personas.personaLabels, personas: personas.personas });
            this.host.postMessage({ type: 'exported', format, data });
        } catch (error) {
            const message = `Export as ${format.toUpperCase()} failed: ${messageOf(error)}`;
            this.showBanner(message, 'error');
            this.host.postMessage({ type: 'error', message });
        }
    }
}
