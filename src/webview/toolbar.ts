/**
 * The preview's toolbar: zoom, "Fit width" (the summary of the map, sized to the panel), the
 * overview band on or off, which personas' curves to draw, and the Export menu. Words here are
 * the extension's own, in English; the map itself speaks the journey's language.
 */
import type { ExportFormat } from '../protocol.js';
import { markerIcon } from '../render/emotion-lane.js';

export interface ToolbarActions {
    zoomIn(): void;
    zoomOut(): void;
    actualSize(): void;
    fitWidth(): void;
    toggleOverview(): void;
    personasChanged(checked: string[] | undefined): void;
    segmentChanged(segment: string | undefined): void;
    export(format: ExportFormat): void;
}

const EXPORTS: Array<{ format: ExportFormat; label: string; title: string }> = [
    { format: 'svg', label: 'SVG picture', title: 'Save the map as an SVG picture (opens in browsers, Inkscape, Figma, slides)' },
    { format: 'png', label: 'PNG picture', title: 'Save the map as a PNG picture at twice the screen\u2019s pixel density' },
    { format: 'pdf', label: 'PDF document', title: 'Save the map as a one-page PDF with selectable text, for printing' },
    { format: 'html', label: 'HTML page', title: 'Save the map as a self-contained HTML page' },
    { format: 'mermaid', label: 'Mermaid text', title: 'Copy the timeline and emotional curves as Mermaid text' }
];

function button(label: string, title: string, action: () => void, ariaLabel?: string): HTMLButtonElement {
    const created = document.createElement('button');
    created.className = 'toolbar-button';
    created.type = 'button';
    created.textContent = label;
    created.title = title;
    if (ariaLabel) created.setAttribute('aria-label', ariaLabel);
    created.addEventListener('click', action);
    return created;
}

export class Toolbar {
    readonly element = document.createElement('div');
    private readonly zoomLabel = document.createElement('span');
    private readonly fitButton: HTMLButtonElement;
    private readonly overviewButton: HTMLButtonElement;
    private readonly personaFilter = document.createElement('div');
    private readonly segmentFilter = document.createElement('label');
    private segmentSignature = '';
    private readonly exportMenu = document.createElement('details');
    private personaSignature = '';

    constructor(private readonly actions: ToolbarActions) {
        this.element.className = 'toolbar';
        this.element.setAttribute('role', 'toolbar');
        this.element.setAttribute('aria-label', 'Journey map preview');
        this.zoomLabel.className = 'zoom-label';
        this.zoomLabel.setAttribute('aria-live', 'polite');
        const zoom = document.createElement('div');
        zoom.className = 'toolbar-group';
        this.fitButton = button('Fit width', 'Show a summary of the map (stages and emotion curves) that fits the width of the panel', () => actions.fitWidth());
        this.overviewButton = button('Overview', 'Show or hide the timeline of stages and touchpoints above the grid', () => actions.toggleOverview());
        zoom.append(
            button('\u2212', 'Zoom out (Ctrl+scroll)', () => actions.zoomOut(), 'Zoom out'),
            this.zoomLabel,
            button('+', 'Zoom in (Ctrl+scroll)', () => actions.zoomIn(), 'Zoom in'),
            button('100%', 'Actual size, full detail', () => actions.actualSize()),
            this.fitButton,
            this.overviewButton
        );
        this.personaFilter.className = 'persona-filter';
        this.segmentFilter.className = 'segment-filter';
        this.segmentFilter.hidden = true;
        this.buildExportMenu();
        this.element.append(zoom, this.segmentFilter, this.personaFilter, this.exportMenu);
    }

    showZoom(zoom: number, summary: boolean): void {
        this.zoomLabel.textContent = `${Math.round(zoom * 100)}%`;
        this.fitButton.setAttribute('aria-pressed', String(summary));
    }

    showOverview(shown: boolean): void {
        this.overviewButton.setAttribute('aria-pressed', String(shown));
    }

    /** Rebuilt only when the personas change: the ticks themselves already show the filter. */
    showPersonas(personas: Array<{ id: string; label: string }>, order: readonly string[], checked: readonly string[] | undefined): void {
        const signature = JSON.stringify([personas, order]);
        if (signature === this.personaSignature) return;
        this.personaSignature = signature;
        this.personaFilter.replaceChildren();
        if (personas.length < 2) return;
        const label = document.createElement('span');
        label.className = 'toolbar-label';
        label.textContent = 'Curves';
        this.personaFilter.append(label);
        for (const persona of personas) {
            const toggle = document.createElement('label');
            toggle.className = 'persona-toggle';
            const box = document.createElement('input');
            box.type = 'checkbox';
            box.value = persona.id;
            box.checked = !checked || checked.includes(persona.id);
            box.addEventListener('change', () => {
                const boxes = Array.from(this.personaFilter.querySelectorAll<HTMLInputElement>('input[type=checkbox]'));
                const ticked = boxes.filter(b => b.checked).map(b => b.value);
                this.actions.personasChanged(ticked.length === boxes.length ? undefined : ticked);
            });
            const icon = document.createElement('span');
            icon.innerHTML = markerIcon(persona.id, order, 12).value;
            toggle.append(box, icon, document.createTextNode(persona.label));
            this.personaFilter.append(toggle);
        }
    }

    /**
     * The segments the maps' personas belong to, to draw one alone: its personas, the touchpoints
     * that involve them and its KPIs. Hidden when no persona names a segment.
     */
    showSegments(segments: Array<{ id: string; label: string }>, chosen: string | undefined): void {
        const signature = JSON.stringify([segments, chosen]);
        if (signature === this.segmentSignature) return;
        this.segmentSignature = signature;
        this.segmentFilter.replaceChildren();
        this.segmentFilter.hidden = segments.length === 0;
        if (segments.length === 0) return;
        const label = document.createElement('span');
        label.className = 'toolbar-label';
        label.textContent = 'Segment';
        const select = document.createElement('select');
        select.className = 'toolbar-select';
        select.title = 'Draw the map as one segment lives it: its personas, the touchpoints that involve them, its KPIs';
        select.append(new Option('All segments', ''), ...segments.map(segment => new Option(segment.label, segment.id, false, segment.id === chosen)));
        select.addEventListener('change', () => this.actions.segmentChanged(select.value || undefined));
        this.segmentFilter.append(label, select);
    }

    private buildExportMenu(): void {
        this.exportMenu.className = 'toolbar-exports export-menu';
        const summary = document.createElement('summary');
        summary.className = 'toolbar-button';
        summary.textContent = 'Export';
        summary.title = 'Save or copy the map';
        const list = document.createElement('div');
        list.className = 'export-menu-items';
        for (const item of EXPORTS) {
            list.append(button(item.label, item.title, () => {
                this.exportMenu.open = false;
                this.actions.export(item.format);
            }));
        }
        this.exportMenu.append(summary, list);
        this.exportMenu.addEventListener('keydown', event => {
            if (event.key === 'Escape' && this.exportMenu.open) {
                event.stopPropagation();
                this.exportMenu.open = false;
                summary.focus();
            }
        });
    }
}
