/** Spelling help for names: "did you mean X?" for references that resolve to nothing. */

/** Edit distance with adjacent transpositions (Damerau-Levenshtein, optimal string alignment). */
export function editDistance(a: string, b: string): number {
    const rows = a.length + 1;
    const cols = b.length + 1;
    const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i < rows; i++) {
        for (let j = 1; j < cols; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
                d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.length][b.length];
}

/**
 * The known name closest to a misspelt one, if it is close enough to be a typo:
 * same name in another case, or at most a third of the letters different.
 */
export function closestName(unknown: string, candidates: Iterable<string>): string | undefined {
    const lower = unknown.toLowerCase();
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        if (candidate === unknown) continue;
        const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    const allowed = Math.max(1, Math.floor(Math.max(unknown.length, 3) / 3));
    return best !== undefined && bestDistance <= allowed ? best : undefined;
}
