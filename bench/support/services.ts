import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { atExit, freePort, startChildService, type ChildService } from './child-service.js';
import { PYTHON } from './torch-engine.js';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The FastAPI + PyTorch implementation of the same contract (shared/reference-service). */
export const REFERENCE_DIR = process.env.BENCH_REFERENCE_DIR ?? resolve(REPO_ROOT, '../shared/reference-service');

export interface Service extends ChildService {
  /** What exactly ran, for the report. */
  description: string;
}

/** Extra node flags for the node services (paramserve, bare-fastify), e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`. */
function nodeArgsFromEnv(): string[] {
  return (process.env.BENCH_PARAMSERVE_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
}

/**
 * paramserve as a child process on a free 127.0.0.1 port, on a throwaway SQLite
 * file, logging warnings only (request logs would dominate a µs-scale
 * handler). It runs src/main.ts through tsx (always the current source) or,
 * with BENCH_PARAMSERVE=dist, the build in dist/. Extra node flags come from
 * BENCH_PARAMSERVE_NODE_ARGS.
 * `root` may be another copy of the repository (an experiment in a scratch
 * tree, measured beside the real one in the same run).
 */
export async function startParamserve(name = 'paramserve', root: string = REPO_ROOT): Promise<Service> {
  const [port, grpcPort] = [await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), 'paramserve-bench-'));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  const forget = atExit(removeDir);
  const useDist = process.env.BENCH_PARAMSERVE === 'dist';
  const entry = useDist ? join(root, 'dist/main.js') : join(root, 'src/main.ts');
  if (useDist && !existsSync(entry)) throw new Error(`BENCH_PARAMSERVE=dist but ${entry} does not exist: run npm run build`);
  const nodeArgs = nodeArgsFromEnv();
  const service = await startChildService({
    name,
    command: process.execPath,
    args: [...nodeArgs, ...(useDist ? [] : ['--import', 'tsx']), entry],
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      GRPC_PORT: String(grpcPort),
      PARAMSERVE_STORE: 'sqlite',
      SQLITE_PATH: join(dir, 'paramserve.db'),
      LOG_LEVEL: 'warn',
    },
    baseUrl: `http://127.0.0.1:${port}`,
    readyPath: '/readyz',
  });
  const stop = async () => {
    await service.stop();
    removeDir();
    forget();
  };
  const how = `${useDist ? 'node dist/main.js' : 'node --import tsx src/main.ts'}${root === REPO_ROOT ? '' : ` in ${root}`}`;
  return { ...service, stop, description: `${how}${nodeArgs.length ? ` ${nodeArgs.join(' ')}` : ''}, SQLite, LOG_LEVEL=warn` };
}

function pythonCan(module: string): boolean {
  return spawnSync(PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0;
}

export type ReferenceVariant = 'asyncio' | 'uvloop';

/** Why a reference variant cannot run here, or null when it can. */
export function referenceUnavailable(variant: ReferenceVariant): string | null {
  if (!existsSync(join(REFERENCE_DIR, 'run.sh'))) return `no ${join(REFERENCE_DIR, 'run.sh')}`;
  if (!pythonCan('torch, fastapi, uvicorn')) return `${PYTHON} lacks torch/fastapi/uvicorn (apt-get install -y python3-torch python3-fastapi python3-uvicorn)`;
  if (variant === 'uvloop' && !pythonCan('uvloop')) return `${PYTHON} cannot import uvloop (apt-get install -y python3-uvloop python3-httptools)`;
  return null;
}

/**
 * The reference service through its own run.sh, with uvicorn's event loop
 * and HTTP parser chosen by uvicorn's UVICORN_LOOP / UVICORN_HTTP variables
 * (run.sh passes neither flag, so they apply): plain asyncio + h11, or uvloop
 * + httptools (h11 when httptools is missing). Pinning both keeps "asyncio"
 * meaning asyncio even on a machine where uvicorn's `auto` would pick uvloop.
 */
export async function startReference(variant: ReferenceVariant): Promise<Service> {
  const port = await freePort();
  const http = variant === 'uvloop' && pythonCan('httptools') ? 'httptools' : 'h11';
  const service = await startChildService({
    name: `reference-${variant}`,
    command: join(REFERENCE_DIR, 'run.sh'),
    args: [String(port)],
    cwd: REFERENCE_DIR,
    env: { ...process.env, PYTHON, UVICORN_LOOP: variant, UVICORN_HTTP: http },
    baseUrl: `http://127.0.0.1:${port}`,
    readyPath: '/healthz',
  });
  return { ...service, description: `shared/reference-service/run.sh: FastAPI + uvicorn (${variant}, ${http}) + PyTorch` };
}

/**
 * bare-server.ts: fastify + the engine with nothing of a service around them,
 * the ceiling a paramserve request could reach on this machine.
 */
export async function startBareFastify(): Promise<Service> {
  const port = await freePort();
  const service = await startChildService({
    name: 'bare-fastify',
    command: process.execPath,
    args: [...nodeArgsFromEnv(), '--import', 'tsx', fileURLToPath(new URL('./bare-server.ts', import.meta.url)), String(port)],
    cwd: REPO_ROOT,
    env: process.env,
    baseUrl: `http://127.0.0.1:${port}`,
    readyPath: '/healthz',
  });
  return { ...service, description: 'bench/support/bare-server.ts: fastify + the engine, no auth, store, versions, validation, hooks or metrics (the ceiling)' };
}
