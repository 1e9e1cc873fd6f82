/**
 * The journey-mapping vocabulary shared by the language server, the preview and the CLI.
 * Every fact here is defined once and imported everywhere else. Where the grammar names the same
 * things (kinds, levels, evidence, activities, blueprint lanes), the tables here are checked against
 * its generated types: a keyword added to the grammar without its entry here does not compile.
 */
import type { ActivityKind, EmpathyKind, EvidenceLevel, JourneyKind, LaneKind, Level, StageNoteKind } from './generated/ast.js';

/** Compiles only when the list names every member of the union (a list cannot be checked with `satisfies Record`). */
type Lists<Union, List extends readonly Union[]> = Exclude<Union, List[number]> extends never ? List : never;

/** One signed emotion scale for every persona: 0 is neutral. */
export const EMOTION_SCALE = {
    min: -3,
    max: 3,
    labels: {
        '-3': 'very negative',
        '-2': 'negative',
        '-1': 'slightly negative',
        '0': 'neutral',
        '1': 'slightly positive',
        '2': 'positive',
        '3': 'very positive'
    } as Record<string, string>
} as const;

export function emotionValues(): number[] {
    const values: number[] = [];
    for (let v = EMOTION_SCALE.min; v <= EMOTION_SCALE.max; v++) values.push(v);
    return values;
}

/** An average of scores as every reader shows it: to one decimal (-1.5, +0.3). */
export function roundScore(score: number): number {
    return Math.round(score * 10) / 10;
}

export function formatEmotion(score: number): string {
    return score > 0 ? `+${score}` : String(score);
}

/** The words for a score; averages round half away from zero, so -0.5 reads as slightly negative. */
export function emotionLabel(score: number): string {
    const nearest = Math.sign(score) * Math.round(Math.abs(score));
    return EMOTION_SCALE.labels[String(nearest === 0 ? 0 : nearest)] ?? 'outside the scale';
}

/** Channels every journey can use without declaring them. */
export const BUILTIN_CHANNELS = [
    { name: 'web', label: 'Website' },
    { name: 'app', label: 'Mobile app' },
    { name: 'email', label: 'Email' },
    { name: 'phone', label: 'Phone' },
    { name: 'chat', label: 'Chat' },
    { name: 'chatbot', label: 'Chatbot' },
    { name: 'social', label: 'Social media' },
    { name: 'store', label: 'Store visit' },
    { name: 'ad', label: 'Advertising' },
    { name: 'search', label: 'Search engine' },
    { name: 'reviews', label: 'Review sites' },
    { name: 'sms', label: 'SMS' },
    { name: 'mail', label: 'Post' },
    { name: 'event', label: 'Event' },
    { name: 'partner', label: 'Partner' },
    { name: 'delivery', label: 'Delivery' },
    { name: 'product', label: 'Product' },
    { name: 'sales', label: 'Sales rep' },
    { name: 'helpdesk', label: 'Support desk' }
] as const satisfies ReadonlyArray<{ name: string; label: string }>;
export type BuiltinChannelName = typeof BUILTIN_CHANNELS[number]['name'];

/** The URI of the built-in library document that declares the built-in channels. */
export const BUILTIN_LIBRARY_URI = 'journey-builtin:///channels.journey';

export function builtinLibraryText(): string {
    const lines = ['// Channels every journey can use without declaring them.'];
    for (const channel of BUILTIN_CHANNELS) lines.push(`channel ${channel.name} ${JSON.stringify(channel.label)}`);
    return lines.join('\n') + '\n';
}

export const JOURNEY_KINDS = {
    'current-state': 'Current state',
    'future-state': 'Future state',
    'day-in-the-life': 'Day in the life',
    'service-blueprint': 'Service blueprint',
    'empathy-map': 'Empathy map'
} as const satisfies Record<JourneyKind, string>;
export type JourneyKindName = JourneyKind;
export const DEFAULT_JOURNEY_KIND: JourneyKindName = 'current-state';

export const LEVELS: Lists<Level, readonly ['low', 'medium', 'high']> = ['low', 'medium', 'high'];
export type LevelName = Level;
export function levelWeight(level: LevelName | undefined): number {
    return level ? LEVELS.indexOf(level) + 1 : 0;
}

/**
 * The impact/effort matrix, best value for effort first. Medium counts on the high side of each
 * measure, and an unrated measure counts as medium, so a half-rated opportunity is not hidden.
 */
export const OPPORTUNITY_QUADRANTS = [
    { name: 'quick win', rule: 'medium or high impact, low effort' },
    { name: 'big bet', rule: 'medium or high impact, more effort' },
    { name: 'fill-in', rule: 'low impact, low effort' },
    { name: 'money pit', rule: 'low impact, more effort' }
] as const;
export type OpportunityQuadrant = typeof OPPORTUNITY_QUADRANTS[number]['name'];

/** How opportunities are ranked, in words, for the reports that rank them. */
export const OPPORTUNITY_RANKING = `${OPPORTUNITY_QUADRANTS.map(q => `${q.name}s (${q.rule})`).join(', then ')}; `
    + 'within each, higher impact first, then lower effort. An unrated impact or effort counts as medium.';

export function opportunityQuadrant(impact: LevelName | undefined, effort: LevelName | undefined): OpportunityQuadrant {
    const worthIt = (impact ?? 'medium') !== 'low';
    const cheap = (effort ?? 'medium') === 'low';
    return worthIt ? (cheap ? 'quick win' : 'big bet') : (cheap ? 'fill-in' : 'money pit');
}

/**
 * Priority of an opportunity, higher first: by quadrant of the impact/effort matrix (quick wins, big
 * bets, fill-ins, money pits), then by impact, then by lower effort. Every reader of opportunities
 * (the preview, the report, the Markdown export) orders by this number, so they agree.
 */
export function opportunityPriority(impact: LevelName | undefined, effort: LevelName | undefined): number {
    const quadrant = OPPORTUNITY_QUADRANTS.findIndex(q => q.name === opportunityQuadrant(impact, effort));
    const i = levelWeight(impact ?? 'medium');
    const e = levelWeight(effort ?? 'medium');
    return (OPPORTUNITY_QUADRANTS.length - quadrant) * 9 + i * 3 + (3 - e);
}

export const EVIDENCE_LEVELS = {
    observed: 'Observed in research',
    assumed: 'Assumed, not yet validated',
    validated: 'Assumed at first, then confirmed by research',
    refuted: 'Assumed at first, then contradicted by research',
    proposed: 'Proposed change'
} as const satisfies Record<EvidenceLevel, string>;
export type EvidenceLevelName = EvidenceLevel;

/** In the order the map's lanes show them. */
export const ACTIVITY_KINDS: Lists<ActivityKind, readonly ['does', 'thinks', 'feels', 'says', 'experiences']> = ['does', 'thinks', 'feels', 'says', 'experiences'];
export type ActivityKindName = ActivityKind;

/**
 * What a stage says about the customer as a whole, beyond its touchpoints (`need "..."`), in the
 * order the map's lanes show them, each with what it means.
 */
export const STAGE_NOTES = {
    need: 'What the customer needs in this stage',
    challenge: 'What stands in the customer\'s way in this stage',
    choice: 'A choice the customer makes in this stage'
} as const satisfies Record<StageNoteKind, string>;
export type StageNoteName = StageNoteKind;
export const STAGE_NOTE_KINDS = Object.keys(STAGE_NOTES) as StageNoteName[];

/**
 * What an empathy map holds for one persona: the four quadrants of what they say, think, do and
 * feel, then their pains and gains, in the order the map draws them, each with what it means.
 */
export const EMPATHY_KINDS = {
    says: 'What the persona says out loud: quotes from interviews',
    thinks: 'What the persona thinks but may not say',
    does: 'What the persona does: behaviour seen in research',
    feels: 'What the persona feels: worries, hopes, frustrations',
    pain: 'A fear, frustration or obstacle the persona has',
    gain: 'What the persona wants or needs, and how they measure success'
} as const satisfies Record<EmpathyKind, string>;
export type EmpathyKindName = EmpathyKind;
export const EMPATHY_KIND_NAMES = Object.keys(EMPATHY_KINDS) as EmpathyKindName[];
/** The four quadrants: an empty one is worth a hint; pains and gains are optional. */
export const EMPATHY_QUADRANTS: readonly EmpathyKindName[] = ['says', 'thinks', 'does', 'feels'];

export const BLUEPRINT_LANES = {
    frontstage: 'Frontstage',
    backstage: 'Backstage',
    support: 'Support systems'
} as const satisfies Record<LaneKind, string>;
export type BlueprintLaneName = LaneKind;
export const BLUEPRINT_LANE_NAMES = Object.keys(BLUEPRINT_LANES) as BlueprintLaneName[];


/**
 * The languages the words a map adds (lane titles, badges, headings) can be written in, by BCP 47
 * tag, with each language's own name for itself. A journey chooses with `language <tag>`; the
 * renderers hold one catalog per tag (a tag here without its catalog does not compile).
 */
export const MAP_LANGUAGES = [
    { tag: 'en', name: 'English' },
    { tag: 'nb', name: 'Norsk bokmål' },
    { tag: 'sv', name: 'Svenska' },
    { tag: 'fi', name: 'Suomi' },
    { tag: 'lv', name: 'Latviešu' },
    { tag: 'de', name: 'Deutsch' }
] as const;
export type MapLanguageTag = typeof MAP_LANGUAGES[number]['tag'];
export const DEFAULT_MAP_LANGUAGE: MapLanguageTag = 'en';

/** Tags people write for a language we have under another tag: Norwegian without a written standard means Bokmål. */
const LANGUAGE_ALIASES: Readonly<Record<string, MapLanguageTag>> = { no: 'nb' };

/**
 * The language we have for a tag: exact (`nb`), by its primary language (`sv-FI` is Swedish, `no`
 * Bokmål), by its canonical form (`swe` is `sv`), else undefined.
 */
export function mapLanguageOf(tag: string | undefined): MapLanguageTag | undefined {
    if (!tag) return undefined;
    let canonical = tag;
    try {
        canonical = Intl.getCanonicalLocales(tag)[0] ?? tag;
    } catch {
        // Not a well-formed tag: compared as written, and the language server says so.
    }
    const lower = canonical.toLowerCase();
    const primary = lower.split('-')[0];
    const known = (candidate: string) => MAP_LANGUAGES.find(language => language.tag === candidate)?.tag;
    return known(lower) ?? known(LANGUAGE_ALIASES[primary] ?? primary);
}

/** The languages we have, as a message lists them: "en (English), nb (Norsk bokmål), …". */
export function mapLanguageList(): string {
    return MAP_LANGUAGES.map(language => `${language.tag} (${language.name})`).join(', ');
}
