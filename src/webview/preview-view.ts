/**
 * The preview page: toolbar, banner and the map. Receives the extension's messages and draws
 * the newest model, one drawing at a time, skipping models that were overtaken. A model with
 * syntax errors is drawn too (the parser recovers what it can, and the broken parts are
 * marked), so a map being written shows as it grows; the banner then says what the Problems
 * panel says for that version.
 */
import { journeyForSegment, journeySegments, type DocumentViewModel, type SourceRange } from '../model/view-model.js';
import type { ExportFormat, FromPreviewMessage, PreviewOptions, PreviewState, ToPreviewMessage, Unsourced } from '../protocol.js';
import { countTouchpoints, decodeRange, elementAt, personasOf } from '../render/elements.js';
import { gridGeometry, summaryGeometry } from '../render/grid-geometry.js';
import { messagesFor } from '../render/languages.js';
import { Banner, type BannerTarget } from './banner.js';
import { scrollToCursor } from './cursor.js';
import { JourneySection, type SectionContext } from './journey-section.js';
import { wireKeyboard } from './keyboard.js';
import { pageTheme, themeKindOf } from './theme.js';
import { Toolbar } from './toolbar.js';
import { Viewport } from './viewport.js';
import type { VsCodeApi } from './vscode-api.js';

/** Fired on the window after every model message has been handled; the tests and timings listen for it. */
export const RENDERED_EVENT = 'journey-preview-rendered';
/** Fired when the overview band of a drawn model has caught up (it follows the rest of the map). */
export const OVERVIEW_EVENT = 'journey-preview-overview';
export interface RenderedDetail {
    version: number;
    outcome: 'drawn' | 'kept-previous' | 'too-large' | 'failed';
    milliseconds: number;
}

/** Below this width (CSS pixels at 100 %) the grid uses its compact density: a side panel beside the editor. */
const COMPACT_BELOW = 1000;
const ZOOM_STEP = 1.2;
/** Fit width zooms the full map down to this at most; narrower panels get the summary instead, at full size. */
const MIN_FIT_ZOOM = 0.75;

function messageOf(error: unknown): string {
    return error instanceof Error ? error.message : String(error);
}

/** Whether a model draws a map: stages, or an empathy map's quadrants. */
function drawsAMap(model: DocumentViewModel | undefined): boolean {
    return model?.journeys.some(journey => journey.stages.length > 0 || (journey.empathy?.length ?? 0) > 0) ?? false;
}

export class PreviewView {
    private readonly toolbar: Toolbar;
    private readonly banner: Banner;
    private readonly viewport: Viewport;
    private readonly sections = new Map<string, JourneySection>();

    private state: PreviewState;
    private options: PreviewOptions = { theme: 'light' };
    /** The model whose picture is on screen. */
    private shown: DocumentViewModel | undefined;
    private next: { model: DocumentViewModel; options: PreviewOptions; received: number; redraw: boolean } | undefined;
    private drawing = false;
    private highlightedKey: string | undefined;
    private compact: boolean | undefined;

    constructor(root: HTMLElement, private readonly host: VsCodeApi) {
        this.state = host.getState() ?? { uri: '', locked: false };
        this.toolbar = new Toolbar({
            zoomIn: () => this.setZoom(this.viewport.zoom * ZOOM_STEP),
            zoomOut: () => this.setZoom(this.viewport.zoom / ZOOM_STEP),
            actualSize: () => this.setZoom(1),
            fitWidth: () => this.fitWidth(),
            toggleOverview: () => {
                this.saveState({ overview: !this.overviewShown });
                this.toolbar.showOverview(this.overviewShown);
                this.redraw();
            },
            personasChanged: checked => {
                this.saveState({ personaFilter: checked });
                this.redraw();
            },
            segmentChanged: segment => {
                this.saveState({ segment });
                this.redraw();
            },
            // Through the extension, which sends the export request back with the pictures it read.
            export: format => this.post({ type: 'requestExport', format })
        });
        this.banner = new Banner(target => this.post({ type: 'reveal', ...target }));
        this.viewport = new Viewport(zoom => this.toolbar.showZoom(zoom, this.state.summary ?? false), () => this.resized());
        this.viewport.map.append(Object.assign(document.createElement('p'), {
            className: 'placeholder', textContent: 'Waiting for the journey language server to read this file\u2026'
        }));
        root.replaceChildren(this.toolbar.element, this.banner.element, this.viewport.element);
        this.viewport.setZoom(this.state.summary ? 1 : this.state.zoom ?? 1);
        this.viewport.element.addEventListener('click', event => {
            if (!this.viewport.takeSuppressedClick()) this.reveal(event.target as Element);
        });
        wireKeyboard(root, {
            reveal: target => this.reveal(target),
            backToEditor: () => this.post({ type: 'focusEditor' })
        });
        // VS Code swaps the body's theme class without telling the extension first: redraw in the new colours.
        new MutationObserver(() => this.redraw()).observe(document.body, { attributes: true, attributeFilter: ['class'] });
    }

    handle(message: ToPreviewMessage): void {
        switch (message.type) {
            case 'model':
                this.next = { model: JSON.parse(message.model) as DocumentViewModel, options: message.options, received: performance.now(), redraw: false };
                void this.drawNext();
                break;
            case 'cursor':
                // The cursor of a document whose picture is not (or not yet) on screen.
                if (this.isAbout(message.source)) this.highlight(message.position);
                break;
            case 'status':
                this.showStatus(message.message, message.kind);
                break;
            case 'export':
                if (!this.shown || this.isAbout(message.source)) void this.export(message.format, message.images);
                else this.banner.show('The map of this file is still being drawn: export again in a moment.', 'info');
                break;
        }
    }

    // ------------------------------------------------------------ drawing

    /** Draws the picture on screen again: new colours, other personas, another density. */
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
                void this.overviewsDrawn().then(() => {
                    const overview: RenderedDetail = { version: model.version, outcome, milliseconds: performance.now() - received };
                    window.dispatchEvent(new CustomEvent(OVERVIEW_EVENT, { detail: overview }));
                });
            }
        } finally {
            this.drawing = false;
        }
    }

    private async drawModel(model: DocumentViewModel, options: PreviewOptions, redraw: boolean): Promise<RenderedDetail['outcome']> {
        this.options = options;
        this.saveState({ uri: model.uri, locked: options.locked ?? false });
        const segments = new Map(model.journeys.flatMap(journeySegments).map(segment => [segment.id, segment]));
        this.toolbar.showSegments([...segments.values()], this.state.segment && segments.has(this.state.segment) ? this.state.segment : undefined);
        const personas = personasOf(model);
        this.toolbar.showPersonas(personas.filter(p => model.journeys.some(j =>
            j.emotionLanes.some(l => l.persona === p.id && l.points.length > 0) || j.baseline?.emotionLanes.some(l => l.persona === p.id))), personas.map(p => p.id), this.state.personaFilter);
        const { errors } = model.diagnostics;
        // A text so broken that nothing of the map can be read (an early brace deleted) keeps the picture
        // on screen, which the banner says is from an earlier version: better than a blank preview mid-edit.
        if (!redraw && errors > 0 && !drawsAMap(model) && drawsAMap(this.shown)) {
            this.showErrorBanner(model, this.shown);
            return 'kept-previous';
        }
        const touchpoints = countTouchpoints(model);
        if (options.maxTouchpoints !== undefined && touchpoints > options.maxTouchpoints) {
            this.clearMap();
            this.viewport.map.append(Object.assign(document.createElement('p'), {
                className: 'too-large',
                textContent: `This file has ${touchpoints.toLocaleString('en')} touchpoints: too large to draw (the limit is ${options.maxTouchpoints.toLocaleString('en')}, `
                    + 'set by journey.preview.maxTouchpoints). Split it into smaller journeys, or raise the setting.'
            }));
            this.shown = undefined;
            this.banner.hide();
            return 'too-large';
        }
        try {
            await this.drawJourneys(model);
        } catch (error) {
            const message = `The preview could not draw this map: ${messageOf(error)}`;
            this.banner.show(this.shown ? `${message} Parts of the map may be out of date.` : message, 'error');
            this.post({ type: 'error', message });
            return 'failed';
        }
        this.shown = model;
        if (errors > 0) {
            this.showErrorBanner(model);
        } else if (!redraw) {
            // A redraw changes colours or personas, not the news: a status such as a stopped server stays.
            this.banner.hide();
        }
        return 'drawn';
    }

    private context(model: DocumentViewModel): SectionContext {
        const personas = personasOf(model);
        const filter = this.state.personaFilter;
        const width = this.viewport.availableWidth;
        this.compact = width > 0 && width * this.viewport.zoom < COMPACT_BELOW;
        const full = gridGeometry(this.compact ? 'compact' : 'comfortable');
        return {
            messages: messagesFor(this.options.language),
            theme: pageTheme(themeKindOf(document.body, this.options.theme)),
            geometry: journey => this.state.summary ? summaryGeometry(journey, width) : full,
            personaOrder: personas.map(p => p.id),
            personas: filter ? personas.map(p => p.id).filter(id => filter.includes(id)) : undefined,
            problems: model.diagnostics.problems,
            overview: this.overviewShown,
            images: this.options.images
        };
    }

    /** The overview band takes a screenful of a side panel: there it waits until asked for. */
    private get overviewShown(): boolean {
        return this.state.overview ?? !this.compact;
    }

    /** The model as the chosen segment lives it; the whole model when none is chosen, or none of its journeys has it. */
    private forSegment(model: DocumentViewModel): DocumentViewModel {
        const segment = this.state.segment;
        if (!segment) return model;
        return { ...model, journeys: model.journeys.map(journey => journeySegments(journey).some(s => s.id === segment) ? journeyForSegment(journey, segment) : journey) };
    }

    private async drawJourneys(whole: DocumentViewModel): Promise<void> {
        const model = this.forSegment(whole);
        const context = this.context(model);
        this.toolbar.showOverview(context.overview);
        const map = this.viewport.map;
        if (model.journeys.length === 0) {
            this.clearMap();
            map.append(Object.assign(document.createElement('p'), {
                className: 'placeholder', textContent: 'This file has no journey yet. Start one with: journey Name "Title" { stage Awareness { } }'
            }));
            return;
        }
        map.querySelector(':scope > p')?.remove();
        const wanted = new Set(model.journeys.map(j => j.key));
        for (const [key, section] of this.sections) {
            if (!wanted.has(key)) {
                section.element.remove();
                this.sections.delete(key);
            }
        }
        const sections = model.journeys.map((journey, index) => {
            let section = this.sections.get(journey.key);
            if (!section) {
                section = new JourneySection(journey.key);
                this.sections.set(journey.key, section);
            }
            if (map.children[index] !== section.element) map.insertBefore(section.element, map.children[index] ?? null);
            return section;
        });
        model.journeys.forEach((journey, index) => sections[index].update(journey, context));
        this.measureSticky();
        this.restoreHighlight();
    }

    /** Settles when every overview band has caught up with the map drawn; a failure is shown in its figure and logged. */
    private async overviewsDrawn(): Promise<void> {
        await Promise.all([...this.sections.values()].map(section => section.overviewDrawn.then(() => {
            // The overview's shapes are clickable and follow the cursor like the grid's.
            this.restoreHighlight();
        }, (error: unknown) => {
            this.post({ type: 'error', message: messageOf(error) });
        })));
    }

    private clearMap(): void {
        this.viewport.map.replaceChildren();
        this.sections.clear();
    }

    /** The sticky stage row and lane-name column of the first grid: what scrolling must keep clear of. */
    private measureSticky(): void {
        const table = [...this.sections.values()].map(s => s.table).find(t => t !== null);
        const head = table?.tHead?.getBoundingClientRect();
        const lane = table?.querySelector('th.corner')?.getBoundingClientRect();
        const zoom = this.viewport.zoom;
        this.viewport.setStickyInsets((head?.height ?? 0) / zoom, (lane?.width ?? 0) / zoom);
    }

    private resized(): void {
        if (!this.shown) return;
        const width = this.viewport.availableWidth;
        const compact = width > 0 && width * this.viewport.zoom < COMPACT_BELOW;
        // Only a change of density or a summary (which is sized to the panel) needs drawing again.
        if (compact !== this.compact || this.state.summary) this.redraw();
    }

    // ------------------------------------------------------------ zoom and fit

    private setZoom(zoom: number): void {
        if (this.state.summary) this.saveState({ summary: false });
        this.viewport.setZoom(zoom);
        this.saveState({ zoom: this.viewport.zoom });
        this.redraw();
    }

    /**
     * The whole map in the panel's width: zoomed out when that keeps text readable, or else the
     * summary (stage names and emotion curves at full size, sized to the panel). Pressed again,
     * back to the full map at 100 %.
     */
    private fitWidth(): void {
        if (this.state.summary) {
            this.setZoom(1);
            return;
        }
        const tables = [...this.sections.values()].map(s => s.table).filter((t): t is HTMLTableElement => t !== null);
        const widest = Math.max(0, ...tables.map(t => t.offsetWidth), this.viewport.map.offsetWidth);
        const available = this.viewport.availableWidth * this.viewport.zoom;
        const zoom = widest > 0 ? available / widest : 1;
        if (zoom >= MIN_FIT_ZOOM) {
            this.setZoom(Math.min(1, zoom));
            return;
        }
        this.viewport.setZoom(1);
        this.saveState({ summary: true, zoom: 1 });
        this.toolbar.showZoom(1, true);
        this.redraw();
    }

    // ------------------------------------------------------------ banner

    private showErrorBanner(model: DocumentViewModel, keptFrom?: DocumentViewModel): void {
        const { errors, warnings, firstError } = model.diagnostics;
        const count = `${errors === 1 ? '1 error' : `${errors} errors`}${warnings > 0 ? ` and ${warnings === 1 ? '1 warning' : `${warnings} warnings`}` : ''}`;
        const what = keptFrom
            ? ` Nothing of the map can be read from it as it is now, so the map shown is the one drawn from the text as it was before (version ${keptFrom.version}).`
            : ' The map shows what could be read; parts with errors are marked.';
        const where = firstError ? ` First, on line ${firstError.range.start.line + 1}: ${firstError.message}` : '';
        const target: BannerTarget | undefined = firstError ? { range: firstError.range } : undefined;
        this.banner.show(`The journey file has ${count}.${what}${where}`, 'error', target);
    }

    /** Before the first picture, news goes where the picture will be; afterwards, into the banner above it. */
    private showStatus(message: string, kind: 'info' | 'error'): void {
        const placeholder = this.shown ? null : this.viewport.map.querySelector(':scope > p.placeholder');
        if (placeholder && kind === 'info') {
            placeholder.textContent = message;
            return;
        }
        if (placeholder) placeholder.textContent = 'No map drawn yet.';
        this.banner.show(message, kind);
    }

    // ------------------------------------------------------------ cursor and reveal

    private highlight(position: { line: number; character: number } | null): void {
        const found = position && this.shown ? elementAt(this.shown, position) : undefined;
        this.highlightedKey = found?.key;
        this.restoreHighlight(true);
    }

    /** Marks the element under the cursor; `scroll` brings it, and the stage it is in, into view. */
    private restoreHighlight(scroll = false): void {
        const map = this.viewport.map;
        for (const old of Array.from(map.querySelectorAll('.is-cursor'))) old.classList.remove('is-cursor');
        const key = this.highlightedKey;
        if (!key) return;
        const matches = Array.from(map.querySelectorAll(`[data-key="${CSS.escape(key)}"], [data-covers~="${CSS.escape(encodeURIComponent(key))}"]`));
        for (const match of matches) match.classList.add('is-cursor');
        if (!scroll) return;
        // Prefer the card in the grid: it holds the most detail.
        const target = matches.find(m => m.closest('.map-grid')) ?? matches.find(m => m.closest('.journey-header, .plan')) ?? matches[0];
        if (target) scrollToCursor(target, this.viewport.element);
    }

    private reveal(target: Element): boolean {
        // A click on a persona's name unfolds its details; it does not jump to another file.
        if (target.closest('summary')) return false;
        const source = target.closest('[data-range]');
        const range: SourceRange | undefined = source ? decodeRange(source.getAttribute('data-range') ?? '') : undefined;
        if (!source || !range) return false;
        const uri = source.getAttribute('data-uri') ?? undefined;
        this.post(uri ? { type: 'reveal', range, uri } : { type: 'reveal', range });
        return true;
    }

    // ------------------------------------------------------------ state and export

    /** Whether a message is about the document whose model was drawn last. */
    private isAbout(source: string): boolean {
        return source === this.state.uri;
    }

    /** Every message names the document of the picture on screen, so the extension can drop one about a document it no longer shows. */
    private post(message: Unsourced<FromPreviewMessage>): void {
        this.host.postMessage({ ...message, source: this.state.uri } as FromPreviewMessage);
    }

    private saveState(change: Partial<PreviewState>): void {
        this.state = { ...this.state, ...change };
        this.host.setState(this.state);
    }

    private async export(format: ExportFormat, images?: Record<string, string>): Promise<void> {
        const model = this.shown;
        if (!model) {
            this.banner.show('Nothing to export yet: the map has not been drawn.', 'info');
            return;
        }
        try {
            const { exportMap } = await import('./export/export-map.js');
            const context = this.context(model);
            const data = await exportMap(format, this.forSegment(model), { messages: context.messages, personaOrder: context.personaOrder, personas: context.personas, images });
            this.post({ type: 'exported', format, data });
        } catch (error) {
            const message = `Export as ${format.toUpperCase()} failed: ${messageOf(error)}`;
            this.banner.show(message, 'error');
            this.post({ type: 'error', message });
        }
    }
}
