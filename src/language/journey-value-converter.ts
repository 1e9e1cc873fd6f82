/**
 * Quoted text as the writer meant it. Langium's default reads every backslash as an escape: `C:\Users`
 * became `C:Users`, `50\50` became `5050`, and `\b` or `\0` put control characters into labels. Here the
 * escapes are \" \' \\ \n (a line break) and \t (a tab); any other backslash stays as written.
 */
import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

const ESCAPES: Record<string, string> = { '"': '"', "'": "'", '\\': '\\', n: '\n', t: '\t' };

export class JourneyValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        return rule.name === 'STRING' ? unquote(input) : super.runConverter(rule, input, cstNode);
    }
}

/** The text between the quotes of a STRING token, with its escapes read once. */
export function unquote(token: string): string {
    return token.slice(1, -1).replace(/\\(.)/gs, (escape, char: string) => ESCAPES[char] ?? escape);
}
