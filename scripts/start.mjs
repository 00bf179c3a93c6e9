#!/usr/bin/env node
/**
 * `npm start`: build the console, start the embedded S3 endpoint, wait until it answers, then start `next start`
 * with the endpoint's URL in its environment. Ctrl-C / SIGTERM stops both; if either stops on its own, the other
 * is stopped too and this script exits non-zero.
 *
 *   SKIP_BUILD=1          reuse the existing .next build
 *   CONSOLE_BACKEND=aws   talk to AWS through the SDK's standard chain; no endpoint is started
 *   EMULATOR_URL=…        use an endpoint that is already running elsewhere instead of starting one
 *   HOSTNAME / PORT       where the console listens (127.0.0.1 / 3000); a non-loopback HOSTNAME needs CONSOLE_PASSWORD
 *   EMULATOR_HOST / EMULATOR_PORT / EMULATOR_DATA_DIR   where the endpoint listens and keeps its data
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const STOP_TIMEOUT_MS = 10_000;
const READY_TIMEOUT_MS = 60_000;

function fail(message) {
  console.error(`start: ${message}`);
  process.exit(1);
}

function envValue(name) {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
}

function portFrom(name, fallback) {
  const raw = envValue(name);
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) fail(`${name}=${raw} is not a port number (1-65535).`);
  return port;
}

function isLoopbackHost(host) {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^(::ffff:)?127(\.\d{1,3}){3}$/.test(bare);
}

/** A URL this machine can open for a server bound to `host` (a wildcard bind is reached through loopback). */
function localUrl(host, port) {
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host;
  const bracketed = reachable.includes(':') && !reachable.startsWith('[') ? `[${reachable}]` : reachable;
  return `http://${bracketed}:${port}`;
}

function resolveBackend() {
  const explicit = envValue('CONSOLE_BACKEND');
  if (explicit !== undefined && explicit !== 'embedded' && explicit !== 'aws') {
    fail(`CONSOLE_BACKEND=${explicit} is not valid: use "embedded" (the default) or "aws".`);
  }
  if (explicit) return explicit;
  return envValue('AWS_ENDPOINT_URL') || envValue('AWS_ENDPOINT_URL_S3') ? 'aws' : 'embedded';
}

// ---- configuration (checked before anything starts) ----
const consoleHost = envValue('HOSTNAME') ?? '127.0.0.1';
const consolePort = portFrom('PORT', 3000);
if (!isLoopbackHost(consoleHost) && !envValue('CONSOLE_PASSWORD')) {
  fail(
    `refusing to listen on HOSTNAME=${consoleHost}: the console would be reachable from other machines without a login.\n` +
      `       Set CONSOLE_PASSWORD to protect it, or unset HOSTNAME to listen on 127.0.0.1 only.`,
  );
}
const backend = resolveBackend();
const externalEmulatorUrl = envValue('EMULATOR_URL')?.replace(/\/+$/, '');
const emulatorHost = envValue('EMULATOR_HOST') ?? '127.0.0.1';
const emulatorPort = portFrom('EMULATOR_PORT', 4510);
const emulatorDataDir = path.resolve(root, envValue('EMULATOR_DATA_DIR') ?? '.data');
const emulatorUrl = externalEmulatorUrl ?? localUrl(emulatorHost, emulatorPort);
const consoleUrl = localUrl(consoleHost, consolePort);

const childEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

// ---- child processes ----
/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();
let stopping = false;

function launch(name, args, env) {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
  children.add(child);
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
    child.once('error', (error) => {
      children.delete(child);
      console.error(`start: could not run ${name}: ${error.message}`);
      resolve({ code: 1, signal: null });
    });
  });
  return { name, child, exited };
}

/** A long-running child that stops on its own takes the whole console down with it. */
function superviseUntilStop({ name, exited }) {
  exited.then(({ code, signal }) => {
    // A Ctrl-C reaches every process of the terminal's group at once; give our own handler the first word.
    setTimeout(() => {
      if (stopping) return;
      console.error(`start: ${name} stopped (${signal ?? `exit code ${code}`}); stopping the rest.`);
      void stop(1);
    }, 200);
  });
}

async function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  const running = [...children];
  for (const child of running) child.kill('SIGTERM');
  const forceKill = setTimeout(() => {
    for (const child of children) child.kill('SIGKILL');
  }, STOP_TIMEOUT_MS);
  await Promise.all(running.map((child) => (child.exitCode !== null || child.signalCode !== null ? undefined : new Promise((resolve) => child.once('exit', resolve)))));
  clearTimeout(forceKill);
  process.exit(exitCode);
}

let signalsSeen = 0;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    signalsSeen += 1;
    if (signalsSeen > 1) {
      for (const child of children) child.kill('SIGKILL');
      process.exit(1);
    }
    console.error(`\nstart: ${signal} received, stopping…`);
    void stop(0);
  });
}
// Last resort against orphans if this script dies some other way.
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

async function answers(url) {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

async function waitUntilAnswering(what, url) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!stopping) {
    if (await answers(url)) return;
    if (Date.now() > deadline) {
      console.error(`start: ${what} did not answer at ${url} within ${READY_TIMEOUT_MS / 1000} s.`);
      await stop(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await new Promise(() => {}); // stopping: stop() exits the process
}

// ---- the sequence ----
if (envValue('SKIP_BUILD') !== '1') {
  console.log('start: building the console (next build)…');
  const build = launch('next build', [nextBin, 'build'], childEnv);
  const { code, signal } = await build.exited;
  if (stopping) await new Promise(() => {});
  if (code !== 0) fail(`next build failed (${signal ?? `exit code ${code}`}).`);
}

if (backend === 'embedded') {
  if (externalEmulatorUrl) {
    console.log(`start: using the endpoint already running at ${externalEmulatorUrl}`);
  } else {
    const emulator = launch('the S3 endpoint', ['--import', 'tsx', 'emulator/main.ts'], {
      ...childEnv,
      EMULATOR_HOST: emulatorHost,
      EMULATOR_PORT: String(emulatorPort),
      EMULATOR_DATA_DIR: emulatorDataDir,
    });
    superviseUntilStop(emulator);
  }
  await waitUntilAnswering('the S3 endpoint', `${emulatorUrl}/_emulator/health`);
}

const consoleServer = launch('the console', [nextBin, 'start', '-H', consoleHost, '-p', String(consolePort)], {
  ...childEnv,
  CONSOLE_BACKEND: backend,
  EMULATOR_URL: emulatorUrl,
  EMULATOR_DATA_DIR: emulatorDataDir,
});
superviseUntilStop(consoleServer);
await waitUntilAnswering('the console', `${consoleUrl}/api/health`);

console.log('');
console.log(`  S3 Replication Console   ${consoleUrl}`);
if (backend === 'embedded') {
  console.log(`  Embedded S3 endpoint     ${emulatorUrl}   (AWS CLI settings: ${consoleUrl}/connect)`);
} else {
  console.log(`  Backend                  AWS (SDK credential chain${envValue('AWS_PROFILE') ? `, profile ${envValue('AWS_PROFILE')}` : ''})`);
}
console.log('  Press Ctrl-C to stop.');
console.log('');
