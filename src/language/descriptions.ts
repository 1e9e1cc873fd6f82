/**
 * The index entries a rebuild makes for every named node and every reference, with what only an
 * editor request reads (where the text is, a node's path in its tree) worked out when first read.
 * A rebuild after each keystroke makes them all again: in a journey of 1,000 touchpoints that is
 * thousands of text ranges and paths per keystroke, made eagerly by Langium and almost never read
 * (find references, rename, highlights and workspace symbols read a few), and their garbage.
 *
 * What they are computed from does not change while they are in use: each rebuild replaces the
 * entries of its document, and no request runs during a rebuild (Langium's workspace lock).
 */
import {
    AstUtils, DefaultAstNodeDescriptionProvider, CstUtils, isMultiReference, isReference, UriUtils,
    type AstNode, type AstNodeDescription, type AstNodeLocator, type CstNode, type DocumentSegment, type LangiumDocument, type NameProvider, type ReferenceDescription, type ReferenceInfo, type URI
} from 'langium';

class NodeDescription implements AstNodeDescription {
    readonly type: string;
    private pathMemo: string | undefined;
    private selection: DocumentSegment | undefined;
    private nameAt: DocumentSegment | undefined;

    constructor(readonly node: AstNode, readonly name: string, readonly documentUri: URI, private readonly locator: AstNodeLocator, private readonly names: NameProvider) {
        this.type = node.$type;
    }

    get path(): string {
        return this.pathMemo ??= this.locator.getAstNodePath(this.node);
    }

    get selectionSegment(): DocumentSegment | undefined {
        return this.selection ??= CstUtils.toDocumentSegment(this.node.$cstNode);
    }

    get nameSegment(): DocumentSegment | undefined {
        return this.nameAt ??= CstUtils.toDocumentSegment(this.names.getNameNode(this.node) ?? this.node.$cstNode);
    }
}

export class LazyAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        const named = name ?? this.nameProvider.getName(node);
        if (!named) throw new Error(`Node at path ${this.astNodeLocator.getAstNodePath(node)} has no name.`);
        return new NodeDescription(node, named, (document ?? AstUtils.getDocument(node)).uri, this.astNodeLocator, this.nameProvider);
    }
}

class ReferenceEntry implements ReferenceDescription {
    private pathMemo: string | undefined;
    private at: DocumentSegment | undefined;

    constructor(readonly sourceUri: URI, private readonly target: AstNodeDescription, readonly local: boolean,
        private readonly container: AstNode, private readonly refNode: CstNode, private readonly locator: AstNodeLocator) {}

    get targetUri(): URI {
        return this.target.documentUri;
    }

    get targetPath(): string {
        return this.target.path;
    }

    get sourcePath(): string {
        return this.pathMemo ??= this.locator.getAstNodePath(this.container);
    }

    get segment(): DocumentSegment {
        return this.at ??= CstUtils.toDocumentSegment(this.refNode);
    }
}

/**
 * A resolved reference's entries in the index, one per target, as Langium's `createInfoDescriptions`
 * makes them; none for a reference that is not resolved.
 */
export function referenceEntries(refInfo: ReferenceInfo, sourceUri: URI, locator: AstNodeLocator, into: ReferenceDescription[]): void {
    const { reference, container } = refInfo;
    const refNode = reference.$refNode;
    if (reference.error || !refNode) return;
    const add = (target: AstNodeDescription | undefined) => {
        if (target) into.push(new ReferenceEntry(sourceUri, target, UriUtils.equals(target.documentUri, sourceUri), container, refNode, locator));
    };
    if (isReference(reference)) add(reference.$nodeDescription);
    else if (isMultiReference(reference)) for (const item of reference.items) add(item.$nodeDescription);
}
