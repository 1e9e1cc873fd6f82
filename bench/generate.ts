/**
 * Generates realistic journey maps of any size for the benchmarks: labelled stages and touchpoints
 * on built-in and declared channels, an emotion for every persona in every stage, named pain
 * points that opportunities address, actions for every opportunity, KPIs and evidence.
 * The output is deterministic (seeded), valid, and free of warnings, so the benchmark measures
 * a clean map, as a team would keep it.
 */

export interface JourneySpec {
    /** Touchpoints in the journey. */
    touchpoints: number;
    /** Personas the journey is about (declared in the same file unless `personaNames` is given). */
    personas: number;
    /** Journey name, unique in the workspace. */
    name?: string;
    /** Use these personas (declared elsewhere) instead of declaring new ones. */
    personaNames?: string[];
    /** Seed for the choice of wording, so two journeys of one workspace read differently. */
    seed?: number;
    /** Make it a future-state journey that improves this one (same stage names, so stages match). */
    improves?: string;
    /** Channels declared at the top of another file that this journey may use. */
    sharedChannels?: string[];
}

export const PERSONAS: ReadonlyArray<{ name: string; label: string; backstory: string; goal: string; pain: string }> = [
    { name: 'Colleen', label: 'Curious Colleen', backstory: 'Runs a one-person bookkeeping business from home and researches purchases in the evening.', goal: 'Buy something that lasts without spending her evenings on research', pain: 'Too many reviews that contradict each other' },
    { name: 'Arjun', label: 'Admin Arjun', backstory: 'The only IT administrator at a 180-person facilities company.', goal: 'Roll out new tools without becoming their help desk', pain: 'Vendors promise a quick setup and then need three calls' },
    { name: 'Olivia', label: 'Operations Olivia', backstory: 'Head of operations who owns the budget and the business case.', goal: 'Have every dispatcher using the tool within 60 days', pain: 'Rollouts stall after the kickoff' },
    { name: 'Nadia', label: 'Newsletter Nadia', backstory: 'Renovating her first flat and reads blogs on her phone while commuting.', goal: 'Practical tips without inbox clutter', pain: 'Pop-ups that cover the article' },
    { name: 'Sam', label: 'Support-caller Sam', backstory: 'Retired teacher who phones when something goes wrong.', goal: 'Get the product working again without a week of back and forth', pain: 'Repeating his story to every new agent' }
];

const STAGES = ['Awareness', 'Consideration', 'Purchase', 'Delivery', 'Onboarding', 'Usage', 'Support', 'Renewal', 'Advocacy'];
const STAGE_LABELS: Record<string, string> = {
    Awareness: 'Becoming aware', Consideration: 'Comparing options', Purchase: 'Buying', Delivery: 'Delivery and set-up',
    Onboarding: 'Getting started', Usage: 'Everyday use', Support: 'Getting help', Renewal: 'Renewing', Advocacy: 'Recommending'
};
const BUILTIN = ['web', 'app', 'email', 'phone', 'chat', 'social', 'store', 'search', 'reviews', 'sms', 'delivery', 'product', 'helpdesk'];
const TOUCHPOINTS: ReadonlyArray<{ id: string; label: string; does: string; thinks: string; says: string }> = [
    { id: 'SearchResult', label: 'Search result', does: 'Searches for a recommendation at 21:30 and clicks the first result', thinks: 'I hope this one is not just an advert', says: 'Which of these is actually any good?' },
    { id: 'ProductPage', label: 'Product page', does: 'Opens five product pages in tabs and copies the specs into a note', thinks: 'Why can I not see these side by side?', says: 'The battery life is hidden again' },
    { id: 'ReviewVideo', label: 'Video review', does: 'Skims an hour-long video review at double speed', thinks: 'Every review contradicts the last one', says: 'I just want someone to tell me which one lasts' },
    { id: 'LiveChat', label: 'Live chat question', does: 'Asks whether the battery can be replaced', thinks: 'A person answered, that is a good sign', says: 'Thanks, that is exactly what I needed' },
    { id: 'Checkout', label: 'Web checkout', does: 'Adds the item to the basket and is asked to create an account', thinks: 'Why do I need yet another password?', says: 'Just let me pay' },
    { id: 'Confirmation', label: 'Order confirmation', does: 'Reads the confirmation with price, delivery estimate and returns policy', thinks: 'Good, everything is in one place', says: 'That was easier than I feared' },
    { id: 'DeliverySms', label: 'Delivery day SMS', does: 'Gets an SMS the evening before with an all-day delivery window', thinks: 'I have client calls all day', says: 'Can I not pick a time?' },
    { id: 'Unboxing', label: 'Unboxing', does: 'Unpacks the product and finds the charger on top', thinks: 'It looks and feels solid', says: 'Nice packaging, and recyclable too' },
    { id: 'FirstUse', label: 'First use', does: 'Uses the product for the first time, following the quick-start card', thinks: 'This works better than the old one', says: 'Why did I wait so long?' },
    { id: 'CareGuide', label: 'Care instructions', does: 'Looks for how often to clean the filter and finds only pictograms', thinks: 'What does this symbol mean?', says: 'A sentence would have helped' },
    { id: 'SupportCall', label: 'Support call', does: 'Phones support and explains the problem to an agent', thinks: 'I hope I do not have to repeat this', says: 'I have told three people the serial number already' },
    { id: 'RenewalEmail', label: 'Renewal reminder', does: 'Gets a reminder that the warranty extension is about to lapse', thinks: 'Is it worth it for another year?', says: 'What exactly does it cover?' },
    { id: 'ReviewRequest', label: 'Review request', does: 'Gets a generic rate-your-purchase email the day after delivery', thinks: 'I have used it once, how would I know?', says: 'Ask me again in a month' },
    { id: 'Community', label: 'Owner community', does: 'Posts a photo of the result in the owner community', thinks: 'Others have the same tips', says: 'Happy to share what worked for me' }
];
const PAINS = [
    'The page lists specs but never says which problem the product solves',
    'No way to compare models on battery life, filter and warranty',
    'Chat is staffed 9-17, but research happens after 21:00',
    'Checkout forces account creation before payment',
    'Only an all-day delivery window, and no way to change it',
    'Care instructions are pictograms only',
    'The story has to be repeated to every new agent',
    'The review request arrives before the product has been used'
];
const GOODS = [
    'The agent knows the product and links the right page',
    'The confirmation answers the questions people used to call about',
    'Compact, recyclable packaging with the charger on top',
    'Battery lasts the whole flat, as promised'
];
const KPIS: ReadonlyArray<{ label: string; value: number; unit: string; target: number }> = [
    { label: 'Click-through rate', value: 3.4, unit: '%', target: 5 },
    { label: 'Product page exit rate', value: 48, unit: '%', target: 30 },
    { label: 'Conversion rate', value: 2.1, unit: '%', target: 3.5 },
    { label: 'Failed first deliveries', value: 14, unit: '%', target: 5 },
    { label: 'Time to first use', value: 3, unit: '"days"', target: 1 }
];
const OWNERS = ['Web team, Jonas', 'Content and social, Elin', 'Customer service, Ahmed', 'E-commerce, Jonas', 'Logistics, Karin', 'CRM, Sofia'];
const LEVELS = ['low', 'medium', 'high'];

/** A small deterministic random source (mulberry32), so every run benchmarks the same text. */
function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

export function personaDeclarations(count: number): string {
    return PERSONAS.slice(0, count).map(p => [
        `persona ${p.name} "${p.label}" {`,
        `    backstory "${p.backstory}"`,
        `    goal "${p.goal}"`,
        `    pain "${p.pain}"`,
        '}'
    ].join('\n')).join('\n\n') + '\n';
}

/** About as many stages as touchpoints per stage: 10 touchpoints make 3 stages, 1,000 make 32. */
export function stageCount(touchpoints: number): number {
    return Math.max(3, Math.round(Math.sqrt(touchpoints)));
}

export function stageNames(count: number): Array<{ name: string; label: string }> {
    return Array.from({ length: count }, (_, i) => {
        const base = STAGES[i % STAGES.length];
        const round = Math.floor(i / STAGES.length);
        return round === 0 ? { name: base, label: STAGE_LABELS[base] } : { name: `${base}${round + 1}`, label: `${STAGE_LABELS[base]} (round ${round + 1})` };
    });
}

/** The text of one journey; with `personaNames` unset, its personas are declared at the top of the same file. */
export function generateJourney(spec: JourneySpec): string {
    const rnd = random(spec.seed ?? spec.touchpoints * 31 + spec.personas);
    const pick = <T>(items: readonly T[]) => items[Math.floor(rnd() * items.length)];
    const personas = spec.personaNames ?? PERSONAS.slice(0, spec.personas).map(p => p.name);
    const name = spec.name ?? `Journey${spec.touchpoints}x${personas.length}`;
    const channels = [...BUILTIN, ...(spec.sharedChannels ?? []), 'kiosk', 'partnerPortal'];
    const lines: string[] = [];
    if (!spec.personaNames) lines.push(personaDeclarations(spec.personas));
    lines.push(`journey ${name} "${spec.improves ? 'Improved: ' : ''}Buying and living with a cordless vacuum (${spec.touchpoints} touchpoints)" {`);
    lines.push(`    kind ${spec.improves ? 'future-state' : 'current-state'}`);
    lines.push('    goal "Find out why evening researchers abandon the purchase or return the product"');
    lines.push('    scope "Cordless vacuums bought online, from the old one breaking to the first month of use"');
    lines.push('    owner "Maria Lindqvist, Customer Experience"');
    lines.push('    review 2031-03-01');
    lines.push(`    personas ${personas.join(', ')}`);
    if (spec.improves) lines.push(`    improves ${spec.improves}`);
    lines.push('');
    lines.push('    channel kiosk "In-store kiosk"');
    lines.push('    channel partnerPortal "Partner portal"');

    const pains: string[] = [];
    const stages = stageNames(stageCount(spec.touchpoints));
    let made = 0;
    stages.forEach((stage, stageIndex) => {
        // Spread the touchpoints evenly; every stage gets at least one.
        const inStage = Math.floor((spec.touchpoints * (stageIndex + 1)) / stages.length) - Math.floor((spec.touchpoints * stageIndex) / stages.length);
        lines.push('', `    stage ${stage.name} "${stage.label}" {`);
        for (let t = 0; t < inStage; t++, made++) {
            const shape = TOUCHPOINTS[(made + stageIndex) % TOUCHPOINTS.length];
            const id = `${shape.id}${made + 1}`;
            lines.push(`        touchpoint ${id} "${shape.label} ${made + 1}" {`);
            lines.push(`            channel ${pick(channels)}`);
            // With several personas, each touchpoint concerns two of them in turn; a stage of three or more
            // touchpoints then gives every persona an emotion, and a smaller one names them all.
            const concerned = personas.length === 1 ? personas
                : inStage * 2 < personas.length ? personas
                : [personas[(2 * t) % personas.length], personas[(2 * t + 1) % personas.length]];
            if (personas.length > 1) lines.push(`            persona ${concerned.join(', ')}`);
            lines.push(`            does "${shape.does}"`);
            if (rnd() < 0.6) lines.push(`            thinks "${shape.thinks}"`);
            if (rnd() < 0.3) lines.push(`            says "${shape.says}"`);
            for (const persona of concerned) lines.push(`            emotion ${persona} ${Math.floor(rnd() * 7) - 3}`);
            if (made % 3 === 0) {
                const pain = `Pain${made + 1}`;
                pains.push(pain);
                lines.push(`            pain ${pain} "${pick(PAINS)}" {`);
                lines.push(`                evidence ${pick(['observed', 'assumed'])} "Interview ${1 + Math.floor(rnd() * 12)}"`);
                lines.push('            }');
            }
            if (made % 5 === 2) lines.push(`            good Good${made + 1} "${pick(GOODS)}"`);
            if (made % 7 === 4) {
                const kpi = pick(KPIS);
                lines.push(`            kpi "${kpi.label}" ${kpi.value} ${kpi.unit} target ${kpi.target}`);
            }
            lines.push('        }');
        }
        if (stageIndex % 4 === 3) lines.push(`        kpi "${pick(KPIS).label}" ${Math.round(rnd() * 90 + 5)} % target 80`);
        lines.push('    }');
    });

    // One opportunity per three pain points, each taken up by an action.
    const opportunities: string[] = [];
    for (let i = 0; i < pains.length; i += 3) {
        const id = `Opportunity${i / 3 + 1}`;
        opportunities.push(id);
        lines.push('', `    opportunity ${id} "Fix what ${pains.slice(i, i + 3).join(', ')} describe" {`);
        lines.push(`        addresses ${pains.slice(i, i + 3).join(', ')}`);
        lines.push(`        impact ${pick(LEVELS)}`);
        lines.push(`        effort ${pick(LEVELS)}`);
        lines.push('    }');
    }
    opportunities.forEach((opportunity, i) => {
        lines.push('', `    action Act${i + 1} "Deliver ${opportunity}" {`);
        lines.push(`        for ${opportunity}`);
        lines.push(`        owner "${pick(OWNERS)}"`);
        lines.push(`        due 2031-0${1 + (i % 9)}-15`);
        lines.push('    }');
    });
    lines.push('}');
    return lines.join('\n') + '\n';
}

/** The journey sizes the benchmark measures, in touchpoints. */
export const SIZES = [10, 100, 1000, 5000] as const;
export const PERSONA_COUNTS = [1, 5] as const;

/**
 * A workspace of `files` files: one that declares the five personas and a shared channel, and
 * journeys of about `touchpointsPerJourney` touchpoints each that use them. Every fifth journey
 * is a future state that improves the one before it, so journeys reference each other across files.
 */
export function generateWorkspace(files = 50, touchpointsPerJourney = 20): Record<string, string> {
    const workspace: Record<string, string> = {
        'personas.journey': `// Personas shared by every journey in this workspace.\n${personaDeclarations(PERSONAS.length)}\nchannel forum "Review forums and video reviews"\n`
    };
    for (let i = 1; i < files; i++) {
        const name = `Journey${String(i).padStart(2, '0')}`;
        const improves = i % 5 === 0 ? `Journey${String(i - 1).padStart(2, '0')}` : undefined;
        const personaCount = 1 + (i % PERSONAS.length);
        workspace[`journey-${String(i).padStart(2, '0')}.journey`] = generateJourney({
            touchpoints: touchpointsPerJourney,
            personas: personaCount,
            personaNames: PERSONAS.slice(0, personaCount).map(p => p.name),
            name,
            seed: i,
            improves,
            sharedChannels: ['forum']
        });
    }
    return workspace;
}
