/**
 * Labels with terminal control sequences and bidirectional controls, through every command and format of
 * the CLI as a process: nothing it prints, to the terminal or to a file, holds a raw control character.
 * Each shows as an escape (`\u001b`), and JSON output still says exactly what the map says.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { cli, journey, type CliRun } from './run.js';

/** Retitles the terminal, clears it, hides what follows; a C1 control sequence introducer; a right-to-left override. */
const HOSTILE = '\u001b]0;pwned\u0007\u001b[2J\u001b[8mhidden\u001b[0m \u009b31m red\u0085 invoice\u202Egnp.exe';
const SHOWN = '\\u001b]0;pwned\\u0007\\u001b[2J\\u001b[8mhidden\\u001b[0m \\u009b31m red\\u0085 invoice\\u202egnp.exe';
/** Any character a terminal would act on or reorder by: C0 but line break and tab, DEL, C1, bidi controls. */
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

function map(title: string): string {
    return `persona Mal "${HOSTILE}" { goal "${HOSTILE}" }
journey Shop "${title}" {
    personas Mal
    stage Browse "${HOSTILE}" {
        touchpoint Home "${HOSTILE}" {
            channel web
            does "${HOSTILE}"
            emotion Mal -2
            pain Slow "${HOSTILE}"
        }
    }
    stage Empty "${HOSTILE}" { }
    opportunity Fast "${HOSTILE}" { impact high effort low addresses Slow }
    action Fix "${HOSTILE}" { owner "${HOSTILE}" for Fast }
}
`;
}

let folder: string;
let file: string;
let older: string;
beforeAll(async () => {
    await cli();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-controls-'));
    // The file's own name carries an escape too: it is printed in every diagnostic line.
    file = path.join(folder, 'shop\u001b[2J.journey');
    fs.writeFileSync(file, map(HOSTILE));
    older = path.join(folder, 'old', 'shop.journey');
    fs.mkdirSync(path.dirname(older));
    fs.writeFileSync(older, map('Before').replace(/stage Empty[^\n]*\n/, ''));
});

function expectNoRawControls(run: CliRun | { stdout: string; stderr: string }, what: string): void {
    for (const [stream, text] of [['stdout', run.stdout], ['stderr', run.stderr]] as const) {
        const index = text.search(RAW_CONTROL);
        expect(index, `${what}: raw control U+${text.codePointAt(index)?.toString(16)} in ${stream} near ${JSON.stringify(text.slice(Math.max(0, index - 40), index + 20))}`).toBe(-1);
    }
}

describe('labels with control characters', () => {
    test.each([
        ['check', ['check']],
        ['report, text', ['report']],
        ['report, markdown', ['report', '--format', 'markdown']],
        ['render, markdown', ['render', '--format', 'markdown']],
        ['render, mermaid', ['render', '--format', 'mermaid']],
        ['render, mermaid emotions', ['render', '--format', 'mermaid', '--diagram', 'emotions']]
    ])('%s: shown as escapes, never raw', async (what, args) => {
        const run = await journey([...args, file], { cwd: folder });
        expectNoRawControls(run, what);
        // Markdown and Mermaid put a label on one line without control characters; a bidi control is shown everywhere.
        expect(run.stdout, what).toContain('invoice\\u202e');
    });

    test('check and report show the label and the file name as escapes', async () => {
        const run = await journey(['check', file], { cwd: folder });
        expect(run.stdout).toContain(`shop\\u001b[2J.journey:12:11 warning Stage '${SHOWN}' has no touchpoints yet`);
        const report = await journey(['report', file], { cwd: folder });
        expect(report.stdout.startsWith(SHOWN.slice(0, 60))).toBe(true);
    });

    test.each([
        ['diff, text', []],
        ['diff, markdown', ['--format', 'markdown']],
        ['diff, json', ['--format', 'json']]
    ])('%s: shown as escapes, never raw', async (what, args) => {
        const run = await journey(['diff', older, file, ...args], { cwd: folder });
        expectNoRawControls(run, what);
        expect(run.stdout, what).toContain('invoice\\u202e');
    });

    test('JSON output stays valid and says exactly what the map says', async () => {
        const checked = await journey(['check', '--format', 'json', file], { cwd: folder });
        expectNoRawControls(checked, 'check --format json');
        const diagnostics = (JSON.parse(checked.stdout) as { files: Array<{ diagnostics: Array<{ message: string }> }> }).files[0].diagnostics;
        expect(diagnostics.map(d => d.message)).toContainEqual(expect.stringContaining(`Stage '${HOSTILE}' has no touchpoints yet`));

        const rendered = await journey(['render', '--format', 'json', file], { cwd: folder });
        expectNoRawControls(rendered, 'render --format json');
        expect((JSON.parse(rendered.stdout) as { journeys: Array<{ title: string }> }).journeys[0].title).toBe(HOSTILE);
    });

    test('a file written with -o holds no raw control either', async () => {
        for (const [format, name] of [['markdown', 'map.md'], ['mermaid', 'map.mmd'], ['json', 'map.json']]) {
            const output = path.join(folder, name);
            const run = await journey(['render', '--format', format, '-o', output, file], { cwd: folder });
            expectNoRawControls(run, `render --format ${format} -o`);
            expectNoRawControls({ stdout: fs.readFileSync(output, 'utf8'), stderr: '' }, `the ${format} file`);
        }
        const report = path.join(folder, 'report.txt');
        await journey(['report', '-o', report, file], { cwd: folder });
        expectNoRawControls({ stdout: fs.readFileSync(report, 'utf8'), stderr: '' }, 'the report file');
    });

    test('an error message that quotes what the user typed shows it as escapes', async () => {
        const run = await journey(['render', file, '--journey', '\u001b]0;pwned\u0007'], { cwd: folder });
        expect(run.status).toBe(2);
        expectNoRawControls(run, 'render --journey');
        expect(run.stderr).toContain("has no journey named '\\u001b]0;pwned\\u0007'");
    });
});
