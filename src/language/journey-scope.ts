/**
 * Which names each reference can see.
 * - Personas, channels and journeys declared at the top of a file are visible in the whole workspace.
 * - Inside a journey, its stages, touchpoints, pain points, channels and opportunities are visible
 *   everywhere in that journey, however deeply they are nested (an opportunity at the end of the
 *   journey addresses a pain point raised inside a stage).
 * - `matches` in a future-state stage sees the stages of the journey it improves.
 */
import {
    AstUtils, DefaultScopeProvider, EMPTY_SCOPE, MultiMap, stream,
    type AstNode, type AstNodeDescription, type LangiumDocument, type LocalSymbols, type ReferenceInfo, type Scope, type Stream
} from 'langium';
import { isCounterpart, isImprovesSetting, isJourney, type Journey } from './generated/ast.js';
import { WalkingScopeComputation } from './tree-walks.js';

export class JourneyScopeComputation extends WalkingScopeComputation {

    protected override addLocalSymbol(node: AstNode, document: LangiumDocument, symbols: MultiMap<AstNode, AstNodeDescription>): void {
        const name = this.nameProvider.getName(node);
        if (!name || !node.$container) return;
        const journey = AstUtils.getContainerOfType(node.$container, isJourney);
        symbols.add(journey ?? node.$container, this.descriptions.createDescription(node, name, document));
    }
}

export class JourneyScopeProvider extends DefaultScopeProvider {
    /**
     * The names each container declares, per reference type, looked up by name. Langium's default scope
     * scans all of a journey's names for every reference, which makes linking a large journey quadratic.
     * Keyed by the document's local-symbol table, which is replaced whenever the document is rebuilt.
     */
    private readonly namesByTable = new WeakMap<LocalSymbols, Map<AstNode, Map<string, LocalNames>>>();

    override getScope(context: ReferenceInfo): Scope {
        if (isCounterpart(context.container)) {
            const baseline = baselineOf(AstUtils.getContainerOfType(context.container, isJourney));
            return baseline ? this.createScopeForNodes(baseline.stages) : EMPTY_SCOPE;
        }
        const referenceType = this.reflection.getReferenceType(context);
        const localSymbols = AstUtils.getDocument(context.container).localSymbols;
        const containers: AstNode[] = [];
        for (let node: AstNode | undefined = context.container; node && localSymbols; node = node.$container) {
            if (localSymbols.has(node)) containers.push(node);
        }
        // Innermost names shadow outer ones, as in Langium's default scope.
        return containers.reduceRight<Scope>((outer, container) => new LocalNamesScope(this.localNames(localSymbols!, container, referenceType), outer),
            this.getGlobalScope(referenceType, context));
    }

    private localNames(table: LocalSymbols, container: AstNode, referenceType: string): LocalNames {
        let byContainer = this.namesByTable.get(table);
        if (!byContainer) this.namesByTable.set(table, byContainer = new Map());
        let byType = byContainer.get(container);
        if (!byType) byContainer.set(container, byType = new Map());
        let names = byType.get(referenceType);
        if (!names) {
            const all = table.getStream(container).filter(description => this.reflection.isSubtype(description.type, referenceType)).toArray();
            names = { all, byName: new MultiMap(all.map(description => [description.name, description])) };
            byType.set(referenceType, names);
        }
        return names;
    }
}

interface LocalNames {
    all: AstNodeDescription[];
    byName: MultiMap<string, AstNodeDescription>;
}

/** A container's names in declaration order; the first declaration of a name wins, like Langium's default scope. */
class LocalNamesScope implements Scope {
    constructor(private readonly names: LocalNames, private readonly outer: Scope) {}

    getElement(name: string): AstNodeDescription | undefined {
        return this.names.byName.get(name)[0] ?? this.outer.getElement(name);
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.names.byName.get(name)).concat(this.outer.getElements(name));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return stream(this.names.all).concat(this.outer.getAllElements());
    }
}

/** The current-state journey that a future-state journey improves, if it names one that resolves. */
export function baselineOf(journey: Journey | undefined): Journey | undefined {
    const setting = journey?.header.find(isImprovesSetting);
    const baseline = setting?.journey?.ref;
    return baseline && baseline !== journey ? baseline : undefined;
}
