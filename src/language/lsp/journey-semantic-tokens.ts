/** Semantic colours: declarations and references of personas, stages, channels, pain points, data sources, replacements; emotion scores by sign. */
import type { AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import {
    isAction, isActionFor, isAddresses, isChannelDecl, isChannelUse, isCounterpart, isDataBinding, isDataSource, isEmotion, isEvidenceNote, isImprovesSetting, isJourney,
    isEmpathyMap, isKpi, isOpportunity, isPainPoint, isPersona, isPersonaSegment, isPersonasSetting, isPersonaUse, isPreferredChannels, isSegment, isStage, isTouchpoint, isTransition, type Replaceable
} from '../generated/ast.js';

/** A refuted item's replacement is coloured as its declaration is. */
const REPLACEMENT_TOKENS: Record<Replaceable['$type'], string> = {
    Stage: SemanticTokenTypes.type, Touchpoint: SemanticTokenTypes.function, PainPoint: SemanticTokenTypes.event,
    GoodMoment: SemanticTokenTypes.event, Opportunity: SemanticTokenTypes.method, Action: SemanticTokenTypes.method
};

export class JourneySemanticTokenProvider extends AbstractSemanticTokenProvider {

    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const declaration = { modifier: SemanticTokenModifiers.declaration };
        if (isPersona(node)) acceptor({ node, property: 'name', type: SemanticTokenTypes.class, ...declaration });
        else if (isJourney(node)) acceptor({ node, property: 'name', type: SemanticTokenTypes.namespace, ...declaration });
        else if (isStage(node)) acceptor({ node, property: 'name', type: SemanticTokenTypes.type, ...declaration });
        else if (isTouchpoint(node)) acceptor({ node, property: 'name', type: SemanticTokenTypes.function, ...declaration });
        else if (isChannelDecl(node)) acceptor({ node, property: 'name', type: SemanticTokenTypes.enumMember, ...declaration });
        else if (isPainPoint(node) && node.name) acceptor({ node, property: 'name', type: SemanticTokenTypes.event, ...declaration });
        else if (isOpportunity(node) || isAction(node)) acceptor({ node, property: 'name', type: SemanticTokenTypes.method, ...declaration });
        else if (isPersonasSetting(node) || isPersonaUse(node)) acceptor({ node, property: 'personas', type: SemanticTokenTypes.class });
        else if (isEmpathyMap(node)) acceptor({ node, property: 'persona', type: SemanticTokenTypes.class });
        else if (isChannelUse(node)) acceptor({ node, property: 'channel', type: SemanticTokenTypes.enumMember });
        else if (isTransition(node)) acceptor({ node, property: 'target', type: SemanticTokenTypes.type });
        else if (isCounterpart(node)) acceptor({ node, property: 'stage', type: SemanticTokenTypes.type });
        else if (isImprovesSetting(node)) acceptor({ node, property: 'journey', type: SemanticTokenTypes.namespace });
        else if (isAddresses(node)) acceptor({ node, property: 'pains', type: SemanticTokenTypes.event });
        else if (isActionFor(node)) acceptor({ node, property: 'opportunities', type: SemanticTokenTypes.method });
        else if (isDataSource(node)) acceptor({ node, property: 'name', type: SemanticTokenTypes.variable, ...declaration });
        else if (isSegment(node)) acceptor({ node, property: 'name', type: SemanticTokenTypes.interface, ...declaration });
        else if (isPersonaSegment(node)) acceptor({ node, property: 'segment', type: SemanticTokenTypes.interface });
        else if (isPreferredChannels(node)) acceptor({ node, property: 'channels', type: SemanticTokenTypes.enumMember });
        else if (isKpi(node) && node.audience?.ref) acceptor({ node, property: 'audience', type: isSegment(node.audience.ref) ? SemanticTokenTypes.interface : SemanticTokenTypes.class });
        else if (isDataBinding(node)) acceptor({ node, property: 'source', type: SemanticTokenTypes.variable });
        else if (isEvidenceNote(node) && node.replacement?.ref) acceptor({ node, property: 'replacement', type: REPLACEMENT_TOKENS[node.replacement.ref.$type] });
        else if (isEmotion(node)) {
            if (node.persona) acceptor({ node, property: 'persona', type: SemanticTokenTypes.class });
            if (node.score !== undefined) acceptor({ node, property: 'score', type: SemanticTokenTypes.number });
        }
    }
}
