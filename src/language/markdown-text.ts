/**
 * User text inside Markdown: the hover cards and completion documentation the language server sends,
 * and the reports and diffs the CLI writes for pull requests. A label is data, and maps arrive from
 * people nobody vetted: `![x](https://host/t.png)` in a hover made the editor fetch that picture.
 * Every character with a meaning in Markdown (CommonMark, GitHub's tables, VS Code's `$(icon)`) is
 * escaped with a backslash, the way VS Code's MarkdownString.appendText does, so the text shows as
 * written and can start no link, image, HTML tag, entity, code span or table cell. So is `:`, which
 * keeps a bare URL from becoming a link, whose text would show the other escapes. Line breaks become
 * spaces: the text sits inside a line, where a new line could start a heading or a list.
 */
export function markdownText(text: string): string {
    return text
        .replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, ' ')
        .replace(/[\\`*_{}[\]()#+\-.!|<>&~$:]/g, '\\$&')
        .trim();
}

/**
 * Text shown as code, such as a file name: in a code span nothing is escaped, so the span's fence is
 * one backtick longer than any run of backticks in the text.
 */
export function markdownCode(text: string): string {
    const oneLine = text.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, ' ');
    const fence = '`'.repeat(Math.max(0, ...(oneLine.match(/`+/g) ?? []).map(run => run.length)) + 1);
    const pad = /^[` ]|[` ]$/.test(oneLine) ? ' ' : '';
    return `${fence}${pad}${oneLine}${pad}${fence}`;
}
