import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ParamService } from '../../../core/index.js';
import { BackwardBody, BackwardResult, ForwardBody, ForwardResult, InitializeBody, Initialized, Model, TieBody, ZeroGradBody } from '../schemas/bodies.js';
import { errors, ModelParams, VersionOnly } from '../schemas/common.js';
import { callerOf, tagged, writeOptions } from '../caller.js';

export const computeRoutes: FastifyPluginAsyncTypebox<{ service: ParamService }> = async (app, { service }) => {
  const security = [{ bearer: [] }];
  const m = '/v1/sessions/:sid/models/:name';

  app.post(`${m}/forward`, {
    schema: { tags: ['compute'], summary: 'net(input): output, shape, grad_fn name and repr; changes nothing', params: ModelParams, body: ForwardBody, security, response: { 200: ForwardResult, ...errors(400, 401, 404, 413, 422) } },
  }, async (req, reply) => {
    const r = await service.forward(callerOf(req), req.params.name, req.body);
    return tagged(reply, r.version).send(r);
  });

  app.post(`${m}/backward`, {
    schema: { tags: ['compute'], summary: 'Forward + backward; gradients accumulate into .grad as in PyTorch', params: ModelParams, body: BackwardBody, security, response: { 200: BackwardResult, ...errors(400, 401, 404, 412, 413, 422) } },
  }, async (req, reply) => {
    const r = await service.backward(callerOf(req), req.params.name, req.body, writeOptions(req));
    return tagged(reply, r.version).send(r);
  });

  app.post(`${m}/zero_grad`, {
    schema: { tags: ['compute'], summary: 'zero_grad(set_to_none=True by default)', params: ModelParams, body: ZeroGradBody, security, response: { 200: VersionOnly, ...errors(400, 401, 404, 412) } },
  }, async (req, reply) => {
    const r = await service.zeroGrad(callerOf(req), req.params.name, req.body ?? {}, writeOptions(req));
    return tagged(reply, r.version).send(r);
  });

  app.post(`${m}/initialize`, {
    schema: {
      tags: ['parameters'],
      summary: "Apply torch.nn.init initializers to every module of given types in a subtree (PyTorch's apply order)",
      params: ModelParams,
      body: InitializeBody,
      security,
      response: { 200: Initialized, ...errors(400, 401, 404, 412, 422) },
    },
  }, async (req, reply) => {
    const r = await service.initialize(callerOf(req), req.params.name, req.body, writeOptions(req));
    return tagged(reply, r.version).send(r);
  });

  app.post(`${m}/ties`, {
    schema: { tags: ['models'], summary: 'Tie a module path (or a parameter) to another: the same object at both', params: ModelParams, body: TieBody, security, response: { 200: Model, ...errors(400, 401, 404, 412, 422) } },
  }, async (req, reply) => {
    const r = await service.tie(callerOf(req), req.params.name, req.body, writeOptions(req));
    return tagged(reply, r.version).send(r);
  });
};
