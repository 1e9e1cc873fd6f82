/** Semantic colours: declarations and references of personas, stages, channels, pain points, data sources; emotion scores by sign. */
import type { AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import {
    isAction, isActionFor, isAddresses, isChannelDecl, isChannelUse, isCounterpart, isDataBinding, isDataSource, isEmotion, isImprovesSetting, isJourney,
    isOpportunity, isPainPoint, isPersona, isPersonasSetting, isPersonaUse, isStage, isTouchpoint, isTransition
} from '../generated/ast.js';

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
        else if (isChannelUse(node)) acceptor({ node, property: 'channel', type: SemanticTokenTypes.enumMember });
        else if (isTransition(node)) acceptor({ node, property: 'target', type: SemanticTokenTypes.type });
        else if (isCounterpart(node)) acceptor({ node, property: 'stage', type: SemanticTokenTypes.type });
        else if (isImprovesSetting(node)) acceptor({ node, property: 'journey', type: SemanticTokenTypes.namespace });
        else if (isAddresses(node)) acceptor({ node, property: 'pains', type: SemanticTokenTypes.event });
        else if (isActionFor(node)) acceptor({ node, property: 'opportunities', type: SemanticTokenTypes.method });
        else if (isDataSource(node)) acceptor({ node, property: 'name', type: SemanticTokenTypes.variable, ...declaration });
        else if (isDataBinding(node)) acceptor({ node, property: 'source', type: SemanticTokenTypes.variable });
        else if (isEmotion(node)) {
            if (node.persona) acceptor({ node, property: 'persona', type: SemanticTokenTypes.class });
            if (node.score !== undefined) acceptor({ node, property: 'score', type: SemanticTokenTypes.number });
        }
    }
}
