/**
 * The Explorer's Journey Maps view: every journey of the workspace, grouped by kind or by owner, each
 * with its health (review date passed, unmapped stages, share still assumed, unaddressed pain points,
 * overdue actions, drift from research data, problems). Clicking a journey opens it where it is
 * declared; the inline action opens its preview. It follows the language server's builds.
 */
import * as vscode from 'vscode';
import { markdownText } from '../language/markdown-text.js';
import type { JourneyKindName } from '../language/vocabulary.js';
import type { PortfolioResult } from '../protocol.js';
import { assumedShare, healthLevel, healthProblems, type JourneyHealth } from '../render/portfolio.js';

export const PORTFOLIO_VIEW = 'journey.portfolio';
type Grouping = 'kind' | 'owner';
const GROUPING_KEY = 'journey.portfolio.grouping';

/** Kinds as people say them, in the order a map's life goes. */
const KIND_TITLES: Record<JourneyKindName, string> = {
    'current-state': 'Current state',
    'future-state': 'Future state',
    'day-in-the-life': 'Day in the life',
    'empathy-map': 'Empathy map',
    'service-blueprint': 'Service blueprint'
};

type Node = { group: string; journeys: JourneyHealth[] } | { journey: JourneyHealth };

/** What the view asks the language server for; undefined while it is not running. */
export type PortfolioSource = () => Promise<PortfolioResult | undefined>;

export class PortfolioView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
    private readonly changed = new vscode.EventEmitter<Node | undefined>();
    readonly onDidChangeTreeData = this.changed.event;
    private grouping: Grouping;
    private timer: ReturnType<typeof setTimeout> | undefined;

    constructor(private readonly source: PortfolioSource, private readonly state: vscode.Memento) {
        this.grouping = state.get<Grouping>(GROUPING_KEY) ?? 'kind';
        void vscode.commands.executeCommand('setContext', GROUPING_KEY, this.grouping);
    }

    /** Builds come in bursts while someone types; the view asks once they settle. */
    refreshSoon(): void {
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
            this.timer = undefined;
            this.changed.fire(undefined);
        }, 300);
    }

    async groupBy(grouping: Grouping): Promise<void> {
        this.grouping = grouping;
        await this.state.update(GROUPING_KEY, grouping);
        await vscode.commands.executeCommand('setContext', GROUPING_KEY, grouping);
        this.changed.fire(undefined);
    }

    async getChildren(node?: Node): Promise<Node[]> {
        if (node) return 'group' in node ? node.journeys.map(journey => ({ journey })) : [];
        const result = await this.source();
        if (!result) return [];
        const groups = new Map<string, JourneyHealth[]>();
        const byTitle = [...result.journeys].sort((a, b) => a.title.localeCompare(b.title));
        for (const journey of byTitle) {
            const group = this.grouping === 'kind' ? KIND_TITLES[journey.kind] ?? journey.kind : journey.owner?.trim() || 'No owner';
            let list = groups.get(group);
            if (!list) groups.set(group, list = []);
            list.push(journey);
        }
        const order = this.grouping === 'kind' ? Object.values(KIND_TITLES) : [...groups.keys()].sort((a, b) => a === 'No owner' ? 1 : b === 'No owner' ? -1 : a.localeCompare(b));
        return order.filter(group => groups.has(group)).map(group => ({ group, journeys: groups.get(group)! }));
    }

    getTreeItem(node: Node): vscode.TreeItem {
        if ('group' in node) {
            const item = new vscode.TreeItem(node.group, vscode.TreeItemCollapsibleState.Expanded);
            const attention = node.journeys.filter(journey => healthLevel(journey) !== 'ok').length;
            item.description = `${node.journeys.length}${attention > 0 ? ` · ${attention} need${attention === 1 ? 's' : ''} attention` : ''}`;
            item.contextValue = 'journeyGroup';
            item.id = `group:${this.grouping}:${node.group}`;
            return item;
        }
        const health = node.journey;
        const uri = vscode.Uri.parse(health.uri);
        const item = new vscode.TreeItem(health.title, vscode.TreeItemCollapsibleState.None);
        const problems = healthProblems(health);
        item.id = `journey:${health.uri}#${health.id}`;
        item.description = problems.length > 0 ? problems.join(' · ') : vscode.workspace.asRelativePath(uri, false);
        item.tooltip = tooltip(health, vscode.workspace.asRelativePath(uri, false));
        item.resourceUri = uri;
        item.contextValue = 'journey';
        const level = healthLevel(health);
        item.iconPath = level === 'broken' ? new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground'))
            : level === 'attention' ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'))
            : new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
        item.accessibilityInformation = { label: `${health.title}, ${level === 'ok' ? 'healthy' : problems.join(', ')}`, role: 'treeitem' };
        const start = new vscode.Position(health.range.start.line, health.range.start.character);
        item.command = { command: 'vscode.open', title: 'Open Journey', arguments: [uri, { selection: new vscode.Range(start, start) } satisfies vscode.TextDocumentShowOptions] };
        return item;
    }

    dispose(): void {
        if (this.timer) clearTimeout(this.timer);
        this.changed.dispose();
    }
}

/** The health in full: every measure, also those that are fine. User text is escaped; the rest is ours. */
function tooltip(health: JourneyHealth, file: string): vscode.MarkdownString {
    const text = markdownText;
    const share = assumedShare(health);
    const lines = [
        `**${text(health.title)}** (${text(KIND_TITLES[health.kind] ?? health.kind)})`,
        '',
        `${text(file)}${health.owner ? ` · ${text(health.owner)}` : ''}`,
        '',
        `- Review: ${health.review ? `${health.review.date}${health.review.passed ? ', **passed**' : ''}` : 'no date set'}`,
        `- Unmapped stages: ${health.unmappedStages.length} of ${health.stages}${health.unmappedStages.length > 0 ? ` (${health.unmappedStages.map(text).join(', ')})` : ''}`,
        `- Still assumed: ${share === undefined ? 'no evidence noted' : `${share} % of ${health.evidenced} items with evidence`}`,
        `- Pain points no opportunity addresses: ${health.unaddressedPains} of ${health.pains}`,
        `- Actions past their due date: ${health.overdueActions.length} of ${health.actions}${health.overdueActions.length > 0 ? ` (${health.overdueActions.map(text).join(', ')})` : ''}`,
        `- Values drifted from research data: ${health.drift}`,
        `- Problems: ${health.errors} errors, ${health.warnings} warnings`
    ];
    const markdown = new vscode.MarkdownString(lines.join('\n'));
    markdown.isTrusted = false;
    markdown.supportHtml = false;
    return markdown;
}

export function registerPortfolioView(context: vscode.ExtensionContext, source: PortfolioSource, onDidChangeModels: (listener: () => void) => vscode.Disposable): PortfolioView {
    const view = new PortfolioView(source, context.workspaceState);
    // Shown once the extension runs: in a workspace with maps, or once a map is opened.
    void vscode.commands.executeCommand('setContext', 'journey.portfolio.enabled', true);
    context.subscriptions.push(
        view,
        vscode.window.createTreeView(PORTFOLIO_VIEW, { treeDataProvider: view, showCollapseAll: true }),
        onDidChangeModels(() => view.refreshSoon()),
        vscode.commands.registerCommand('journey.portfolio.groupByKind', () => view.groupBy('kind')),
        vscode.commands.registerCommand('journey.portfolio.groupByOwner', () => view.groupBy('owner')),
        vscode.commands.registerCommand('journey.portfolio.refresh', () => view.refreshSoon()),
        vscode.commands.registerCommand('journey.portfolio.openPreview', async (node?: Node) => {
            if (node && 'journey' in node) await vscode.commands.executeCommand('journey.showPreviewToSide', vscode.Uri.parse(node.journey.uri));
        })
    );
    return view;
}
