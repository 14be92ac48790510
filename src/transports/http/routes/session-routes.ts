import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ParamService } from '../../../core/index.js';
import { CreatedSession, Session } from '../schemas/bodies.js';
import { errors, SessionParams } from '../schemas/common.js';
import { callerOf } from '../caller.js';

export const sessionRoutes: FastifyPluginAsyncTypebox<{ service: ParamService }> = async (app, { service }) => {
  app.post('/v1/sessions', {
    schema: {
      tags: ['sessions'],
      summary: 'Create a session (a workspace like a notebook kernel)',
      response: { 201: CreatedSession, ...errors(400, 429, 503) },
    },
  }, async (_req, reply) => reply.code(201).send(await service.createSession()));

  app.get('/v1/sessions/:sid', {
    schema: { tags: ['sessions'], summary: 'The session, its expiry and its models', params: SessionParams, security: [{ bearer: [] }], response: { 200: Session, ...errors(401, 404) } },
  }, async (req) => service.getSession(callerOf(req)));

  app.delete('/v1/sessions/:sid', {
    schema: { tags: ['sessions'], summary: 'End the session and delete its models', params: SessionParams, security: [{ bearer: [] }], response: { 204: { type: 'null', description: 'Deleted' }, ...errors(401, 404) } },
  }, async (req, reply) => {
    await service.deleteSession(callerOf(req));
    return reply.code(204).send();
  });
};
