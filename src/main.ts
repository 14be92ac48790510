import { pino } from 'pino';
import { loadConfig, Metrics, ParamService, openStore, systemClock } from './core/index.js';
import { buildHttpApp } from './transports/http/index.js';
import { buildGrpcServer } from './transports/grpc/index.js';

/**
 * Composition root: configuration → store → core → transports, and a graceful
 * shutdown: on SIGTERM stop accepting, let in-flight requests finish (up to
 * SHUTDOWN_GRACE_MS), then close the store.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({
    level: config.logLevel,
    redact: { paths: ['req.headers.authorization', 'headers.authorization', 'metadata.authorization'], censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; headers: Record<string, unknown>; id: string }) => ({ id: req.id, method: req.method, url: req.url, headers: req.headers }),
    },
  });
  const store = openStore(config);
  const service = new ParamService(config, store, systemClock);
  service.startSweeper();
  const metrics = new Metrics(store, systemClock);
  let draining = false;
  const http = await buildHttpApp({ service, metrics, logger, isDraining: () => draining });
  await http.listen({ host: config.host, port: config.port });
  const grpc = buildGrpcServer({ service, metrics, logger, healthProbeMs: config.grpcHealthProbeMs });
  const grpcPort = await grpc.listen(config.host, config.grpcPort);
  logger.info(
    { store: config.store, http: `${config.host}:${config.port}`, grpc: `${config.host}:${grpcPort}`, kernels: service.kernels ?? 'typescript' },
    'paramserve listening',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    draining = true;
    grpc.setServing(false); // grpc.health.v1.Health: NOT_SERVING while draining, as /readyz answers 503
    logger.info({ signal }, 'draining');
    const grace = setTimeout(() => {
      logger.warn('grace period over; closing with requests in flight');
      process.exit(1);
    }, config.shutdownGraceMs);
    grace.unref();
    try {
      // Training runs store the step they reached and end their streams first, so no transport waits on them.
      await service.stopTraining();
      await Promise.all([http.close(), grpc.close()]);
      await service.close();
      logger.info('stopped');
      process.exit(0);
    } catch (e) {
      logger.error({ err: e }, 'error while stopping');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
