/**
 * The words for the vocabulary's names, defined once for every renderer: the map, the Markdown
 * document, the report and the diff. A kind, level or evidence level added to the vocabulary
 * without words here does not compile.
 */
import type { BuiltinChannelName, EmpathyKindName, EvidenceLevelName, JourneyKindName, LevelName, StageNoteName } from '../language/vocabulary.js';
import type { AskedQuestion, DataFact, Evidence } from '../model/view-model.js';
import type { MessageKey, Messages } from './messages.js';

export const KIND_KEYS: Record<JourneyKindName, MessageKey> = {
    'current-state': 'kind.currentState',
    'future-state': 'kind.futureState',
    'day-in-the-life': 'kind.dayInTheLife',
    'service-blueprint': 'kind.serviceBlueprint',
    'empathy-map': 'kind.empathyMap'
};

/** An evidence level's short word (the badge) and what it means (the badge's title). */
export const EVIDENCE_KEYS: Record<EvidenceLevelName, { word: MessageKey; meaning: MessageKey }> = {
    observed: { word: 'evidence.observed', meaning: 'evidence.observedMeaning' },
    assumed: { word: 'evidence.assumed', meaning: 'evidence.assumedMeaning' },
    validated: { word: 'evidence.validated', meaning: 'evidence.validatedMeaning' },
    refuted: { word: 'evidence.refuted', meaning: 'evidence.refutedMeaning' },
    proposed: { word: 'evidence.proposed', meaning: 'evidence.proposedMeaning' }
};

/** A stage's need, challenge or choice, as one item is called (in a report's list, a diff's row). */
export const STAGE_NOTE_ITEM_KEYS: Record<StageNoteName, MessageKey> = { need: 'item.need', challenge: 'item.challenge', choice: 'item.choice' };

/** The title of an empathy map's quadrant or list: Says, Thinks, Does, Feels, Pains, Gains. */
export const EMPATHY_KEYS: Record<EmpathyKindName, MessageKey> = {
    says: 'empathy.says', thinks: 'empathy.thinks', does: 'empathy.does', feels: 'empathy.feels', pain: 'empathy.pain', gain: 'empathy.gain'
};

const LEVEL_KEYS: Record<LevelName, MessageKey> = { low: 'level.low', medium: 'level.medium', high: 'level.high' };

/**
 * How we know an item, in full, for a title: what the level means, the source, and for a refuted
 * item what the research found instead (`Assumed at first, then contradicted by research: Interviews;
 * Research found instead: No price per month`).
 */
export function evidenceTitle(evidence: Evidence, messages: Messages): string {
    const meaning = messages.t(EVIDENCE_KEYS[evidence.level].meaning);
    const said = evidence.source ? `${meaning}: ${evidence.source}` : meaning;
    return evidence.instead ? `${said}; ${messages.t('evidence.instead')}: ${evidence.instead.label}` : said;
}

/**
 * What an open question is about, in words: `About the whole journey`, `About Checkout (Purchase)`, or
 * for a pain point or need, its text in the language's quotation marks. `text` escapes user text for
 * the format written (Markdown); the words of the catalog stay as they are.
 */
export function questionAbout(about: AskedQuestion['about'], messages: Messages, text: (value: string) => string = value => value): string {
    if (!about) return messages.t('question.aboutJourney');
    const label = about.quoted ? messages.t('question.quoted', { text: text(about.label) }) : text(about.label);
    return messages.t('question.about', { item: about.where ? `${label} (${text(about.where)})` : label });
}

/** A rating's word; a missing rating reads "not rated". */
export function levelKey(level: LevelName | undefined): MessageKey {
    return level ? LEVEL_KEYS[level] : 'level.unrated';
}

/** A KPI's value as the language writes it: `3,4 %`, `12 min`. */
export function formatKpiValue(value: number, unit: string | undefined, messages: Messages): string {
    if (unit === '%') return messages.number(value / 100, { style: 'percent', maximumFractionDigits: 2 });
    return unit ? `${messages.number(value)} ${unit}` : messages.number(value);
}

/** Where a value read from research data comes from, short: `from Survey, n = 14`. */
export function dataBasis(fact: DataFact, messages: Messages): string {
    return messages.t('data.basis', { source: fact.source, n: messages.number(fact.n) });
}

/** And in full, for a title: which column of which file, and over how many values. */
export function dataTitle(fact: DataFact, messages: Messages): string {
    return messages.t('data.title', { n: messages.number(fact.n), column: fact.column, file: fact.file });
}

const CHANNEL_KEYS: Record<BuiltinChannelName, MessageKey> = {
    web: 'channel.web', app: 'channel.app', email: 'channel.email', phone: 'channel.phone', chat: 'channel.chat',
    chatbot: 'channel.chatbot', social: 'channel.social', store: 'channel.store', ad: 'channel.ad', search: 'channel.search',
    reviews: 'channel.reviews', sms: 'channel.sms', mail: 'channel.mail', event: 'channel.event', partner: 'channel.partner',
    delivery: 'channel.delivery', product: 'channel.product', sales: 'channel.sales', helpdesk: 'channel.helpdesk'
};

/** A touchpoint's channel as the map names it: a built-in channel in the map's language, a declared one as its author wrote it. */
export function channelLabel(channel: { id: string; label: string; builtin?: boolean }, messages: Messages): string {
    const key = channel.builtin ? CHANNEL_KEYS[channel.id as BuiltinChannelName] : undefined;
    return key ? messages.t(key) : channel.label;
}
