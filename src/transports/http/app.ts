import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Metrics, ParamService } from '../../core/index.js';
import { AppError } from '../../errors/index.js';
import { Problem } from './schemas/common.js';
import { makeErrorHandler } from './error-handler.js';
import { problemOf } from './problem.js';
import { openApiOptions } from './openapi.js';
import { sessionRoutes } from './routes/session-routes.js';
import { modelRoutes } from './routes/model-routes.js';
import { parameterRoutes } from './routes/parameter-routes.js';
import { stateDictRoutes } from './routes/state-dict-routes.js';
import { computeRoutes } from './routes/compute-routes.js';
import { operationRoutes } from './routes/operation-routes.js';

export interface HttpAppOptions {
  service: ParamService;
  metrics: Metrics;
  logger: Logger | false;
  /** True while the process drains on SIGTERM: /readyz answers 503. */
  isDraining?: () => boolean;
}

/**
 * The REST adapter: validate → call the core → shape the reply. Built by a
 * factory (no socket), so tests can `inject()` and main can `listen()`.
 */
export async function buildHttpApp(options: HttpAppOptions): Promise<FastifyInstance> {
  const { service, metrics } = options;
  const limits = service.config.limits;
  const app = Fastify({
    loggerInstance: options.logger === false ? undefined : options.logger,
    logger: options.logger === false ? false : undefined,
    bodyLimit: limits.maxBodyBytes,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{1,128}$/.test(given) ? given : randomUUID();
    },
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addSchema(Problem);
  app.setErrorHandler(makeErrorHandler(limits.maxBodyBytes));
  app.setNotFoundHandler((req, reply) => {
    const e = new AppError('NOT_FOUND', 'ROUTE_NOT_FOUND', `no route ${req.method} ${req.url.split('?')[0]}`);
    void reply.code(404).type('application/problem+json').send(problemOf(e, req.url));
  });
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: limits.maxBodyBytes }, (_req, body, done) => done(null, body));

  app.addHook('onRequest', async (req) => {
    (req as unknown as { startedAt: bigint }).startedAt = process.hrtime.bigint();
  });
  app.addHook('onResponse', async (req, reply) => {
    const started = (req as unknown as { startedAt?: bigint }).startedAt;
    if (started === undefined) return;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    metrics.observe('http', req.routeOptions.url ?? 'unmatched', req.method, reply.statusCode, seconds);
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('x-request-id', String(reply.request.id));
    return payload;
  });

  await app.register(swagger, openApiOptions);
  await app.register(swaggerUi, { routePrefix: '/docs' });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(operationRoutes, { service, metrics, isDraining: options.isDraining ?? (() => false) });
  await app.register(sessionRoutes, { service });
  await app.register(modelRoutes, { service });
  await app.register(parameterRoutes, { service });
  await app.register(stateDictRoutes, { service });
  await app.register(computeRoutes, { service });
  await app.ready();
  return app as unknown as FastifyInstance;
}
