/**
 * Resolves references, explains the ones that resolve to nothing in the user's words, and reports each
 * unknown name once: an error that only follows from another unknown name is left out.
 */
import {
    AstUtils,
    type AstNodeDescription, type LangiumDocument, type LinkingError, type MultiReference, type Reference, type ReferenceInfo, type ValidationOptions
} from 'langium';
import type { Diagnostic } from 'vscode-languageserver-types';
import { isCounterpart, isEmotion, isImprovesSetting, isJourney, isPersonasSetting, isPersonaUse, type ChannelDecl, type Journey, type Model } from './generated/ast.js';
import { closestName } from './journey-names.js';
import { WalkingDocumentValidator, WalkingLinker } from './tree-walks.js';

/** How each kind of named thing is called in messages. */
export const KIND_WORDS: Record<string, string> = {
    Persona: 'persona',
    Stage: 'stage',
    ChannelDecl: 'channel',
    PainPoint: 'pain point',
    Opportunity: 'opportunity',
    Journey: 'journey',
    Touchpoint: 'touchpoint',
    Action: 'action',
    DataSource: 'data source',
    Segment: 'segment',
    Audience: 'persona or segment',
    Replaceable: 'stage, touchpoint, pain point, good moment, opportunity or action'
};

/** A channel declared inside a journey, which only that journey can use. */
export interface JourneyChannel {
    channel: ChannelDecl;
    journey: Journey;
    document: LangiumDocument;
}

export class JourneyLinker extends WalkingLinker {

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        return { ...error, message: this.explainUnknownName(refInfo) };
    }

    /** The names the reference could have meant. */
    candidateNames(refInfo: ReferenceInfo): string[] {
        return this.scopeProvider.getScope(refInfo).getAllElements().map(description => description.name).distinct().toArray();
    }

    suggestion(refInfo: ReferenceInfo): string | undefined {
        return closestName(refInfo.reference.$refText, this.candidateNames(refInfo));
    }

    /**
     * The channel an unknown channel name means when another journey declares it inside itself.
     * Only asked for names that did not resolve, so reading every document's journeys is rare.
     */
    channelInOtherJourney(refInfo: ReferenceInfo): JourneyChannel | undefined {
        if (this.reflection.getReferenceType(refInfo) !== 'ChannelDecl') return undefined;
        const name = refInfo.reference.$refText;
        const here = AstUtils.getContainerOfType(refInfo.container, isJourney);
        for (const document of this.langiumDocuments().all) {
            for (const journey of (document.parseResult.value as Model).elements.filter(isJourney)) {
                const channel = journey === here ? undefined : journey.channels.find(candidate => candidate.name === name);
                if (channel) return { channel, journey, document };
            }
        }
        return undefined;
    }

    private explainUnknownName(refInfo: ReferenceInfo): string {
        const type = this.reflection.getReferenceType(refInfo);
        const kind = KIND_WORDS[type] ?? type;
        const name = refInfo.reference.$refText;
        const candidates = this.candidateNames(refInfo);
        if (isCounterpart(refInfo.container) && candidates.length === 0) {
            const improved = AstUtils.getContainerOfType(refInfo.container, isJourney)?.header.find(isImprovesSetting)?.journey?.ref;
            return improved
                ? `Unknown stage '${name}': the journey '${improved.name}' that this one improves has no stages yet.`
                : `Unknown stage '${name}': 'matches' names a stage of the current-state journey this one improves. Add 'improves <JourneyName>' to the journey header first.`;
        }
        const elsewhere = this.channelInOtherJourney(refInfo);
        if (elsewhere) {
            const file = fileName(elsewhere.document);
            const line = (elsewhere.channel.$cstNode?.range.start.line ?? 0) + 1;
            return `Unknown channel '${name}' here: it is declared inside the journey '${elsewhere.journey.name}' (${file}, line ${line}), and a channel declared inside a journey is known only there. Move the declaration to the top of ${file} so every journey can use it.`;
        }
        const suggestion = closestName(name, candidates);
        if (suggestion) return `Unknown ${kind} '${name}'. Did you mean '${suggestion}'?`;
        const known = candidates.length === 0
            ? `No ${kind} is declared yet.`
            : `Known: ${candidates.slice(0, 8).join(', ')}${candidates.length > 8 ? ` and ${candidates.length - 8} more` : ''}.`;
        return `Unknown ${kind} '${name}'. ${known} ${declarationHint(type, name)}`;
    }
}

/** Reports linking errors, leaving out those that only follow from another unknown name (see `isFollowOn`). */
export class JourneyDocumentValidator extends WalkingDocumentValidator {
    protected override processLinkingErrors(document: LangiumDocument, diagnostics: Diagnostic[], options: ValidationOptions): void {
        const reported = { references: document.references.filter(reference => !isFollowOn(reference)) } as LangiumDocument;
        super.processLinkingErrors(reported, diagnostics, options);
    }
}

/**
 * An unknown name whose real cause is reported elsewhere: a `matches` stage when the journey named in
 * `improves` is unknown (there are no stages to match yet), and a persona in a touchpoint or emotion
 * whose name is already reported as unknown on the journey's `personas` line.
 */
function isFollowOn(reference: Reference | MultiReference): boolean {
    const info = reference.error?.info;
    if (!info) return false;
    const journey = AstUtils.getContainerOfType(info.container, isJourney);
    if (!journey) return false;
    if (isCounterpart(info.container)) return journey.header.some(setting => isImprovesSetting(setting) && setting.journey !== undefined && !setting.journey.ref);
    if (isEmotion(info.container) || isPersonaUse(info.container)) {
        return journey.header.some(setting => isPersonasSetting(setting) && setting.personas.some(ref => !ref.ref && ref.$refText === reference.$refText));
    }
    return false;
}

function fileName(document: LangiumDocument): string {
    return document.uri.path.split('/').pop() ?? document.uri.toString();
}

function declarationHint(type: string, name: string): string {
    switch (type) {
        case 'Persona': return `Declare it with 'persona ${name} "Full name" { ... }' in any .journey file of the workspace, or fix the spelling.`;
        case 'ChannelDecl': return `Declare it with 'channel ${name} "Label"', or use a built-in channel.`;
        case 'Stage': return `Add 'stage ${name} { ... }' to the journey, or fix the spelling.`;
        case 'PainPoint': return `Name a pain point '${name}' in this journey ('pain ${name} "..."'), or fix the spelling.`;
        case 'Opportunity': return `Add 'opportunity ${name} "..." { ... }' to this journey, or fix the spelling.`;
        case 'DataSource': return `Declare it in this journey with 'data ${name} "research/file.csv" { stage "<column>" }', or fix the spelling.`;
        case 'Journey': return `Check the spelling, or open the folder that holds the journey '${name}'.`;
        case 'Segment': return `Declare it at the top of a .journey file with 'segment ${name} "Label"', or fix the spelling.`;
        case 'Audience': return `'for' names the persona or segment a KPI is measured for: declare 'segment ${name} "Label"' at the top of a .journey file, or fix the spelling.`;
        case 'Replaceable': return `'instead' names what research found in this journey: give that pain point (or other element) the name '${name}', or fix the spelling.`;
        default: return 'Check the spelling.';
    }
}
