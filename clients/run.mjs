// Starts the library sample on a free port (on a fresh embedded PostgreSQL), waits until its health endpoint answers
// UP, runs the client checks in test/ against it with node's test runner, and stops it, whatever happened.
//   node run.mjs <sample jar>            (run.sh installs what this needs first)
//   SAMPLE_URL=http://127.0.0.1:8080 node run.mjs   (checks a sample that is already running; starts nothing)
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const TARGET = join(HERE, 'target');
const LOG = join(TARGET, 'sample.log');
const CHECKS = ['graphql-http-audit', 'graphql-request', 'graphiql-browser'].map((name) => join('test', `${name}.test.mjs`));
const STARTUP_LIMIT_MS = 180_000;
const STOP_LIMIT_MS = 30_000;

// Thrown rather than exiting at once, so that the sample is stopped on the way out.
class CheckFailure extends Error {}

function fail(message) {
  throw new CheckFailure(message);
}

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

function lastLines(file, count) {
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').slice(-count).join('\n') : '(no log)';
}

async function startSample(jar) {
  if (!jar || !existsSync(jar)) {
    fail(`the sample's jar ${jar ?? '(none given)'} does not exist: build it first with `
        + '`mvn -B -pl samples/library -am package -DskipTests`, or run `mvn -B verify`');
  }
  mkdirSync(join(TARGET, 'tmp'), { recursive: true });
  const port = await freePort();
  const java = process.env.JAVA || 'java';
  // A temp directory of its own and a fresh embedded database: every run starts from the migrated 3 000 books.
  const args = [`-Djava.io.tmpdir=${join(TARGET, 'tmp')}`, '-jar', resolve(jar),
    `--server.port=${port}`, '--server.address=127.0.0.1', '--fraiseql.embedded.fresh=true'];
  const log = createWriteStream(LOG);
  const app = spawn(java, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  app.stdout.pipe(log);
  app.stderr.pipe(log);
  const exited = new Promise((resolveExit) => app.once('exit', (code, signal) => resolveExit({ code, signal })));
  const spawnError = new Promise((resolveError) => app.once('error', resolveError));
  return { app, exited, spawnError, url: `http://127.0.0.1:${port}` };
}

async function waitUntilUp(sample) {
  const deadline = Date.now() + STARTUP_LIMIT_MS;
  let stopped = null;
  let spawnError = null;
  sample.exited.then((how) => { stopped = how; });
  sample.spawnError.then((error) => { spawnError = error; });
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (spawnError) {
      fail(`could not start the sample with ${process.env.JAVA || 'java'}: ${spawnError.message}`);
    }
    if (stopped) {
      fail(`the sample stopped while starting (exit ${stopped.code ?? stopped.signal}); the end of ${LOG}:\n`
          + lastLines(LOG, 40));
    }
    try {
      const response = await fetch(`${sample.url}/actuator/health`, { signal: AbortSignal.timeout(2_000) });
      const body = await response.text();
      if (response.status === 200 && JSON.parse(body).status === 'UP') {
        return;
      }
      last = `HTTP ${response.status}: ${body.slice(0, 200)}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    // Between two polls; the loop ends as soon as the health endpoint says UP.
    await new Promise((wake) => setTimeout(wake, 250));
  }
  fail(`the sample was not UP after ${STARTUP_LIMIT_MS / 1000} s (last: ${last}); the end of ${LOG}:\n`
      + lastLines(LOG, 40));
}

async function stopSample(sample) {
  if (sample.app.exitCode !== null || sample.app.signalCode !== null) {
    return;
  }
  sample.app.kill('SIGTERM');
  const timer = setTimeout(() => sample.app.kill('SIGKILL'), STOP_LIMIT_MS);
  await sample.exited;
  clearTimeout(timer);
}

function runChecks(url) {
  return new Promise((resolveRun) => {
    const checks = spawn(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', ...CHECKS],
        { cwd: HERE, stdio: 'inherit', env: { ...process.env, SAMPLE_URL: url } });
    checks.once('exit', (code, signal) => resolveRun(code ?? (signal ? 1 : 0)));
  });
}

const given = process.env.SAMPLE_URL;
let sample = null;
const stopOnSignal = async (signal) => {
  if (sample) {
    await stopSample(sample);
  }
  process.exit(signal === 'SIGINT' ? 130 : 143);
};
process.once('SIGINT', stopOnSignal);
process.once('SIGTERM', stopOnSignal);

const started = Date.now();
let code = 1;
try {
  if (given) {
    console.log(`Client checks against ${given} (already running)`);
    code = await runChecks(given);
  } else {
    sample = await startSample(process.argv[2]);
    await waitUntilUp(sample);
    console.log(`Sample UP at ${sample.url} after ${((Date.now() - started) / 1000).toFixed(1)} s (log: ${LOG})`);
    code = await runChecks(sample.url);
  }
  if (code !== 0) {
    fail('see the failing checks above' + (sample ? `; the sample's log is ${LOG}` : ''));
  }
} catch (error) {
  console.error(`\nCLIENT CHECKS FAILED: ${error instanceof CheckFailure ? error.message : error.stack}\n`);
  code = 1;
} finally {
  if (sample) {
    await stopSample(sample);
  }
}
if (code === 0) {
  console.log(`Client checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
process.exitCode = code;
