/**
 * How many pixels a PNG of the map gets: the same rule for the preview's Export menu and for
 * `journey render --format png`.
 */

/** Canvas limits of Chromium: past them a canvas encodes an empty picture. */
export const MAX_CANVAS_SIDE = 16384;
export const MAX_CANVAS_AREA = 120_000_000;
/** A PNG is drawn at twice the map's size, sharp on high-density screens and when zoomed into... */
export const PNG_SCALE = 2;
/**
 * ...unless that would make it larger than slides and documents take: Google Slides and Docs refuse
 * a picture over 25 megapixels. A density asked for explicitly (`--scale`) is not held to this.
 */
export const PNG_MAX_PIXELS = 25_000_000;

/** The largest density a canvas can hold a `width` × `height` picture at. */
function canvasLimit(width: number, height: number): number {
    return Math.min(MAX_CANVAS_SIDE / width, MAX_CANVAS_SIDE / height, Math.sqrt(MAX_CANVAS_AREA / (width * height)));
}

/**
 * The density a PNG of a `width` × `height` picture (CSS pixels) is drawn at: the one asked for,
 * or by default twice the map's size kept within `PNG_MAX_PIXELS`; either way within what a canvas holds.
 */
export function pngScale(width: number, height: number, requested?: number): number {
    const wanted = requested ?? Math.min(PNG_SCALE, Math.sqrt(PNG_MAX_PIXELS / (width * height)));
    return Math.min(wanted, canvasLimit(width, height));
}

/**
 * What to tell the user when a PNG was drawn at less than the density asked for (or the default
 * 2×), or nothing. `width` and `height` are the map's own size in CSS pixels.
 */
export function densityNote(png: { scale: number; width: number; height: number }, requested: number | undefined): string | undefined {
    const wanted = requested ?? PNG_SCALE;
    if (png.scale >= wanted - 0.005) return undefined;
    const size = `${Math.round(png.width * png.scale)} × ${Math.round(png.height * png.scale)} px`;
    const megapixels = Math.round(png.width * png.height * wanted * wanted / 1e6);
    const drawn = `PNG drawn at ${png.scale.toFixed(2)}× the map's size (${size})`;
    if (png.scale < canvasLimit(png.width, png.height) - 0.005) {
        return `${drawn} to stay within ${PNG_MAX_PIXELS / 1e6} megapixels, the most Google Slides and Docs take; `
            + `--scale ${wanted} draws it at ${wanted}× (${megapixels} megapixels).`;
    }
    return `${drawn}, not ${wanted}×: at ${wanted}× it would have ${megapixels} megapixels, more than a browser's canvas holds `
        + `(${MAX_CANVAS_AREA / 1e6} megapixels, ${MAX_CANVAS_SIDE} px a side). --format svg or pdf stay sharp at any size.`;
}
