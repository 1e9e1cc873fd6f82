/**
 * Following the editor's cursor. When the cursor is in a stage, the preview brings that
 * stage's column into view beside the lane names and scrolls the grid up to its first lane,
 * so the stage's touchpoints, emotion points and pain points share the screen; within a
 * stage already in view it only makes sure the element under the cursor is visible.
 */

/** The stage column and grid of an element, when it is in a grid. */
function gridPlace(element: Element): { table: HTMLTableElement; column: number } | undefined {
    const cell = element.closest('td, th') as HTMLTableCellElement | null;
    const table = element.closest('table.map-grid') as HTMLTableElement | null;
    if (!cell || !table || cell.cellIndex < 1) return undefined;
    return { table, column: cell.cellIndex };
}

function fullyVisible(rect: DOMRect, left: number, top: number, right: number, bottom: number): boolean {
    return rect.left >= left - 1 && rect.right <= right + 1 && rect.top >= top - 1 && rect.bottom <= bottom + 1;
}

export function scrollToCursor(target: Element, viewport: HTMLElement): void {
    const place = gridPlace(target);
    if (!place) {
        target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        return;
    }
    const { table, column } = place;
    const frame = viewport.getBoundingClientRect();
    const head = table.tHead?.getBoundingClientRect();
    const laneNames = table.querySelector('th.corner')?.getBoundingClientRect();
    const stage = table.tHead?.rows[0]?.cells[column]?.getBoundingClientRect();
    const firstLane = table.tBodies[0]?.rows[0]?.getBoundingClientRect();
    if (!head || !laneNames || !stage || !firstLane) {
        target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        return;
    }
    // What the sticky stage row and lane names leave of the viewport.
    const left = frame.left + laneNames.width;
    const right = frame.left + viewport.clientWidth;
    const top = frame.top + head.height;
    const bottom = frame.top + viewport.clientHeight;
    const element = target.getBoundingClientRect();
    if (fullyVisible(element, left, top, right, bottom) && stage.left >= left - 1 && stage.right <= right + 1) return;

    // Sideways: the whole stage beside the lane names if it fits, else the element at the left edge.
    let dx = 0;
    if (stage.width <= right - left) dx = stage.left - left - 2;
    else if (element.left < left || element.right > right) dx = element.left - left - 8;
    // Down: the grid's first lane right under the stage row, if the element still shows then; else just the element.
    let dy = firstLane.top - top;
    if (element.bottom - dy > bottom) {
        dy = element.top < top ? element.top - top - 8 : element.bottom > bottom ? element.bottom - bottom + 8 : 0;
    }
    viewport.scrollBy({ left: dx, top: dy, behavior: 'instant' as ScrollBehavior });
}
