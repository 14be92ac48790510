/**
 * `npm run bench`: every benchmark in bench/ (each bench/*.ts but this one),
 * one after another, each in its own process with a time limit, then a line
 * per script saying how it ended. Benchmarks that load the CPU alone (engine,
 * kernels, training steps) go first; those that start servers follow.
 *
 *   npm run bench                     everything
 *   npm run bench -- http engine      only these (by file name without .ts)
 *   npm run bench -- --quick          every budget shrunk: proves the scripts work, numbers not quotable
 *   BENCH_SCRIPT_TIMEOUT_S=1200       time limit of one script (default 1200 s, quick 300 s)
 *
 * Every other BENCH_* variable passes through to the scripts (see each one's header).
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { numberOption, quick } from './support/options.js';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const REPO_ROOT = join(BENCH_DIR, '..');

/** CPU-only benchmarks first, in this order; anything not listed runs after them, alphabetically. */
const ORDER = ['engine', 'kernels', 'train-step', 'http', 'grpc-forward', 'train-fairness'];

function discover(): string[] {
  const names = readdirSync(BENCH_DIR)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && f !== basename(fileURLToPath(import.meta.url)))
    .map((f) => f.slice(0, -'.ts'.length));
  const rank = (n: string) => (ORDER.includes(n) ? ORDER.indexOf(n) : ORDER.length);
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** Set on Ctrl-C / SIGTERM: the running script is stopped and no further one starts. */
let interrupted = false;

interface Outcome {
  name: string;
  seconds: number;
  status: string;
}

/**
 * One script in its own process group, so a time-out ends the servers it
 * started along with it (SIGTERM first, so they can clean up; SIGKILL 10 s later).
 */
function runScript(name: string, timeoutSeconds: number): Promise<Outcome> {
  const started = Date.now();
  console.log(`\n# bench/${name}.ts\n`);
  const args = ['--import', 'tsx', join(BENCH_DIR, `${name}.ts`), ...(quick ? ['--quick'] : [])];
  const child = spawn(process.execPath, args, {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    detached: true,
    env: { ...process.env, ...(quick ? { BENCH_QUICK: '1' } : {}) },
  });
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // the group is already gone
    }
  };
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup('SIGTERM');
    setTimeout(() => killGroup('SIGKILL'), 10_000).unref();
  }, timeoutSeconds * 1000);
  const interrupt = () => {
    interrupted = true;
    killGroup('SIGTERM');
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      process.off('SIGINT', interrupt);
      process.off('SIGTERM', interrupt);
      const seconds = (Date.now() - started) / 1000;
      const status = timedOut ? `timed out after ${timeoutSeconds} s` : code === 0 ? 'ok' : `failed (${signal ?? `exit code ${code}`})`;
      resolve({ name, seconds, status });
    });
  });
}

const available = discover();
const asked = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const unknown = asked.filter((a) => !available.includes(a));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; bench/ has ${available.join(', ')}`);
  process.exit(2);
}
const selected = asked.length > 0 ? available.filter((n) => asked.includes(n)) : available;
const timeoutSeconds = numberOption('BENCH_SCRIPT_TIMEOUT_S', 1200, 300);

const outcomes: Outcome[] = [];
for (const name of selected) {
  if (interrupted) break;
  outcomes.push(await runScript(name, timeoutSeconds));
}

console.log('\n# Summary\n');
for (const o of outcomes) console.log(`- bench/${o.name}.ts: ${o.status} in ${o.seconds.toFixed(0)} s`);
if (interrupted) console.log('- interrupted: the remaining benchmarks did not run');
process.exit(!interrupted && outcomes.every((o) => o.status === 'ok') ? 0 : 1);
