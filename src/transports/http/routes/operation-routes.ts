import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ShuttingDownError, type Metrics, type ParamService } from '../../../core/index.js';
import { errors } from '../schemas/common.js';

const Status = Type.Object({ status: Type.String() }, { description: 'Status', examples: [{ status: 'ok' }] });

/** Liveness, readiness (the store answers) and Prometheus metrics. */
export const operationRoutes: FastifyPluginAsyncTypebox<{ service: ParamService; metrics: Metrics; isDraining: () => boolean }> = async (app, { service, metrics, isDraining }) => {
  app.get('/healthz', { schema: { tags: ['operations'], summary: 'Liveness: the process answers', response: { 200: Status } } }, async () => ({ status: 'ok' }));

  app.get('/readyz', {
    schema: { tags: ['operations'], summary: 'Readiness: the store is reachable and the service is not draining', response: { 200: Status, ...errors(503) } },
  }, async () => {
    if (isDraining()) throw new ShuttingDownError();
    await service.ready();
    return { status: 'ready' };
  });

  app.get('/metrics', { schema: { tags: ['operations'], summary: 'Prometheus metrics', response: { 200: { type: 'string', description: 'Prometheus text format', examples: ['paramserve_live_sessions 3'] } } } }, async (_req, reply) => {
    const text = await metrics.render();
    return reply.type(metrics.registry.contentType).send(text);
  });
};
