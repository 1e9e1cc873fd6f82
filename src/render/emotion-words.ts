/** The words for a point on the emotion scale, as message keys, so every language names the scale its own way. */
import { EMOTION_SCALE } from '../language/vocabulary.js';
import type { MessageKey } from './messages.js';

const WORDS: Record<string, MessageKey> = {
    '-3': 'emotion.word.veryNegative',
    '-2': 'emotion.word.negative',
    '-1': 'emotion.word.slightlyNegative',
    '0': 'emotion.word.neutral',
    '1': 'emotion.word.slightlyPositive',
    '2': 'emotion.word.positive',
    '3': 'emotion.word.veryPositive'
};

/** The words for a score; averages round half away from zero, so -0.5 reads as slightly negative. */
export function emotionWordKey(score: number): MessageKey {
    const nearest = Math.sign(score) * Math.round(Math.abs(score));
    const clamped = Math.max(EMOTION_SCALE.min, Math.min(EMOTION_SCALE.max, nearest));
    return WORDS[String(clamped === 0 ? 0 : clamped)];
}
