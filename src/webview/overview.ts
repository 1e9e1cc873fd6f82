/**
 * The overview band: the journey's stages and touchpoints as a Mermaid timeline, tied back to
 * the source. Mermaid is loaded only when the first timeline is drawn (it is most of the
 * preview's code), every drawing is cached by its text and theme, and after drawing, the
 * stage and touchpoint boxes get the same `data-key` / `data-range` as the grid's cards.
 */
import type { JourneyView } from '../model/view-model.js';
import { encodeRange } from '../render/elements.js';
import type { Messages } from '../render/messages.js';
import { channelLabel } from '../render/vocabulary-words.js';
import { measuringWithCanvas } from './text-measure.js';
import { mermaidConfig, type DrawTheme } from './theme.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

type Mermaid = typeof import('mermaid').default;

let mermaidLoading: Promise<Mermaid> | undefined;

function loadMermaid(): Promise<Mermaid> {
    mermaidLoading ??= import('mermaid').then(module => module.default);
    return mermaidLoading;
}

/** Drawn SVG by Mermaid text and configuration: unchanged text is never drawn twice. */
const drawings = new Map<string, string>();
const MAX_DRAWINGS = 64;
let renderQueue: Promise<unknown> = Promise.resolve();
let renderCount = 0;

/**
 * Mermaid text to SVG markup. Renders one at a time, because Mermaid's configuration is
 * global and each drawing may need its own colours. The drawing's ids start with `id`, or
 * with a number of its own when none is given: an export names its diagrams by their place
 * in it, so a map exported alone and with others is the same file.
 */
export function drawMermaid(text: string, config: Record<string, unknown>, id?: string): Promise<string> {
    const cacheKey = `${id ?? ''}\n${JSON.stringify(config)}\n${text}`;
    const cached = drawings.get(cacheKey);
    if (cached) return Promise.resolve(cached);
    const drawing = renderQueue.then(async () => {
        const mermaid = await loadMermaid();
        mermaid.initialize(config);
        const svgId = id ?? `journey-diagram-${++renderCount}`;
        const { svg } = await measuringWithCanvas(svgId, () => mermaid.render(svgId, text));
        if (drawings.size >= MAX_DRAWINGS) drawings.delete(drawings.keys().next().value!);
        drawings.set(cacheKey, svg);
        return svg;
    });
    renderQueue = drawing.catch(() => undefined);
    return drawing;
}

/**
 * Loads Mermaid and draws one small timeline with `config`, before the first map needs it (the
 * CLI's export page does this while the CLI reads the maps): Mermaid, its timeline code and its
 * first layout are then ready. Queued like every drawing, under an id no map's drawing uses.
 */
export function warmUpMermaid(config: Record<string, unknown>): void {
    renderQueue = renderQueue.then(async () => {
        const mermaid = await loadMermaid();
        mermaid.initialize(config);
        await measuringWithCanvas('journey-warm-up', () => mermaid.render('journey-warm-up', 'timeline\n    section Stage\n        Touchpoint : Touchpoint'));
    }).catch(() => {
        // If Mermaid cannot load, the first map's drawing fails with the same error and says so.
    });
}

export function timelineConfig(theme: DrawTheme): Record<string, unknown> {
    return mermaidConfig(theme);
}

/**
 * Ties a drawn box to its source. The overview repeats the grid's stages and touchpoints, so
 * its boxes are not Tab stops (the grid's are); a click still reveals them, and in an export
 * they are not buttons at all.
 */
function setSource(element: Element, source: { key: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; uri?: string }, interactive: boolean): void {
    element.setAttribute('data-key', source.key);
    element.setAttribute('data-range', encodeRange(source.range));
    if (source.uri) element.setAttribute('data-uri', source.uri);
    if (!interactive) return;
    element.setAttribute('tabindex', '-1');
    element.setAttribute('role', 'button');
}

function addTitle(element: Element, text: string): void {
    element.querySelector(':scope > title')?.remove();
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = text;
    element.prepend(title);
}

/** Shrinks an SVG to what is drawn in it: Mermaid's timeline keeps room for a title we leave out. */
function fitToContent(svg: SVGSVGElement, padding = 8): void {
    const box = svg.getBBox();
    if (box.width === 0 || box.height === 0) return;
    const width = Math.ceil(box.width + 2 * padding);
    const height = Math.ceil(box.height + 2 * padding);
    svg.setAttribute('viewBox', `${Math.floor(box.x - padding)} ${Math.floor(box.y - padding)} ${width} ${height}`);
    svg.setAttribute('width', String(width));
    svg.setAttribute('height', String(height));
    svg.style.removeProperty('max-width');
}

/**
 * Marks the timeline's boxes with the stage or touchpoint each stands for. Mermaid draws, in
 * source order, one `taskWrapper` per stage followed by one `eventWrapper` per touchpoint.
 */
export function annotateTimeline(svg: SVGSVGElement, journey: JourneyView, theme: DrawTheme, messages: Messages, interactive = true): void {
    let stageIndex = -1;
    let eventIndex = 0;
    const stageBoxes = new Map<string, Element>();
    for (const wrapper of Array.from(svg.querySelectorAll(':scope > g.taskWrapper, :scope > g.eventWrapper'))) {
        const node = wrapper.querySelector('g.timeline-node') ?? wrapper;
        if (wrapper.classList.contains('taskWrapper')) {
            const stage = journey.stages[++stageIndex];
            eventIndex = 0;
            if (!stage) return;
            setSource(node, stage, interactive);
            stageBoxes.set(stage.id, node);
            node.classList.add('timeline-stage');
            node.classList.toggle('unmapped', stage.unmapped);
            addTitle(node, stage.unmapped ? `${stage.label}: ${messages.t('stage.unmapped')}` : stage.label);
            continue;
        }
        const stage = journey.stages[stageIndex];
        if (!stage) return;
        const touchpoint = stage.touchpoints[eventIndex++];
        if (touchpoint) {
            setSource(node, touchpoint, interactive);
            node.classList.add('timeline-touchpoint');
            addTitle(node, touchpoint.channel ? `${touchpoint.label} (${channelLabel(touchpoint.channel, messages)})` : touchpoint.label);
        } else {
            // The placeholder event of a stage without touchpoints: part of that stage.
            setSource(node, stage, interactive);
            node.classList.add('timeline-unmapped', 'unmapped');
        }
    }
    compactTimeline(svg);
    drawLoops(svg, journey, stageBoxes, theme, messages, interactive);
    fitToContent(svg);
}

/**
 * Mermaid's timeline is a straight line; a journey that sends the customer back to an earlier
 * stage draws that as an arc over the stage boxes, from the stage where it happens back to the
 * stage it returns to, labelled with the reason, in the loop colour of the grid's Flow lane.
 */
function drawLoops(svg: SVGSVGElement, journey: JourneyView, stageBoxes: Map<string, Element>, theme: DrawTheme, messages: Messages, interactive: boolean): void {
    svg.querySelector(':scope > g.timeline-loops')?.remove();
    const loops = journey.transitions.filter(t => t.loop);
    if (loops.length === 0) return;
    const boxOf = (stageId: string) => {
        const node = stageBoxes.get(stageId);
        const wrapper = node?.closest('g.taskWrapper');
        const at = wrapper ? translation(wrapper) : undefined;
        if (!node || !wrapper || !at) return undefined;
        const box = (wrapper as SVGGElement).getBBox();
        return { center: at.x + box.x + box.width / 2, top: at.y + box.y, halfWidth: box.width / 2 };
    };
    const group = document.createElementNS(SVG_NS, 'g');
    group.setAttribute('class', 'timeline-loops');
    loops.forEach((loop, index) => {
        const from = boxOf(loop.from);
        const to = boxOf(loop.to);
        if (!from || !to) return;
        // A stage that loops to itself gets a small arc over its own box.
        const self = loop.from === loop.to;
        const start = self ? from.center + from.halfWidth / 2 : from.center;
        const end = self ? from.center - from.halfWidth / 2 : to.center;
        const top = Math.min(from.top, to.top);
        const height = 34 + 18 * index;
        const arc = document.createElementNS(SVG_NS, 'path');
        arc.setAttribute('d', `M${start},${from.top - 2}C${start},${top - height} ${end},${top - height} ${end},${to.top - 4}`);
        arc.setAttribute('fill', 'none');
        arc.setAttribute('stroke', theme.palette.loop);
        arc.setAttribute('stroke-width', '2.5');
        const head = document.createElementNS(SVG_NS, 'path');
        head.setAttribute('d', `M${end - 6},${to.top - 12}L${end},${to.top - 2}L${end + 6},${to.top - 12}Z`);
        head.setAttribute('fill', theme.palette.loop);
        const label = document.createElementNS(SVG_NS, 'text');
        label.setAttribute('x', String((start + end) / 2));
        label.setAttribute('y', String(top - height * 0.75 - 6));
        label.setAttribute('text-anchor', 'middle');
        label.setAttribute('font-size', '13');
        label.setAttribute('font-weight', '600');
        label.setAttribute('fill', theme.palette.loop);
        const target = journey.stages.find(stage => stage.id === loop.to)?.label ?? loop.to;
        label.textContent = `\u21A9 ${loop.label ?? messages.t('flow.backTo', { stage: target })}`;
        const element = document.createElementNS(SVG_NS, 'g');
        element.setAttribute('class', 'timeline-loop');
        element.append(arc, head, label);
        const source = journey.stages.find(stage => stage.id === loop.from)?.label ?? loop.from;
        addTitle(element, `${source} \u21A9 ${messages.t(loop.label ? 'flow.backToBecause' : 'flow.backTo', { stage: target, reason: loop.label ?? '' })}`);
        if (loop.range) {
            // The same key as the loop's badge in the Flow lane: the cursor on the `next` line lights up both.
            setSource(element, { key: `transition:${loop.from}:${loop.to}`, range: loop.range }, interactive);
        }
        group.append(element);
    });
    svg.append(group);
}

/** Room between the stage boxes and the first touchpoints, where the time axis runs. */
const TIMELINE_AXIS_BAND = 44;
/** How far the stages' dashed lines reach below the lowest touchpoint. */
const TIMELINE_TAIL = 24;

/**
 * Mermaid leaves a fixed band of about 140 px between the stage boxes and their touchpoints;
 * in a side panel that is a screenful of dashed lines. Moves the touchpoints up to a narrower
 * band with the axis in its middle. Measures before it moves, so a second call changes nothing,
 * and leaves the drawing alone if it is not shaped as expected.
 */
function compactTimeline(svg: SVGSVGElement): void {
    const placed = (selector: string) => Array.from(svg.querySelectorAll<SVGGElement>(selector)).map(element => {
        const at = translation(element);
        const box = element.getBBox();
        return at ? { element, at, top: at.y + box.y, bottom: at.y + box.y + box.height } : undefined;
    });
    const stages = placed(':scope > g.taskWrapper');
    const events = placed(':scope > g.eventWrapper');
    if (stages.length === 0 || events.length === 0 || [...stages, ...events].some(p => p === undefined)) return;
    const stageBottom = Math.max(...stages.map(p => p!.bottom));
    const eventTop = Math.min(...events.map(p => p!.top));
    const shift = Math.floor(eventTop - stageBottom - TIMELINE_AXIS_BAND);
    if (shift <= 0) return;
    for (const event of events) event!.element.setAttribute('transform', `translate(${event!.at.x}, ${event!.at.y - shift})`);
    // Every stage's dashed line ends just under the longest column of touchpoints.
    const linesEnd = Math.max(...events.map(p => p!.bottom)) - shift + TIMELINE_TAIL;
    for (const line of Array.from(svg.querySelectorAll<SVGLineElement>(':scope > g.lineWrapper > line'))) {
        const [y1, y2] = [Number(line.getAttribute('y1')), Number(line.getAttribute('y2'))];
        if (y1 === y2) {
            const axis = String(stageBottom + TIMELINE_AXIS_BAND / 2);
            line.setAttribute('y1', axis);
            line.setAttribute('y2', axis);
        } else {
            line.setAttribute('y2', String(Math.min(y2 - shift, linesEnd)));
        }
    }
}

function translation(element: Element): { x: number; y: number } | undefined {
    const match = /translate\(\s*(-?[\d.]+)[ ,]+(-?[\d.]+)/.exec(element.getAttribute('transform') ?? '');
    return match ? { x: Number(match[1]), y: Number(match[2]) } : undefined;
}
