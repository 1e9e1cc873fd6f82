/**
 * The TextMate grammar colours a file before the language server has started: every word the
 * grammar uses as a keyword must be in one of its keyword lists, so a keyword added to the grammar
 * without its colour fails here.
 */
import fs from 'node:fs';
import { AstUtils, GrammarAST } from 'langium';
import { describe, expect, test } from 'vitest';
import { JourneyMapGrammar } from '../../src/language/generated/grammar.js';

interface Pattern { match?: string; begin?: string; name?: string }
const textMate = JSON.parse(fs.readFileSync('syntaxes/journey.tmLanguage.json', 'utf8')) as { repository: Record<string, { patterns: Pattern[] }> };

/** TextMate's Oniguruma regular expression as JavaScript reads it: `\x{00C0}` is `\u{00C0}`. */
function regExp(source: string): RegExp {
    return new RegExp(source.replace(/\\x\{([0-9A-Fa-f]+)\}/g, '\\u{$1}'), 'u');
}

const grammarWords = [...new Set(AstUtils.streamAllContents(JourneyMapGrammar()).filter(GrammarAST.isKeyword).map(keyword => keyword.value)
    .filter(word => /^[a-z][a-z-]*$/.test(word)))].sort();

describe('the TextMate grammar', () => {
    test('knows the grammar has keywords', () => {
        expect(grammarWords).toEqual(expect.arrayContaining(['journey', 'stage', 'touchpoint', 'emotion', 'language', 'current-state']));
    });

    test.each(grammarWords)('colours the keyword %s', word => {
        const keywordPatterns = textMate.repository.keywords.patterns.map(p => regExp(p.match!));
        const found = keywordPatterns.some(pattern => pattern.exec(` ${word} `)?.[0].trim() === word);
        expect(found, `'${word}' is a keyword of language/journey.langium but no keyword pattern of syntaxes/journey.tmLanguage.json matches it`).toBe(true);
    });

    test('every pattern compiles as a regular expression', () => {
        for (const [name, { patterns }] of Object.entries(textMate.repository)) {
            for (const pattern of patterns) {
                for (const source of [pattern.match, pattern.begin].filter((s): s is string => s !== undefined)) {
                    expect(() => regExp(source), `${name}: ${source}`).not.toThrow();
                }
            }
        }
    });
});
