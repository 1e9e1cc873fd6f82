/**
 * The scrolling, zoomable area the map sits in: zoom (buttons, Ctrl+scroll), panning by dragging
 * the background, and the sizes the map needs from it: the visible width (header and plan wrap
 * inside it) and the height of the sticky stage row and width of the sticky lane names (so
 * what is scrolled into view is not hidden under them).
 */
export const MIN_ZOOM = 0.25;
export const MAX_ZOOM = 3;
const ZOOM_STEP = 1.2;
/** Movement (px) after which a press on the map is a pan, not a click. */
const PAN_THRESHOLD = 4;

export class Viewport {
    readonly element = document.createElement('div');
    readonly map = document.createElement('div');
    private currentZoom = 1;
    private suppressClick = false;

    constructor(private readonly onZoom: (zoom: number) => void, private readonly onResize: () => void) {
        this.element.className = 'viewport';
        this.map.className = 'map';
        this.element.append(this.map);
        new ResizeObserver(() => {
            this.updatePanelWidth();
            this.onResize();
        }).observe(this.element);
        this.wirePanning();
        this.element.addEventListener('wheel', event => {
            if (!event.ctrlKey) return;
            event.preventDefault();
            this.zoomBy(event.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP);
        }, { passive: false });
    }

    get zoom(): number {
        return this.currentZoom;
    }

    /** The width the map's content may take without scrolling sideways, in the map's own (unzoomed) pixels. */
    get availableWidth(): number {
        const style = getComputedStyle(this.map);
        const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
        return Math.max(0, Math.floor(this.element.clientWidth / this.currentZoom - padding));
    }

    /** True when a click should be ignored because it ended a pan. */
    takeSuppressedClick(): boolean {
        const suppressed = this.suppressClick;
        this.suppressClick = false;
        return suppressed;
    }

    setZoom(zoom: number): void {
        this.currentZoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));
        this.map.style.zoom = String(this.currentZoom);
        this.updatePanelWidth();
        this.onZoom(this.currentZoom);
    }

    zoomBy(factor: number): void {
        this.setZoom(this.currentZoom * factor);
    }

    /** How far the sticky stage row and lane names reach into the viewport, so scrolling keeps targets clear of them. */
    setStickyInsets(top: number, left: number): void {
        this.element.style.setProperty('--sticky-top', `${Math.ceil(top * this.currentZoom) + 4}px`);
        this.element.style.setProperty('--sticky-left', `${Math.ceil(left * this.currentZoom) + 4}px`);
    }

    private updatePanelWidth(): void {
        const available = this.availableWidth;
        if (available > 0) this.map.style.setProperty('--journey-panel-width', `${available}px`);
    }

    private wirePanning(): void {
        let press: { x: number; y: number; left: number; top: number; panning: boolean } | undefined;
        this.element.addEventListener('pointerdown', event => {
            const target = event.target as Element;
            // Drag from the background (or anywhere with the middle button) pans; text on cards stays selectable.
            if (event.button === 1 || (event.button === 0 && !target.closest('[data-range], button, input, label, select, summary, a, .card, p, li, dd, th'))) {
                press = { x: event.clientX, y: event.clientY, left: this.element.scrollLeft, top: this.element.scrollTop, panning: false };
            }
        });
        window.addEventListener('pointermove', event => {
            if (!press) return;
            const dx = event.clientX - press.x;
            const dy = event.clientY - press.y;
            if (!press.panning && Math.hypot(dx, dy) < PAN_THRESHOLD) return;
            press.panning = true;
            this.element.classList.add('panning');
            this.element.scrollLeft = press.left - dx;
            this.element.scrollTop = press.top - dy;
        });
        window.addEventListener('pointerup', () => {
            this.suppressClick = press?.panning ?? false;
            press = undefined;
            this.element.classList.remove('panning');
        });
    }
}
