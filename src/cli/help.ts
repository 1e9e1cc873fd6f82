/** The help text of every command: what it does, its options, an example, and its exit codes. */
import { LANGUAGES } from '../render/languages.js';

export const COMMANDS = ['check', 'render', 'report', 'diff', 'import'] as const;
export type CommandName = typeof COMMANDS[number];

const EXIT_CODES = `Exit codes:
  0  done, and no input has errors
  1  an input has errors (check --strict: or warnings)
  2  the command could not run: bad options, missing or unreadable files, no browser`;

/** The languages are listed from the catalogs, so a new catalog is in the help without editing it. */
const LANGUAGE_LIST = LANGUAGES.map(l => l.tag).join(', ');

const CONTEXT = `References to personas, channels and journeys in other files resolve against the
other .journey files in the same folder, and the folders given with --workspace.`;

export const MAIN_HELP = `journey: customer journey maps (.journey files) outside the editor

Usage: journey <command> [options]

Commands:
  check <files...>           Report errors and warnings, for CI
  render <files> [options]   Mermaid, Markdown, HTML, JSON, SVG, PNG or PDF of maps
  report <file>              Lowest moments, pain points, gaps, priorities, evidence
  report --portfolio <files...>
                             Every map's health in one table
  diff <old> <new>           What changed between two versions of a map,
                             or between a future state and its current state
  diff --git <rev> <file>    The file's changes since a git revision
  import <file.mmd|file.md>  Mermaid journey diagrams as a .journey map

Run 'journey <command> --help' for the options of a command.

Options:
  -h, --help                 Show help
  -v, --version              Show the version

${EXIT_CODES}
`;

export const COMMAND_HELP: Record<CommandName, string> = {
    check: `Usage: journey check <files, folders or globs...> [options]

Parses and validates .journey files and prints every error, warning and info as
  file:line:column severity message
(--format json also lists the hints the editor offers as quick fixes).
A folder stands for every .journey file below it; quote globs so that every
shell passes them on: journey check 'maps/**/*.journey'

Options:
  --format text|json      Output format (default: text)
  --strict                Exit with 1 on warnings too, not only on errors
  --workspace <folder>    Also resolve references against the .journey files
                          below this folder (repeatable)
  --progress              Show progress on stderr even when it is not a terminal
  -h, --help              Show this help

${CONTEXT}

Example: journey check examples --strict

${EXIT_CODES}
`,
    render: `Usage: journey render <file> [--format <format>] [-o <output>] [options]
       journey render <files or globs>... --format <format> -o <folder>

Draws the journey map of one .journey file, or of several into a folder (one file
each, named after the map; one browser draws them all, which is much faster than one
call per map).

Formats:
  mermaid    Mermaid text of one diagram (see --diagram): paste it into any Mermaid tool
  mermaid-journey
             Mermaid's own journey diagram of the map: sections, tasks with a score
             from 1 to 5, actors; what it cannot hold is said in comments
             (journey import reads it back)
  markdown   Markdown with \`\`\`mermaid blocks and lane tables: GitHub renders it
  html       A self-contained page that looks like the preview: no scripts, no network
  json       The journey view model, for your own tools
  svg, png   The whole map as a picture (needs Chromium or Chrome); plain SVG that
             any SVG reader draws; PNG at twice the map's size, or less where that
             would pass 25 megapixels (the most Google Slides and Docs take)
  pdf        The whole map on one page, vector, with selectable text (needs Chromium)

Options:
  --format <format>       One of the above; default: from the -o file's extension,
                          else mermaid
  -o, --output <file>     Write to a file instead of stdout (needed for png)
  --diagram timeline|emotions
                          For --format mermaid: the stage timeline (default) or
                          a persona's emotional curve
  --persona <name>        For --diagram emotions: whose curve (default: the first
                          persona with scores)
  --journey <name>        For --format mermaid: the journey to draw when the file
                          has several (default: the first)
  --scale <n>             For --format png: the density, from 0.25 to 4 times the
                          map's size (default: 2, kept under 25 megapixels); a
                          density is kept within what a browser's canvas holds
  --language <tag>        Write the words the map adds (lane titles, badges,
                          notes), its dates and numbers in this language:
                          ${LANGUAGE_LIST} (default: en; sv-FI and no work too).
                          Another tag is named on stderr, and English is used.
                          A journey's own 'language <tag>' line wins
  --workspace <folder>    Also resolve references against the .journey files
                          below this folder (repeatable)
  -h, --help              Show this help

html, svg, png and pdf use Chromium: set JOURNEY_CHROMIUM=/path/to/chromium if it is
not on the PATH, or JOURNEY_CHROMIUM=none to never start one. Without a browser, html
still works, with the overview timeline as Mermaid text.

${CONTEXT}

Example: journey render examples/vacuum-current.journey -o vacuum.html

${EXIT_CODES}
`,
    report: `Usage: journey report <file> [--format text|markdown] [options]
       journey report --portfolio <files, folders or globs...> [options]

Analyses each journey in the file: the lowest emotional moments per persona, the
stages with the most pain points, stages without touchpoints, opportunities
ranked by impact and effort, which channels serve which stages, and what is
still only assumed rather than observed; values read from research data are
listed with their source and n. Where personas belong to segments, the curve
is also given per segment; --segment reports on one segment alone.

With --portfolio: one row per journey in all the files, worst first, with its
health: review date passed, unmapped stages, share of evidence still assumed,
pain points no opportunity addresses, actions past their due date, values that
drifted from research data, and errors and warnings. For a wiki page or a CI
summary; the table is in English.

Options:
  --format text|markdown  Output format (default: text)
                          (--portfolio: text|markdown|json)
  --portfolio             Every map's health instead of one map's analysis
  --segment <name>        Only the personas of this segment, the touchpoints
                          that involve them, and the KPIs for everyone, for
                          the segment or for one of its personas
  -o, --output <file>     Write to a file instead of stdout
  --language <tag>        Write the report's words and numbers in this
                          language: ${LANGUAGE_LIST} (default: en; sv-FI and
                          no work too). Another tag is named on stderr, and
                          English is used. A journey's own 'language <tag>'
                          line wins
  --workspace <folder>    Also resolve references against the .journey files
                          below this folder (repeatable)
  -h, --help              Show this help

Examples:
  journey report examples/vacuum-current.journey --format markdown
  journey report examples/vacuum-current.journey --language nb
  journey report examples/elavtal-nulage.journey --segment Villa
  journey report --portfolio 'maps/**/*.journey' --format markdown

${EXIT_CODES}
`,
    diff: `Usage: journey diff <old file> <new file> [options]
       journey diff --git <revision> <file> [options]

Compares two journey maps: two versions of one map, or a future state with the
current state it improves (stages matched by name or by 'matches'). Lists stages
and touchpoints added (+), removed (-) and changed (~), the emotion per stage and
persona, pain points resolved and new, opportunities and KPIs. Against the current
state it improves, a future state has delivered (✓) the opportunities its actions
take up or whose pain points it no longer has; only the others are removed.

With --git, the old version is the file as it was at the revision (git show
<revision>:<file>); the other files in its folder are read as they are now.

Options:
  --git <revision>        Compare with the file at this git revision (HEAD, main,
                          HEAD~3, a commit hash)
  --format text|markdown|json
                          Output format (default: text); markdown suits a pull
                          request, json a script
  -o, --output <file>     Write to a file instead of stdout
  --language <tag>        Write text and markdown in this language:
                          ${LANGUAGE_LIST} (default: en; sv-FI and no work too);
                          json stays the same, for scripts. Another tag is
                          named on stderr, and English is used. The new
                          version's 'language <tag>' line wins
  --workspace <folder>    Also resolve references against the .journey files
                          below this folder (repeatable)
  -h, --help              Show this help

On a terminal, added lines are green, removed red, changed yellow; NO_COLOR=1
turns colours off.

Examples:
  journey diff examples/vacuum-current.journey examples/vacuum-future.journey
  journey diff --git HEAD~1 examples/vacuum-current.journey --format markdown

${EXIT_CODES}
`,
    import: `Usage: journey import <file.mmd | file.md> [-o <map.journey>]

Turns Mermaid journey diagrams into a .journey map: from a .mmd file, or from every
\`\`\`mermaid block holding a journey in a Markdown file (one journey each). The title
becomes the journey's, sections become stages, tasks touchpoints, actors personas
(declared at the top of the map), and each task's score from 1 to 5 an emotion of each
of its actors on the -3..+3 scale: 1 \u2192 -3, 2 \u2192 -2, 3 \u2192 0, 4 \u2192 +2, 5 \u2192 +3
(the map says so in a comment). A diagram that cannot be read stops the import with its
line number, and nothing is written.

Options:
  -o, --output <file>     Write the map to this .journey file instead of stdout
  -h, --help              Show this help

Example: journey import README.md -o maps/onboarding.journey

The reverse: journey render map.journey --format mermaid-journey

${EXIT_CODES}
`
};
