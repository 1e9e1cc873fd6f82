/**
 * Hostile text a writer can put between quotes, shared by the tests that check it stays text: in the
 * view model (injection.test.ts), in hover cards and completion documentation, and in what the CLI prints.
 * Each entry: what it is, the quoted literal as written in a .journey file, and the text it stands for.
 */
export const QUOTED_INJECTIONS: ReadonlyArray<readonly [what: string, literal: string, value: string]> = [
    ['escaped double quotes', String.raw`"a \"quoted\" word"`, 'a "quoted" word'],
    ['escaped single quotes in single quotes', String.raw`'it\'s "fine"'`, `it's "fine"`],
    ['an escaped backslash', String.raw`"back\\slash"`, 'back\\slash'],
    ['an escaped backslash before a quote', String.raw`"ends with \\\""`, 'ends with \\"'],
    ['a line break and a tab', String.raw`"line\nbreak\tand tab"`, 'line\nbreak\tand tab'],
    ['an escaped backslash before n is not a line break', String.raw`"not a \\n break"`, 'not a \\n break'],
    ['backslashes that escape nothing', String.raw`"C:\Users\Ann and 50\50, \d+ \u0041 \b \0"`, 'C:\\Users\\Ann and 50\\50, \\d+ \\u0041 \\b \\0'],
    ['a Mermaid init directive', String.raw`"%%{init: {\"theme\": \"dark\", \"securityLevel\": \"loose\"}}%%"`, '%%{init: {"theme": "dark", "securityLevel": "loose"}}%%'],
    ['Mermaid syntax', '"A-->B; click A call alert(1); classDef x fill:#f00"', 'A-->B; click A call alert(1); classDef x fill:#f00'],
    ['a script tag', `"<script>alert('x')</script>"`, "<script>alert('x')</script>"],
    ['HTML with an event handler', '"<img src=x onerror=alert(1)>"', '<img src=x onerror=alert(1)>'],
    ['HTML entities, not decoded', '"&lt;b&gt; &amp; &#0; &quot;"', '&lt;b&gt; &amp; &#0; &quot;'],
    ['template and snippet syntax', '"${1:Name} {{x}} `code` $(icon)"', '${1:Name} {{x}} `code` $(icon)'],
    ['Markdown', '"**bold** [link](command:workbench.action.quit) | table |"', '**bold** [link](command:workbench.action.quit) | table |'],
    ['prototype keys', '"__proto__ constructor toString"', '__proto__ constructor toString'],
    ['emoji and joiners', '"😀 👨‍👩‍👧 🏳️‍🌈"', '😀 👨‍👩‍👧 🏳️‍🌈'],
    ['Arabic, right to left', '"ابحث عن مكنسة"', 'ابحث عن مكنسة'],
    ['Hebrew with a direction override', '"שלום \u202Eolleh\u202C"', 'שלום \u202Eolleh\u202C'],
    ['control characters typed raw', '"nul\u0000 bell\u0007 escape\u001b[31m"', 'nul\u0000 bell\u0007 escape\u001b[31m'],
    ['an empty label', '""', ''],
    ['a remote image', '"![x](https://tracker.example/t.png)"', '![x](https://tracker.example/t.png)'],
    ['a link with other text', '"[Open the report](https://phish.example/login)"', '[Open the report](https://phish.example/login)'],
    ['an autolink and a reference-style image', '"<https://tracker.example/a> ![y][ref]\\n[ref]: https://tracker.example/b.png"', '<https://tracker.example/a> ![y][ref]\n[ref]: https://tracker.example/b.png'],
    ['bold HTML', '"<b>bold</b> <img src=\\"https://tracker.example/i.png\\">"', '<b>bold</b> <img src="https://tracker.example/i.png">'],
    ['three backticks', '"```\\nswallows the rest"', '```\nswallows the rest'],
    ['a VS Code theme icon and a command link', '"$(zap) [run](command:workbench.action.quit)"', '$(zap) [run](command:workbench.action.quit)'],
    ['a heading, a list and a table after a line break', '"x\\n# Heading\\n- item\\n| a | b |"', 'x\n# Heading\n- item\n| a | b |'],
    ['terminal escapes', '"\u001b]0;title\u0007 \u001b[2J \u001b[8mhidden\u001b[0m"', '\u001b]0;title\u0007 \u001b[2J \u001b[8mhidden\u001b[0m']
];
