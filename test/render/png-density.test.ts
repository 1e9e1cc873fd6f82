import { describe, expect, test } from 'vitest';
import { densityNote, MAX_CANVAS_AREA, MAX_CANVAS_SIDE, PNG_MAX_PIXELS, pngScale } from '../../src/render/png-density.js';

describe('the density of a PNG', () => {
    test('a map that fits is drawn at twice its size', () => {
        expect(pngScale(1200, 800)).toBe(2);
        expect(densityNote({ scale: 2, width: 1200, height: 800 }, undefined)).toBeUndefined();
    });

    test('a larger map is drawn at the density that keeps it within 25 megapixels, and the user is told how to get 2×', () => {
        const scale = pngScale(2571, 3870);
        const pixels = Math.round(2571 * scale) * Math.round(3870 * scale);
        expect(pixels).toBeLessThanOrEqual(PNG_MAX_PIXELS + 5000);
        expect(pixels).toBeGreaterThan(PNG_MAX_PIXELS * 0.99);
        expect(densityNote({ scale, width: 2571, height: 3870 }, undefined))
            .toBe("PNG drawn at 1.59× the map's size (4075 × 6134 px) to stay within 25 megapixels, the most Google Slides and Docs take; --scale 2 draws it at 2× (40 megapixels).");
    });

    test('a density asked for is kept even past 25 megapixels, with nothing to say', () => {
        expect(pngScale(2571, 3870, 2)).toBe(2);
        expect(pngScale(2571, 3870, 3)).toBe(3);
        expect(densityNote({ scale: 3, width: 2571, height: 3870 }, 3)).toBeUndefined();
        expect(pngScale(300, 200, 0.5)).toBe(0.5);
    });

    test('no density passes what a canvas holds, and the note says that the canvas, not the slides, is the limit', () => {
        const wide = pngScale(20000, 1000, 2);
        expect(wide * 20000).toBeCloseTo(MAX_CANVAS_SIDE);
        const large = pngScale(9000, 9000, 4);
        expect(9000 * 9000 * large * large).toBeLessThanOrEqual(MAX_CANVAS_AREA * 1.0001);
        const note = densityNote({ scale: large, width: 9000, height: 9000 }, 4);
        expect(note).toMatch(/^PNG drawn at 1\.22× the map's size \(10954 × 10954 px\), not 4×: at 4× it would have 1296 megapixels, more than a browser's canvas holds \(120 megapixels, 16384 px a side\)\./);
        // A default held back by the canvas (not by the slides' limit) says the same.
        const side = pngScale(40000, 300);
        expect(densityNote({ scale: side, width: 40000, height: 300 }, undefined)).toContain("more than a browser's canvas holds");
    });
});
