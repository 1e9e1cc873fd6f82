/**
 * The preview script of ```journey blocks in VS Code's Markdown preview (markdown.previewScripts):
 * builds each block's view model with the journey language services and draws it with the
 * journey preview's own renderer, so a map in a README looks as it does in the map preview.
 *
 * Each map is drawn in a shadow root: the Markdown preview's stylesheet styles every table
 * and heading and would break the swimlane grid, and the map's stylesheet must not restyle
 * the rest of the document. The VS Code theme variables still reach it (custom properties
 * are inherited through the shadow boundary).
 *
 * VS Code's preview patches the page on every edit and then fires
 * `vscode.markdown.updateContent`; blocks whose text did not change are not rebuilt.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { personasOf } from '../../render/elements.js';
import { gridGeometry } from '../../render/grid-geometry.js';
import { messagesFor } from '../../render/languages.js';
import { paletteCss } from '../../render/palette.js';
import { JourneySection, type SectionContext } from '../../webview/journey-section.js';
import { pageTheme, themeKindOf } from '../../webview/theme.js';
import previewCss from '../../../media/preview.css' with { type: 'text' };
import { JourneyBlockModels, type ContextDocument } from '../journey-block-model.js';

/** Problems listed in a block; past this the block says how many more there are. */
const MAX_LISTED_PROBLEMS = 5;

/** preview.css addresses the page (`:root`, `body`); inside a shadow root the block's host stands for both. */
const blockCss = `${paletteCss()}\n${previewCss}`
    .replace(/:root\b/g, ':host')
    .replace(/(^|[\s,}])body((?:\.[\w-]+)+)/g, '$1:host-context(body$2)')
    .replace(/(^|[\s,}])body(?=\s*[{,])/g, '$1:host')
    + '\n:host { display: block; margin: 1em 0; } .journey-block-map { overflow-x: auto; }';

const models = new JourneyBlockModels();

interface DrawnBlock {
    key: string;
    sections: Map<string, JourneySection>;
}

const drawn = new WeakMap<HTMLElement, DrawnBlock>();
let drawing: Promise<void> = Promise.resolve();

function messageOf(diagnostic: Diagnostic): string {
    const message = diagnostic.message as string | { value: string };
    return typeof message === 'string' ? message : message.value;
}

function problemBanner(diagnostics: Diagnostic[], firstLine: number): HTMLElement | undefined {
    const errors = diagnostics.filter(d => (d.severity ?? 1) === 1);
    if (errors.length === 0) return undefined;
    const banner = document.createElement('div');
    banner.className = 'banner banner-error';
    const title = document.createElement('strong');
    title.textContent = `This journey block has ${errors.length === 1 ? 'an error' : `${errors.length} errors`}; the map shows what could be read.`;
    const list = document.createElement('ul');
    for (const error of errors.slice(0, MAX_LISTED_PROBLEMS)) {
        const item = document.createElement('li');
        item.textContent = `Line ${firstLine + error.range.start.line}: ${messageOf(error)}`;
        list.append(item);
    }
    if (errors.length > MAX_LISTED_PROBLEMS) {
        const more = document.createElement('li');
        more.textContent = `and ${errors.length - MAX_LISTED_PROBLEMS} more: copy the block into a .journey file to see them all.`;
        list.append(more);
    }
    banner.append(title, list);
    return banner;
}

async function drawBlock(block: HTMLElement, themeChanged: boolean): Promise<void> {
    const source = block.dataset.journeySource ?? '';
    const context = JSON.parse(block.dataset.journeyContext ?? '[]') as ContextDocument[];
    const firstLine = Number(block.dataset.journeyLine ?? '1');
    const key = JSON.stringify([source, context, firstLine, block.dataset.journeyLanguage]);
    const previous = drawn.get(block);
    if (previous && previous.key === key && block.shadowRoot && !themeChanged) return;

    const shadow = block.shadowRoot ?? block.attachShadow({ mode: 'open' });
    const { model, diagnostics } = await models.build(source, context);
    const sections = previous?.sections ?? new Map<string, JourneySection>();
    const personas = personasOf(model);
    // A Markdown preview is about as wide as a side panel: the compact grid, which the block scrolls sideways.
    const geometry = gridGeometry('compact');
    const sectionContext: SectionContext = {
        messages: messagesFor(block.dataset.journeyLanguage),
        theme: pageTheme(themeKindOf(document.body, 'light')),
        geometry: () => geometry,
        personaOrder: personas.map(p => p.id),
        overview: true
    };
    const map = document.createElement('div');
    map.className = 'journey-block-map map';
    for (const journey of model.journeys) {
        const section = sections.get(journey.key) ?? new JourneySection(journey.key);
        sections.set(journey.key, section);
        map.append(section.element);
        section.update(journey, sectionContext);
        // A timeline Mermaid cannot draw says so in its own figure; the rest of the map stands.
        section.overviewDrawn.catch(() => undefined);
    }
    if (model.journeys.length === 0) {
        const note = document.createElement('p');
        note.className = 'banner';
        note.textContent = 'This journey block declares no journey yet. Start one with: journey Name "Title" { stage Awareness { } }';
        map.append(note);
    }
    const style = document.createElement('style');
    style.textContent = blockCss;
    const banner = problemBanner(diagnostics, firstLine);
    shadow.replaceChildren(...[style, banner, map].filter((node): node is HTMLElement => node !== undefined));
    drawn.set(block, { key, sections });
}

function drawAll(themeChanged = false): void {
    const blocks = Array.from(document.querySelectorAll<HTMLElement>('.journey-block[data-journey-source]'));
    drawing = drawing.then(async () => {
        for (const block of blocks) {
            try {
                await drawBlock(block, themeChanged);
            } catch (error) {
                // Never a silent failure: the block says what went wrong instead of the map.
                const shadow = block.shadowRoot ?? block.attachShadow({ mode: 'open' });
                const note = document.createElement('p');
                note.textContent = `The journey map could not be drawn: ${error instanceof Error ? error.message : String(error)}`;
                shadow.replaceChildren(note);
            }
        }
    });
}

window.addEventListener('vscode.markdown.updateContent', () => drawAll());
// The theme is read from the body's class: redraw the diagrams in the new colours when it changes.
new MutationObserver(() => drawAll(true)).observe(document.body, { attributes: true, attributeFilter: ['class'] });
if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', () => drawAll());
} else {
    drawAll();
}
