/**
 * Pictures of stages and touchpoints (`image "storyboard/morning.png" alt "..."`): files of the
 * workspace only, described for those who cannot see them, checked where they are written, and
 * drawn by every reader of the view model: the picture where the medium can load the file, its
 * description where it cannot, and Markdown's image by the path relative to the map.
 */
import { expectHover } from 'langium/test';
import { URI } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { DataFiles } from '../../src/language/data/data-sets.js';
import { IssueCodes, LARGE_PICTURE_BYTES } from '../../src/language/journey-validator.js';
import { journeyPictures } from '../../src/model/view-model.js';
import { elementAt } from '../../src/render/elements.js';
import { gridGeometry } from '../../src/render/grid-geometry.js';
import { gridMarkup, journeyGrid, type MapOptions } from '../../src/render/journey-map.js';
import { messagesFor } from '../../src/render/languages.js';
import { documentMarkdown } from '../../src/render/markdown-document.js';
import { createTestServices, messages } from './services.js';

const MAP = `journey Day "A day" {
    stage Morning {
        image "storyboard/morning.svg" alt "In bed at dawn, reading on her phone"
        touchpoint Door "Parcel at the door" {
            channel delivery
            image "storyboard/door.png" alt "A parcel on the doorstep"
        }
    }
}
`;

/** Files as the file system would have them: sizes by path, `dir/` for a folder. */
function filesWith(sizes: Record<string, number>): DataFiles {
    return {
        async stat(uri: URI) {
            const path = uri.path.replace(/^\//, '');
            if (path in sizes) return { mtime: 1, size: sizes[path], directory: false };
            if (`${path}/` in sizes) return { mtime: 1, size: 0, directory: true };
            return undefined;
        },
        async readTable() {
            throw new Error('no data here');
        }
    };
}

let services: Awaited<ReturnType<typeof createTestServices>>;
beforeAll(async () => { services = await createTestServices(); });
afterEach(async () => { await services.reset(); });

const options = (images?: Record<string, string>): MapOptions => ({ messages: messagesFor('en'), geometry: gridGeometry('comfortable'), personaOrder: [], images });

describe('a picture in the language', () => {
    test('is read on a stage and a touchpoint, its file resolved against the map', async () => {
        const { document, model } = await services.view(MAP);
        expect(messages(document)).toEqual([]);
        const stage = model.journeys[0].stages[0];
        expect(stage.image).toMatchObject({ path: 'storyboard/morning.svg', alt: 'In bed at dawn, reading on her phone', file: expect.stringMatching(/\/storyboard\/morning\.svg$/) });
        expect(stage.touchpoints[0].image).toMatchObject({ path: 'storyboard/door.png', alt: 'A parcel on the doorstep', key: `${stage.touchpoints[0].key}/image` });
        expect(URI.parse(stage.image!.file).path).toBe(URI.parse(document.uri.toString()).path.replace(/[^/]+$/, 'storyboard/morning.svg'));
        expect(journeyPictures(model.journeys[0]).map(p => p.path)).toEqual(['storyboard/morning.svg', 'storyboard/door.png']);
    });

    test.each([
        ['a URL', 'https://example.com/tracker.png', "Images are shown from files in the workspace only, never from the network or another location: a map opened from a pull request must not fetch anything ('https://example.com/tracker.png'). Save the file next to the map and write its relative path, such as \"storyboard/morning.png\"."],
        ['a data URL', 'data:image/png;base64,AAAA', "Images are shown from files in the workspace only, never from the network or another location: a map opened from a pull request must not fetch anything ('data:image/png;base64,AAAA'). Save the file next to the map and write its relative path, such as \"storyboard/morning.png\"."],
        ['an absolute path', '/home/me/morning.png', "'/home/me/morning.png' is an absolute path, which only works on one machine. Write the path relative to this map, such as \"storyboard/morning.png\", so it works in every clone of the repository."],
        ['another kind of file', 'storyboard/morning.gif', "'storyboard/morning.gif' is not an image this map can show: name a PNG, JPEG or SVG file (.png, .jpg, .jpeg or .svg)."]
    ])('%s is an error that says why, and is not drawn', async (_, path, message) => {
        const { document, model } = await services.view(MAP.replace('storyboard/morning.svg', path));
        expect(messages(document)).toEqual([message]);
        expect(document.diagnostics![0].range.start).toEqual({ line: 2, character: 14 });
        expect(model.journeys[0].stages[0].image).toBeUndefined();
    });

    test('a picture without a description gets a warning, and a fix that adds one to write', async () => {
        const text = MAP.replace(' alt "A parcel on the doorstep"', '');
        const document = await services.validate(text);
        const warning = document.diagnostics!.find(d => d.code === IssueCodes.PictureWithoutAlt)!;
        expect(warning.message).toBe('This image says nothing to people who cannot see it: a screen reader reads its description, and so does everyone whose export lost the picture. Add one after the path: alt "what the picture shows".');
        const [fix] = await services.codeActions(document, warning);
        expect(TextDocument.applyEdits(document.textDocument, fix.edit!.changes![document.textDocument.uri])).toBe(MAP.replace('alt "A parcel on the doorstep"', 'alt "Describe what the picture shows"'));
        await services.reset();
        const empty = await services.validate(MAP.replace('alt "A parcel on the doorstep"', 'alt ""'));
        const emptyWarning = empty.diagnostics!.find(d => d.code === IssueCodes.PictureWithoutAlt)!;
        expect(await services.codeActions(empty, emptyWarning)).toEqual([]);
    });

    test('a second picture on one element is a warning: only the first is shown', async () => {
        const document = await services.validate(MAP.replace('        touchpoint Door', '        image "storyboard/noon.png" alt "Noon"\n        touchpoint Door'));
        expect(messages(document)).toEqual(['This stage already has an image, and only the first is shown. Give each picture a touchpoint of its own, or keep the one that says most.']);
    });

    test('image and alt can still be names', async () => {
        const { document, model } = await services.view('journey J {\n    stage image {\n        touchpoint alt { channel web }\n    }\n}\n');
        expect(messages(document)).toEqual([]);
        expect([model.journeys[0].stages[0].id, model.journeys[0].stages[0].touchpoints[0].id]).toEqual(['image', 'alt']);
    });

    test('hover on one says which file and what it shows', async () => {
        await expectHover(services.Journey)({
            text: MAP.replace('image "storyboard/door.png"', 'ima<|>ge "storyboard/door.png"'),
            index: 0,
            hover: /^\*\*Image\*\* storyboard\/door\\\.png: A parcel on the doorstep\n\nA PNG, JPEG or SVG file of the workspace/
        });
    });
});

describe('where the files are looked for', () => {
    test('in the editor, a picture outside the workspace is an error, and the cursor on a stage\'s picture lights it up', async () => {
        const inWorkspace = await createTestServices();
        inWorkspace.shared.workspace.WorkspaceManager.initialize({ processId: null, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: 'file:///repo/maps', name: 'maps' }] });
        const outside = await inWorkspace.validate(MAP.replace('storyboard/door.png', '../../secrets/door.png'), 'file:///repo/maps/day.journey');
        expect(messages(outside)).toEqual(["'../../secrets/door.png' is outside the workspace, and a map shows files of its workspace only. Keep the file with the map, such as \"storyboard/morning.png\"."]);
        // Research data by the same rule: nothing outside the workspace is read.
        await inWorkspace.reset();
        const data = await inWorkspace.validate('journey D {\n    data Survey "../../secrets/survey.csv" {\n        stage "stage"\n    }\n}\n', 'file:///repo/maps/data.journey');
        expect(messages(data)).toEqual(["\"../../secrets/survey.csv\": '../../secrets/survey.csv' is outside the workspace, and a map reads files of its workspace only. Keep the file with the map, such as \"research/survey.csv\"."]);
        await inWorkspace.reset();
        const inside = await inWorkspace.validate(MAP.replace('storyboard/door.png', '../maps/shots/door.png'), 'file:///repo/maps/day.journey');
        expect(messages(inside)).toEqual([]);
        const { model } = await services.view(MAP);
        expect(elementAt(model, { line: 2, character: 20 })?.key).toBe(model.journeys[0].stages[0].image!.key);
        expect(elementAt(model, { line: 5, character: 20 })?.key).toBe(model.journeys[0].stages[0].touchpoints[0].key);
    });


    test('a file that is not there, a folder, or a picture too large to carry inline is said where the path is written', async () => {
        const files = await createTestServices({ dataFiles: filesWith({ 'storyboard/door.png': LARGE_PICTURE_BYTES + 1, 'storyboard/morning.svg/': 0 }) });
        const document = await files.validate(MAP);
        expect(messages(document)).toEqual([
            "'storyboard/morning.svg' is a folder. Name the image file in it.",
            'door.png is 2.0 MB, and every export of the map carries it inline. Save a smaller version (a picture 2 MB or less; a panel is rarely drawn wider than 300 pixels).'
        ]);
        await files.reset();
        const missing = await files.validate(MAP.replace('storyboard/morning.svg', 'storyboard/noon.svg'));
        expect(messages(missing)[0]).toMatch(/^There is no image noon\.svg in \/.*storyboard\. Check the path: it is relative to this map\.$/);
    });
});

describe('what the readers of the view model make of it', () => {
    test('the map draws each picture from where the medium loads it, described for those who cannot see it', async () => {
        const { model } = await services.view(MAP);
        const [stage] = model.journeys[0].stages;
        const images = { [stage.image!.file]: 'https://file+.vscode-resource.example/morning.svg', [stage.touchpoints[0].image!.file]: 'data:image/png;base64,iVBORw0KGgo=' };
        const grid = gridMarkup(journeyGrid(model.journeys[0], options(images))).value;
        expect(grid).toContain('<div class="stage-picture" data-key="stage:Day/Morning/image" data-range="2:8-2:81" tabindex="-1" role="button"><img class="picture" src="https://file+.vscode-resource.example/morning.svg" alt="In bed at dawn, reading on her phone" decoding="async"></div>');
        expect(grid).toMatch(/<div class="card touchpoint"[^>]*><img class="picture" src="data:image\/png;base64,iVBORw0KGgo=" alt="A parcel on the doorstep" decoding="async"><div class="card-title"/);
    });

    test('where the file cannot be loaded, its description stands in its place, as text', async () => {
        const { model } = await services.view(MAP.replace('A parcel on the doorstep', '<img src=x onerror=alert(1)>'));
        const grid = gridMarkup(journeyGrid(model.journeys[0], options())).value;
        expect(grid).not.toContain('<img');
        expect(grid).toContain('<span class="picture picture-missing">Picture not shown: In bed at dawn, reading on her phone</span>');
        expect(grid).toContain('Picture not shown: &lt;img src=x onerror=alert(1)&gt;');
    });

    test('Markdown shows each picture by its path relative to the map', async () => {
        const { model } = await services.view(MAP.replace('storyboard/door.png', 'story board/door (1).png'));
        const markdown = documentMarkdown(model, messagesFor('en'));
        expect(markdown).toContain('![In bed at dawn, reading on her phone](./storyboard/morning.svg)<br>Parcel at the door (Delivery)<br>![A parcel on the doorstep](./story%20board/door%20%281%29.png)');
    });
});
