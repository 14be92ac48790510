import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LEARNING_RATE, type TrainCase } from './engine-cases.js';
import { emptyResults, type EngineResults } from './engine-subject.js';
import type { Measurement } from './measure.js';

/** Debian's interpreter, the one python3-torch installs into (a pyenv python3 on PATH has no torch). */
export const PYTHON = process.env.BENCH_PYTHON ?? '/usr/bin/python3';

const SCRIPT = fileURLToPath(new URL('./torch_engine.py', import.meta.url));

export type TorchOutcome = { available: true; description: string; results: EngineResults } | { available: false; reason: string };

interface TorchReply {
  available: boolean;
  reason?: string;
  version?: string;
  threads?: number;
  matmul?: Record<string, Measurement>;
  train?: Record<string, Measurement>;
}

/**
 * Runs torch_engine.py (PyTorch, `torch.set_num_threads(1)`) on the same
 * workloads, with a hard time limit so a wedged interpreter cannot hang the run.
 */
export function runTorch(sizes: number[], cases: readonly TrainCase[], budgetSeconds: number, timeoutSeconds: number): Promise<TorchOutcome> {
  return new Promise((resolve) => {
    const child = spawn(PYTHON, [SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
    let stdout = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutSeconds * 1000);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.once('error', (e) => {
      clearTimeout(timer);
      resolve({ available: false, reason: `cannot run ${PYTHON}: ${e.message}` });
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) return resolve({ available: false, reason: `${PYTHON} ${SCRIPT} ended with ${signal ?? `exit code ${code}`}` });
      let reply: TorchReply;
      try {
        reply = JSON.parse(stdout) as TorchReply;
      } catch {
        return resolve({ available: false, reason: `torch_engine.py printed no JSON: ${stdout.slice(0, 200)}` });
      }
      if (!reply.available) return resolve({ available: false, reason: reply.reason ?? 'torch unavailable' });
      const results = emptyResults();
      for (const [n, m] of Object.entries(reply.matmul ?? {})) results.matmul.set(Number(n), m);
      for (const [id, m] of Object.entries(reply.train ?? {})) results.train.set(id, m);
      resolve({ available: true, description: `PyTorch ${reply.version} (${reply.threads} thread)`, results });
    });
    child.stdin.end(JSON.stringify({ sizes, cases, budget: budgetSeconds, lr: LEARNING_RATE }));
  });
}
