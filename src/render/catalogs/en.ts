/**
 * English: the words the product adds to a map. Every other catalog has exactly these keys, with
 * the same placeholders (a test checks it). Plurals use `{count, plural, one {…} other {…}}`.
 */
export const en = {
    // Lanes: the rows of the grid and of the Markdown table.
    'lane.flow': 'Flow',
    'lane.touchpoints': 'Touchpoints',
    'lane.does': 'Doing',
    'lane.thinks': 'Thinking',
    'lane.feels': 'Feeling',
    'lane.says': 'Saying',
    'lane.emotion': 'Emotion',
    'lane.pains': 'Pain points',
    'lane.goods': 'Goes well',
    'lane.opportunities': 'Opportunities',
    'lane.kpis': 'KPIs',
    'lane.frontstage': 'Frontstage',
    'lane.backstage': 'Backstage',
    'lane.support': 'Support processes',

    'grid.stages': 'Stages',
    'grid.lane': 'Lane',
    'grid.lanes': 'Lanes',
    'grid.caption': 'Journey map of {title}: one column per stage, one row per lane',
    'overview.caption': 'Overview: stages and touchpoints',

    // The journey header.
    'kind.currentState': 'Current state',
    'kind.futureState': 'Future state',
    'kind.dayInTheLife': 'Day in the life',
    'kind.serviceBlueprint': 'Service blueprint',
    'header.kind': 'Kind',
    'header.goal': 'Goal',
    'header.scope': 'Scope',
    'header.owner': 'Owner',
    'header.review': 'Review',
    'header.personas': 'Personas',
    'header.improves': 'Improves',
    'header.reviewOverdue': 'Review overdue',
    'header.reviewOverdueMeaning': 'The review date has passed: check the map against what customers do today.',
    'header.futureOf': 'Future state of {title}: the emotion lane shows today\u2019s curve dashed.',
    'persona.toggle': 'Show or hide what we know about {persona}',
    'persona.showSource': 'Show in editor',
    'persona.backstory': 'Backstory',
    'persona.demographics': 'Demographics',
    'persona.goal': 'Goal',
    'persona.need': 'Need',
    'persona.pain': 'Pain',
    'persona.motivation': 'Motivation',
    'persona.task': 'Task',
    'persona.quote': 'Quote',

    // Stages and what is in them.
    'stage.unmapped': 'no touchpoints yet',
    'pain.addressedBy': 'Addressed by this opportunity',
    'kpi.target': 'target {target}',
    'flow.to': 'to {stage}',
    'flow.toBecause': 'to {stage}: {reason}',
    'flow.backTo': 'back to {stage}',
    'flow.backToBecause': 'back to {stage}: {reason}',
    'problem.here': 'error here',

    // Evidence and ratings.
    'evidence.observed': 'observed',
    'evidence.assumed': 'assumed',
    'evidence.proposed': 'proposed',
    'evidence.observedMeaning': 'Observed in research',
    'evidence.assumedMeaning': 'Assumed, not yet validated',
    'evidence.proposedMeaning': 'Proposed change',
    'level.low': 'low',
    'level.medium': 'medium',
    'level.high': 'high',
    'level.unrated': 'not rated',

    // The emotion lane.
    'emotion.word.veryNegative': 'very negative',
    'emotion.word.negative': 'negative',
    'emotion.word.slightlyNegative': 'slightly negative',
    'emotion.word.neutral': 'neutral',
    'emotion.word.slightlyPositive': 'slightly positive',
    'emotion.word.positive': 'positive',
    'emotion.word.veryPositive': 'very positive',
    'emotion.point': '{persona}, {touchpoint}: {score}, {words}',
    'emotion.baselinePoint': '{persona}, current state, {stage}: {score}, {words} (average)',
    'emotion.cellLabel': 'Emotion in {stage}',
    'emotion.notRecorded': '{persona}: no score here',
    'emotion.noScore': 'no score',
    'emotion.baselineLegend': 'current state',
    'compare.chip': '{persona} {current} \u2192 {future}',
    'compare.better': 'Better than today',
    'compare.worse': 'Worse than today',
    'compare.same': 'The same as today',
    'compare.was': 'was: {stage}',

    // The improvement plan.
    'plan.opportunities': 'Opportunities',
    'plan.opportunitiesOrder': 'quick wins first',
    'plan.opportunity': 'Opportunity',
    'plan.actionPlan': 'Action plan',
    'plan.action': 'Action',
    'plan.impact': 'impact',
    'plan.effort': 'effort',
    'plan.evidence': 'Evidence',
    'plan.addresses': 'Addresses',
    'plan.actions': 'Actions',
    'plan.for': 'For',
    'plan.owner': 'Owner',
    'plan.noOwner': 'No owner yet',
    'plan.due': 'Due {date}',
    'plan.dueColumn': 'Due',
    'plan.painIn': 'Pain point in {stage}',

    // Diagrams for text that travels without the map.
    'curve.title': 'Emotional curve of {persona}: {title}',
    'curve.titleShort': 'Emotional curve of {persona}',
    'curve.axis': 'Touchpoints with a score',
    'curve.missing': 'No score in {stages}: left out, not filled in',

    'journey.noStages': 'This journey has no stages yet. Add stage blocks to draw the map.',
    'document.noJourney': 'This file declares no journey.'
} as const;

export type MessageKey = keyof typeof en;
