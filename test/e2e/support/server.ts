import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, Metrics, ParamService, openStore, systemClock, type Config } from '../../../src/core/index.js';
import { buildHttpApp } from '../../../src/transports/http/index.js';
import { buildGrpcServer, type GrpcTransport } from '../../../src/transports/grpc/index.js';

export interface TestServer {
  config: Config;
  service: ParamService;
  http: FastifyInstance;
  httpUrl: string;
  grpc: GrpcTransport;
  /** `127.0.0.1:<port>` of the gRPC server. */
  grpcAddress: string;
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
  const grpc = buildGrpcServer({ service, metrics, logger: false });
  const grpcPort = await grpc.listen('127.0.0.1', 0);
  return {
    config,
    service,
    http,
    httpUrl: `http://127.0.0.1:${port}`,
    grpc,
    grpcAddress: `127.0.0.1:${grpcPort}`,
    async close() {
      await Promise.all([http.close(), grpc.close()]);
      await service.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
