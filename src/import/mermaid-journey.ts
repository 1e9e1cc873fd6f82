/**
 * Mermaid's `journey` diagrams, the journey maps people already keep in READMEs and wikis, read
 * and turned into .journey text: the title becomes the journey's, sections become stages, tasks
 * touchpoints, actors personas, and each task's 1-5 score an emotion of each of its actors on
 * the -3..+3 scale (the mapping is written into the file as a comment). Pure: text in, text out,
 * for the CLI and the editor alike. Whatever cannot be read is an error naming its line, and
 * nothing is produced: never half a map.
 */
import { SCORE_TO_EMOTION } from '../render/mermaid.js';
import type { JourneyKeywordNames } from '../language/generated/ast.js';

export interface MermaidTask { label: string; score: number; actors: string[]; line: number }
export interface MermaidSection { label: string; tasks: MermaidTask[]; line: number }
export interface MermaidJourney {
    title?: string;
    sections: MermaidSection[];
    /** 1-based line in the text read, where the diagram starts. */
    line: number;
}

export class MermaidJourneyError extends Error {
    constructor(readonly line: number, message: string) {
        super(`line ${line}: ${message}`);
    }
}

/**
 * Parses one Mermaid journey diagram: its lines after the `journey` keyword. `firstLine` is the
 * line number of the keyword in the text the user has, so errors point into their file.
 */
export function parseMermaidJourney(text: string, firstLine = 1): MermaidJourney {
    const lines = text.split(/\r?\n/);
    const journey: MermaidJourney = { sections: [], line: firstLine };
    let started = false;
    let inDescription = false;
    lines.forEach((raw, index) => {
        const line = firstLine + index;
        // `%%` starts a comment in Mermaid, and so does `#` in the journey diagram's own lexer.
        const content = raw.replace(/%%.*$/, '').replace(/#.*$/, '').trim();
        if (inDescription) {
            if (content.includes('}')) inDescription = false;
            return;
        }
        if (!content) return;
        for (const statement of content.split(';').map(s => s.trim()).filter(Boolean)) {
            if (!started) {
                if (!/^journey$/i.test(statement)) throw new MermaidJourneyError(line, `a Mermaid journey starts with the word "journey", not "${statement.slice(0, 40)}".`);
                started = true;
                continue;
            }
            const title = /^title\s+(.+)$/i.exec(statement);
            if (title) { journey.title = title[1].trim(); continue; }
            if (/^acc(Title|Descr)\s*:/i.test(statement)) continue;
            if (/^accDescr\s*\{/i.test(statement)) { inDescription = !statement.includes('}'); continue; }
            const section = /^section\s+(.+)$/i.exec(statement);
            if (section) {
                journey.sections.push({ label: section[1].trim(), tasks: [], line });
                continue;
            }
            // A line of words is a task that lost its score: say that, not "unexpected text".
            const task = /^([^:]+)(?::\s*([^:]*?)\s*(?::\s*(.*))?)?$/.exec(statement);
            if (!task) throw new MermaidJourneyError(line, `expected a task like "Make tea: 5: Me, Cat", a "section", or the "title"; found "${statement.slice(0, 60)}".`);
            const score = Number(task[2]);
            if (task[2] === undefined || task[2] === '' || !Number.isFinite(score)) throw new MermaidJourneyError(line, `the task "${task[1].trim()}" needs a score from 1 to 5 after its colon, like "${task[1].trim()}: 3: Me".`);
            if (!Number.isInteger(score) || score < 1 || score > 5) throw new MermaidJourneyError(line, `the score ${task[2]} of "${task[1].trim()}" is not a whole number from 1 to 5.`);
            if (journey.sections.length === 0) journey.sections.push({ label: 'Journey', tasks: [], line });
            const actors = (task[3] ?? '').split(',').map(a => a.trim()).filter(Boolean);
            journey.sections[journey.sections.length - 1].tasks.push({ label: task[1].trim(), score, actors, line });
        }
    });
    if (!started) throw new MermaidJourneyError(firstLine, 'no Mermaid journey here: it starts with the word "journey".');
    if (journey.sections.every(s => s.tasks.length === 0)) throw new MermaidJourneyError(firstLine, 'the journey has no tasks: add lines like "Make tea: 5: Me" under a "section".');
    return journey;
}

/** Every ```mermaid block of a Markdown text that holds a journey diagram, with the line it starts on. */
export function mermaidJourneysInMarkdown(markdown: string): Array<{ text: string; line: number }> {
    const found: Array<{ text: string; line: number }> = [];
    const lines = markdown.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const fence = /^(\s*)(`{3,}|~{3,})\s*mermaid\b/.exec(lines[i]);
        if (!fence) continue;
        const closing = new RegExp(`^\\s*${fence[2][0]}{${fence[2].length},}\\s*$`);
        let end = i + 1;
        while (end < lines.length && !closing.test(lines[end])) end++;
        const body = lines.slice(i + 1, end);
        const first = body.find(line => line.trim() && !/^\s*%%/.test(line));
        if (first && /^\s*journey\b/i.test(first)) found.push({ text: body.join('\n'), line: i + 2 });
        i = end;
    }
    return found;
}

// ---------------------------------------------------------------- writing .journey text

/** The journey language's words (every keyword but punctuation): a name may not be one of these (the importer renames). */
type WordKeyword = Exclude<JourneyKeywordNames, '%' | ',' | '-' | '..' | '{' | '}'>;

/** Compiles only while the list names every word of the grammar: a keyword added there must be added here. */
function allWords<const List extends readonly WordKeyword[]>(list: Exclude<WordKeyword, List[number]> extends never ? List : never): ReadonlySet<string> {
    return new Set(list);
}

const KEYWORDS = allWords(['action', 'addresses', 'alt', 'assumed', 'at', 'backstage', 'backstory', 'challenge', 'channel', 'choice', 'current-state', 'data',
    'day-in-the-life', 'demographics', 'description', 'does', 'due', 'effort', 'emotion', 'empathy', 'empathy-map', 'evidence', 'experiences', 'feels', 'for', 'from', 'frontstage',
    'future-state', 'gain', 'goal', 'good', 'high', 'image', 'impact', 'improves', 'instead', 'journey', 'kind', 'kpi', 'language', 'low', 'matches', 'medium', 'moment', 'motivation',
    'need', 'next', 'observed', 'opportunity', 'owner', 'pain', 'persona', 'personas', 'prefers', 'priority', 'proposed', 'question', 'quote', 'refuted', 'review', 'says', 'scale', 'scope', 'segment',
    'service-blueprint', 'stage', 'support', 'target', 'task', 'thinks', 'touchpoint', 'validated']);

/** A name for the journey language from free text: words joined in PascalCase, letters and digits only. */
function nameFrom(text: string, fallback: string): string {
    const words = text.normalize('NFC').split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
    let name = words.map(word => word[0].toUpperCase() + word.slice(1)).join('')
        // Only the letters the language's names allow: Latin, with the accents of Europe's languages.
        .replace(/[^_a-zA-Z0-9\u00C0-\u024F]/g, '');
    if (!name || /^\d/.test(name)) name = `${fallback}${name}`;
    if (KEYWORDS.has(name.toLowerCase())) name = `${name}${fallback}`;
    return name;
}

class Names {
    private readonly taken = new Set<string>();
    unique(text: string, fallback: string): string {
        const base = nameFrom(text, fallback);
        let name = base;
        for (let i = 2; this.taken.has(name.toLowerCase()); i++) name = `${base}${i}`;
        this.taken.add(name.toLowerCase());
        return name;
    }
}

function quoted(text: string): string {
    return `"${text.replace(/[\u0000-\u001F\u007F]/g, ' ').replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The persona that stands for a task's people when the diagram names no actor at all. */
const NOBODY_NAMED = 'Customer';

/**
 * .journey text for the diagrams read: personas first (every actor of every diagram, once), then
 * one journey per diagram. `source` names where they came from, for the comment at the top.
 */
export function journeyText(diagrams: readonly MermaidJourney[], source: string): string {
    const personaNames = new Names();
    const personas = new Map<string, string>();
    const personaOf = (actor: string) => {
        let name = personas.get(actor);
        if (!name) personas.set(actor, name = personaNames.unique(actor, 'Persona'));
        return name;
    };
    const journeyNames = new Names();
    const out: string[] = [
        `// Imported from the Mermaid journey diagram${diagrams.length === 1 ? '' : 's'} in ${source}.`,
        `// Mermaid scores (1 to 5) became emotions on the -3..+3 scale: ${Object.entries(SCORE_TO_EMOTION).map(([score, emotion]) => `${score} \u2192 ${emotion > 0 ? '+' : ''}${emotion}`).join(', ')}.`,
        '// One emotion per actor: Mermaid gives every actor of a task the same score; adjust them per persona.'
    ];
    const bodies = diagrams.map((diagram, index) => {
        const actorsOf = (task: MermaidTask) => task.actors.length > 0 ? task.actors : [NOBODY_NAMED];
        const everyone = [...new Set(diagram.sections.flatMap(s => s.tasks.flatMap(actorsOf)))].map(personaOf);
        const title = diagram.title ?? (diagrams.length > 1 ? `Journey ${index + 1}` : 'Journey');
        const lines = [``, `journey ${journeyNames.unique(title, 'Journey')} ${quoted(title)} {`, `    personas ${everyone.join(', ')}`];
        const names = new Names();
        for (const section of diagram.sections) {
            lines.push('', `    stage ${labelled(names.unique(section.label, 'Stage'), section.label)} {`);
            for (const task of section.tasks) {
                lines.push(`        touchpoint ${labelled(names.unique(task.label, 'Touchpoint'), task.label)} {`);
                // Mermaid's actors are the people a task involves: a touchpoint for some of the personas says whose it is.
                const involved = [...new Set(actorsOf(task).map(personaOf))];
                if (involved.length < everyone.length) lines.push(`            persona ${involved.join(', ')}`);
                for (const actor of actorsOf(task)) lines.push(`            emotion ${personaOf(actor)} ${formatScore(SCORE_TO_EMOTION[task.score])}`);
                lines.push('        }');
            }
            lines.push('    }');
        }
        lines.push('}');
        return lines;
    });
    out.push('');
    for (const [actor, name] of personas) out.push(`persona ${labelled(name, actor)} { }`);
    for (const body of bodies) out.push(...body);
    return out.join('\n') + '\n';
}

/** A name, and its label when the label says more than the name. */
function labelled(name: string, label: string): string {
    return name === label ? name : `${name} ${quoted(label)}`;
}

function formatScore(score: number): string {
    return score > 0 ? `+${score}` : String(score);
}

/**
 * .journey text from a Mermaid file (`.mmd`) or a Markdown file (every ```mermaid journey block);
 * throws a MermaidJourneyError naming the line when a diagram cannot be read, or when there is none.
 */
export function importMermaidJourneys(text: string, kind: 'mermaid' | 'markdown', source: string): string {
    const blocks = kind === 'markdown' ? mermaidJourneysInMarkdown(text) : [{ text, line: 1 }];
    if (blocks.length === 0) throw new MermaidJourneyError(1, 'no ```mermaid block holding a journey diagram in this Markdown file.');
    return journeyText(blocks.map(block => parseMermaidJourney(block.text, block.line)), source);
}
