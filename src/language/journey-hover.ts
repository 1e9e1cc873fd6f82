/** Hover cards: who a persona is, what a stage holds, how a touchpoint feels. */
import { AstUtils, type AstNode, type MaybePromise } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import {
    isChannelDecl, isJourney, isOpportunity, isPainPoint, isPersona, isStage, isTouchpoint,
    type Journey, type Opportunity, type PainPoint, type Persona, type Stage, type Touchpoint
} from './generated/ast.js';
import {
    emotionPersona, journeyKind, journeyPersonas, journeyTitle, stageTouchpoints, touchpointActivities, touchpointChannel,
    touchpointEmotions, touchpointPersonas
} from './journey-semantics.js';
import { emotionLabel, formatEmotion, JOURNEY_KINDS } from './vocabulary.js';

export class JourneyHoverProvider extends AstNodeHoverProvider {

    protected getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        if (isPersona(node)) return personaCard(node);
        if (isStage(node)) return stageCard(node);
        if (isTouchpoint(node)) return touchpointCard(node);
        if (isJourney(node)) return journeyCard(node);
        if (isPainPoint(node)) return painCard(node);
        if (isOpportunity(node)) return opportunityCard(node);
        if (isChannelDecl(node)) return `**Channel** \`${node.name}\`${node.label ? `: ${node.label}` : ''}`;
        return undefined;
    }
}

function personaCard(persona: Persona): string {
    const lines = [`**Persona** ${persona.label ? `${persona.label} (\`${persona.name}\`)` : `\`${persona.name}\``}`];
    for (const detail of persona.details) lines.push(`- *${detail.kind}*: ${detail.text}`);
    return lines.join('\n');
}

function stageCard(stage: Stage): string {
    const journey = AstUtils.getContainerOfType(stage, isJourney);
    const touchpoints = stageTouchpoints(stage);
    const lines = [`**Stage** ${stage.label ?? stage.name}${journey ? ` of *${journeyTitle(journey)}*` : ''}`, ''];
    lines.push(touchpoints.length === 0 ? 'No touchpoints yet.' : `${touchpoints.length} touchpoint${touchpoints.length === 1 ? '' : 's'}: ${touchpoints.map(t => t.label ?? t.name).join(', ')}`);
    if (journey) {
        const averages = averageEmotionByPersona(touchpoints, journey);
        if (averages.length > 0) {
            lines.push('', '| Persona | Average emotion |', '|---|---|');
            for (const { persona, average } of averages) {
                lines.push(`| ${persona.label ?? persona.name} | ${average === undefined ? '—' : `${formatEmotion(round(average))} (${emotionLabel(average)})`} |`);
            }
        }
    }
    return lines.join('\n');
}

function touchpointCard(touchpoint: Touchpoint): string {
    const journey = AstUtils.getContainerOfType(touchpoint, isJourney);
    const channel = touchpointChannel(touchpoint);
    const lines = [`**Touchpoint** ${touchpoint.label ?? touchpoint.name}${channel ? ` via *${channel.label ?? channel.name}*` : ''}`];
    if (journey) {
        const personas = touchpointPersonas(touchpoint, journey);
        if (personas.length > 0) lines.push(`Personas: ${personas.map(p => p.label ?? p.name).join(', ')}`);
    }
    for (const activity of touchpointActivities(touchpoint)) lines.push(`- *${activity.kind}*: ${activity.text}`);
    for (const emotion of touchpointEmotions(touchpoint)) {
        const persona = emotionPersona(emotion);
        lines.push(`- emotion${persona ? ` of ${persona.name}` : ''}: ${formatEmotion(emotion.score)} (${emotionLabel(emotion.score)})`);
    }
    return lines.join('\n');
}

function journeyCard(journey: Journey): string {
    const personas = journeyPersonas(journey);
    return [
        `**Journey** ${journeyTitle(journey)} — ${JOURNEY_KINDS[journeyKind(journey)]}`,
        `${journey.stages.length} stages: ${journey.stages.map(s => s.name).join(' → ')}`,
        personas.length > 0 ? `Personas: ${personas.map(p => p.label ?? p.name).join(', ')}` : 'No personas named yet.'
    ].join('\n\n');
}

function painCard(pain: PainPoint): string {
    return `**Pain point**${pain.name ? ` \`${pain.name}\`` : ''}: ${pain.text}`;
}

function opportunityCard(opportunity: Opportunity): string {
    const ratings = opportunity.items.filter(item => item.$type === 'Rating').map(item => `${(item as { measure: string }).measure} ${(item as { level: string }).level}`);
    return `**Opportunity** ${opportunity.label ?? opportunity.name}${ratings.length > 0 ? ` (${ratings.join(', ')})` : ''}`;
}

/** Mean emotion of each journey persona over the touchpoints given; undefined where the persona has none. */
export function averageEmotionByPersona(touchpoints: Touchpoint[], journey: Journey): Array<{ persona: Persona; average: number | undefined }> {
    return journeyPersonas(journey).map(persona => {
        const scores = touchpoints.flatMap(touchpoint => touchpointEmotions(touchpoint).filter(e => emotionPersona(e) === persona).map(e => e.score));
        return { persona, average: scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : undefined };
    });
}

function round(value: number): number {
    return Math.round(value * 10) / 10;
}
