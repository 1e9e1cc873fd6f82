// `npm start`: build the extension, package it as a .vsix, install that into code-server (a real
// VS Code, see scripts/code-server.mjs), open examples/ in it and print the URL. Ctrl+C stops
// code-server and every process it started.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { installExtension, projectRoot, stateRoot, startCodeServer, workbenchUrl } from './code-server.mjs';

function run(command, args, what) {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { cwd: projectRoot, stdio: ['ignore', 'inherit', 'inherit'] });
        child.on('error', error => reject(new Error(`${what} failed to start: ${error.message}`)));
        child.on('exit', (code, signal) => code === 0 ? resolve() : reject(new Error(`${what} failed (${signal ?? `exit ${code}`}); see the output above.`)));
    });
}

/** Bundles the extension, the language server and the webview into out/. */
export function buildExtension() {
    return run(process.execPath, ['esbuild.mjs', '--production'], 'Building the extension (node esbuild.mjs --production)');
}

/**
 * Packages the built extension with vsce (everything is bundled, so without node_modules) into
 * `folder` (default .vscode-test/); returns the .vsix path.
 */
export async function packageVsix(folder = stateRoot) {
    const { name, version } = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8'));
    const vsix = path.join(folder, `${name}-${version}.vsix`);
    fs.mkdirSync(folder, { recursive: true });
    fs.rmSync(vsix, { force: true });
    // The same flags as `npm run package`: the README's images stay relative, so VS Code shows them from the package.
    await run('npx', ['--no', 'vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsix], 'Packaging the extension (vsce package)');
    return vsix;
}

async function main() {
    const folder = path.resolve(process.argv[2] ?? path.join(projectRoot, 'examples'));
    await buildExtension();
    const vsix = await packageVsix();
    await installExtension(vsix, { profile: 'dev' });
    const server = await startCodeServer({ profile: 'dev' });
    let stopping = false;
    const stop = async code => {
        if (stopping) return;
        stopping = true;
        console.log('\nStopping code-server...');
        await server.stop();
        process.exit(code);
    };
    process.on('SIGINT', () => stop(0));
    process.on('SIGTERM', () => stop(0));
    process.on('SIGHUP', () => stop(0));
    server.child.on('exit', code => {
        if (stopping) return;
        console.error(`code-server exited unexpectedly (${code}); its log: ${server.paths.logFile}`);
        stop(1);
    });
    console.log(`\nJourney Maps is installed in VS Code (code-server), with ${path.relative(process.cwd(), folder) || '.'} open:\n\n  ${workbenchUrl(server, { folder })}\n`);
    console.log('Open the URL in a browser on this machine. Press Ctrl+C to stop.');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    main().catch(error => {
        console.error(error.message);
        process.exit(1);
    });
}
