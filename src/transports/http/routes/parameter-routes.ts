import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ParamService } from '../../../core/index.js';
import { Parameter, ParameterList, PatchParameterBody, PutParameterBody } from '../schemas/bodies.js';
import { errors, ModelParams, ModuleQuery, ParameterParams } from '../schemas/common.js';
import { callerOf, tagged, writeOptions } from '../caller.js';

export const parameterRoutes: FastifyPluginAsyncTypebox<{ service: ParamService }> = async (app, { service }) => {
  const security = [{ bearer: [] }];

  app.get('/v1/sessions/:sid/models/:name/parameters', {
    schema: {
      tags: ['parameters'],
      summary: "named_parameters() of a module: names relative to it, PyTorch's order, tied parameters once",
      params: ModelParams,
      querystring: ModuleQuery,
      security,
      response: { 200: ParameterList, ...errors(401, 404) },
    },
  }, async (req, reply) => {
    const r = await service.listParameters(callerOf(req), req.params.name, req.query.module ?? '');
    return tagged(reply, r.version).send({ parameters: r.parameters });
  });

  app.get('/v1/sessions/:sid/models/:name/parameters/:param', {
    schema: { tags: ['parameters'], summary: 'One parameter: value, grad (null before backward), repr as print(param)', params: ParameterParams, security, response: { 200: Parameter, ...errors(401, 404) } },
  }, async (req, reply) => {
    const p = await service.getParameter(callerOf(req), req.params.name, req.params.param);
    return tagged(reply, p.version).send(p);
  });

  app.put('/v1/sessions/:sid/models/:name/parameters/:param', {
    schema: { tags: ['parameters'], summary: 'Replace the whole value (same shape)', params: ParameterParams, body: PutParameterBody, security, response: { 200: Parameter, ...errors(400, 401, 404, 412, 413, 422) } },
  }, async (req, reply) => {
    const p = await service.putParameter(callerOf(req), req.params.name, req.params.param, req.body, writeOptions(req));
    return tagged(reply, p.version).send(p);
  });

  app.patch('/v1/sessions/:sid/models/:name/parameters/:param', {
    schema: {
      tags: ['parameters'],
      summary: 'In-place edit of a region (w[index] op= value) and/or freeze with requiresGrad',
      params: ParameterParams,
      body: PatchParameterBody,
      security,
      response: { 200: Parameter, ...errors(400, 401, 404, 412, 413, 422) },
    },
  }, async (req, reply) => {
    const p = await service.patchParameter(callerOf(req), req.params.name, req.params.param, req.body, writeOptions(req));
    return tagged(reply, p.version).send(p);
  });
};
