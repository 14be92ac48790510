import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts the worker script `basename` next to this file: the built `.js`, or,
 * when running from source (tsx, the test runner), the `.ts` loaded through
 * tsx's hooks. Those are registered by a small bootstrap inside the worker,
 * because `--import tsx` in a worker's execArgv registers them only after the
 * worker's own entry module has already failed to load.
 */
export function startWorker(basename: string, options: WorkerOptions = {}): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const url = new URL(`./${basename}.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return new Worker(url, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(url.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
