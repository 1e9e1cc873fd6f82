/** Resolves references, and explains the ones that resolve to nothing in the user's words. */
import { DefaultLinker, type AstNodeDescription, type LinkingError, type ReferenceInfo } from 'langium';
import { isCounterpart } from './generated/ast.js';
import { closestName } from './journey-names.js';

/** How each kind of named thing is called in messages. */
export const KIND_WORDS: Record<string, string> = {
    Persona: 'persona',
    Stage: 'stage',
    ChannelDecl: 'channel',
    PainPoint: 'pain point',
    Opportunity: 'opportunity',
    Journey: 'journey',
    Touchpoint: 'touchpoint',
    Action: 'action'
};

export class JourneyLinker extends DefaultLinker {

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

    private explainUnknownName(refInfo: ReferenceInfo): string {
        const type = this.reflection.getReferenceType(refInfo);
        const kind = KIND_WORDS[type] ?? type;
        const name = refInfo.reference.$refText;
        const candidates = this.candidateNames(refInfo);
        if (isCounterpart(refInfo.container) && candidates.length === 0) {
            return `Unknown stage '${name}': 'matches' names a stage of the current-state journey this one improves. Add 'improves <JourneyName>' to the journey header first.`;
        }
        const suggestion = closestName(name, candidates);
        if (suggestion) return `Unknown ${kind} '${name}'. Did you mean '${suggestion}'?`;
        const known = candidates.length === 0
            ? `No ${kind} is declared yet.`
            : `Known: ${candidates.slice(0, 8).join(', ')}${candidates.length > 8 ? ` and ${candidates.length - 8} more` : ''}.`;
        return `Unknown ${kind} '${name}'. ${known} ${declarationHint(type, name)}`;
    }
}

function declarationHint(type: string, name: string): string {
    switch (type) {
        case 'Persona': return `Declare it with 'persona ${name} "Full name" { ... }' in any .journey file of the workspace, or fix the spelling.`;
        case 'ChannelDecl': return `Declare it with 'channel ${name} "Label"', or use a built-in channel.`;
        case 'Stage': return `Add 'stage ${name} { ... }' to the journey, or fix the spelling.`;
        case 'PainPoint': return `Name a pain point '${name}' in this journey ('pain ${name} "..."'), or fix the spelling.`;
        case 'Opportunity': return `Add 'opportunity ${name} "..." { ... }' to this journey, or fix the spelling.`;
        case 'Journey': return `Check the spelling, or open the folder that holds the journey '${name}'.`;
        default: return 'Check the spelling.';
    }
}
