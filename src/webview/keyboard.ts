/**
 * The map from the keyboard. Tab goes through the stages, touchpoints, emotion points, pain
 * points, opportunities and actions in reading order (the grid row by row, then the plan);
 * inside the grid the arrow keys move between items by where they are drawn (Left and Right
 * along a lane, across stages; Up and Down within a stage, lane by lane), reaching every item
 * that can be revealed, also those that are not Tab stops. Enter or Space reveals the focused
 * item in the editor; Escape goes back to the editor.
 */
const ITEM = '[data-range]';

function centre(element: Element): { x: number; y: number } {
    const box = element.getBoundingClientRect();
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
}

/** The closest of `candidates` to `from` in the direction of the key, or undefined at the edge. */
function nearest(from: Element, candidates: Element[], key: string): HTMLElement | undefined {
    const here = centre(from);
    let best: { element: Element; score: number } | undefined;
    for (const candidate of candidates) {
        if (candidate === from) continue;
        const there = centre(candidate);
        const dx = there.x - here.x;
        const dy = there.y - here.y;
        const ahead = key === 'ArrowRight' ? dx > 1 : key === 'ArrowLeft' ? dx < -1 : key === 'ArrowDown' ? dy > 1 : dy < -1;
        if (!ahead) continue;
        // Along the direction of travel distance counts once; sideways it counts thrice, so the path stays in its lane or column.
        const along = key === 'ArrowRight' || key === 'ArrowLeft' ? Math.abs(dx) : Math.abs(dy);
        const across = key === 'ArrowRight' || key === 'ArrowLeft' ? Math.abs(dy) : Math.abs(dx);
        const score = along + 3 * across;
        if (!best || score < best.score) best = { element: candidate, score };
    }
    return best?.element as HTMLElement | undefined;
}

/** The item an arrow key leads to from `from`, or undefined at the edge of the grid. */
export function neighbour(from: HTMLElement, key: string): HTMLElement | undefined {
    const row = from.closest('tr');
    const table = from.closest('table');
    if (!row || !table) return undefined;
    if (key === 'ArrowLeft' || key === 'ArrowRight') return nearest(from, Array.from(row.querySelectorAll(ITEM)), key);
    // Up and Down stay in the stage's column: its cell in every lane.
    const cell = from.closest('td, th') as HTMLTableCellElement;
    const column = Array.from(table.rows).flatMap(r => Array.from(r.cells[cell.cellIndex]?.querySelectorAll(ITEM) ?? []));
    return nearest(from, column, key);
}

export interface KeyboardActions {
    reveal(element: Element): boolean;
    backToEditor(): void;
}

export function wireKeyboard(container: HTMLElement, actions: KeyboardActions): void {
    container.addEventListener('keydown', event => {
        const target = event.target as HTMLElement;
        if (event.key === 'Enter' || event.key === ' ') {
            if (target.matches(ITEM) && actions.reveal(target)) event.preventDefault();
            return;
        }
        if (event.key.startsWith('Arrow') && target.matches(ITEM) && target.closest('table.map-grid')) {
            const next = neighbour(target, event.key);
            if (next) {
                event.preventDefault();
                next.focus();
                next.scrollIntoView({ block: 'nearest', inline: 'nearest' });
            }
        }
    });
    // Anywhere in the preview, Escape hands the keyboard back to the editor it shows.
    window.addEventListener('keydown', event => {
        if (event.key === 'Escape' && !event.defaultPrevented) actions.backToEditor();
    });
}
