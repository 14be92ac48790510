import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, Metrics, ParamService, openStore, systemClock, type Config } from '../../../src/core/index.js';
import { buildHttpApp } from '../../../src/transports/http/index.js';

export interface TestServer {
  config: Config;
  service: ParamService;
  http: FastifyInstance;
  httpUrl: string;
  close(): Promise<void>;
}

/**
 * The real service in this process, listening on 127.0.0.1 (an ephemeral
 * port), on a throwaway SQLite file unless `env` says otherwise.
 */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'paramserve-e2e-'));
  const config = loadConfig({ SQLITE_PATH: join(dir, 'db.sqlite'), PORT: '0', GRPC_PORT: '0', COMPUTE_WORKERS: '1', ...env });
  const store = openStore(config);
  const service = new ParamService(config, store, systemClock);
  const metrics = new Metrics(store, systemClock);
  const http = await buildHttpApp({ service, metrics, logger: false });
  await http.listen({ host: '127.0.0.1', port: 0 });
  const { port } = http.server.address() as { port: number };
  return {
    config,
    service,
    http,
    httpUrl: `http://127.0.0.1:${port}`,
    async close() {
      await http.close();
      await service.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
