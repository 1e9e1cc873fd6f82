/**
 * Syntax errors in the writer's words: what was expected (a name, quoted text, a date, a number)
 * and what was found, with "did you mean" for a misspelt keyword.
 */
import type { ILexerErrorMessageProvider, IToken, TokenType } from 'chevrotain';
import { AstUtils, GrammarAST, LangiumParserErrorMessageProvider } from 'langium';
import { JourneyMapGrammar } from './generated/grammar.js';
import { BLOCK_KEYWORDS, capitalized, closestName, KEYWORDS_AS_NAMES } from './journey-names.js';
import { STAGE_NOTES } from './vocabulary.js';

const TOKEN_WORDS: Record<string, string> = {
    ID: 'a name (letters, digits and _, starting with a letter)',
    STRING: 'quoted text, like "Sees an ad"',
    NUMBER: 'a number',
    DATE: 'a date written YYYY-MM-DD',
    EOF: 'the end of the file'
};

/** Every keyword of the language, for spelling suggestions. */
const KEYWORDS = AstUtils.streamAllContents(JourneyMapGrammar()).filter(GrammarAST.isKeyword).map(k => k.value).filter(k => /^[a-z]/.test(k)).distinct().toArray();

export class JourneyParserErrorMessageProvider extends LangiumParserErrorMessageProvider {

    override buildMismatchTokenMessage({ expected, actual }: { expected: TokenType; actual: IToken }): string {
        return `Expected ${describe(expected)} but found ${found(actual)}.${keywordHint(actual)}${blockKeywordHint([expected], actual)}${dashHint(actual) || closingHint(expected, actual)}`;
    }

    override buildNotAllInputParsedMessage({ firstRedundant }: { firstRedundant: IToken }): string {
        return `Unexpected ${found(firstRedundant)} after the end of the last block. Remove it, or check for an extra '}' above.${keywordHint(firstRedundant)}`;
    }

    override buildNoViableAltMessage({ expectedPathsPerAlt, actual }: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[] }): string {
        const expected = withoutNameKeywords(expectedPathsPerAlt.flatMap(alt => alt.map(path => path[0])).filter(Boolean));
        const firsts = [...new Set(expected.map(describe))];
        return `Expected ${listOf(firsts)} but found ${found(actual[0])}.${keywordHint(actual[0])}${blockKeywordHint(expected, actual[0])}${dashHint(actual[0])}`;
    }

    override buildEarlyExitMessage({ expectedIterationPaths, actual }: { expectedIterationPaths: TokenType[][]; actual: IToken[] }): string {
        const firsts = [...new Set(withoutNameKeywords(expectedIterationPaths.map(path => path[0]).filter(Boolean)).map(describe))];
        return `Expected at least one of ${listOf(firsts)} but found ${found(actual[0])}.`;
    }
}

export class JourneyLexerErrorMessageProvider implements ILexerErrorMessageProvider {

    buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number): string {
        const text = fullText.substring(startOffset, startOffset + length);
        if (text.startsWith('"') || text.startsWith("'")) {
            return `This text has no closing ${text[0]} on its line. Close it with ${text[0]} (text in quotes stays on one line; write \\" for a quote inside).`;
        }
        // `at 26:50`: the number before the colon was read, the colon is left over.
        const written = /\d{1,2}$/.exec(fullText.slice(Math.max(0, startOffset - 2), startOffset))?.[0];
        const minutes = /^\d{2}/.exec(fullText.slice(startOffset + length, startOffset + length + 2))?.[0];
        if (text === ':' && written && minutes) {
            return `'${written}:${minutes}' is not a time of day. Write a time on the 24-hour clock, hours 00 to 23 and minutes 00 to 59, like 07:30 (or a span, 06:30-09:00).`;
        }
        return `Unexpected character '${text}'. Journey files use names, "quoted text", numbers, dates, times, { } and commas; put other characters inside quotes.`;
    }

    buildUnableToPopLexerModeMessage(token: IToken): string {
        return `Unexpected '${token.image}'.`;
    }
}

/** Where a name may stand, the keywords that may be names are part of "a name", not alternatives of their own. */
function withoutNameKeywords(types: TokenType[]): TokenType[] {
    if (!types.some(type => type.name === 'ID')) return types;
    return types.filter(type => !KEYWORDS_AS_NAMES.has(keywordOf(type)));
}

function keywordOf(type: TokenType): string {
    return type.name.endsWith(':KW') ? type.name.slice(0, -3) : type.name;
}

/** A keyword that opens a block, where a name should be: an unfinished line before it, or a thing named like the keyword. */
function blockKeywordHint(expected: TokenType[], actual: IToken | undefined): string {
    if (!actual || !BLOCK_KEYWORDS.has(actual.image) || !expected.some(type => type.name === 'ID')) return '';
    return ` '${actual.image}' opens a block, so it cannot be a name: finish the line before it, or rename what is called '${actual.image}' (to '${capitalized(actual.image)}', for example).`;
}

function describe(type: TokenType): string {
    if (TOKEN_WORDS[type.name]) return TOKEN_WORDS[type.name];
    return `'${keywordOf(type)}'`;
}

function found(token: IToken | undefined): string {
    if (!token || token.tokenType?.name === 'EOF') return 'the end of the file';
    return `'${token.image.length > 40 ? token.image.slice(0, 40) + '…' : token.image}'`;
}

function listOf(items: string[]): string {
    if (items.length <= 1) return items[0] ?? 'something else';
    const shown = items.slice(0, 8);
    return `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}${items.length > 8 ? ' (and more)' : ''}`;
}

/** A word that is almost a keyword is most likely a typo of it. */
function keywordHint(token: IToken | undefined): string {
    if (!token || !/^[a-zA-Z-]+$/.test(token.image) || KEYWORDS.includes(token.image)) return '';
    const keyword = closestName(token.image, KEYWORDS);
    return keyword ? ` Did you mean '${keyword}'?` : '';
}

/** A hyphen on its own is a span of time or a negative number written with spaces. */
function dashHint(actual: IToken | undefined): string {
    return actual?.image === '-' ? ' A span of time is written without spaces (at 06:30-09:00), and a negative number with its sign against it (-2).' : '';
}

const HEADER_KEYWORDS = ['kind', 'goal', 'scope', 'owner', 'review', 'personas', 'improves'];

function closingHint(expected: TokenType, actual: IToken): string {
    if (expected.name !== '}') return '';
    if (HEADER_KEYWORDS.includes(actual.image)) return ` Journey settings (${HEADER_KEYWORDS.join(', ')}) come first, before the first stage: move '${actual.image}' up.`;
    if (actual.image in STAGE_NOTES) return ` A '${actual.image}' is said of a stage as a whole, not of one touchpoint: move it into the stage, after this block's '}'.`;
    if (actual.image === 'gain') return ` A 'gain' belongs in a persona's empathy map: 'empathy <Persona> { gain "..." }'. In a stage or touchpoint, write what goes well with 'good "..."'.`;
    return " Every '{' needs a matching '}'; a misspelt keyword also ends the block here.";
}
