/**
 * One journey on the preview page, in the slots `journeySection` (src/render/journey-map.ts)
 * lays out for every export: header, overview band, grid, plan. Each part is replaced only when
 * its markup changed, the grid row by row, so typing in one touchpoint does not redraw the whole
 * map. The overview is Mermaid's drawing, by far the slowest part: it is redrawn only when its
 * text or colours changed, and after the rest of the map is on screen, so an edit shows at once
 * in the grid and the overview follows; a drawing overtaken by a newer edit is dropped.
 */
import type { JourneyView } from '../model/view-model.js';
import type { GridGeometry } from '../render/grid-geometry.js';
import { GridCellMemo, journeyParts, rowMarkup, type GridMarkup, type GridRow, type MapOptions } from '../render/journey-map.js';
import type { Markup } from '../render/markup.js';
import { journeyMessages } from '../render/languages.js';
import type { Messages } from '../render/messages.js';
import { timelineMermaid } from '../render/mermaid.js';
import { annotateTimeline, drawMermaid, timelineConfig } from './overview.js';
import type { DrawTheme } from './theme.js';

export interface SectionContext {
    messages: Messages;
    theme: DrawTheme;
    geometry: (journey: JourneyView) => GridGeometry;
    personaOrder: readonly string[];
    /** Personas to show; all when absent. */
    personas?: readonly string[];
    problems?: MapOptions['problems'];
    /** Whether the overview band is shown (the reader can fold it away in a narrow panel). */
    overview: boolean;
    /** Where each picture is loaded from. */
    images?: MapOptions['images'];
}

/** The overview could not be drawn: the section keeps its previous drawing and says why. */
export class DiagramError extends Error {
    constructor(cause: unknown) {
        super(`The overview timeline could not be drawn: ${cause instanceof Error ? cause.message : String(cause)}`);
    }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
    const created = document.createElement(tag);
    created.className = className;
    return created;
}

function setAttributeIfChanged(target: Element, name: string, value: string): void {
    if (target.getAttribute(name) !== value) target.setAttribute(name, value);
}

function rowsFrom(markup: string): HTMLTableRowElement[] {
    const template = document.createElement('template');
    template.innerHTML = `<table><tbody>${markup}</tbody></table>`;
    return Array.from(template.content.querySelectorAll('tbody > tr'));
}

export class JourneySection {
    readonly element = element('section', 'journey');
    private readonly header = element('div', 'journey-header-slot');
    private readonly overview = element('figure', 'overview');
    private readonly overviewCaption = element('figcaption', 'overview-caption');
    private readonly overviewProblem = element('p', 'diagram-problem');
    private readonly overviewCanvas = element('div', 'overview-canvas');
    private readonly grid = element('div', 'journey-grid-slot');
    private readonly plan = element('div', 'journey-plan-slot');
    /** What is on the page, kept to compare the next update's markup with. */
    private markup = { header: '', gridHead: '', rows: [] as GridRow[], gridEmpty: '', plan: '' };
    /** The grid cells of the last update: a stage that did not change is not drawn again. */
    private readonly cells = new GridCellMemo();
    private overviewKey: string | undefined;
    /** Bumped per update: an overview drawing for an older one is not put on the page. */
    private generation = 0;
    /** Settles when the overview of the latest update is drawn (or failed, which the figure then says). */
    overviewDrawn: Promise<void> = Promise.resolve();

    constructor(key: string) {
        this.element.setAttribute('data-journey', key);
        this.overviewProblem.hidden = true;
        this.overview.append(this.overviewCaption, this.overviewProblem, this.overviewCanvas);
        this.element.append(this.header, this.overview, this.grid, this.plan);
    }

    /** The grid's table, for measuring its sticky row and column. */
    get table(): HTMLTableElement | null {
        return this.grid.querySelector('table');
    }

    /** Brings the header, grid and plan up to date at once; the overview follows (see `overviewDrawn`). */
    update(journey: JourneyView, around: SectionContext): void {
        // The journey's own `language` wins; the section says which, so a screen reader reads its words in it.
        const context = { ...around, messages: journeyMessages(journey, around.messages) };
        // Set only when they change: setting `lang`, even to the value it has, makes Chromium restyle and
        // lay out the whole section (over 100 ms for a 1,000-touchpoint map).
        setAttributeIfChanged(this.element, 'aria-label', journey.title);
        setAttributeIfChanged(this.element, 'lang', context.messages.locale);
        const options: MapOptions = {
            messages: context.messages,
            geometry: context.geometry(journey),
            personaOrder: context.personaOrder,
            personas: context.personas,
            problems: context.problems,
            collapsePersonas: true,
            cells: this.cells,
            images: context.images
        };
        const parts = journeyParts(journey, options);
        this.replace(this.header, 'header', parts.header);
        this.patchGrid(parts.grid);
        this.replace(this.plan, 'plan', parts.plan);
        const generation = ++this.generation;
        this.overviewDrawn = this.drawOverview(journey, context, generation);
    }

    private replace(slot: HTMLElement, part: 'header' | 'plan', markup: Markup): void {
        if (this.markup[part] === markup.value) return;
        slot.innerHTML = markup.value;
        this.markup[part] = markup.value;
    }

    /**
     * Replaces the cells whose markup changed; a whole row when its cells are not the same ones, the
     * whole table only when its columns or stage row changed. Typing in one touchpoint changes a cell
     * or two, and only those are parsed, styled and laid out anew.
     */
    private patchGrid(grid: GridMarkup): void {
        if (grid.empty) {
            if (this.markup.gridEmpty !== grid.empty.value) this.grid.innerHTML = grid.empty.value;
            this.markup = { ...this.markup, gridEmpty: grid.empty.value, gridHead: '', rows: [] };
            return;
        }
        const rows = grid.rows;
        const table = this.table;
        if (!table || this.markup.gridHead !== grid.head.value || this.markup.gridEmpty) {
            this.grid.innerHTML = `${grid.head.value}<tbody>${rows.map(row => rowMarkup(row).value).join('')}</tbody></table>`;
        } else {
            const body = table.tBodies[0];
            const sameLanes = rows.length === this.markup.rows.length && rows.every((row, i) => row.lane === this.markup.rows[i].lane);
            if (!sameLanes) {
                body.replaceChildren(...rowsFrom(rows.map(row => rowMarkup(row).value).join('')));
            } else {
                rows.forEach((row, i) => {
                    const drawn = this.markup.rows[i];
                    if (row.open.value !== drawn.open.value || row.cells.length !== drawn.cells.length) {
                        body.rows[i].replaceWith(...rowsFrom(rowMarkup(row).value));
                        return;
                    }
                    const changed = row.cells.flatMap((cell, c) => cell.value !== drawn.cells[c].value ? [c] : []);
                    if (changed.length === 0) return;
                    // Parsed together, in a row of their own, so each cell is read as a table cell.
                    const fresh = Array.from(rowsFrom(`<tr>${changed.map(c => row.cells[c].value).join('')}</tr>`)[0].cells);
                    const cells = Array.from(body.rows[i].cells);
                    changed.forEach((c, k) => cells[c].replaceWith(fresh[k]));
                });
            }
        }
        this.markup = { ...this.markup, gridHead: grid.head.value, rows, gridEmpty: '' };
    }

    private async drawOverview(journey: JourneyView, context: SectionContext, generation: number): Promise<void> {
        this.overview.hidden = !context.overview || journey.stages.length === 0;
        this.overviewCaption.textContent = context.messages.t('overview.caption');
        if (this.overview.hidden) return;
        const text = timelineMermaid(journey, { messages: context.messages });
        const config = timelineConfig(context.theme);
        const key = JSON.stringify(config) + text;
        if (key !== this.overviewKey) {
            // Let the browser paint the grid first.
            await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
            if (generation !== this.generation) return;
            try {
                const svg = await drawMermaid(text, config);
                if (generation !== this.generation) return;
                this.overviewCanvas.innerHTML = svg;
                this.overviewKey = key;
                this.overviewProblem.hidden = true;
            } catch (error) {
                if (generation !== this.generation) return;
                const failure = new DiagramError(error);
                this.overviewProblem.textContent = this.overviewCanvas.querySelector('svg') ? `${failure.message} Showing the previous drawing.` : failure.message;
                this.overviewProblem.hidden = false;
                throw failure;
            }
        }
        // Source ranges move with every edit above them, even when the drawing stays the same.
        const svg = this.overviewCanvas.querySelector('svg');
        if (svg) annotateTimeline(svg, journey, context.theme, context.messages);
    }
}
