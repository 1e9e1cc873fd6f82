/** A gap in a persona's emotion curve is a stage the persona goes through without a score, never one it takes no part in. */
import { afterEach, describe, expect, test } from 'vitest';
import { createTestServices, messages } from './services.js';

const services = await createTestServices();
afterEach(() => services.reset());

describe('gaps in the emotion curve', () => {
    test('a stage whose touchpoints are all for another persona is no gap', async () => {
        const document = await services.validate(`
persona Me { }
persona Cat { }
journey Day {
    personas Me, Cat
    stage Morning { touchpoint Tea { persona Me emotion Me 2 } touchpoint Nap { emotion Me 1 emotion Cat 3 } }
    stage Evening { touchpoint Sofa { persona Me emotion Me 3 } }
}`);
        expect(messages(document)).toEqual([]);
    });

    test('a stage the persona goes through without a score is a gap', async () => {
        const document = await services.validate(`
persona Me { }
persona Cat { }
journey Day {
    personas Me, Cat
    stage Morning { touchpoint Nap { emotion Me 1 emotion Cat 3 } }
    stage Evening { touchpoint Sofa { emotion Me 3 } }
}`);
        expect(messages(document)).toEqual([
            "Persona 'Cat' has no emotion in stage 'Evening', so the emotion curve has a gap here. Add 'emotion Cat <-3..+3>' to one of its touchpoints."
        ]);
    });
});
