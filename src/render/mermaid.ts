/**
 * Journey view model to Mermaid text: the stages as a `timeline` and the emotional curve as an
 * `xychart` with one line per persona. Pure string building, usable by the preview, the CLI
 * and Markdown. Every piece of user text goes through `mermaidText`, so a label can neither
 * break the diagram nor add statements, directives or markup to it.
 */
import type { DocumentViewModel, JourneyView } from '../model/view-model.js';
import { JOURNEY_KINDS } from '../language/vocabulary.js';
import { emotionChart, filledValues, type EmotionChart, type EmotionChartOptions } from './emotion-chart.js';
import { mermaidText, truncate } from './escape.js';

export interface MermaidOptions extends EmotionChartOptions {
    /** Put the journey title into the diagrams: for text that travels without the HTML header. */
    titles?: boolean;
}

export interface JourneyDiagrams {
    journeyKey: string;
    timeline: string;
    /** Absent when no shown persona has an emotion recorded. */
    emotions?: string;
    chart?: EmotionChart;
}

/** Shown in a stage without touchpoints, so the gap in the journey is visible. */
export const UNMAPPED_STAGE_TEXT = 'no touchpoints yet';

/** Longest axis label, in characters: about the width of one category at the label font size. */
const AXIS_LABEL_CHARS = 16;
/** Horizontal room per category, so 30 stages get a wide chart instead of overlapping labels. */
const CATEGORY_WIDTH = 112;
const CHART_HEIGHT = 320;
const CHART_MIN_WIDTH = 600;
/** Room for the y axis on the left and the legend on the right. */
const CHART_MARGINS = 260;

export function timelineMermaid(journey: JourneyView, options: MermaidOptions = {}): string {
    const lines = ['timeline'];
    if (options.titles) lines.push(`    title ${mermaidText(journey.title, journey.id)}`);
    for (const stage of journey.stages) {
        const events = stage.touchpoints.length === 0
            ? [UNMAPPED_STAGE_TEXT]
            : stage.touchpoints.map(touchpoint => {
                const label = mermaidText(touchpoint.label, touchpoint.id);
                return touchpoint.channel ? `${label} (${mermaidText(touchpoint.channel.label, touchpoint.channel.id)})` : label;
            });
        lines.push(`    ${mermaidText(stage.label, stage.id)} : ${events.join(' : ')}`);
    }
    return lines.join('\n') + '\n';
}

function chartWidth(chart: EmotionChart): number {
    return Math.max(CHART_MIN_WIDTH, chart.categories.length * CATEGORY_WIDTH + CHART_MARGINS);
}

export function emotionChartMermaid(journey: JourneyView, chart: EmotionChart, options: MermaidOptions = {}): string {
    // Frontmatter rather than an %%{init}%% directive: it is the documented way, and user text never reaches it.
    const lines = [
        '---',
        'config:',
        '  xyChart:',
        `    width: ${chartWidth(chart)}`,
        `    height: ${CHART_HEIGHT}`,
        '    showLegend: true',
        '    xAxis:',
        '      labelFontSize: 12',
        // Stage names need no "Stages" under them; touchpoints keep the title's room for their stage brackets.
        ...(chart.granularity === 'stage' ? ['      showTitle: false'] : []),
        '    yAxis:',
        '      labelFontSize: 12',
        '---',
        'xychart'
    ];
    if (options.titles) {
        const kind = chart.comparison ? 'current vs future emotional curve' : 'emotional curve';
        lines.push(`    title "${mermaidText(journey.title, journey.id)} - ${kind}"`);
    }
    const axisLabels = chart.categories.map(category => `"${mermaidText(truncate(category.label, AXIS_LABEL_CHARS))}"`);
    lines.push(`    x-axis "${chart.granularity === 'touchpoint' ? 'Touchpoints' : 'Stages'}" [${axisLabels.join(', ')}]`);
    lines.push(`    y-axis "Emotion" ${chart.scale.min} --> ${chart.scale.max}`);
    const gaps: string[] = [];
    for (const series of chart.series) {
        lines.push(`    line "${mermaidText(series.label)}" [${filledValues(series).join(', ')}]`);
        const missing = series.points.flatMap((point, index) => point ? [] : [index + 1]);
        if (missing.length > 0) gaps.push(`series ${chart.series.indexOf(series) + 1} at ${missing.join(', ')}`);
    }
    if (gaps.length > 0) lines.push(`    %% No emotion recorded (values interpolated): ${gaps.join('; ')}`);
    return lines.join('\n') + '\n';
}

export function journeyMermaid(journey: JourneyView, options: MermaidOptions = {}): JourneyDiagrams {
    const chart = emotionChart(journey, options);
    return {
        journeyKey: journey.key,
        timeline: timelineMermaid(journey, options),
        emotions: chart ? emotionChartMermaid(journey, chart, options) : undefined,
        chart
    };
}

/**
 * Every diagram of a document as Markdown: a heading per journey and one fenced `mermaid`
 * block per diagram, since one Mermaid text can hold only one diagram.
 */
export function documentMermaid(model: DocumentViewModel, options: MermaidOptions = {}): string {
    const parts: string[] = [];
    for (const journey of model.journeys) {
        const diagrams = journeyMermaid(journey, { ...options, titles: true });
        // The heading is Markdown, not Mermaid: markup characters are neutralised the same way.
        parts.push(`## ${mermaidText(journey.title, journey.id)} (${JOURNEY_KINDS[journey.kind]})`);
        parts.push('```mermaid\n' + diagrams.timeline + '```');
        if (diagrams.emotions) parts.push('```mermaid\n' + diagrams.emotions + '```');
    }
    return parts.join('\n\n') + '\n';
}
