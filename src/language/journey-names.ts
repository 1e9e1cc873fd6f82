/** Which words can be names, and spelling help for names: "did you mean X?" for references that resolve to nothing. */
import { GrammarAST } from 'langium';
import { JourneyMapGrammar } from './generated/grammar.js';

/** Longer names are not typed by hand, so they get no spelling suggestion (and no quadratic comparison). */
const MAX_SUGGESTED_LENGTH = 100;

/** Rows of the distance table, reused: a large workspace compares each unknown name with thousands of known ones. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Edit distance with adjacent transpositions (Damerau-Levenshtein, optimal string alignment).
 * Stops early once the distance must exceed `limit`, and then returns `limit + 1`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    if (rows[0].length <= b.length) rows = rows.map(() => new Int32Array(2 * (b.length + 1)));
    let [twoBack, previous, current] = rows;
    for (let j = 0; j <= b.length; j++) previous[j] = j;
    let previousMin = 0;
    for (let i = 1; i <= a.length; i++) {
        current[0] = i;
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, twoBack[j - 2] + 1);
            current[j] = d;
            rowMin = Math.min(rowMin, d);
        }
        // Every later cell derives from this row or the one before it.
        if (rowMin > limit && previousMin > limit) return limit + 1;
        previousMin = rowMin;
        [twoBack, previous, current] = [previous, current, twoBack];
    }
    return previous[b.length];
}

/**
 * The known name closest to a misspelt one, if it is close enough to be a typo:
 * same name in another case, or at most a third of the letters different.
 */
export function closestName(unknown: string, candidates: Iterable<string>): string | undefined {
    if (unknown.length > MAX_SUGGESTED_LENGTH) return undefined;
    const lower = unknown.toLowerCase();
    const allowed = Math.max(1, Math.floor(Math.max(unknown.length, 3) / 3));
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
        if (candidate === unknown) continue;
        const distance = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase(), Math.min(allowed, bestDistance));
        if (distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best !== undefined && bestDistance <= allowed ? best : undefined;
}

/** The keywords a grammar rule admits directly as one of its alternatives. */
function keywordsOf(ruleName: string): ReadonlySet<string> {
    const rule = JourneyMapGrammar().rules.find(candidate => candidate.name === ruleName);
    const alternatives = rule && GrammarAST.isParserRule(rule) && GrammarAST.isAlternatives(rule.definition) ? rule.definition.elements : [];
    return new Set(alternatives.filter(GrammarAST.isKeyword).map(keyword => keyword.value));
}

/** Keywords that may also be names (`stage support`), read from the grammar's Name rule. */
export const KEYWORDS_AS_NAMES = keywordsOf('Name');

/**
 * Keywords that open a block (`stage`, `persona`, ...). A declaration reads them as its name so that one
 * error can say what to do, but nothing could refer to it (see DeclaredName in the grammar).
 */
export const BLOCK_KEYWORDS = keywordsOf('DeclaredName');

/** The word with its first letter in upper case: no keyword is, so it makes a name of a keyword. */
export function capitalized(word: string): string {
    return word.charAt(0).toUpperCase() + word.slice(1);
}
