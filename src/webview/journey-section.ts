/**
 * One journey on the page: header, stage timeline, emotional curve, swimlane grid and plan.
 * Each part is replaced only when its markup (or, for diagrams, its Mermaid text and colours)
 * changed, so typing in one touchpoint does not redraw the whole map.
 */
import type { JourneyView } from '../model/view-model.js';
import { journeyHtml } from '../render/html.js';
import { journeyMermaid } from '../render/mermaid.js';
import { MAX_TOUCHPOINT_CATEGORIES, type EmotionChart } from '../render/emotion-chart.js';
import { annotateEmotionChart, annotateTimeline, chartConfig, drawMermaid, seriesColors, timelineConfig } from './diagrams.js';
import type { ThemeColors } from './theme.js';

export interface SectionContext {
    theme: ThemeColors;
    personaOrder: readonly string[];
    personaLabels: Map<string, string>;
    /** Personas to show; all when absent. */
    personas?: readonly string[];
}

/** A diagram that could not be drawn: the section keeps its previous drawing and says why. */
export class DiagramError extends Error {
    constructor(readonly diagram: string, cause: unknown) {
        super(`The ${diagram} could not be drawn: ${cause instanceof Error ? cause.message : String(cause)}`);
    }
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
    const created = document.createElement(tag);
    created.className = className;
    return created;
}

export function chartCaption(chart: EmotionChart): string {
    if (chart.comparison) return 'Emotional curve: current state (dashed) against this future state, average per stage';
    if (chart.granularity === 'touchpoint') return 'Emotional curve: one point per touchpoint';
    return `Emotional curve: average per stage (more than ${MAX_TOUCHPOINT_CATEGORIES} touchpoints with emotions)`;
}

/** A Mermaid diagram slot: redrawn only when its text or colours change. */
class DiagramSlot {
    readonly figure = element('figure', 'diagram');
    private readonly canvas = element('div', 'diagram-canvas');
    private readonly caption = element('figcaption', 'diagram-caption');
    private readonly problem = element('p', 'diagram-problem');
    private drawnKey: string | undefined;

    constructor(kind: string, private readonly name: string) {
        this.figure.classList.add(`diagram-${kind}`);
        this.problem.hidden = true;
        this.figure.append(this.caption, this.problem, this.canvas);
    }

    get svg(): SVGSVGElement | null {
        return this.canvas.querySelector('svg');
    }

    /** Draws the text; on failure keeps the old drawing, says so in the figure and rejects with a DiagramError. */
    async draw(text: string, config: Record<string, unknown>, caption: string): Promise<void> {
        this.figure.hidden = false;
        this.caption.textContent = caption;
        const key = JSON.stringify(config) + text;
        if (key === this.drawnKey) return;
        try {
            const svg = await drawMermaid(text, config);
            this.canvas.innerHTML = svg;
            this.drawnKey = key;
            this.problem.hidden = true;
        } catch (error) {
            const failure = new DiagramError(this.name, error);
            this.problem.textContent = this.svg ? `${failure.message} Showing the previous drawing.` : failure.message;
            this.problem.hidden = false;
            throw failure;
        }
    }

    note(caption: string, message: string): void {
        this.figure.hidden = false;
        this.caption.textContent = caption;
        this.canvas.replaceChildren(Object.assign(element('p', 'diagram-note'), { textContent: message }));
        this.drawnKey = undefined;
        this.problem.hidden = true;
    }
}

export class JourneySection {
    readonly element = element('section', 'journey');
    private readonly header = element('div', 'journey-header-slot');
    private readonly timeline = new DiagramSlot('timeline', 'stage timeline');
    private readonly emotions = new DiagramSlot('emotions', 'emotion chart');
    private readonly grid = element('div', 'journey-grid-slot');
    private readonly plan = element('div', 'journey-plan-slot');
    private readonly markup = { header: '', grid: '', plan: '' };

    constructor(key: string) {
        this.element.setAttribute('data-journey', key);
        const diagrams = element('div', 'diagrams');
        diagrams.append(this.timeline.figure, this.emotions.figure);
        this.element.append(this.header, diagrams, this.grid, this.plan);
    }

    /** Brings the section up to date with the journey; rejects with a DiagramError if a diagram failed. */
    async update(journey: JourneyView, context: SectionContext): Promise<void> {
        const parts = journeyHtml(journey, { personaOrder: context.personaOrder, personas: context.personas, collapsePersonas: true });
        this.replace(this.header, 'header', parts.header);
        this.replace(this.grid, 'grid', parts.grid);
        this.replace(this.plan, 'plan', parts.plan);

        const diagrams = journeyMermaid(journey, { personas: context.personas });
        const failures: DiagramError[] = [];
        const timeline = journey.stages.length === 0
            ? Promise.resolve(this.timeline.note('Stages', 'No stages yet.'))
            : this.timeline.draw(diagrams.timeline, timelineConfig(context.theme), 'Stages and touchpoints').catch((e: DiagramError) => { failures.push(e); });
        const chart = diagrams.chart;
        const emotions = diagrams.emotions && chart
            ? this.emotions.draw(diagrams.emotions, chartConfig(chart, context.theme, context.personaOrder), chartCaption(chart)).catch((e: DiagramError) => { failures.push(e); })
            : Promise.resolve(this.emotions.note('Emotional curve', context.personas && context.personas.length === 0
                ? 'No persona selected: tick a persona in the toolbar to draw its emotional curve.'
                : 'No emotions recorded yet: add "emotion <persona> <score>" (from -3 to +3) to touchpoints to draw the emotional curve.'));
        await Promise.all([timeline, emotions]);

        // Source ranges move with every edit above them, even when the drawing stays the same.
        const timelineSvg = this.timeline.svg;
        if (timelineSvg && journey.stages.length > 0) annotateTimeline(timelineSvg, journey, context.theme);
        const chartSvg = this.emotions.svg;
        if (chartSvg && chart) {
            annotateEmotionChart(chartSvg, chart, seriesColors(chart, context.theme, context.personaOrder), context.theme, context.personaLabels);
        }
        if (failures.length > 0) throw failures[0];
    }

    private replace(slot: HTMLElement, part: 'header' | 'grid' | 'plan', html: string): void {
        if (this.markup[part] === html) return;
        slot.innerHTML = html;
        this.markup[part] = html;
    }
}
