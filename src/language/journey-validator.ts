/**
 * The checks a journey map gets while it is written. Each message says what is wrong, where,
 * and what to do; the codes name the quick fixes in journey-code-actions.ts.
 */
import {
    AstUtils, CstUtils, UriUtils,
    type AstNode, type Cancellation, type AstNodeDescription, type ConfigurationProvider, type CstNode, type IndexManager, type LeafCstNode, type ValidationAcceptor, type ValidationChecks
} from 'langium';
import {
    isActionFor, isActionPriority, isAddresses, isEmpathyNote, isPicture, isChannelDecl, isDescription, isOpportunity, isEmotion, isJourney, isKindSetting, isKpi, isPersona, isPersonaUse, isPainPoint, isStage, isTimeOfDay, isTouchpoint,
    type Action, type ActionDue, type ActionPriority, type Addresses, type ChannelDecl, type DataSource, type EmpathyMap, type Emotion, type EvidenceNote, type ImprovesSetting, type Journey, type JourneyAstType,
    type LanguageSetting, type Model, type Opportunity, type PainPoint, type Persona, type Picture, type ReviewSetting, type Segment, type Stage, type Touchpoint
} from './generated/ast.js';
import { KIND_WORDS } from './journey-linker.js';
import type { DataSets } from './data/data-sets.js';
import { IMAGE_FILE } from './workspace-path.js';
import type { JourneyServices } from './journey-module.js';
import { BIDI_CONTROL, describeBidiControl } from './invisible-characters.js';
import { BLOCK_KEYWORDS, capitalized } from './journey-names.js';
import { baselineOf } from './journey-scope.js';
import { cancellationCheckpoints } from './tree-walks.js';
import {
    counterpartIn, emotionPersona, evidenceOf, isStale, stagePains, timeSpan, journeyKind, journeyNamedElements, journeyPersonas, namesUnknownPersonas, parseCalendarDate,
    stageTouchpoints, touchpointChannelReferences, touchpointPersonas, unreachableStages
} from './journey-semantics.js';
import { EMOTION_SCALE, EMPATHY_QUADRANTS, formatEmotion, mapLanguageList, mapLanguageOf } from './vocabulary.js';

export const IssueCodes = {
    UnmappedStage: 'unmapped-stage',
    EmotionGap: 'emotion-gap',
    EmotionOutOfScale: 'emotion-out-of-scale',
    EmotionPersonaMissing: 'emotion-persona-missing',
    DuplicateName: 'duplicate-name',
    PainUnaddressed: 'pain-unaddressed',
    OpportunityWithoutAction: 'opportunity-without-action',
    UnreachableStage: 'unreachable-stage',
    NoCounterpart: 'no-counterpart',
    StaleReview: 'stale-review',
    InvalidDate: 'invalid-date',
    PersonaNotInJourney: 'persona-not-in-journey',
    RepeatedSetting: 'repeated-setting',
    ImprovesItself: 'improves-itself',
    EmotionNotWhole: 'emotion-not-whole',
    SeveralChannels: 'several-channels',
    KeywordAsName: 'keyword-as-name',
    BidiControl: 'bidi-control',
    UnknownLanguage: 'unknown-language',
    OverdueAction: 'overdue-action',
    InsteadNotRefuted: 'instead-not-refuted',
    AddressesRefuted: 'addresses-refuted',
    SharedPriority: 'shared-priority',
    MomentWithChannel: 'moment-with-channel',
    PersonaAfterKpi: 'persona-after-kpi',
    ChannelNotPreferred: 'channel-not-preferred',
    EmpathyQuadrantEmpty: 'empathy-quadrant-empty',
    PictureWithoutAlt: 'picture-without-alt'
} as const;

/** A picture larger than this is carried inline by every export: it gets a warning. */
export const LARGE_PICTURE_BYTES = 2 * 1024 * 1024;

export function registerValidationChecks(services: JourneyServices): void {
    const registry = services.validation.ValidationRegistry;
    const validator = services.validation.JourneyValidator;
    const data = services.validation.DataValidator;
    const checks: ValidationChecks<JourneyAstType> = {
        Model: [validator.checkUniqueTopLevelNames, validator.checkBidiControls],
        Persona: validator.checkKeywordName,
        ChannelDecl: validator.checkKeywordName,
        Journey: [
            validator.checkKeywordName, validator.checkJourneyNames, validator.checkHeader, validator.checkEmotionLanes, validator.checkReachability,
            validator.checkCounterparts, validator.checkPainsAddressed, validator.checkOpportunitiesHaveActions, validator.checkPriorities, validator.checkTimesOfDay,
            validator.checkEmpathyMaps
        ],
        EmpathyMap: validator.checkEmpathyMap,
        Stage: [validator.checkKeywordName, validator.checkStageMapped, validator.checkOneTime, validator.checkOnePicture],
        Picture: validator.checkPicture,
        Touchpoint: [validator.checkKeywordName, validator.checkTouchpoint, validator.checkOneTime, validator.checkOnePicture, validator.checkPersonaAfterKpi, validator.checkPreferredChannels],
        Segment: validator.checkKeywordName,
        Opportunity: [validator.checkKeywordName, validator.checkOneDescription],
        Emotion: [validator.checkEmotion, data.checkEmotionData.bind(data)],
        Kpi: data.checkKpiData.bind(data),
        DataSource: [validator.checkKeywordName, data.checkDataSource.bind(data)],
        ReviewSetting: validator.checkReviewDate,
        LanguageSetting: validator.checkLanguage,
        ActionDue: validator.checkDueDate,
        ImprovesSetting: validator.checkImproves,
        Addresses: validator.checkAddressesPains,
        EvidenceNote: validator.checkEvidence,
        Action: [validator.checkKeywordName, validator.checkAction, validator.checkOneDescription],
        ActionPriority: validator.checkPriority
    };
    registry.register(checks, validator);
}

export class JourneyValidator {
    private readonly indexManager: IndexManager;
    private readonly configuration: ConfigurationProvider;
    private readonly dataSets: DataSets;

    constructor(services: JourneyServices) {
        this.indexManager = services.shared.workspace.IndexManager;
        this.configuration = services.shared.workspace.ConfigurationProvider;
        this.dataSets = services.data.DataSets;
    }

    /** Personas, journeys and top-level channels are visible across files, so their names must be unique across the workspace. */
    checkUniqueTopLevelNames(model: Model, accept: ValidationAcceptor): void {
        const documentUri = AstUtils.getDocument(model).uri.toString();
        // Names are indexed once per check, so a file with thousands of top-level blocks is not compared pairwise.
        const firstInFile = new Set<string>();
        const elsewhereByKind = new Map<string, Map<string, AstNodeDescription>>();
        for (const element of model.elements) {
            if (!element.name) continue; // the syntax error says the name is missing
            const kind = isPersona(element) ? 'Persona' : isJourney(element) ? 'Journey' : 'ChannelDecl';
            const word = kind === 'Persona' ? 'persona' : kind === 'Journey' ? 'journey' : 'channel';
            const key = `${element.$type}:${element.name}`;
            if (firstInFile.has(key)) {
                accept('error', `The ${word} '${element.name}' is declared twice in this file. Rename one of them or remove the copy.`, { node: element, property: 'name', ...issue(IssueCodes.DuplicateName) });
                continue;
            }
            firstInFile.add(key);
            let declaredElsewhere = elsewhereByKind.get(kind);
            if (!declaredElsewhere) {
                declaredElsewhere = new Map();
                for (const description of this.indexManager.allElements(kind)) {
                    if (description.documentUri.toString() !== documentUri && !declaredElsewhere.has(description.name)) declaredElsewhere.set(description.name, description);
                }
                elsewhereByKind.set(kind, declaredElsewhere);
            }
            const elsewhere = declaredElsewhere.get(element.name);
            if (elsewhere) {
                const where = elsewhere.documentUri.scheme === 'journey-builtin' ? 'as a built-in channel' : `in ${elsewhere.documentUri.path.split('/').pop()}`;
                accept('error', `The ${word} '${element.name}' is already declared ${where}. Names of ${word}s must be unique across the workspace: rename this one or use the existing one.`, { node: element, property: 'name', ...issue(IssueCodes.DuplicateName) });
            }
        }
    }

    /**
     * Bidirectional controls in quoted text or comments make the text show in another order than it is
     * written ("invoice\u202Egnp.exe" reads as "invoiceexe.png"). One warning per quoted text or comment.
     */
    checkBidiControls(model: Model, accept: ValidationAcceptor): void {
        const root = model.$cstNode;
        const text = root?.root.fullText ?? '';
        if (!root || text.search(BIDI_CONTROL) < 0) return;
        const found = new Map<CstNode, Set<string>>();
        for (const match of text.matchAll(BIDI_CONTROL)) {
            const leaf = CstUtils.findLeafNodeAtOffset(root, match.index);
            // Anywhere else the character is a syntax error already.
            if (!leaf || leaf.offset > match.index || !isQuotedTextOrComment(leaf)) continue;
            let chars = found.get(leaf);
            if (!chars) found.set(leaf, chars = new Set());
            chars.add(match[0]);
        }
        for (const [leaf, chars] of found) {
            const where = leaf.hidden ? 'This comment' : 'This quoted text';
            accept('warning', `${where} holds invisible bidirectional control characters (${[...chars].map(describeBidiControl).join(', ')}) that make it show in another order than it is written, so it can read as something it does not say. Remove them unless the text really needs them.`,
                { node: model, range: leaf.range, ...issue(IssueCodes.BidiControl) });
        }
    }

    /** A block keyword read as a declaration's name: one error, instead of the syntax errors every use of the name would cause. */
    checkKeywordName(node: Persona | ChannelDecl | Segment | DataSource | Journey | Stage | Touchpoint | Opportunity | Action, accept: ValidationAcceptor): void {
        if (!BLOCK_KEYWORDS.has(node.name)) return;
        const suggestion = capitalized(node.name);
        accept('error', `'${node.name}' is a keyword, so it cannot name a ${KIND_WORDS[node.$type]}: try '${suggestion}'.`,
            { node, property: 'name', ...issue(IssueCodes.KeywordAsName, { suggestion }) });
    }

    /** Stages, touchpoints, pain points, opportunities, actions and channels must be unique within a journey. */
    async checkJourneyNames(journey: Journey, accept: ValidationAcceptor, cancelToken: Cancellation.CancellationToken): Promise<void> {
        const seen = new Map<string, AstNode>();
        // Every named element of the journey: in a huge one, other work runs in between.
        const checkpoint = cancellationCheckpoints(cancelToken);
        for (const nodes of journeyNamedElements(journey)) {
            for (const node of nodes) {
                const pause = checkpoint();
                if (pause) await pause;
                const name = node.name;
                if (typeof name !== 'string') continue;
                const key = `${identityKind(node)}:${name}`;
                const first = seen.get(key);
                if (first) {
                    const word = identityKind(node);
                    accept('error', `The ${word} '${name}' is declared twice in ${journey.name ? `the journey '${journey.name}'` : 'this journey'} (first on line ${lineOf(first)}). Give this one another name.`, { node, property: 'name' as never, ...issue(IssueCodes.DuplicateName) });
                } else {
                    seen.set(key, node);
                }
            }
        }
    }

    checkHeader(journey: Journey, accept: ValidationAcceptor): void {
        const seen = new Map<string, AstNode>();
        for (const setting of journey.header) {
            if (setting.$type === 'PersonasSetting') continue;
            const previous = seen.get(setting.$type);
            if (previous) {
                accept('error', `This journey's header sets '${keywordOf(setting)}' twice (also on line ${lineOf(previous)}). Keep one.`, { node: setting, ...issue(IssueCodes.RepeatedSetting) });
            }
            seen.set(setting.$type, setting);
        }
        const kind = journeyKind(journey);
        const improves = journey.header.find(setting => setting.$type === 'ImprovesSetting');
        if (improves && kind !== 'future-state') {
            const kindSetting = journey.header.find(isKindSetting);
            accept('warning', `This journey improves another one but its kind is '${kind}'. Set 'kind future-state' so it is compared with the current state.`, { node: kindSetting ?? improves, ...issue(IssueCodes.ImprovesItself) });
        }
    }

    checkStageMapped(stage: Stage, accept: ValidationAcceptor): void {
        if (!stage.name || stageTouchpoints(stage).length > 0) return;
        accept('warning', `Stage '${stage.label ?? stage.name}' has no touchpoints yet: where does the customer meet you here? Add a 'touchpoint' to map it.`, { node: stage, property: 'name', ...issue(IssueCodes.UnmappedStage) });
    }

    /** Each persona of the journey needs an emotion in every mapped stage, or its emotion curve has a gap. */
    async checkEmotionLanes(journey: Journey, accept: ValidationAcceptor, cancelToken: Cancellation.CancellationToken): Promise<void> {
        const personas = journeyPersonas(journey);
        if (personas.length === 0) return;
        // A touchpoint at a time: in a huge journey other work runs in between.
        const checkpoint = cancellationCheckpoints(cancelToken);
        for (const stage of journey.stages) {
            const touchpoints = stageTouchpoints(stage);
            if (!stage.name || touchpoints.length === 0) continue;
            const felt = new Set<Persona>();
            for (const touchpoint of touchpoints) {
                const pause = checkpoint();
                if (pause) await pause;
                for (const item of touchpoint.items) {
                    const persona = isEmotion(item) ? emotionPersona(item) : undefined;
                    if (persona) felt.add(persona);
                }
            }
            for (const persona of personas) {
                // A stage whose touchpoints are all for other personas is not one this persona goes through.
                if (felt.has(persona) || !touchpoints.some(t => touchpointPersonas(t, journey).includes(persona))) continue;
                accept('warning', `Persona '${persona.name}' has no emotion in stage '${stage.label ?? stage.name}', so the emotion curve has a gap here. Add 'emotion ${persona.name} <${formatEmotion(EMOTION_SCALE.min)}..${formatEmotion(EMOTION_SCALE.max)}>' to one of its touchpoints.`,
                    { node: stage, property: 'name', ...issue(IssueCodes.EmotionGap, { persona: persona.name }) });
            }
        }
    }

    checkReachability(journey: Journey, accept: ValidationAcceptor): void {
        const first = journey.stages[0];
        for (const stage of unreachableStages(journey)) {
            if (!stage.name) continue;
            accept('warning', `Stage '${stage.label ?? stage.name}' cannot be reached from the first stage${first.name ? ` '${first.name}'` : ''}: no 'next' leads to it. Add 'next ${stage.name}' to a stage before it, or remove it.`, { node: stage, property: 'name', ...issue(IssueCodes.UnreachableStage) });
        }
    }

    checkCounterparts(journey: Journey, accept: ValidationAcceptor): void {
        const baseline = baselineOf(journey);
        if (!baseline || journeyKind(journey) !== 'future-state') return;
        const names = baseline.stages.map(stage => stage.name).filter(Boolean);
        for (const stage of journey.stages) {
            if (!stage.name || counterpartIn(stage, baseline)) continue;
            if (stage.items.some(item => item.$type === 'Counterpart')) continue; // an unresolved 'matches' already has its own error
            accept('warning', `Future stage '${stage.name}' has no counterpart in the current state '${baseline.name}' (stages: ${names.join(', ')}). Name it like the stage it replaces, or add 'matches <Stage>'.`, { node: stage, property: 'name', ...issue(IssueCodes.NoCounterpart) });
        }
    }

    /**
     * An empathy map per persona: a second one for the same persona would split what research found
     * about them in two. In an empathy-map journey, a persona of the journey without one is worth a hint.
     */
    checkEmpathyMaps(journey: Journey, accept: ValidationAcceptor): void {
        const first = new Map<Persona, EmpathyMap>();
        for (const empathy of journey.empathy) {
            const persona = empathy.persona?.ref;
            if (!persona) continue;
            const earlier = first.get(persona);
            if (earlier) {
                accept('warning', `Persona '${persona.name}' already has an empathy map in this journey (line ${lineOf(earlier)}). Write what research found about them in one block.`, { node: empathy, property: 'persona' });
            } else {
                first.set(persona, empathy);
            }
        }
        if (journeyKind(journey) !== 'empathy-map' || !journey.name) return;
        if (journey.empathy.length === 0) {
            accept('hint', `This empathy map has no persona's map yet. Add 'empathy <Persona> { says "..." thinks "..." does "..." feels "..." }' for each persona you researched.`, { node: journey, property: 'name' });
            return;
        }
        const setting = journey.header.find(setting => setting.$type === 'PersonasSetting');
        for (const persona of journeyPersonas(journey)) {
            if (first.has(persona) || !setting) continue;
            accept('hint', `Persona '${persona.name}' is one of this journey's personas but has no empathy map in it yet. Add 'empathy ${persona.name} { ... }' with what research found about them.`, { node: setting });
        }
    }

    /** An empathy map's persona belongs to the journey, and each of its four quadrants says something. */
    checkEmpathyMap(empathy: EmpathyMap, accept: ValidationAcceptor): void {
        const persona = empathy.persona?.ref;
        const journey = AstUtils.getContainerOfType(empathy, isJourney);
        const cast = journey ? journeyPersonas(journey) : [];
        if (persona && cast.length > 0 && !cast.includes(persona)) {
            accept('warning', `Persona '${persona.name}' is not one of this journey's personas (${cast.map(p => p.name).join(', ')}). Add it to the journey's 'personas' line.`, { node: empathy, property: 'persona', ...issue(IssueCodes.PersonaNotInJourney) });
        }
        const said = new Set(empathy.items.filter(isEmpathyNote).map(note => note.kind));
        const empty = EMPATHY_QUADRANTS.filter(kind => !said.has(kind));
        if (empty.length === 0 || !empathy.persona) return;
        const who = persona?.name ?? empathy.persona.$refText;
        const verbs = empty.map(kind => ({ says: 'say', thinks: 'think', does: 'do', feels: 'feel' })[kind as 'says']);
        const what = verbs.length === 1 ? verbs[0] : `${verbs.slice(0, -1).join(', ')} or ${verbs[verbs.length - 1]}`;
        accept('hint', `${who}'s empathy map says nothing yet about what they ${what}. Add ${empty.map(kind => `'${kind} "..."'`).join(', ')} from your research, or note what you do not know with 'question "..."'.`,
            { node: empathy, keyword: 'empathy', ...issue(IssueCodes.EmpathyQuadrantEmpty, { empty }) });
    }

    /**
     * A picture is a file of the workspace the map can show, there to be seen, not too large to carry
     * inline in every export, and described for those who cannot see it.
     */
    async checkPicture(picture: Picture, accept: ValidationAcceptor): Promise<void> {
        if (picture.path === undefined) return;
        if (picture.alt === undefined || picture.alt.trim() === '') {
            accept('warning', 'This image says nothing to people who cannot see it: a screen reader reads its description, and so does everyone whose export lost the picture. Add one after the path: alt "what the picture shows".',
                { node: picture, property: picture.alt === undefined ? 'path' : 'alt', ...issue(IssueCodes.PictureWithoutAlt) });
        }
        // In the editor, a picture outside the workspace is refused; where there is none (the command line), the reader decides.
        const uri = this.dataSets.resolveFile(AstUtils.getDocument(picture).uri, picture.path, IMAGE_FILE);
        if ('problem' in uri) {
            accept('error', uri.problem, { node: picture, property: 'path' });
            return;
        }
        let found: Awaited<ReturnType<DataSets['stat']>>;
        try {
            found = await this.dataSets.stat(uri);
        } catch (error) {
            accept('error', `The image cannot be read: ${(error as Error).message}`, { node: picture, property: 'path' });
            return;
        }
        const file = uri.path.split('/').pop();
        if (found === undefined) {
            accept('error', `There is no image ${file} in ${UriUtils.dirname(uri).path}. Check the path: it is relative to this map.`, { node: picture, property: 'path' });
        } else if (found !== 'unavailable' && found.directory) {
            accept('error', `'${picture.path}' is a folder. Name the image file in it.`, { node: picture, property: 'path' });
        } else if (found !== 'unavailable' && found.size > LARGE_PICTURE_BYTES) {
            const megabytes = (found.size / 1024 / 1024).toFixed(1);
            accept('warning', `${file} is ${megabytes} MB, and every export of the map carries it inline. Save a smaller version (a picture ${LARGE_PICTURE_BYTES / 1024 / 1024} MB or less; a panel is rarely drawn wider than 300 pixels).`, { node: picture, property: 'path' });
        }
    }

    /** One picture per stage or touchpoint: a second would be dropped silently. */
    checkOnePicture(element: Stage | Touchpoint, accept: ValidationAcceptor): void {
        for (const extra of repeats(element.items, isPicture)) {
            accept('warning', `This ${isStage(element) ? 'stage' : element.moment ? 'moment' : 'touchpoint'} already has an image, and only the first is shown. Give each picture a touchpoint of its own, or keep the one that says most.`, { node: extra });
        }
    }

    /** One time of day per stage or touchpoint: a second `at` would be dropped silently. */
    checkOneTime(element: Stage | Touchpoint, accept: ValidationAcceptor): void {
        for (const extra of repeats(element.items, isTimeOfDay)) {
            accept('warning', `This ${isStage(element) ? 'stage' : element.moment ? 'moment' : 'touchpoint'} already has a time, and only the first counts. Write one 'at', with a span if it lasts ('at 06:30-09:00').`, { node: extra });
        }
    }

    /**
     * A day runs forwards: a stage or touchpoint that starts earlier than the one before it is most
     * likely misplaced or mistyped. Going back by half a day or more is read as passing midnight.
     */
    async checkTimesOfDay(journey: Journey, accept: ValidationAcceptor, cancelToken: Cancellation.CancellationToken): Promise<void> {
        let previous: { minutes: number; start: string; what: string } | undefined;
        // A touchpoint at a time: in a huge journey other work runs in between.
        const checkpoint = cancellationCheckpoints(cancelToken);
        const visit = (element: Stage | Touchpoint, what: string) => {
            const at = element.items.find(isTimeOfDay);
            const span = timeSpan(at);
            const minutes = span && minutesOf(span.start);
            if (!at || !span || minutes === undefined) return;
            if (previous && minutes < previous.minutes && previous.minutes - minutes < 12 * 60) {
                accept('warning', `${capitalized(what)} starts at ${span.start}, earlier than ${previous.what} before it (${previous.start}): a day in the map runs forwards. Check the time, or move it to where it belongs in the day.`, { node: at, property: 'time' });
            }
            previous = { minutes, start: span.start, what };
        };
        for (const stage of journey.stages) {
            visit(stage, `stage '${stage.name}'`);
            for (const touchpoint of stageTouchpoints(stage)) {
                const pause = checkpoint();
                if (pause) await pause;
                visit(touchpoint, `${touchpoint.moment ? 'moment' : 'touchpoint'} '${touchpoint.name}'`);
            }
        }
    }

    /**
     * `kpi "Conversion" 12 % persona Owner` reads as a KPI and then a `persona` line, which changes who
     * the whole touchpoint involves. Written on the KPI's line, it was most likely meant for the KPI.
     */
    checkPersonaAfterKpi(touchpoint: Touchpoint, accept: ValidationAcceptor): void {
        touchpoint.items.forEach((item, index) => {
            const before = touchpoint.items[index - 1];
            if (!isPersonaUse(item) || !isKpi(before) || !item.$cstNode || !before.$cstNode) return;
            if (item.$cstNode.range.start.line !== before.$cstNode.range.end.line) return;
            const names = item.personas.map(ref => ref.$refText).join(', ');
            accept('warning', `This 'persona ${names}' follows the KPI on its line, but it is a statement of its own: it says that the whole touchpoint involves only ${names}, not whose KPI it is. For a KPI of one persona or segment, write 'kpi "${before.label ?? '...'}" ... for ${item.personas[0]?.$refText ?? 'Name'}'; otherwise put the persona line on a line of its own.`,
                { node: item, keyword: 'persona', ...issue(IssueCodes.PersonaAfterKpi, item.personas.length === 1 ? { persona: item.personas[0].$refText } : {}) });
        });
    }

    /**
     * Some customers prefer some channels (a mobile wallet in one region, a card in another; support
     * by phone or in social media): a touchpoint on a channel none of its personas prefers is a hint.
     */
    checkPreferredChannels(touchpoint: Touchpoint, accept: ValidationAcceptor): void {
        const [used] = touchpointChannelReferences(touchpoint);
        const channel = used?.reference.ref;
        const journey = AstUtils.getContainerOfType(touchpoint, isJourney);
        if (!channel || !journey) return;
        const choosy = touchpointPersonas(touchpoint, journey)
            .map(persona => ({ persona, prefers: persona.preferences.flatMap(p => p.channels) }))
            .filter(({ prefers }) => prefers.length > 0);
        if (choosy.length === 0 || choosy.some(({ prefers }) => prefers.some(ref => ref.ref === channel))) return;
        const said = choosy.map(({ persona, prefers }) => `${persona.name} prefers ${prefers.map(ref => ref.$refText).join(', ')}`).join('; ');
        accept('hint', `This touchpoint is on '${channel.name}', a channel none of its personas prefers (${said}). Meet them where they are, or say why this channel.`,
            { node: used.use, property: 'channel', ...issue(IssueCodes.ChannelNotPreferred) });
    }

    checkTouchpoint(touchpoint: Touchpoint, accept: ValidationAcceptor): void {
        const channels = touchpointChannelReferences(touchpoint);
        if (touchpoint.moment && channels.length > 0) {
            accept('warning', `A moment is part of the customer's day that involves no channel of ours, but '${touchpoint.name}' names the channel '${channels[0].reference.$refText}'. Make it a touchpoint, or remove the channel.`,
                { node: touchpoint, keyword: 'moment', ...issue(IssueCodes.MomentWithChannel) });
        }
        if (channels.length > 1) {
            const [second] = channels.slice(1);
            const names = channels.map(({ reference }) => reference.$refText).join(', ');
            accept('error', `${touchpoint.name ? `Touchpoint '${touchpoint.name}'` : 'This touchpoint'} names ${channels.length} channels (${names}), but a touchpoint happens in one channel. Split it into one touchpoint per channel.`,
                { node: second.use, ...(second.index === undefined ? {} : { property: 'extraChannels', index: second.index }), ...issue(IssueCodes.SeveralChannels) });
        }
        const journey = AstUtils.getContainerOfType(touchpoint, isJourney);
        if (!journey) return;
        const journeyCast = journeyPersonas(journey);
        for (const use of touchpoint.items.filter(isPersonaUse)) {
            use.personas.forEach((ref, index) => {
                if (ref.ref && journeyCast.length > 0 && !journeyCast.includes(ref.ref)) {
                    accept('warning', `Persona '${ref.ref.name}' is not one of this journey's personas (${journeyCast.map(p => p.name).join(', ')}). Add it to the journey's 'personas' line so it gets an emotion lane.`, { node: use, property: 'personas', index, ...issue(IssueCodes.PersonaNotInJourney) });
                }
            });
        }
    }

    checkEmotion(emotion: Emotion, accept: ValidationAcceptor): void {
        const { min, max } = EMOTION_SCALE;
        if (emotion.score === undefined) return; // the syntax error already says a number is missing
        if (emotion.score < min || emotion.score > max) {
            accept('error', `Emotion ${emotion.score} is outside the scale. Use a whole number from ${min} (very negative) to ${formatEmotion(max)} (very positive); 0 is neutral.`, { node: emotion, property: 'score', ...issue(IssueCodes.EmotionOutOfScale) });
        } else if (!Number.isInteger(emotion.score)) {
            const [lower, upper] = [Math.floor(emotion.score), Math.ceil(emotion.score)].map(formatEmotion);
            accept('error', `Emotion ${emotion.score} is on the scale but between two steps: the scale has only whole numbers from ${min} to ${formatEmotion(max)}. Choose ${lower} or ${upper}.`, { node: emotion, property: 'score', ...issue(IssueCodes.EmotionNotWhole) });
        }
        if (emotion.persona) {
            const persona = emotion.persona.ref;
            const touchpoint = AstUtils.getContainerOfType(emotion, isTouchpoint);
            const journey = touchpoint && AstUtils.getContainerOfType(touchpoint, isJourney);
            if (persona && touchpoint && journey && !touchpointPersonas(touchpoint, journey).includes(persona)) {
                accept('warning', `Persona '${persona.name}' is not among the personas of ${touchpoint.name ? `touchpoint '${touchpoint.name}'` : 'this touchpoint'}. Add it to the touchpoint's 'persona' line or to the journey's 'personas'.`, { node: emotion, property: 'persona', ...issue(IssueCodes.PersonaNotInJourney) });
            }
            return;
        }
        if (emotionPersona(emotion)) return;
        const touchpoint = AstUtils.getContainerOfType(emotion, isTouchpoint);
        const journey = touchpoint && AstUtils.getContainerOfType(touchpoint, isJourney);
        const personas = touchpoint && journey ? touchpointPersonas(touchpoint, journey) : [];
        // Personas named but not found: the unknown name has its own error, and this one would contradict the file.
        if (personas.length === 0 && touchpoint && journey && namesUnknownPersonas(touchpoint, journey)) return;
        const message = personas.length === 0
            ? `Whose emotion is this? The journey names no personas. Add 'personas <Name>' to the journey header, or write 'emotion <Persona> ${formatEmotion(emotion.score)}'.`
            : `Whose emotion is this? ${touchpoint!.name ? `Touchpoint '${touchpoint!.name}'` : 'This touchpoint'} concerns ${personas.map(p => p.name).join(' and ')}: write 'emotion ${personas[0].name} ${formatEmotion(emotion.score)}'.`;
        accept('error', message, { node: emotion, keyword: 'emotion', ...issue(IssueCodes.EmotionPersonaMissing) });
    }

    /**
     * Checked per journey rather than per pain point, so a journey with many of both is read once, not
     * once per pain; a stage at a time, so that in a huge journey other work runs in between.
     */
    async checkPainsAddressed(journey: Journey, accept: ValidationAcceptor, cancelToken: Cancellation.CancellationToken): Promise<void> {
        const addressed = new Set(journey.opportunities.flatMap(opportunity => opportunity.items.filter(isAddresses).flatMap(item => item.pains.map(ref => ref.ref))));
        const checkpoint = cancellationCheckpoints(cancelToken);
        for (const stage of journey.stages) for (const pain of stagePains(stage)) {
            const pause = checkpoint();
            if (pause) await pause;
            if (pain.name !== undefined && addressed.has(pain)) continue;
            // Research found customers do not have it: nothing to address.
            if (evidenceOf(pain)?.level === 'refuted') continue;
            const message = pain.name
                ? `No opportunity addresses the pain point '${pain.name}' yet. Add 'addresses ${pain.name}' to an opportunity.`
                : 'No opportunity can address this pain point: it has no name. Name it (pain MyName "...") and add an opportunity that addresses it.';
            accept('hint', message, { node: pain, property: pain.name ? 'name' : 'text', ...issue(IssueCodes.PainUnaddressed) });
        }
    }

    checkOpportunitiesHaveActions(journey: Journey, accept: ValidationAcceptor): void {
        const acted = new Set(journey.actions.flatMap(action => action.items.filter(isActionFor).flatMap(item => item.opportunities.map(ref => ref.ref))));
        for (const opportunity of journey.opportunities) {
            if (!opportunity.name || acted.has(opportunity)) continue;
            accept('hint', `No action takes up the opportunity '${opportunity.name}' yet. Add an action with 'for ${opportunity.name}' and an owner.`, { node: opportunity, property: 'name', ...issue(IssueCodes.OpportunityWithoutAction) });
        }
    }

    /**
     * `language <tag>`: a BCP 47 tag, and one we have words for. A tag we lack draws in English,
     * and the warning lists the languages we have; a close tag (`se` for Swedish) is offered as a fix.
     */
    checkLanguage(setting: LanguageSetting, accept: ValidationAcceptor): void {
        if (!setting.tag) return;
        const text = setting.$cstNode?.text.replace(/^language\s+/, '') ?? setting.tag;
        if (/\s/.test(text)) {
            accept('warning', `A language tag is one word with hyphens and no spaces: write '${setting.tag}'.`, { node: setting, property: 'tag', ...issue(IssueCodes.UnknownLanguage, { tag: setting.tag }) });
            return;
        }
        let wellFormed = true;
        try {
            Intl.getCanonicalLocales(setting.tag);
        } catch {
            wellFormed = false;
        }
        if (!wellFormed) {
            accept('error', `'${setting.tag}' is not a language tag. Write a BCP 47 tag such as sv, nb or sv-FI. Languages with words for the map: ${mapLanguageList()}.`, { node: setting, property: 'tag', ...issue(IssueCodes.UnknownLanguage, { tag: setting.tag }) });
            return;
        }
        if (!mapLanguageOf(setting.tag)) {
            accept('warning', `There are no words for the language '${setting.tag}' yet, so this map's lane titles, badges and headings stay in English. Languages with words: ${mapLanguageList()}.`, { node: setting, property: 'tag', ...issue(IssueCodes.UnknownLanguage, { tag: setting.tag }) });
        }
    }

    async checkReviewDate(review: ReviewSetting, accept: ValidationAcceptor): Promise<void> {
        if (review.date === undefined) return;
        if (!parseCalendarDate(review.date)) {
            accept('error', `'${review.date}' is not a calendar date. Write the review date as YYYY-MM-DD, for example 2027-03-31.`, { node: review, property: 'date', ...issue(IssueCodes.InvalidDate) });
            return;
        }
        // The `journey.validation.staleReview` setting turns this warning off.
        const settings = await this.configuration.getConfiguration('journey', 'validation') as { staleReview?: boolean } | undefined;
        if (settings?.staleReview !== false && isStale(review.date)) {
            accept('warning', `The review date ${review.date} has passed: this map may be stale. Check it against current research and set the next review date.`, { node: review, property: 'date', ...issue(IssueCodes.StaleReview) });
        }
    }

    async checkDueDate(due: ActionDue, accept: ValidationAcceptor): Promise<void> {
        if (due.date === undefined) return;
        if (!parseCalendarDate(due.date)) {
            accept('error', `'${due.date}' is not a calendar date. Write the due date as YYYY-MM-DD, for example 2027-03-31.`, { node: due, property: 'date', ...issue(IssueCodes.InvalidDate) });
            return;
        }
        // The `journey.validation.overdueActions` setting turns this warning off.
        const settings = await this.configuration.getConfiguration('journey', 'validation') as { overdueActions?: boolean } | undefined;
        if (settings?.overdueActions !== false && isStale(due.date)) {
            const action = AstUtils.getContainerOfType(due, (node): node is Action => node.$type === 'Action');
            accept('warning', `${action?.name ? `Action '${action.name}'` : 'This action'} was due on ${due.date}. If it is done, remove it or note the result in the map; if not, agree a new due date with its owner.`,
                { node: due, property: 'date', ...issue(IssueCodes.OverdueAction) });
        }
    }

    checkImproves(setting: ImprovesSetting, accept: ValidationAcceptor): void {
        const journey = AstUtils.getContainerOfType(setting, isJourney);
        const target = setting.journey?.ref;
        if (target && target === journey) {
            accept('error', `A journey cannot improve itself. Name the current-state journey this one improves.`, { node: setting, property: 'journey', ...issue(IssueCodes.ImprovesItself) });
        } else if (target && journeyKind(target) === 'future-state') {
            accept('warning', `'${target.name}' is itself a future state. 'improves' should name the current-state journey, so stages and emotions compare with today's experience.`, { node: setting, property: 'journey' });
        }
    }

    checkAddressesPains(addresses: Addresses, accept: ValidationAcceptor): void {
        const seen = new Set<PainPoint>();
        addresses.pains.forEach((ref, index) => {
            if (ref.ref && seen.has(ref.ref)) {
                accept('warning', `'${ref.ref.name}' is listed twice. Remove the repeat.`, { node: addresses, property: 'pains', index });
            }
            if (ref.ref) seen.add(ref.ref);
            const evidence = ref.ref && evidenceOf(ref.ref);
            if (ref.ref && evidence?.level === 'refuted') {
                const instead = evidence.replacement?.ref;
                const found = isPainPoint(instead) && instead.name ? ` Research found '${instead.name}' instead: address that.` : ' Address what the research found instead, or drop it.';
                accept('warning', `Research refuted the pain point '${ref.ref.name}', so this opportunity addresses a problem customers do not have.${found}`,
                    { node: addresses, property: 'pains', index, ...issue(IssueCodes.AddressesRefuted, isPainPoint(instead) && instead.name ? { instead: instead.name } : {}) });
            }
        });
    }

    /**
     * `instead` names what research found in place of a refuted hypothesis: with any other level it is
     * a slip (the fix marks the item refuted), and an item cannot be replaced by itself.
     */
    checkEvidence(note: EvidenceNote, accept: ValidationAcceptor): void {
        if (!note.replacement || note.level === undefined) return;
        if (note.level !== 'refuted') {
            accept('warning', `'instead' says what research found in place of a refuted hypothesis, but this item is '${note.level}'. Write 'evidence refuted', or remove 'instead ${note.replacement.$refText}'.`,
                { node: note, property: 'level', ...issue(IssueCodes.InsteadNotRefuted) });
        }
        if (note.replacement.ref && note.replacement.ref === note.$container) {
            accept('warning', `An item cannot be replaced by itself: name what the research found instead.`, { node: note, property: 'replacement' });
        }
    }

    /** An opportunity or action has one description: a second one would be dropped silently. */
    checkOneDescription(element: Opportunity | Action, accept: ValidationAcceptor): void {
        const kind = isOpportunity(element) ? 'opportunity' : 'action';
        for (const extra of repeats(element.items, isDescription)) {
            accept('warning', `This ${kind} already has a description, and only the first is shown. Merge the two into one 'description "..."'.`, { node: extra });
        }
    }

    /** A priority is a place in the plan: a whole number from 1, once per action. */
    checkPriority(priority: ActionPriority, accept: ValidationAcceptor): void {
        if (priority.rank === undefined) return;
        if (!isPlanPlace(priority.rank)) {
            accept('error', `A priority is a place in the action plan: 1 comes first, then 2 and so on. Write a whole number from 1, not ${priority.rank}.`, { node: priority, property: 'rank' });
        }
        if (repeats(priority.$container.items, isActionPriority).includes(priority)) {
            accept('warning', `This action already has a priority, and only the first counts. Remove this one.`, { node: priority });
        }
    }

    /** Two actions with the same priority leave their order to chance: the second is told the next free number. */
    checkPriorities(journey: Journey, accept: ValidationAcceptor): void {
        const byRank = new Map<number, Action>();
        // A priority that is no place in a plan (0, 1.5) has an error of its own and takes no place here.
        const ranks = journey.actions.flatMap(action => action.items.filter(isActionPriority).slice(0, 1).map(priority => ({ action, priority })))
            .filter(({ priority }) => isPlanPlace(priority.rank));
        const free = Math.max(0, ...ranks.map(r => r.priority.rank!)) + 1;
        for (const { action, priority } of ranks) {
            const first = byRank.get(priority.rank!);
            if (!first) {
                byRank.set(priority.rank!, action);
                continue;
            }
            accept('warning', `'${first.name}' has priority ${priority.rank} too, so the plan cannot tell which comes first. Give this action another number (${free} is free).`,
                { node: priority, property: 'rank', ...issue(IssueCodes.SharedPriority, { free }) });
        }
    }

    checkAction(action: Action, accept: ValidationAcceptor): void {
        const owners = action.items.filter(item => item.$type === 'ActionOwner');
        if (action.name && owners.length === 0) {
            accept('hint', `Action '${action.name}' has no owner, so nobody is accountable for it. Add 'owner "Team or person"'.`, { node: action, property: 'name' });
        }
    }
}

/** Marks a diagnostic with the code of its quick fix (as LSP `code`, and as `data` for the code-action provider). */
function issue(code: string, data: Record<string, unknown> = {}) {
    return { code, data: { code, ...data } };
}

/** Named things that must be unique within a journey, by the word used for them in messages. */
function identityKind(node: AstNode): string {
    if (isStage(node)) return 'stage';
    if (isTouchpoint(node)) return 'touchpoint';
    if (isPainPoint(node)) return 'pain point';
    if (isChannelDecl(node)) return 'channel';
    if (node.$type === 'Opportunity') return 'opportunity';
    if (node.$type === 'Action') return 'action';
    return 'moment';
}

function isQuotedTextOrComment(leaf: LeafCstNode): boolean {
    return leaf.hidden || leaf.tokenType.name === 'STRING';
}

function keywordOf(setting: AstNode): string {
    return setting.$cstNode?.text.split(/\s/)[0] ?? setting.$type;
}

function lineOf(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}

/** The statements of one kind after the first: a block says some things once, and a repeat would be dropped silently. */
function repeats<T extends AstNode>(statements: readonly AstNode[], is: (node: unknown) => node is T): T[] {
    return statements.filter(is).slice(1);
}

/** A priority that is a place in an action plan: a whole number from 1. */
function isPlanPlace(rank: number | undefined): boolean {
    return rank !== undefined && Number.isInteger(rank) && rank >= 1;
}

/** Minutes since midnight of a time written on the 24-hour clock (07:30), as the TIME terminal admits it. */
function minutesOf(time: string): number | undefined {
    const match = /^(\d{1,2}):(\d{2})$/.exec(time);
    return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}
