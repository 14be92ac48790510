import type { ParamService } from '../../../core/index.js';
import type { ModelServiceHandlers } from '../generated/paramserve/v1/ModelService.js';
import type { Rpc } from '../call-adapter.js';
import { architectureIn } from '../mapping/architecture.js';
import { modelOut } from '../mapping/views.js';

/** paramserve.v1.ModelService: each RPC is one ParamService method; bodies are the REST JSON the core reads. */
export function modelHandlers(service: ParamService, rpc: Rpc): ModelServiceHandlers {
  return {
    CreateModel: rpc('CreateModel', async (req, ctx) => {
      const architecture = req.architecture === null ? undefined : architectureIn(req.architecture, 'architecture');
      return modelOut(await service.createModel(ctx.caller(req.session_id), { name: req.name, architecture, seed: req.seed }));
    }),
    GetModel: rpc('GetModel', async (req, ctx) => modelOut(await service.getModel(ctx.caller(req.session_id), req.model))),
    ListModels: rpc('ListModels', async (req, ctx) => {
      const { models } = await service.listModels(ctx.caller(req.session_id));
      return { models: models.map((m) => ({ name: m.name, version: m.version, parameter_count: m.parameterCount })) };
    }),
    DeleteModel: rpc('DeleteModel', async (req, ctx) => {
      await service.deleteModel(ctx.caller(req.session_id), req.model, { ifMatch: req.if_match });
      return {};
    }),
    SetTrainingMode: rpc('SetTrainingMode', async (req, ctx) =>
      modelOut(await service.setTrainingMode(ctx.caller(req.session_id), req.model, { training: req.training }, { ifMatch: req.if_match })),
    ),
    Tie: rpc('Tie', async (req, ctx) => {
      const body = { module: req.module, parameter: req.parameter, to: req.to };
      return modelOut(await service.tie(ctx.caller(req.session_id), req.model, body, { ifMatch: req.if_match }));
    }),
  };
}
