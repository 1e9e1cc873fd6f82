/** Quick fixes for the problems journey-validator.ts and the linker report. */
import { AstUtils, CstUtils, DocumentValidator, GrammarUtils, type AstNode, type CstNode, type LangiumDocument, type MaybePromise, type Reference, type ReferenceInfo } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type Position, type TextEdit } from 'vscode-languageserver';
import {
    isActivity, isChannelUse, isEmotion, isEmpathyMap, isPicture, isJourney, isPersonasSetting, isPersonaUse, isStage, isTouchpoint, type Journey, type Model
} from '../generated/ast.js';
import { BIDI_CONTROL } from '../invisible-characters.js';
import type { JourneyChannel, JourneyLinker } from '../journey-linker.js';
import type { JourneyServices } from '../journey-module.js';
import { capitalized, closestName } from '../journey-names.js';
import { baselineOf } from '../journey-scope.js';
import { journeyPersonas, stageTouchpoints, touchpointChannelReferences, touchpointPersonas } from '../journey-semantics.js';
import { IssueCodes } from '../journey-validator.js';
import { DataIssueCodes } from '../data/data-validator.js';
import { EMOTION_SCALE, MAP_LANGUAGES } from '../vocabulary.js';

export class JourneyCodeActionProvider implements CodeActionProvider {
    private readonly linker: JourneyLinker;

    constructor(services: JourneyServices) {
        this.linker = services.references.Linker as JourneyLinker;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction>> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const code = (diagnostic.data as { code?: string } | undefined)?.code ?? diagnostic.code;
            const fix = this.fixFor(code, diagnostic, document);
            for (const action of fix) actions.push({ ...action, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic] });
        }
        return actions;
    }

    private fixFor(code: unknown, diagnostic: Diagnostic, document: LangiumDocument): Array<Omit<CodeAction, 'kind'>> {
        const node = nodeAt(document, diagnostic.range.start);
        if (!node) return [];
        switch (code) {
            case DocumentValidator.LinkingError: return this.fixUnknownName(node, diagnostic, document);
            case IssueCodes.UnmappedStage: return this.addTouchpoint(node, document);
            case IssueCodes.EmotionGap: return this.addMissingEmotion(node, diagnostic, document);
            case IssueCodes.EmotionOutOfScale:
            case IssueCodes.EmotionNotWhole: return this.clampEmotion(node, diagnostic, document);
            case IssueCodes.SeveralChannels: return this.splitTouchpoint(node, document);
            case IssueCodes.KeywordAsName: return this.renameKeyword(diagnostic, document);
            case IssueCodes.BidiControl: return this.removeBidiControls(diagnostic, document);
            case IssueCodes.EmotionPersonaMissing: return this.nameEmotionPersona(node, document);
            case IssueCodes.PersonaNotInJourney: return this.addPersonaToJourney(node, diagnostic, document);
            case IssueCodes.PainUnaddressed: return this.addOpportunity(node, document);
            case IssueCodes.OpportunityWithoutAction: return this.addAction(node, document);
            case IssueCodes.NoCounterpart: return this.addCounterpart(node, document);
            case IssueCodes.StaleReview: return this.moveReviewDate(diagnostic, document);
            case IssueCodes.OverdueAction: return this.moveDueDate(diagnostic, document);
            case IssueCodes.UnknownLanguage: return this.chooseLanguage(diagnostic, document);
            case IssueCodes.InsteadNotRefuted: return [{ title: 'Mark it refuted', isPreferred: true, edit: edits(document, [{ range: diagnostic.range, newText: 'refuted' }]) }];
            case IssueCodes.AddressesRefuted: return this.addressInstead(diagnostic, document);
            case IssueCodes.PersonaAfterKpi: {
                const { persona } = (diagnostic.data ?? {}) as { persona?: string };
                return persona ? [{ title: `Make it the KPI's: for ${persona}`, isPreferred: true, edit: edits(document, [{ range: diagnostic.range, newText: 'for' }]) }] : [];
            }
            case IssueCodes.MomentWithChannel: return this.settleMoment(node, diagnostic, document);
            case IssueCodes.EmpathyQuadrantEmpty: return this.fillEmpathyMap(node, diagnostic, document);
            case IssueCodes.PictureWithoutAlt: {
                // Only where there is no description yet: an empty one is the author's to write.
                const picture = AstUtils.getContainerOfType(node, isPicture);
                if (!picture || picture.alt !== undefined) return [];
                const end = diagnostic.range.end;
                return [{ title: 'Add a description (alt) to write', isPreferred: true, edit: edits(document, [{ range: { start: end, end }, newText: ' alt "Describe what the picture shows"' }]) }];
            }
            case IssueCodes.SharedPriority: {
                const { free } = (diagnostic.data ?? {}) as { free?: number };
                return free ? [{ title: `Use priority ${free}`, isPreferred: true, edit: edits(document, [{ range: diagnostic.range, newText: String(free) }]) }] : [];
            }
            case DataIssueCodes.DataDrift: return this.settleDrift(diagnostic, document);
            case DataIssueCodes.DataColumn: return this.changeColumn(diagnostic, document);
            default: return [];
        }
    }

    /** An empathy map with empty quadrants: a line for each, to be written over with what research found. */
    private fillEmpathyMap(node: AstNode, diagnostic: Diagnostic, document: LangiumDocument): Array<Omit<CodeAction, 'kind'>> {
        const empathy = AstUtils.getContainerOfType(node, isEmpathyMap);
        const { empty } = (diagnostic.data ?? {}) as { empty?: string[] };
        const lines = (empty ?? []).flatMap(kind => EMPATHY_PLACEHOLDERS[kind] ? [`${kind} "${EMPATHY_PLACEHOLDERS[kind]}"`] : []);
        const edit = empathy && lines.length > 0 ? insertIntoBlock(document, empathy, lines) : undefined;
        return edit ? [{ title: lines.length === 1 ? `Add a '${lines[0].split(' ')[0]}' line` : 'Add a line for each empty quadrant', isPreferred: true, edit: edits(document, [edit]) }] : [];
    }

    /** A moment that names a channel of ours: it is a touchpoint after all, or the channel goes. */
    private settleMoment(node: AstNode, diagnostic: Diagnostic, document: LangiumDocument): Array<Omit<CodeAction, 'kind'>> {
        const moment = AstUtils.getContainerOfType(node, isTouchpoint);
        if (!moment) return [];
        const uses = moment.items.filter(isChannelUse).flatMap(use => use.$cstNode ? [use.$cstNode] : []);
        return [
            { title: 'Make it a touchpoint', isPreferred: true, edit: edits(document, [{ range: diagnostic.range, newText: 'touchpoint' }]) },
            ...(uses.length > 0 ? [{ title: 'Remove the channel', edit: edits(document, uses.map(cst => removal(document, cst))) }] : [])
        ];
    }

    /** An opportunity that addresses a refuted pain point: address the one research found instead. */
    private addressInstead(diagnostic: Diagnostic, document: LangiumDocument): Array<Omit<CodeAction, 'kind'>> {
        const { instead } = (diagnostic.data ?? {}) as { instead?: string };
        return instead ? [{ title: `Address '${instead}' instead`, isPreferred: true, edit: edits(document, [{ range: diagnostic.range, newText: instead }]) }] : [];
    }

    private fixUnknownName(node: AstNode, diagnostic: Diagnostic, document: LangiumDocument): Array<Omit<CodeAction, 'kind'>> {
        const refInfo = referenceAt(node, diagnostic);
        if (!refInfo) return [];
        const elsewhere = this.linker.channelInOtherJourney(refInfo);
        if (elsewhere) return this.moveChannelToTop(elsewhere);
        const suggestion = closestName(refInfo.reference.$refText, this.linker.candidateNames(refInfo));
        if (!suggestion) return [];
        return [{
            title: `Change to '${suggestion}'`, isPreferred: true,
            edit: edits(document, [{ range: diagnostic.range, newText: suggestion }])
        }];
    }

    /**
     * A hand-written emotion or KPI the data contradicts: take the data's value (an emotion rounded to
     * a whole step), or read it from the data from now on. The diagnostic covers the value written.
     */
    private settleDrift(diagnostic: Diagnostic, document: LangiumDocument): Array<Omit<CodeAction, 'kind'>> {
        const { value, binding } = (diagnostic.data ?? {}) as { value?: string; binding?: string };
        const fixes: Array<Omit<CodeAction, 'kind'>> = [];
        if (value !== undefined) fixes.push({ title: `Take the data's value: ${value}`, isPreferred: true, edit: edits(document, [{ range: diagnostic.range, newText: value }]) });
        if (binding !== undefined) fixes.push({ title: `Read it from the data: ${binding}`, edit: edits(document, [{ range: diagnostic.range, newText: binding }]) });
        return fixes;
    }

    private changeColumn(diagnostic: Diagnostic, document: LangiumDocument): Array<Omit<CodeAction, 'kind'>> {
        const suggestion = (diagnostic.data as { suggestion?: string } | undefined)?.suggestion;
        if (suggestion === undefined) return [];
        const text = `"${suggestion.replace(/["\\]/g, character => `\\${character}`)}"`;
        return [{ title: `Change to ${text}`, isPreferred: true, edit: edits(document, [{ range: diagnostic.range, newText: text }]) }];
    }

    /**
     * One fix per language we have words for. None is preferred: `se` may be Sweden's country code
     * written by mistake, or Northern Sami on purpose.
     */
    private chooseLanguage(diagnostic: Diagnostic, document: LangiumDocument): Array<Omit<CodeAction, 'kind'>> {
        return MAP_LANGUAGES.map(language => ({
            title: `Draw this map's words in ${language.name} (${language.tag})`,
            edit: edits(document, [{ range: diagnostic.range, newText: language.tag }])
        }));
    }

    /** Moves a channel declared inside a journey to the top level of its file, before the file's first declaration, where every journey sees it. */
    private moveChannelToTop({ channel, journey, document }: JourneyChannel): Array<Omit<CodeAction, 'kind'>> {
        const first = (document.parseResult.value as Model).elements[0]?.$cstNode;
        if (!channel.$cstNode || !first || !journey.$cstNode || hasSyntaxErrorIn(document, journey.$cstNode)) return [];
        const start = document.textDocument.positionAt(first.offset);
        const file = document.uri.path.split('/').pop();
        return [{
            title: `Move channel '${channel.name}' out of the journey '${journey.name}' to the top of ${file}`, isPreferred: true,
            edit: edits(document, [
                { range: { start, end: start }, newText: `${channel.$cstNode.text}\n\n` },
                removal(document, channel.$cstNode)
            ])
        }];
    }

    private removeBidiControls(diagnostic: Diagnostic, document: LangiumDocument): Array<Omit<CodeAction, 'kind'>> {
        const text = document.textDocument.getText(diagnostic.range);
        return [{
            title: 'Remove the invisible bidirectional control characters', isPreferred: true,
            edit: edits(document, [{ range: diagnostic.range, newText: text.replace(BIDI_CONTROL, '') }])
        }];
    }

    private renameKeyword(diagnostic: Diagnostic, document: LangiumDocument): Array<Omit<CodeAction, 'kind'>> {
        const suggestion = (diagnostic.data as { suggestion?: string } | undefined)?.suggestion;
        return suggestion ? [{ title: `Rename to '${suggestion}'`, isPreferred: true, edit: edits(document, [{ range: diagnostic.range, newText: suggestion }]) }] : [];
    }

    /**
     * One touchpoint per channel: each channel after the first moves to a new touchpoint after this one,
     * with the same label, personas, activities and emotions. Pain points, good moments, KPIs and evidence
     * stay with the original: they were observed there, and named ones cannot be declared twice.
     */
    private splitTouchpoint(node: AstNode, document: LangiumDocument): Array<Omit<CodeAction, 'kind'>> {
        const touchpoint = AstUtils.getContainerOfType(node, isTouchpoint);
        const journey = touchpoint && AstUtils.getContainerOfType(touchpoint, isJourney);
        const cst = touchpoint?.$cstNode;
        if (!touchpoint?.name || !journey || !cst || hasSyntaxErrorIn(document, cst)) return [];
        const [first, ...others] = touchpointChannelReferences(touchpoint);
        if (!first || others.length === 0) return [];
        const changes: TextEdit[] = [];
        for (const use of touchpoint.items.filter(isChannelUse)) {
            if (use !== first.use) {
                changes.push(removal(document, use.$cstNode!));
            } else if (use.extraChannels.length > 0) {
                // `channel web, app` keeps `channel web`.
                changes.push({ range: { start: use.channel.$refNode!.range.end, end: use.$cstNode!.range.end }, newText: '' });
            }
        }
        const indent = indentOf(document, cst);
        const copied = touchpoint.items.filter(item => isPersonaUse(item) || isActivity(item) || isEmotion(item)).map(item => item.$cstNode!.text);
        const taken = new Set<string>();
        const copies = others.map(({ reference }) => {
            const name = uniqueName(`${touchpoint.name}${capitalized(reference.$refText)}`, journey, taken);
            taken.add(name);
            const label = GrammarUtils.findNodeForProperty(cst, 'label');
            return [`touchpoint ${name}${label ? ` ${label.text}` : ''} {`, `    channel ${reference.$refText}`, ...copied.map(text => `    ${text}`), '}'].map(line => indent + line).join('\n');
        });
        const end = cst.range.end;
        changes.push({ range: { start: end, end }, newText: copies.map(copy => `\n${copy}`).join('') });
        return [{ title: `Split '${touchpoint.name}' into one touchpoint per channel`, isPreferred: true, edit: edits(document, changes) }];
    }

    private addTouchpoint(node: AstNode, document: LangiumDocument): Array<Omit<CodeAction, 'kind'>> {
        const stage = AstUtils.getContainerOfType(node, isStage);
        const journey = stage && AstUtils.getContainerOfType(stage, isJourney);
        if (!stage || !journey) return [];
        const personas = journeyPersonas(journey);
        const lines = [
            `touchpoint ${uniqueName(`${stage.name}Step`, journey)} "What happens here" {`,
            '    channel web',
            '    does "What the customer does"',
            '    feels "How it feels"',
            ...personas.map(persona => `    emotion ${persona.name} 0`),
            '}'
        ];
        const edit = insertIntoBlock(document, stage, lines);
        return edit ? [{ title: `Add a touchpoint to stage '${stage.name}'`, isPreferred: true, edit: edits(document, [edit]) }] : [];
    }

    private addMissingEmotion(node: AstNode, diagnostic: Diagnostic, document: LangiumDocument): Array<Omit<CodeAction, 'kind'>> {
        const stage = AstUtils.getContainerOfType(node, isStage);
        const persona = (diagnostic.data as { persona?: string } | undefined)?.persona;
        const touchpoint = stage && stageTouchpoints(stage)[0];
        if (!touchpoint || !persona) return [];
        const edit = insertIntoBlock(document, touchpoint, [`emotion ${persona} 0`]);
        return edit ? [{ title: `Add a neutral emotion of '${persona}' to touchpoint '${touchpoint.name}'`, edit: edits(document, [edit]) }] : [];
    }

    private clampEmotion(node: AstNode, diagnostic: Diagnostic, document: LangiumDocument): Array<Omit<CodeAction, 'kind'>> {
        const emotion = AstUtils.getContainerOfType(node, isEmotion);
        if (!emotion || emotion.score === undefined) return [];
        const clamped = Math.round(Math.min(EMOTION_SCALE.max, Math.max(EMOTION_SCALE.min, emotion.score)));
        const text = clamped > 0 ? `+${clamped}` : String(clamped);
        return [{ title: `Change to ${text}`, isPreferred: true, edit: edits(document, [{ range: diagnostic.range, newText: text }]) }];
    }

    private nameEmotionPersona(node: AstNode, document: LangiumDocument): Array<Omit<CodeAction, 'kind'>> {
        const emotion = AstUtils.getContainerOfType(node, isEmotion);
        const touchpoint = emotion && AstUtils.getContainerOfType(emotion, isTouchpoint);
        const journey = touchpoint && AstUtils.getContainerOfType(touchpoint, isJourney);
        const keyword = emotion?.$cstNode && GrammarUtils.findNodeForKeyword(emotion.$cstNode, 'emotion');
        if (!touchpoint || !journey || !keyword) return [];
        return touchpointPersonas(touchpoint, journey).map((persona, index) => ({
            title: `Make it the emotion of '${persona.name}'`, isPreferred: index === 0,
            edit: edits(document, [{ range: { start: keyword.range.end, end: keyword.range.end }, newText: ` ${persona.name}` }])
        }));
    }

    private addPersonaToJourney(node: AstNode, diagnostic: Diagnostic, document: LangiumDocument): Array<Omit<CodeAction, 'kind'>> {
        const journey = AstUtils.getContainerOfType(node, isJourney);
        const name = document.textDocument.getText(diagnostic.range);
        const setting = journey?.header.find(isPersonasSetting);
        // Where the personas line ends is the parser's guess if the journey has a syntax error; appending there can make it worse.
        if (!setting?.$cstNode || !journey?.$cstNode || !/^\w+$/u.test(name) || hasSyntaxErrorIn(document, journey.$cstNode)) return [];
        const end = setting.$cstNode.range.end;
        return [{ title: `Add '${name}' to the journey's personas`, edit: edits(document, [{ range: { start: end, end }, newText: `, ${name}` }]) }];
    }

    private addOpportunity(node: AstNode, document: LangiumDocument): Array<Omit<CodeAction, 'kind'>> {
        const pain = node.$type === 'PainPoint' ? node as AstNode & { name?: string } : AstUtils.getContainerOfType(node, (n): n is AstNode & { name?: string } => n.$type === 'PainPoint');
        const journey = pain && AstUtils.getContainerOfType(pain, isJourney);
        if (!pain?.name || !journey) return [];
        const edit = insertIntoBlock(document, journey, [
            `opportunity ${uniqueName(`Fix${pain.name}`, journey)} "How we could remove this pain" {`,
            '    impact medium',
            '    effort medium',
            `    addresses ${pain.name}`,
            '}'
        ]);
        return edit ? [{ title: `Add an opportunity that addresses '${pain.name}'`, edit: edits(document, [edit]) }] : [];
    }

    private addAction(node: AstNode, document: LangiumDocument): Array<Omit<CodeAction, 'kind'>> {
        const opportunity = AstUtils.getContainerOfType(node, (n): n is AstNode & { name: string } => n.$type === 'Opportunity');
        const journey = opportunity && AstUtils.getContainerOfType(opportunity, isJourney);
        if (!opportunity || !journey) return [];
        const edit = insertIntoBlock(document, journey, [
            `action ${uniqueName(`Do${opportunity.name}`, journey)} "What we will do" {`,
            '    owner "Team or person"',
            `    for ${opportunity.name}`,
            '}'
        ]);
        return edit ? [{ title: `Add an action for '${opportunity.name}'`, edit: edits(document, [edit]) }] : [];
    }

    private addCounterpart(node: AstNode, document: LangiumDocument): Array<Omit<CodeAction, 'kind'>> {
        const stage = AstUtils.getContainerOfType(node, isStage);
        const baseline = stage && baselineOf(AstUtils.getContainerOfType(stage, isJourney));
        if (!stage || !baseline) return [];
        // Stages left without a name by a syntax error cannot be matched.
        const named = baseline.stages.filter(candidate => candidate.name);
        const likely = closestName(stage.name ?? '', named.map(s => s.name));
        const ordered = [...named].sort((a, b) => Number(b.name === likely) - Number(a.name === likely)).slice(0, 5);
        return ordered.flatMap(candidate => {
            const edit = insertIntoBlock(document, stage, [`matches ${candidate.name}`], 'start');
            return edit ? [{ title: `Match current-state stage '${candidate.name}'`, isPreferred: candidate.name === likely, edit: edits(document, [edit]) }] : [];
        });
    }

    private moveReviewDate(diagnostic: Diagnostic, document: LangiumDocument): Array<Omit<CodeAction, 'kind'>> {
        const date = monthsFromToday(3);
        return [{ title: `Set the next review to ${date} (in three months)`, edit: edits(document, [{ range: diagnostic.range, newText: date }]) }];
    }

    private moveDueDate(diagnostic: Diagnostic, document: LangiumDocument): Array<Omit<CodeAction, 'kind'>> {
        const date = monthsFromToday(1);
        return [{ title: `Move the due date to ${date} (in a month)`, edit: edits(document, [{ range: diagnostic.range, newText: date }]) }];
    }
}

/** A date as YYYY-MM-DD, some months from today (UTC). */
/** What an empty quadrant's new line says until its author writes over it. */
const EMPATHY_PLACEHOLDERS: Record<string, string> = { says: 'What they say', thinks: 'What they think', does: 'What they do', feels: 'How they feel' };

function monthsFromToday(months: number): string {
    const date = new Date();
    date.setUTCMonth(date.getUTCMonth() + months);
    return date.toISOString().slice(0, 10);
}

function nodeAt(document: LangiumDocument, position: Position): AstNode | undefined {
    const root = document.parseResult.value.$cstNode;
    const offset = document.textDocument.offsetAt(position);
    return root && CstUtils.findLeafNodeAtOffset(root, offset)?.astNode;
}

/** The reference whose text the diagnostic covers. */
function referenceAt(node: AstNode, diagnostic: Diagnostic): ReferenceInfo | undefined {
    for (const [property, value] of Object.entries(node)) {
        if (property.startsWith('$')) continue;
        const values = Array.isArray(value) ? value : [value];
        for (let index = 0; index < values.length; index++) {
            const reference = values[index] as Reference | undefined;
            const refRange = reference?.$refNode?.range;
            if (refRange && refRange.start.line === diagnostic.range.start.line && refRange.start.character === diagnostic.range.start.character) {
                return { reference, container: node, property, index: Array.isArray(value) ? index : undefined };
            }
        }
    }
    return undefined;
}

/**
 * An edit that inserts lines into a block: before its closing brace, or right after the opening one.
 * Indentation follows the block's own line. The braces are the block's own tokens, not those of a
 * nested block or inside quoted text. A block with a syntax error in it gets no edit: which brace
 * closes what is then the parser's guess, and text inserted there can make things worse.
 */
function insertIntoBlock(document: LangiumDocument, block: AstNode, lines: string[], where: 'start' | 'end' = 'end'): TextEdit | undefined {
    const cst = block.$cstNode;
    const open = GrammarUtils.findNodeForKeyword(cst, '{');
    const close = GrammarUtils.findNodesForKeyword(cst, '}').at(-1);
    if (!cst || !open || !close || close.offset < open.end || hasSyntaxErrorIn(document, cst)) return undefined;
    const text = document.textDocument.getText();
    const indent = indentOf(document, cst);
    const inner = indent + '    ';
    const body = lines.map(line => inner + line).join('\n');
    if (where === 'start') {
        const position = document.textDocument.positionAt(open.end);
        return { range: { start: position, end: position }, newText: `\n${body}` };
    }
    // Insert after the last non-blank character before the closing brace, keeping the brace's own line.
    let before = close.offset;
    while (before > open.end && /\s/.test(text[before - 1])) before--;
    const start = document.textDocument.positionAt(before);
    const end = document.textDocument.positionAt(close.offset);
    return { range: { start, end }, newText: `\n${body}\n${indent}` };
}

function hasSyntaxErrorIn(document: LangiumDocument, cst: CstNode): boolean {
    const within = (offset: number) => offset >= cst.offset && offset <= cst.end;
    return document.parseResult.lexerErrors.some(error => within(error.offset))
        || document.parseResult.parserErrors.some(error => within(error.token.startOffset) || Number.isNaN(error.token.startOffset));
}

function uniqueName(base: string, journey: Journey, alsoTaken: ReadonlySet<string> = new Set()): string {
    const taken = new Set(AstUtils.streamAllContents(journey).map(node => (node as { name?: string }).name).filter(Boolean));
    const free = (name: string) => !taken.has(name) && !alsoTaken.has(name);
    if (free(base)) return base;
    for (let i = 2; ; i++) if (free(`${base}${i}`)) return `${base}${i}`;
}

/** The indentation of the line a node starts on. */
function indentOf(document: LangiumDocument, cst: CstNode): string {
    const text = document.textDocument.getText();
    const lineStart = text.lastIndexOf('\n', cst.offset - 1) + 1;
    return /^[ \t]*/.exec(text.slice(lineStart, cst.offset))![0];
}

/** An edit that removes a statement with the space before it: its whole line when it stands alone, else just the statement. */
function removal(document: LangiumDocument, cst: CstNode): TextEdit {
    const text = document.textDocument.getText();
    let start = cst.offset;
    while (start > 0 && /\s/.test(text[start - 1])) start--;
    return { range: { start: document.textDocument.positionAt(start), end: cst.range.end }, newText: '' };
}

function edits(document: LangiumDocument, changes: TextEdit[]) {
    return { changes: { [document.textDocument.uri]: changes } };
}
