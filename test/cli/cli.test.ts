import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { globToRegExp, readUserFile, resolveJourneyFiles } from '../../src/cli/files.js';
import { cli, EXAMPLES, FIXTURES, journey, ROOT } from './run.js';

beforeAll(async () => { await cli(); });

describe('help and usage', () => {
    test('journey --help lists every command and the exit codes', async () => {
        const run = await journey(['--help']);
        expect(run.status).toBe(0);
        for (const command of ['check', 'render', 'report', 'diff']) expect(run.stdout).toContain(`  ${command} `);
        expect(run.stdout).toContain('Exit codes:');
    });

    test.each(['check', 'render', 'report', 'diff'])('journey %s --help shows its usage and options', async command => {
        const run = await journey([command, '--help']);
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(new RegExp(`^Usage: journey ${command}`));
        expect(run.stdout).toContain('--workspace');
        expect(run.stdout).toContain('Example');
    });

    test('journey without a command shows the help', async () => {
        const run = await journey([]);
        expect(run.status).toBe(0);
        expect(run.stdout).toContain('Usage: journey <command>');
    });

    test('--version prints the package version', async () => {
        const run = await journey(['--version']);
        const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
        expect(run.stdout.trim()).toBe(version);
    });

    test('an unknown command names the commands there are', async () => {
        const run = await journey(['lint', 'examples']);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain("'lint' is not a journey command");
        expect(run.stderr).toContain('check, render, report, diff');
    });

    test('an unknown option says which command and where to look', async () => {
        const run = await journey(['check', '--fix', 'examples']);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain("Unknown option '--fix' for 'journey check'");
        expect(run.stderr).toContain("journey check --help");
    });

    test('a bad --format value lists the valid ones', async () => {
        const run = await journey(['check', '--format', 'xml', 'examples']);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain("'xml' is not a valid --format for 'journey check'. Use one of: text, json.");
    });

    test('an option without its value says so', async () => {
        const run = await journey(['render', 'examples/vacuum-current.journey', '--format']);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain("The option '--format' needs a value");
    });

    test('a missing file is named, with the path looked at', async () => {
        const run = await journey(['check', 'examples/nope.journey']);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain("File not found: 'examples/nope.journey'");
        expect(run.stderr).toContain(path.join(ROOT, 'examples/nope.journey'));
        expect(run.stdout).toBe('');
    });

    test('a file that is not a journey map is named, and what to do with a Markdown file is said', async () => {
        for (const command of ['check', 'render', 'report']) {
            const run = await journey([command, 'README.md']);
            expect(run.status, command).toBe(2);
            expect(run.stderr).toContain("'README.md' is not a .journey file. Name journey maps written in .journey files; a Markdown file's Mermaid journeys can be turned into one with 'journey import'.");
            expect(run.stderr).not.toContain('unexpected failure');
        }
    });

    test('a glob that matches nothing says so', async () => {
        const run = await journey(['check', 'examples/*.jorney']);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain("No files match 'examples/*.jorney'");
    });

    test('several maps to render without a folder say where they could go', async () => {
        const run = await journey(['render', 'examples/vacuum-current.journey', 'examples/vacuum-future.journey']);
        expect(run.status).toBe(2);
        expect(run.stderr).toContain('2 maps to draw: name a folder for them with -o, for example -o exports/');
    });
});

describe('journey check', () => {
    test('the examples are clean: exit 0, nothing on stdout, a summary on stderr', async () => {
        const run = await journey(['check', 'examples']);
        expect(run.status).toBe(0);
        expect(run.stdout).toBe('');
        const count = fs.readdirSync(EXAMPLES).filter(f => f.endsWith('.journey')).length;
        expect(run.stderr).toContain(`Checked ${count} files: 0 errors, 0 warnings.`);
    });

    test('a quoted glob is expanded by the CLI itself', async () => {
        const run = await journey(['check', 'examples/vacuum-*.journey']);
        expect(run.status).toBe(0);
        expect(run.stderr).toContain('Checked 3 files');
    });

    test('errors are printed as file:line:col severity message, and exit 1', async () => {
        const run = await journey(['check', 'test/cli/fixtures/broken/unresolved.journey']);
        expect(run.status).toBe(1);
        const lines = run.stdout.trim().split('\n');
        expect(lines[0]).toMatch(/^test\/cli\/fixtures\/broken\/unresolved\.journey:3:14 error Unknown persona 'Nobody'\. .*Declare it with 'persona Nobody "Full name" \{ \.\.\. \}'/);
        expect(lines.some(line => /^test\/cli\/fixtures\/broken\/unresolved\.journey:6:21 error Unknown channel 'fax'/.test(line))).toBe(true);
        // The unknown persona is reported once, on the personas line, not again at each emotion that names it.
        expect(lines.filter(line => line.includes("Unknown persona 'Nobody'"))).toHaveLength(1);
        expect(run.stderr).toContain('2 errors');
    });

    test('syntax errors point at the line and column of the mistake', async () => {
        const run = await journey(['check', 'test/cli/fixtures/broken/syntax.journey']);
        expect(run.status).toBe(1);
        expect(run.stdout).toMatch(/^test\/cli\/fixtures\/broken\/syntax\.journey:9:11 error Unexpected character '='/m);
    });

    test('warnings alone pass, unless --strict', async () => {
        const file = 'test/cli/fixtures/warnings/gaps.journey';
        const relaxed = await journey(['check', file]);
        expect(relaxed.status).toBe(0);
        expect(relaxed.stdout).toContain(`${file}:19:11 warning Stage 'Comparing offers' has no touchpoints yet`);
        // Hints are for the editor's light bulb, not for a CI log.
        expect(relaxed.stdout).not.toContain(' hint ');
        const strict = await journey(['check', '--strict', file]);
        expect(strict.status).toBe(1);
    });

    test('--format json gives positions, severities, messages and codes per file', async () => {
        const run = await journey(['check', '--format', 'json', 'test/cli/fixtures/broken/unresolved.journey', 'examples/vacuum-current.journey']);
        expect(run.status).toBe(1);
        const json = JSON.parse(run.stdout) as { errors: number; warnings: number; files: Array<{ file: string; errors: number; diagnostics: Array<{ line: number; column: number; severity: string; message: string }> }> };
        expect(json.errors).toBe(2);
        expect(json.files.map(f => f.file)).toEqual(['test/cli/fixtures/broken/unresolved.journey', 'examples/vacuum-current.journey']);
        expect(json.files[1].errors).toBe(0);
        expect(json.files[0].diagnostics[0]).toMatchObject({ line: 3, column: 14, severity: 'error' });
        expect(json.files[0].diagnostics[0].message).toContain("Unknown persona 'Nobody'");
    });

    test('personas in a sibling file resolve, as in the editor', async () => {
        // vacuum-current.journey lists `personas Colleen`, declared in personas.journey beside it.
        const run = await journey(['check', 'examples/vacuum-current.journey']);
        expect(run.status).toBe(0);
        expect(run.stdout).toBe('');
    });

    test('--workspace resolves references in another folder', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'journey-ws-'));
        fs.copyFileSync(path.join(EXAMPLES, 'vacuum-current.journey'), path.join(dir, 'vacuum-current.journey'));
        const alone = await journey(['check', path.join(dir, 'vacuum-current.journey')]);
        expect(alone.status).toBe(1);
        expect(alone.stdout).toContain("Unknown persona 'Colleen'");
        const withPersonas = await journey(['check', path.join(dir, 'vacuum-current.journey'), '--workspace', EXAMPLES]);
        expect(withPersonas.stdout).not.toContain("Unknown persona 'Colleen'");
    });

    test('--progress reports on stderr and keeps stdout clean', async () => {
        const run = await journey(['check', '--progress', 'examples']);
        expect(run.status).toBe(0);
        expect(run.stderr).toMatch(/Checked \d+\/\d+ files/);
        expect(run.stdout).toBe('');
    });
});

describe('file arguments', () => {
    test('globs: *, **, ?, braces and sets', () => {
        expect(globToRegExp('*.journey').test('a.journey')).toBe(true);
        expect(globToRegExp('*.journey').test('sub/a.journey')).toBe(false);
        expect(globToRegExp('**/*.journey').test('a.journey')).toBe(true);
        expect(globToRegExp('**/*.journey').test('x/y/a.journey')).toBe(true);
        expect(globToRegExp('{a,b}?.journey').test('b1.journey')).toBe(true);
        expect(globToRegExp('[!v]*.journey').test('vacuum.journey')).toBe(false);
        expect(globToRegExp('a.journey').test('aXjourney')).toBe(false);
    });

    test('a folder stands for every .journey file below it, skipping duplicates', () => {
        const files = resolveJourneyFiles(['test/cli/fixtures', 'test/cli/fixtures/broken/syntax.journey'], ROOT);
        expect(files).toContain(path.join(FIXTURES, 'versions/v2/shop.journey'));
        expect(files.filter(f => f.endsWith('syntax.journey'))).toHaveLength(1);
    });

    test('a folder given where a file is read says it is a folder', () => {
        expect(() => readUserFile(FIXTURES, 'test/cli/fixtures')).toThrow("'test/cli/fixtures' is a folder, not a .journey file. Name a file inside it.");
    });
});
