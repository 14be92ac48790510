import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ParamService } from '../../../core/index.js';
import { CreateModelBody, Model, ModelList, TrainingModeBody } from '../schemas/bodies.js';
import { errors, ModelParams, SessionParams } from '../schemas/common.js';
import { callerOf, tagged, writeOptions } from '../caller.js';

export const modelRoutes: FastifyPluginAsyncTypebox<{ service: ParamService }> = async (app, { service }) => {
  const security = [{ bearer: [] }];

  app.get('/v1/sessions/:sid/models', {
    schema: { tags: ['models'], summary: 'List the models of the session', params: SessionParams, security, response: { 200: ModelList, ...errors(401, 404) } },
  }, async (req) => service.listModels(callerOf(req)));

  app.post('/v1/sessions/:sid/models', {
    schema: {
      tags: ['models'],
      summary: 'Create a model from an architecture spec (optionally seeded: weights equal PyTorch bit for bit)',
      params: SessionParams,
      body: CreateModelBody,
      security,
      response: { 201: Model, ...errors(400, 401, 404, 409, 413, 422, 429) },
    },
  }, async (req, reply) => {
    const model = await service.createModel(callerOf(req), req.body);
    return tagged(reply, model.version).code(201).send(model);
  });

  app.get('/v1/sessions/:sid/models/:name', {
    schema: { tags: ['models'], summary: 'The model: version, architecture, print(model), parameters', params: ModelParams, security, response: { 200: Model, ...errors(401, 404) } },
  }, async (req, reply) => {
    const model = await service.getModel(callerOf(req), req.params.name);
    return tagged(reply, model.version).send(model);
  });

  app.patch('/v1/sessions/:sid/models/:name', {
    schema: { tags: ['models'], summary: 'Switch train/eval mode (model.train(mode))', params: ModelParams, body: TrainingModeBody, security, response: { 200: Model, ...errors(400, 401, 404, 412) } },
  }, async (req, reply) => {
    const model = await service.setTrainingMode(callerOf(req), req.params.name, req.body, writeOptions(req));
    return tagged(reply, model.version).send(model);
  });

  app.delete('/v1/sessions/:sid/models/:name', {
    schema: { tags: ['models'], summary: 'Delete the model', params: ModelParams, security, response: { 204: { type: 'null', description: 'Deleted' }, ...errors(401, 404, 412) } },
  }, async (req, reply) => {
    await service.deleteModel(callerOf(req), req.params.name, writeOptions(req));
    return reply.code(204).send();
  });
};
