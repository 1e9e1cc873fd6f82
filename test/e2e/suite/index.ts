/**
 * End-to-end tests inside a real VS Code extension host (code-server, see test/e2e/run.mjs).
 * They run in order against a fresh copy of test/e2e/workspace: later tests see the edits of
 * earlier ones, so each test names the state it starts from.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeDiagnostics, describeRange, positionOf, rangeAfter, runAll, test, waitFor, workspaceFile } from './harness.js';

const EXTENSION_ID = 'journey-maps.journey-maps';
const PREVIEW_VIEW_TYPE = 'journey.preview';
const UNMAPPED_STAGE = 'unmapped-stage';

const shop = workspaceFile('shop.journey');
const personas = workspaceFile('personas.journey');
const messy = workspaceFile('messy.journey');

/** What the extension's activate() returns (src/extension/extension.ts), as far as the tests use it. */
interface ModelSource {
    getViewModel(uri: string): Promise<{ journeys: Array<{ id: string; stages: Array<{ id: string; unmapped: boolean }> }> } | null>;
    portfolio: vscode.TreeDataProvider<PortfolioNode> & { groupBy(grouping: 'kind' | 'owner'): Promise<void> };
}
type PortfolioNode = { group: string } | { journey: { id: string; uri: string } };

function codeOf(diagnostic: vscode.Diagnostic): string | number | undefined {
    return typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
}

function problems(uri: vscode.Uri): vscode.Diagnostic[] {
    return vscode.languages.getDiagnostics(uri).filter(d => d.severity <= vscode.DiagnosticSeverity.Warning);
}

function labelOf(item: vscode.CompletionItem): string {
    return typeof item.label === 'string' ? item.label : item.label.label;
}

async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(uri);
    return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, preview: false });
}

/** Labels from the language server: VS Code's own word-based suggestions (kind Text) are left out. */
async function completionLabels(uri: vscode.Uri, position: vscode.Position): Promise<string[]> {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
    return list.items.filter(item => item.kind !== vscode.CompletionItemKind.Text).map(labelOf);
}

/** Text without string literals and comments, to check names without matching labels that contain them. */
function codeOnly(text: string): string {
    return text.replace(/"(\\.|[^"\\])*"|'(\\.|[^'\\])*'/g, '""').replace(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g, '');
}

test('the extension activates in a workspace with .journey files, and a .journey file opens as a journey map', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
    // workspaceContains: the Journey Maps view lists the workspace's maps before any is opened.
    await waitFor('the extension to activate', () => extension.isActive);
    const editor = await open(shop);
    assert.equal(editor.document.languageId, 'journey');
});

test('an unmapped stage gets a warning on its name, and nothing else is reported', async () => {
    const document = await vscode.workspace.openTextDocument(shop);
    const unmapped = await waitFor(() => `the unmapped-stage warning in shop.journey; its diagnostics: ${describeDiagnostics(vscode.languages.getDiagnostics(shop))}`, () =>
        vscode.languages.getDiagnostics(shop).find(d => codeOf(d) === UNMAPPED_STAGE));
    assert.equal(unmapped.severity, vscode.DiagnosticSeverity.Warning);
    const expected = rangeAfter(document, 'stage ', 'Delivery');
    assert.ok(unmapped.range.isEqual(expected), `warning on ${describeRange(unmapped.range)}, expected the stage name at ${describeRange(expected)}`);
    assert.match(unmapped.message, /Delivery/);
    assert.deepEqual(problems(shop).map(d => d.message), [unmapped.message], `other problems in shop.journey: ${describeDiagnostics(problems(shop))}`);
});

test('edits typed inside touchpoints (each reparsed in its block) leave every problem on its own text', async () => {
    const editor = await open(shop);
    const { document } = editor;
    const original = document.getText();
    // A line added inside the first touchpoint moves everything after it; then a score in the second one goes off the scale.
    assert.ok(await editor.edit(edit => edit.insert(positionOf(document, 'feels "Curious"', { offset: 'feels "Curious"'.length }), '\n            does "Looks twice"')));
    assert.ok(await editor.edit(edit => edit.replace(rangeAfter(document, 'emotion Pete -', '1'), '9')));
    const outOfScale = await waitFor(() => `the out-of-scale error in shop.journey; its diagnostics: ${describeDiagnostics(vscode.languages.getDiagnostics(shop))}`, () =>
        vscode.languages.getDiagnostics(shop).find(d => codeOf(d) === 'emotion-out-of-scale'));
    const score = rangeAfter(document, 'emotion Pete ', '-9');
    assert.ok(outOfScale.range.isEqual(score), `error on ${describeRange(outOfScale.range)}, expected the score at ${describeRange(score)}`);
    const unmapped = vscode.languages.getDiagnostics(shop).find(d => codeOf(d) === UNMAPPED_STAGE);
    const stageName = rangeAfter(document, 'stage ', 'Delivery');
    assert.ok(unmapped?.range.isEqual(stageName), `unmapped-stage warning on ${unmapped && describeRange(unmapped.range)}, expected the stage name at ${describeRange(stageName)}`);

    // Back to the text the later tests start from.
    assert.ok(await editor.edit(edit => edit.replace(new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original)));
    await document.save();
    await waitFor(() => `shop.journey's problems back to the unmapped stage alone: ${describeDiagnostics(problems(shop))}`, () =>
        problems(shop).length === 1 && codeOf(problems(shop)[0]) === UNMAPPED_STAGE && problems(shop)[0].range.isEqual(rangeAfter(document, 'stage ', 'Delivery')));
});

test('completion offers persona names and stage names', async () => {
    const document = await vscode.workspace.openTextDocument(shop);
    const personaLabels = await completionLabels(shop, positionOf(document, 'persona Colleen', { offset: 'persona '.length }));
    for (const name of ['Colleen', 'Pete']) assert.ok(personaLabels.includes(name), `persona completion lacks ${name}: ${personaLabels.join(', ')}`);
    const stageLabels = await completionLabels(shop, positionOf(document, 'next Purchase', { offset: 'next '.length }));
    for (const name of ['Awareness', 'Purchase', 'Delivery']) assert.ok(stageLabels.includes(name), `stage completion lacks ${name}: ${stageLabels.join(', ')}`);
    assert.ok(!stageLabels.includes('Colleen'), `stage completion offers the persona Colleen: ${stageLabels.join(', ')}`);
});

test('hovering a persona reference shows the persona from another file', async () => {
    const document = await vscode.workspace.openTextDocument(shop);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', shop, positionOf(document, 'personas Colleen', { offset: 'personas C'.length }));
    const text = hovers.flatMap(hover => hover.contents.map(content => typeof content === 'string' ? content : content.value)).join('\n');
    assert.match(text, /Curious Colleen/, `hover text: ${JSON.stringify(text)}`);
});

test('go to definition jumps from a persona reference to its declaration in personas.journey', async () => {
    const document = await vscode.workspace.openTextDocument(shop);
    const declarations = await vscode.workspace.openTextDocument(personas);
    const results = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>('vscode.executeDefinitionProvider', shop, positionOf(document, 'Colleen, Pete', { offset: 'Colleen, P'.length }));
    assert.equal(results.length, 1, `expected one definition, got ${results.length}`);
    const [result] = results;
    const uri = 'targetUri' in result ? result.targetUri : result.uri;
    const range = 'targetUri' in result ? result.targetSelectionRange ?? result.targetRange : result.range;
    assert.equal(uri.toString(), personas.toString());
    const expected = rangeAfter(declarations, 'persona ', 'Pete');
    assert.ok(range.contains(expected.start), `definition at ${describeRange(range)}, expected ${describeRange(expected)}`);
});

test('the quick fix for an unmapped stage adds a touchpoint and clears the warning', async () => {
    const editor = await open(shop);
    const unmapped = await waitFor(() => `the unmapped-stage warning; diagnostics: ${describeDiagnostics(vscode.languages.getDiagnostics(shop))}`, () => vscode.languages.getDiagnostics(shop).find(d => codeOf(d) === UNMAPPED_STAGE));
    const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>('vscode.executeCodeActionProvider', shop, unmapped.range, vscode.CodeActionKind.QuickFix.value);
    // The command does not return the actions' diagnostics: the range picks the fixes for this warning.
    const fixes = actions.filter((action): action is vscode.CodeAction => 'kind' in action && !!action.kind && vscode.CodeActionKind.QuickFix.contains(action.kind));
    assert.ok(fixes.length > 0, `no quick fix for the unmapped stage; code actions offered: ${actions.map(a => a.title).join(', ') || 'none'}`);
    const fix = fixes.find(action => action.isPreferred) ?? fixes[0];
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), `applying "${fix.title}" failed`);
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    const stageBlock = /stage Delivery[^{]*\{([\s\S]*?)\n    \}/.exec(editor.document.getText());
    assert.ok(stageBlock && /touchpoint \w+/.test(stageBlock[1]), `after "${fix.title}" the stage Delivery still has no touchpoint:\n${editor.document.getText()}`);
    await waitFor(() => `no problems left in shop.journey after "${fix.title}"; left: ${describeDiagnostics(problems(shop))}`, () => problems(shop).length === 0);
});

test('formatting indents blocks and is stable', async () => {
    const editor = await open(messy);
    const before = editor.document.getText();
    const options = { tabSize: 4, insertSpaces: true };
    const edits = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', messy, options);
    assert.ok(edits && edits.length > 0, 'the formatter returned no edits for a badly formatted file');
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.set(messy, edits);
    assert.ok(await vscode.workspace.applyEdit(workspaceEdit));
    const after = editor.document.getText();
    assert.notEqual(after, before);
    assert.equal(codeOnly(after).replace(/\s+/g, ''), codeOnly(before).replace(/\s+/g, ''), 'formatting changed more than whitespace');
    let depth = 0;
    for (const [index, line] of after.split('\n').entries()) {
        if (line.trim() === '') continue;
        const closing = line.trim().startsWith('}') ? 1 : 0;
        const indent = /^ */.exec(line)![0].length;
        assert.equal(indent, 4 * (depth - closing), `line ${index + 1} is indented ${indent} spaces, expected ${4 * (depth - closing)}:\n${after}`);
        assert.doesNotMatch(codeOnly(line).trim(), / {2}/, `line ${index + 1} has double spaces:\n${after}`);
        depth += (codeOnly(line).match(/\{/g) ?? []).length - (codeOnly(line).match(/\}/g) ?? []).length;
    }
    const again = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider', messy, options);
    const changing = (again ?? []).filter(edit => editor.document.getText(edit.range) !== edit.newText);
    assert.equal(changing.length, 0, `formatting twice changes the text again: ${JSON.stringify(changing)}`);
});

test('renaming a persona updates its declaration and every reference in other files', async () => {
    const document = await vscode.workspace.openTextDocument(shop);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', shop, positionOf(document, 'personas Colleen', { offset: 'personas C'.length }), 'Claire');
    assert.ok(edit, 'rename returned no edit');
    const touched = edit.entries().map(([uri]) => uri.path.split('/').pop()).sort();
    assert.deepEqual(touched, ['messy.journey', 'personas.journey', 'shop.journey']);
    assert.ok(await vscode.workspace.applyEdit(edit));
    for (const uri of [shop, personas, messy]) {
        const text = codeOnly((await vscode.workspace.openTextDocument(uri)).getText());
        assert.doesNotMatch(text, /\bColleen\b/, `${uri.path} still mentions Colleen`);
        assert.match(text, /\bClaire\b/, `${uri.path} does not mention Claire`);
    }
    assert.match((await vscode.workspace.openTextDocument(personas)).getText(), /persona Claire "Curious Colleen"/);
    // The renamed references must still resolve: no linking errors anywhere.
    await new Promise(resolve => setTimeout(resolve, 500));
    await waitFor(() => `no errors after the rename; diagnostics: ${[shop, personas, messy].map(uri => describeDiagnostics(problems(uri))).join(' | ')}`, () => [shop, personas, messy].every(uri => problems(uri).every(d => d.severity !== vscode.DiagnosticSeverity.Error)));
});

test('the preview command opens a journey preview webview beside the editor', async () => {
    await open(shop);
    const extension = vscode.extensions.getExtension<ModelSource>(EXTENSION_ID)!;
    await vscode.commands.executeCommand('journey.showPreviewToSide');
    const tab = await waitFor('a journey preview tab', () => vscode.window.tabGroups.all.flatMap(group => group.tabs)
        .find(candidate => candidate.input instanceof vscode.TabInputWebview && candidate.input.viewType.endsWith(PREVIEW_VIEW_TYPE)));
    assert.notEqual(tab.group.viewColumn, vscode.ViewColumn.One, 'the preview did not open to the side');
    const model = await waitFor('the view model of shop.journey', () => extension.exports.getViewModel(shop.toString()));
    assert.deepEqual(model.journeys.map(journey => journey.id), ['Vacuum']);
    assert.deepEqual(model.journeys[0].stages.map(stage => stage.id), ['Awareness', 'Purchase', 'Delivery']);
});

test('the language server restarts on command and keeps validating', async () => {
    await vscode.commands.executeCommand('journey.restartServer');
    const editor = await open(shop);
    const end = positionOf(editor.document, /\n}\s*$/);
    await editor.edit(builder => builder.insert(end, '\n    stage Farewell {\n    }'));
    const warning = await waitFor('the unmapped-stage warning for a stage added after the restart', () =>
        vscode.languages.getDiagnostics(shop).find(d => codeOf(d) === UNMAPPED_STAGE && /Farewell/.test(d.message)));
    assert.ok(warning.range.isEqual(rangeAfter(editor.document, 'stage ', 'Farewell')));
});

test('importing a Markdown file\'s Mermaid journey opens it as a new, valid journey map', async () => {
    const readme = workspaceFile('journeys-in-readme.md');
    await vscode.commands.executeCommand('journey.importMermaidJourney', readme);
    const editor = await waitFor('an untitled journey map', () => vscode.window.visibleTextEditors.find(e => e.document.isUntitled && e.document.languageId === 'journey'));
    const text = editor.document.getText();
    assert.match(text, /journey OrderingASpareBattery "Ordering a spare battery" \{/);
    assert.match(text, /touchpoint Pays \{\n\s+emotion Sam -2\n\s+emotion Partner -2/);
    await new Promise(resolve => setTimeout(resolve, 500));
    await waitFor(() => `the imported map to have no errors; diagnostics: ${describeDiagnostics(vscode.languages.getDiagnostics(editor.document.uri))}`,
        () => vscode.languages.getDiagnostics(editor.document.uri).every(d => d.severity !== vscode.DiagnosticSeverity.Error));
});

/** The Journey Maps view as VS Code draws it: each group's label with the tree items of its journeys. */
async function portfolioItems(): Promise<Array<{ group: string; items: vscode.TreeItem[]; nodes: PortfolioNode[] }>> {
    const view = vscode.extensions.getExtension<ModelSource>(EXTENSION_ID)!.exports.portfolio;
    const groups = (await view.getChildren()) ?? [];
    return Promise.all(groups.map(async group => {
        const nodes = (await view.getChildren(group)) ?? [];
        return { group: String((await view.getTreeItem(group)).label), items: await Promise.all(nodes.map(node => view.getTreeItem(node))), nodes };
    }));
}

function iconOf(item: vscode.TreeItem): string | undefined {
    return item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined;
}

test('the Journey Maps view lists every journey of the workspace by kind, with its health', async () => {
    const groups = await waitFor(() => 'the Journey Maps view to list the surveyed journey', async () => {
        const found = await portfolioItems();
        return found.some(group => group.items.some(item => item.label === 'Paying for a spare battery')) ? found : undefined;
    });
    assert.deepEqual(groups.map(group => group.group), ['Current state']);
    const items = groups[0].items;
    assert.deepEqual(items.map(item => item.label), ['Buying a vacuum', 'Paying for a spare battery', 'Written in a hurry']);
    // shop.journey has gained an unmapped stage (Farewell) after the quick fix mapped Delivery: it needs attention.
    const vacuum = items[0];
    assert.equal(iconOf(vacuum), 'warning');
    assert.match(String(vacuum.description), /1 stage unmapped/);
    assert.match((vacuum.tooltip as vscode.MarkdownString).value, /Unmapped stages: 1 of 4 \(Farewell\)/);
    // The survey agrees with the map: nothing to do.
    assert.equal(iconOf(items[1]), 'pass');
    assert.equal(items[1].description, 'surveyed.journey');

    const view = vscode.extensions.getExtension<ModelSource>(EXTENSION_ID)!.exports.portfolio;
    await view.groupBy('owner');
    const byOwner = await portfolioItems();
    assert.deepEqual(byOwner.map(group => group.group), ['Team Checkout', 'No owner']);
    await view.groupBy('kind');
});

test('clicking a journey in the view opens its file where the journey is declared; the inline action opens its preview', async () => {
    await open(shop);
    const [group] = await portfolioItems();
    const index = group.items.findIndex(item => item.label === 'Paying for a spare battery');
    const command = group.items[index].command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await waitFor('surveyed.journey in the editor', () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/surveyed.journey') ? vscode.window.activeTextEditor : undefined);
    assert.equal(editor.selection.active.line, positionOf(editor.document, 'journey Surveyed').line);

    await vscode.commands.executeCommand('journey.portfolio.openPreview', group.nodes[index]);
    await waitFor('a journey preview tab', () => vscode.window.tabGroups.all.flatMap(tabs => tabs.tabs)
        .find(tab => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(PREVIEW_VIEW_TYPE)));
});

test('a research data file changes on disk: the map that reads it says it drifted, and the view shows it', async () => {
    const surveyed = workspaceFile('surveyed.journey');
    await open(surveyed);
    await waitFor(() => `surveyed.journey validated clean; diagnostics: ${describeDiagnostics(problems(surveyed))}`, () => vscode.languages.getDiagnostics(surveyed).length === 0 ? true : undefined);
    // Not through an editor: as a colleague's pull or an export script writes it.
    await vscode.workspace.fs.writeFile(workspaceFile('research/checkout-survey.csv'), new TextEncoder().encode('respondent;stage;satisfaction\nR1;Pay;1\nR2;Pay;1\nR3;Pay;1\n'));
    const drift = await waitFor(() => `a drift warning in surveyed.journey; diagnostics: ${describeDiagnostics(problems(surveyed))}`, () =>
        problems(surveyed).find(d => codeOf(d) === 'data-drift'));
    assert.match(drift.message, /^This map says \+2, but Survey \(research\/checkout-survey\.csv\) says -3 \(mean 1 on 1\.\.5, n = 3\)/);
    await waitFor('the view to show the drift', async () => {
        const [group] = await portfolioItems();
        const item = group.items.find(candidate => candidate.label === 'Paying for a spare battery');
        return item && iconOf(item) === 'warning' && /1 value drifted from data/.test(String(item.description)) ? item : undefined;
    });
});

export function run(): Promise<void> {
    return runAll();
}
