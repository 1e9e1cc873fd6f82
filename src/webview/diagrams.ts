/**
 * Drawing the Mermaid diagrams of a journey and tying their shapes back to the source:
 * Mermaid is loaded only when the first diagram is drawn (it is most of the preview's code),
 * every drawing is cached by its text and theme, and after drawing, the stage boxes, touchpoint
 * boxes and emotion points get the same `data-key` / `data-range` as the grid's cards.
 */
import type { JourneyView } from '../model/view-model.js';
import type { EmotionChart, EmotionChartPoint } from '../render/emotion-chart.js';
import { encodeRange } from '../render/elements.js';
import { truncate } from '../render/escape.js';
import { formatEmotion, emotionLabel } from '../language/vocabulary.js';
import { mermaidConfig, type ThemeColors } from './theme.js';

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
 * global and each drawing may need its own colours.
 */
export function drawMermaid(text: string, config: Record<string, unknown>): Promise<string> {
    const cacheKey = JSON.stringify(config) + '\n' + text;
    const cached = drawings.get(cacheKey);
    if (cached) return Promise.resolve(cached);
    const drawing = renderQueue.then(async () => {
        const mermaid = await loadMermaid();
        mermaid.initialize(config);
        const { svg } = await mermaid.render(`journey-diagram-${++renderCount}`, text);
        if (drawings.size >= MAX_DRAWINGS) drawings.delete(drawings.keys().next().value!);
        drawings.set(cacheKey, svg);
        return svg;
    });
    renderQueue = drawing.catch(() => undefined);
    return drawing;
}

export function seriesColors(chart: EmotionChart, theme: ThemeColors, personaOrder: readonly string[]): string[] {
    return chart.series.map(series => {
        const index = personaOrder.indexOf(series.persona);
        return theme.personas[(index < 0 ? personaOrder.length : index) % theme.personas.length];
    });
}

export function timelineConfig(theme: ThemeColors): Record<string, unknown> {
    return mermaidConfig(theme, []);
}

export function chartConfig(chart: EmotionChart, theme: ThemeColors, personaOrder: readonly string[]): Record<string, unknown> {
    return mermaidConfig(theme, seriesColors(chart, theme, personaOrder));
}

function setSource(element: Element, source: { key: string; range: { start: { line: number; character: number }; end: { line: number; character: number } }; uri?: string }, label: string): void {
    element.setAttribute('data-key', source.key);
    element.setAttribute('data-range', encodeRange(source.range));
    if (source.uri) element.setAttribute('data-uri', source.uri);
    element.setAttribute('tabindex', '0');
    element.setAttribute('role', 'button');
    element.setAttribute('aria-label', label);
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
export function annotateTimeline(svg: SVGSVGElement, journey: JourneyView, theme: ThemeColors): void {
    let stageIndex = -1;
    let eventIndex = 0;
    const stageBoxes = new Map<string, Element>();
    for (const wrapper of Array.from(svg.querySelectorAll(':scope > g.taskWrapper, :scope > g.eventWrapper'))) {
        const node = wrapper.querySelector('g.timeline-node') ?? wrapper;
        if (wrapper.classList.contains('taskWrapper')) {
            const stage = journey.stages[++stageIndex];
            eventIndex = 0;
            if (!stage) return;
            setSource(node, stage, `Stage ${stage.label}`);
            stageBoxes.set(stage.id, node);
            node.classList.add('timeline-stage');
            node.classList.toggle('unmapped', stage.unmapped);
            addTitle(node, stage.unmapped ? `${stage.label}: no touchpoints yet` : stage.label);
            continue;
        }
        const stage = journey.stages[stageIndex];
        if (!stage) return;
        const touchpoint = stage.touchpoints[eventIndex++];
        if (touchpoint) {
            setSource(node, touchpoint, `Touchpoint ${touchpoint.label}`);
            node.classList.add('timeline-touchpoint');
            addTitle(node, touchpoint.channel ? `${touchpoint.label} (${touchpoint.channel.label})` : touchpoint.label);
        } else {
            // The placeholder event of a stage without touchpoints: part of that stage.
            setSource(node, stage, `Stage ${stage.label}: no touchpoints yet`);
            node.classList.add('timeline-unmapped', 'unmapped');
        }
    }
    compactTimeline(svg);
    drawLoops(svg, journey, stageBoxes, theme);
    fitToContent(svg);
}

/**
 * Mermaid's timeline is a straight line; a journey that sends the customer back to an earlier
 * stage draws that as an arc over the stage boxes, from the stage where it happens back to the
 * stage it returns to, labelled with the reason, in the loop colour of the grid's Flow lane.
 */
function drawLoops(svg: SVGSVGElement, journey: JourneyView, stageBoxes: Map<string, Element>, theme: ThemeColors): void {
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
        arc.setAttribute('stroke', theme.loop);
        arc.setAttribute('stroke-width', '2.5');
        const head = document.createElementNS(SVG_NS, 'path');
        head.setAttribute('d', `M${end - 6},${to.top - 12}L${end},${to.top - 2}L${end + 6},${to.top - 12}Z`);
        head.setAttribute('fill', theme.loop);
        const label = document.createElementNS(SVG_NS, 'text');
        label.setAttribute('x', String((start + end) / 2));
        label.setAttribute('y', String(top - height * 0.75 - 6));
        label.setAttribute('text-anchor', 'middle');
        label.setAttribute('font-size', '13');
        label.setAttribute('font-weight', '600');
        label.setAttribute('fill', theme.loop);
        const target = journey.stages.find(stage => stage.id === loop.to)?.label ?? loop.to;
        label.textContent = `\u21A9 ${loop.label ?? `back to ${target}`}`;
        const element = document.createElementNS(SVG_NS, 'g');
        element.setAttribute('class', 'timeline-loop');
        element.append(arc, head, label);
        const source = journey.stages.find(stage => stage.id === loop.from)?.label ?? loop.from;
        addTitle(element, `Back from ${source} to ${target}${loop.label ? `: ${loop.label}` : ''}`);
        if (loop.range) {
            // The same key as the loop's badge in the Flow lane: the cursor on the `next` line lights up both.
            setSource(element, { key: `transition:${loop.from}:${loop.to}`, range: loop.range }, `Loop back to ${target}`);
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

/** The corners of a Mermaid line path (`M x,y L x,y ...`), in drawing order. */
function pathVertices(d: string | null | undefined): Array<{ x: number; y: number }> {
    const numbers = (d ?? '').match(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi)?.map(Number) ?? [];
    const vertices: Array<{ x: number; y: number }> = [];
    for (let i = 0; i + 1 < numbers.length; i += 2) vertices.push({ x: numbers[i], y: numbers[i + 1] });
    return vertices;
}

function translation(element: Element): { x: number; y: number } | undefined {
    const match = /translate\(\s*(-?[\d.]+)[ ,]+(-?[\d.]+)/.exec(element.getAttribute('transform') ?? '');
    return match ? { x: Number(match[1]), y: Number(match[2]) } : undefined;
}

/**
 * Turns Mermaid's plain line chart into an emotional curve: whole-number ticks written as
 * `+2`/`-1`, a marked neutral line at 0, no line drawn through stages without an emotion,
 * dashed lines for the current state in a comparison, and a clickable dot per emotion.
 * Colours are written as attributes, not classes, so an exported SVG keeps them.
 */
export function annotateEmotionChart(svg: SVGSVGElement, chart: EmotionChart, colors: string[], theme: ThemeColors, personaLabels: Map<string, string>): void {
    const main = svg.querySelector('g.main') ?? svg;
    const leftLabels = Array.from(svg.querySelectorAll('g.left-axis g.label text'));
    const leftTicks = Array.from(svg.querySelectorAll('g.left-axis g.ticks path'));
    const scaleY: Array<{ value: number; y: number }> = [];
    leftLabels.forEach((label, index) => {
        const value = Number(label.textContent);
        const at = translation(label);
        if (!Number.isFinite(value) || !at) return;
        scaleY.push({ value, y: at.y });
        const whole = Number.isInteger(value);
        label.setAttribute('visibility', whole ? 'visible' : 'hidden');
        leftTicks[index]?.setAttribute('visibility', whole ? 'visible' : 'hidden');
        if (whole) label.textContent = formatEmotion(value);
    });

    const bottomAxis = pathVertices(svg.querySelector('g.bottom-axis g.axis-line path')?.getAttribute('d'));
    if (scaleY.length >= 2 && bottomAxis.length >= 2) {
        const [top, bottom] = [scaleY[0], scaleY[scaleY.length - 1]];
        const zeroY = top.y + (0 - top.value) * (bottom.y - top.y) / (bottom.value - top.value);
        svg.querySelector('.zero-line')?.remove();
        const zero = document.createElementNS(SVG_NS, 'line');
        zero.setAttribute('class', 'zero-line');
        zero.setAttribute('x1', String(bottomAxis[0].x));
        zero.setAttribute('x2', String(bottomAxis[bottomAxis.length - 1].x));
        zero.setAttribute('y1', String(zeroY));
        zero.setAttribute('y2', String(zeroY));
        zero.setAttribute('stroke', theme.muted);
        zero.setAttribute('stroke-width', '1.5');
        zero.setAttribute('stroke-dasharray', '6 4');
        addTitle(zero, '0: neutral');
        const plot = svg.querySelector('g.plot');
        if (plot) plot.before(zero); else main.append(zero);
    }

    const categoryTitles = Array.from(svg.querySelectorAll('g.bottom-axis g.label text'));
    categoryTitles.forEach((label, index) => {
        const category = chart.categories[index];
        if (category) addTitle(label, category.label === category.stageLabel ? category.label : `${category.stageLabel}: ${category.label}`);
    });

    if (chart.granularity === 'touchpoint') drawStageGroups(svg, chart, theme);

    svg.querySelector('g.emotion-points')?.remove();
    const points = document.createElementNS(SVG_NS, 'g');
    points.setAttribute('class', 'emotion-points');
    chart.series.forEach((series, index) => {
        const path = svg.querySelector<SVGPathElement>(`g.plot g.line-plot-${index} path`);
        if (!path) return;
        // The line as Mermaid drew it, kept because the preview redraws it and may annotate the same SVG again.
        if (!path.hasAttribute('data-drawn-d')) path.setAttribute('data-drawn-d', path.getAttribute('d') ?? '');
        const vertices = pathVertices(path.getAttribute('data-drawn-d'));
        if (vertices.length !== series.points.length) return;
        // Redraw the line through recorded emotions only: a gap stays a gap, but the line passes
        // over touchpoints the persona takes no part in, so each persona keeps one curve.
        let d = '';
        let previous: EmotionChartPoint | null = null;
        series.points.forEach((point, i) => {
            if (!point && series.absent?.[i]) return;
            if (point) d += `${previous ? 'L' : 'M'}${vertices[i].x},${vertices[i].y}`;
            previous = point;
        });
        path.setAttribute('d', d);
        path.setAttribute('stroke-width', series.role === 'current' ? '2' : '3');
        path.setAttribute('stroke-linejoin', 'round');
        path.setAttribute('stroke-linecap', 'round');
        if (series.role === 'current') path.setAttribute('stroke-dasharray', '7 5');
        const legendMarker = svg.querySelectorAll('g.legend g.markers path')[index];
        if (series.role === 'current') legendMarker?.setAttribute('stroke-dasharray', '4 3');
        legendMarker?.setAttribute('stroke-width', '3');

        const persona = personaLabels.get(series.persona) ?? series.persona;
        series.points.forEach((point, i) => {
            if (!point) return;
            const category = chart.categories[i];
            const dot = document.createElementNS(SVG_NS, 'circle');
            dot.setAttribute('class', `emotion-point emotion-point-${series.role}`);
            dot.setAttribute('cx', String(vertices[i].x));
            dot.setAttribute('cy', String(vertices[i].y));
            dot.setAttribute('r', series.role === 'current' ? '4' : '5.5');
            dot.setAttribute('fill', series.role === 'current' ? theme.background : colors[index]);
            dot.setAttribute('stroke', series.role === 'current' ? colors[index] : theme.background);
            dot.setAttribute('stroke-width', '2');
            dot.setAttribute('data-persona', series.persona);
            dot.setAttribute('data-covers', point.covers.map(encodeURIComponent).join(' '));
            const where = chart.granularity === 'touchpoint' ? `${category.stageLabel} › ${category.label}` : `${category.label} (average)`;
            const text = `${persona}${series.role === 'journey' ? '' : ` (${series.role})`} at ${where}: ${formatEmotion(point.value)} ${emotionLabel(point.value)}`;
            setSource(dot, point, text);
            addTitle(dot, text);
            points.append(dot);
        });
    });
    main.append(points);
}

/**
 * Under touchpoint labels, the stage each run of touchpoints belongs to, bracketed, in place
 * of the axis title: a reader should not have to guess where Consideration ends.
 */
function drawStageGroups(svg: SVGSVGElement, chart: EmotionChart, theme: ThemeColors): void {
    const positions = Array.from(svg.querySelectorAll('g.bottom-axis g.label text')).map(label => translation(label)?.x);
    const title = svg.querySelector('g.bottom-axis g.title text');
    const titleAt = title ? translation(title) : undefined;
    if (!title || !titleAt || positions.length !== chart.categories.length || positions.some(x => x === undefined)) return;
    const xs = positions as number[];
    title.setAttribute('visibility', 'hidden');
    svg.querySelector('g.stage-groups')?.remove();
    const group = document.createElementNS(SVG_NS, 'g');
    group.setAttribute('class', 'stage-groups');
    const step = xs.length > 1 ? xs[1] - xs[0] : 120;
    const y = titleAt.y + 2;
    let first = 0;
    for (let i = 1; i <= chart.categories.length; i++) {
        if (i < chart.categories.length && chart.categories[i].stageLabel === chart.categories[first].stageLabel) continue;
        const left = xs[first] - step / 2 + 6;
        const right = xs[i - 1] + step / 2 - 6;
        const bracket = document.createElementNS(SVG_NS, 'path');
        bracket.setAttribute('d', `M${left},${y - 5}V${y}H${right}V${y - 5}`);
        bracket.setAttribute('fill', 'none');
        bracket.setAttribute('stroke', theme.lines);
        bracket.setAttribute('stroke-width', '1.5');
        const label = document.createElementNS(SVG_NS, 'text');
        label.setAttribute('x', String((left + right) / 2));
        label.setAttribute('y', String(y + 4));
        label.setAttribute('dominant-baseline', 'text-before-edge');
        label.setAttribute('text-anchor', 'middle');
        label.setAttribute('font-size', '12');
        label.setAttribute('font-weight', '600');
        label.setAttribute('fill', theme.muted);
        const stageLabel = chart.categories[first].stageLabel;
        label.textContent = truncate(stageLabel, Math.max(4, Math.floor((right - left) / 7)));
        const stageGroup = document.createElementNS(SVG_NS, 'g');
        stageGroup.append(bracket, label);
        addTitle(stageGroup, stageLabel);
        group.append(stageGroup);
        first = i;
    }
    title.parentNode?.append(group);
}
