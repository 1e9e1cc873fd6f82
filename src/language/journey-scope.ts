/**
 * Which names each reference can see.
 * - Personas, channels and journeys declared at the top of a file are visible in the whole workspace.
 * - Inside a journey, its stages, touchpoints, pain points, channels and opportunities are visible
 *   everywhere in that journey, however deeply they are nested (an opportunity at the end of the
 *   journey addresses a pain point raised inside a stage).
 * - `matches` in a future-state stage sees the stages of the journey it improves.
 */
import { AstUtils, DefaultScopeComputation, DefaultScopeProvider, EMPTY_SCOPE, MultiMap, type AstNode, type AstNodeDescription, type LangiumDocument, type ReferenceInfo, type Scope } from 'langium';
import { isCounterpart, isImprovesSetting, isJourney, type Journey } from './generated/ast.js';

export class JourneyScopeComputation extends DefaultScopeComputation {

    protected override addLocalSymbol(node: AstNode, document: LangiumDocument, symbols: MultiMap<AstNode, AstNodeDescription>): void {
        const name = this.nameProvider.getName(node);
        if (!name || !node.$container) return;
        const journey = AstUtils.getContainerOfType(node.$container, isJourney);
        symbols.add(journey ?? node.$container, this.descriptions.createDescription(node, name, document));
    }
}

export class JourneyScopeProvider extends DefaultScopeProvider {

    override getScope(context: ReferenceInfo): Scope {
        if (isCounterpart(context.container)) {
            const baseline = baselineOf(AstUtils.getContainerOfType(context.container, isJourney));
            return baseline ? this.createScopeForNodes(baseline.stages) : EMPTY_SCOPE;
        }
        return super.getScope(context);
    }
}

/** The current-state journey that a future-state journey improves, if it names one that resolves. */
export function baselineOf(journey: Journey | undefined): Journey | undefined {
    const setting = journey?.header.find(isImprovesSetting);
    const baseline = setting?.journey.ref;
    return baseline && baseline !== journey ? baseline : undefined;
}
