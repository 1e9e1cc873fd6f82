// A real VS Code for trying the extension and for end-to-end tests: code-server (VS Code in the
// browser with a real Node extension host), installed from npm into .vscode-test/ with all its
// state there. code-server 4.100 is the newest that runs on Node 20; its install needs the
// offline ripgrep and native-module steps below.
//
//   node scripts/code-server.mjs install                      install code-server if needed
//   node scripts/code-server.mjs install-extension FILE.vsix  install a packaged extension
//   node scripts/code-server.mjs start [FOLDER]               run it until Ctrl+C
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Everything code-server installs or writes lives under here (gitignored). */
export const stateRoot = path.join(projectRoot, '.vscode-test');
const installDir = path.join(stateRoot, 'code-server');
const entryPoint = path.join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const installedStamp = path.join(installDir, `.installed-${CODE_SERVER_VERSION}`);
const installLog = path.join(installDir, 'install.log');

/** What a fresh Debian/Ubuntu machine needs for the install to build code-server's native modules. */
export const APT_PACKAGES = ['build-essential', 'python3', 'pkg-config', 'libkrb5-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'ripgrep'];
const aptHint = `sudo apt-get install -y ${APT_PACKAGES.join(' ')}`;

// @vscode/ripgrep's postinstall downloads rg from GitHub; it first looks for this archive in its
// cache under $TMPDIR, so a tarball of the system's rg makes the install work offline.
const RIPGREP_CACHE = { dir: 'vscode-ripgrep-cache-1.15.11', file: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz' };

// Install scripts that must run (npm 11 `allowScripts`): code-server's postinstall then runs its own
// `npm install` in lib/vscode (node-pty, spdlog, ripgrep...), where npm's default applies: unreviewed
// scripts run with a notice, unless strict-allow-scripts is set, which the install turns off.
const ALLOWED_INSTALL_SCRIPTS = ['code-server', 'argon2'];

/** A one-line-per-step logger; the default prints to stderr with a prefix. */
const defaultLog = message => process.stderr.write(`[code-server] ${message}\n`);

function which(command) {
    return spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).stdout.trim() || undefined;
}

/** Fails with what to install when build tools or ripgrep are missing: no silent skipping. */
function checkBuildPrerequisites() {
    const missing = ['make', 'g++', 'python3', 'pkg-config', 'rg'].filter(command => !which(command));
    for (const lib of ['krb5-gssapi', 'libsecret-1', 'xkbfile']) {
        if (which('pkg-config') && spawnSync('pkg-config', ['--exists', lib]).status !== 0) missing.push(`the ${lib} development files`);
    }
    if (missing.length > 0) {
        throw new Error(`Cannot install code-server ${CODE_SERVER_VERSION}: missing ${missing.join(', ')}.\n` +
            `Install the build prerequisites first:\n  ${aptHint}`);
    }
}

/** Node headers shipped with this Node, so node-gyp does not try to download them. */
function nodeHeadersDir() {
    const prefix = path.resolve(path.dirname(process.execPath), '..');
    return fs.existsSync(path.join(prefix, 'include', 'node', 'node.h')) ? prefix : undefined;
}

export function isCodeServerInstalled() {
    return fs.existsSync(installedStamp) && fs.existsSync(entryPoint);
}

/** Installs code-server into .vscode-test/code-server unless it is already there; returns its entry script. */
export async function ensureCodeServer({ log = defaultLog } = {}) {
    if (isCodeServerInstalled()) return entryPoint;
    checkBuildPrerequisites();
    // Two runs started side by side (npm start and npm test) must not install into one folder at once.
    const lock = `${installDir}.lock`;
    fs.mkdirSync(stateRoot, { recursive: true });
    let announced = false;
    for (const deadline = Date.now() + 10 * 60_000; ;) {
        try {
            fs.mkdirSync(lock);
            fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
            break;
        } catch (error) {
            if (error.code !== 'EEXIST') throw error;
        }
        const owner = Number(fs.readFileSync(path.join(lock, 'pid'), { encoding: 'utf8', flag: 'a+' }));
        if (owner && !isAlive(owner)) {
            fs.rmSync(lock, { recursive: true, force: true });
            continue;
        }
        if (Date.now() > deadline) throw new Error(`Another process (${owner}) has been installing code-server for 10 minutes; remove ${lock} if it is gone.`);
        if (owner && !announced) log(`waiting for process ${owner} to finish installing code-server`);
        announced = true;
        await new Promise(resolve => setTimeout(resolve, 2000));
        if (isCodeServerInstalled()) return entryPoint;
    }
    try {
        return await install(log);
    } finally {
        fs.rmSync(lock, { recursive: true, force: true });
    }
}

function isAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

async function install(log) {
    if (isCodeServerInstalled()) return entryPoint;
    log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(projectRoot, installDir)} (about a minute; log: ${path.relative(projectRoot, installLog)})`);
    fs.rmSync(path.join(installDir, 'node_modules'), { recursive: true, force: true });
    fs.mkdirSync(installDir, { recursive: true });
    fs.writeFileSync(path.join(installDir, 'package.json'), JSON.stringify({
        name: 'journey-maps-code-server',
        private: true,
        description: 'code-server for trying and testing the extension; installed by scripts/code-server.mjs',
        dependencies: { 'code-server': CODE_SERVER_VERSION },
        allowScripts: Object.fromEntries(ALLOWED_INSTALL_SCRIPTS.map(name => [name, true]))
    }, null, 2) + '\n');

    const tmpDir = path.join(stateRoot, 'tmp');
    const ripgrepCache = path.join(tmpDir, RIPGREP_CACHE.dir);
    fs.mkdirSync(ripgrepCache, { recursive: true });
    const rg = fs.realpathSync(which('rg'));
    const staging = fs.mkdtempSync(path.join(tmpDir, 'rg-'));
    fs.copyFileSync(rg, path.join(staging, 'rg'));
    fs.chmodSync(path.join(staging, 'rg'), 0o755);
    const tar = spawnSync('tar', ['-czf', path.join(ripgrepCache, RIPGREP_CACHE.file), '-C', staging, 'rg']);
    fs.rmSync(staging, { recursive: true, force: true });
    if (tar.status !== 0) throw new Error(`Cannot pack ${rg} for the offline ripgrep install: ${tar.stderr}`);

    const headers = nodeHeadersDir();
    const env = {
        ...process.env,
        TMPDIR: tmpDir,
        // code-server's postinstall refuses to run as root without it (npm 11 warns but still exports it).
        npm_config_unsafe_perm: 'true',
        // node-pty's install runs `npx node-gyp`.
        npm_config_yes: 'true',
        npm_config_audit: 'false',
        npm_config_fund: 'false',
        npm_config_strict_allow_scripts: 'false',
        ...(headers ? { npm_config_nodedir: headers } : {})
    };
    const started = Date.now();
    const logFd = fs.openSync(installLog, 'w');
    const status = await new Promise(resolve => {
        const child = spawn('npm', ['install', '--no-save', '--foreground-scripts'], { cwd: installDir, env, stdio: ['ignore', logFd, logFd] });
        child.on('exit', code => resolve(code));
        child.on('error', error => { fs.writeSync(logFd, `\n${error.stack}\n`); resolve(-1); });
    });
    fs.closeSync(logFd);
    if (status !== 0 || !fs.existsSync(entryPoint)) {
        const tail = fs.readFileSync(installLog, 'utf8').split('\n').slice(-30).join('\n');
        throw new Error(`Installing code-server ${CODE_SERVER_VERSION} failed (npm exit ${status}). Last lines of ${installLog}:\n${tail}\n` +
            `Check network access to the npm registry and the build prerequisites:\n  ${aptHint}`);
    }
    const version = spawnSync(process.execPath, [entryPoint, '--version'], { encoding: 'utf8', env: isolatedEnv(path.join(stateRoot, 'tmp', 'version-check')) });
    if (version.status !== 0 || !version.stdout.includes(`${CODE_SERVER_VERSION} `)) {
        throw new Error(`code-server was installed but does not run: ${version.stdout}${version.stderr}\nSee ${installLog}.`);
    }
    fs.writeFileSync(installedStamp, `${new Date().toISOString()}\n`);
    log(`installed code-server ${CODE_SERVER_VERSION} in ${Math.round((Date.now() - started) / 1000)} s`);
    return entryPoint;
}

/** Environment that keeps code-server's config, data and caches inside `profileDir`. */
function isolatedEnv(profileDir) {
    return {
        ...process.env,
        XDG_CONFIG_HOME: path.join(profileDir, 'xdg-config'),
        XDG_DATA_HOME: path.join(profileDir, 'xdg-data'),
        XDG_CACHE_HOME: path.join(profileDir, 'xdg-cache'),
        TMPDIR: path.join(stateRoot, 'tmp')
    };
}

/** Folders of one code-server "profile" (user data, extensions, config) under .vscode-test/. */
export function profilePaths(name) {
    const dir = path.join(stateRoot, name);
    return {
        dir,
        userDataDir: path.join(dir, 'user-data'),
        extensionsDir: path.join(dir, 'extensions'),
        configFile: path.join(dir, 'config.yaml'),
        logFile: path.join(dir, 'code-server.log')
    };
}

/** Deletes a profile's folders (user data, extensions, config, logs) for a clean start. */
export function resetProfile(name) {
    fs.rmSync(profilePaths(name).dir, { recursive: true, force: true });
}

/** Default user settings: no welcome pages, no update checks, nothing that pops up over the editor. */
export const QUIET_SETTINGS = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'security.workspace.trust.enabled': false,
    'git.openRepositoryInParentFolders': 'never',
    'chat.commandCenter.enabled': false
};

/** Installs a packaged extension into the profile's extensions folder. */
export async function installExtension(vsixPath, { profile = 'dev', log = defaultLog } = {}) {
    const entry = await ensureCodeServer({ log });
    const paths = profilePaths(profile);
    fs.mkdirSync(paths.extensionsDir, { recursive: true });
    const result = spawnSync(process.execPath, [entry,
        '--user-data-dir', paths.userDataDir, '--extensions-dir', paths.extensionsDir,
        '--install-extension', path.resolve(vsixPath), '--force'], { encoding: 'utf8', env: isolatedEnv(paths.dir) });
    if (result.status !== 0 || !/successfully installed/i.test(result.stdout)) {
        throw new Error(`code-server --install-extension ${vsixPath} failed:\n${result.stdout}${result.stderr}`);
    }
    log(result.stdout.trim().split('\n').pop());
}

export function freePort() {
    return new Promise((resolve, reject) => {
        const server = net.createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

async function waitForHealth(url, child, logFile, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
        if (child.exitCode !== null || child.signalCode !== null) break;
        try {
            const response = await fetch(new URL('/healthz', url));
            if (response.ok) return;
        } catch {
            // not listening yet
        }
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n') : '';
    throw new Error(`code-server did not answer ${url}healthz within ${timeoutMs / 1000} s (exit ${child.exitCode ?? child.signalCode ?? 'none'}). Last lines of ${logFile}:\n${tail}`);
}

const running = new Set();
// If the caller dies without stopping its servers, take their process groups down with it.
process.on('exit', () => {
    for (const pid of running) {
        try { process.kill(-pid, 'SIGKILL'); } catch { /* already gone */ }
    }
});

/**
 * Starts code-server on 127.0.0.1 and a free port, in its own process group, with its state in
 * the profile's folders and `settings` added to the user settings. Resolves once /healthz
 * answers. `stop()` ends the whole process group.
 */
export async function startCodeServer({ profile = 'dev', settings = {}, log = defaultLog, healthTimeoutMs = 30_000 } = {}) {
    const entry = await ensureCodeServer({ log });
    const paths = profilePaths(profile);
    fs.mkdirSync(path.join(paths.userDataDir, 'User'), { recursive: true });
    fs.mkdirSync(paths.extensionsDir, { recursive: true });
    fs.mkdirSync(path.join(stateRoot, 'tmp'), { recursive: true });
    const settingsFile = path.join(paths.userDataDir, 'User', 'settings.json');
    const existing = fs.existsSync(settingsFile) ? JSON.parse(fs.readFileSync(settingsFile, 'utf8') || '{}') : {};
    fs.writeFileSync(settingsFile, JSON.stringify({ ...QUIET_SETTINGS, ...existing, ...settings }, null, 4) + '\n');

    const port = await freePort();
    const host = `127.0.0.1:${port}`;
    fs.writeFileSync(paths.configFile, `bind-addr: ${host}\nauth: none\ncert: false\n`);
    const logFd = fs.openSync(paths.logFile, 'w');
    // detached: the child calls setsid(), so it and everything it spawns form one process group.
    const child = spawn(process.execPath, [entry,
        '--config', paths.configFile,
        '--user-data-dir', paths.userDataDir,
        '--extensions-dir', paths.extensionsDir,
        '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'
    ], { detached: true, stdio: ['ignore', logFd, logFd], env: isolatedEnv(paths.dir) });
    fs.closeSync(logFd);
    running.add(child.pid);
    const url = `http://${host}/`;

    let stopping;
    const stop = () => stopping ??= (async () => {
        const exited = new Promise(resolve => {
            if (child.exitCode !== null || child.signalCode !== null) resolve();
            else child.once('exit', resolve);
        });
        try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
        const timedOut = await Promise.race([exited.then(() => false), new Promise(resolve => setTimeout(() => resolve(true), 3000))]);
        // Children (file watcher, extension host, language server) may outlive the main process: end the whole group.
        await new Promise(resolve => setTimeout(resolve, timedOut ? 0 : 200));
        try { process.kill(-child.pid, 'SIGKILL'); } catch { /* group already empty */ }
        running.delete(child.pid);
    })();

    try {
        await waitForHealth(url, child, paths.logFile, healthTimeoutMs);
    } catch (error) {
        await stop();
        throw error;
    }
    return { url, host, port, pid: child.pid, paths, stop, child };
}

/** The URL that opens `folder` in the workbench, optionally with a `payload` (extension development and tests). */
export function workbenchUrl(server, { folder, payload } = {}) {
    const url = new URL(server.url);
    if (folder) url.searchParams.set('folder', path.resolve(folder));
    if (payload) url.searchParams.set('payload', JSON.stringify(payload));
    return url.href;
}

/** A `vscode-remote://` URI for a path on the code-server machine; its authority must be the page's host. */
export function remoteUri(server, absolutePath) {
    return `vscode-remote://${server.host}${path.resolve(absolutePath)}`;
}

async function main(argv) {
    const [command, argument] = argv;
    if (command === 'install') {
        await ensureCodeServer();
        console.log(`code-server ${CODE_SERVER_VERSION} is installed in ${installDir}`);
    } else if (command === 'install-extension' && argument) {
        await installExtension(argument);
    } else if (command === 'start') {
        const server = await startCodeServer();
        let stopping = false;
        const stopAndExit = () => { stopping = true; server.stop().then(() => process.exit(0)); };
        process.on('SIGINT', stopAndExit);
        process.on('SIGTERM', stopAndExit);
        console.log(`VS Code (code-server ${CODE_SERVER_VERSION}) is running at ${workbenchUrl(server, { folder: argument ?? projectRoot })}`);
        console.log('Press Ctrl+C to stop it.');
        server.child.on('exit', code => {
            if (stopping) return;
            console.error(`code-server exited unexpectedly (${code}); see ${server.paths.logFile}`);
            server.stop().then(() => process.exit(1));
        });
    } else {
        console.error('Usage: node scripts/code-server.mjs install | install-extension FILE.vsix | start [FOLDER]');
        process.exit(2);
    }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    main(process.argv.slice(2)).catch(error => {
        console.error(error.message);
        process.exit(1);
    });
}
