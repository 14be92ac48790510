import type { ParamService } from '../../../core/index.js';
import type { ComputeServiceHandlers } from '../generated/paramserve/v1/ComputeService.js';
import type { Rpc } from '../call-adapter.js';
import { encodingOf, tensorIn, tensorOut } from '../mapping/tensors.js';
import { enumIn } from '../mapping/views.js';
import { trainHandler, trainingRunHandler } from './train-handlers.js';

const NON_FINITE: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/** paramserve.v1.ComputeService: each RPC is one ParamService method. */
export function computeHandlers(service: ParamService, rpc: Rpc): ComputeServiceHandlers {
  return {
    Forward: rpc('Forward', async (req, ctx) => {
      const encoding = encodingOf(req.encoding);
      const r = await service.forward(ctx.caller(req.session_id), req.model, { input: tensorIn(req.input, 'input'), seed: req.seed });
      return { output: tensorOut(r.output, r.shape, encoding), shape: r.shape, grad_fn: r.gradFn ?? undefined, repr: r.repr, version: r.version };
    }),
    Backward: rpc('Backward', async (req, ctx) => {
      const body = {
        input: tensorIn(req.input, 'input'),
        loss: enumIn(req.loss, 'LOSS_'),
        target: tensorIn(req.target, 'target'),
        gradOutput: tensorIn(req.grad_output, 'gradOutput'),
        seed: req.seed,
      };
      const r = await service.backward(ctx.caller(req.session_id), req.model, body, { ifMatch: req.if_match });
      // The core gives a non-finite loss as JSON's string; protobuf's double carries it natively.
      return { loss: r.loss === null ? undefined : typeof r.loss === 'number' ? r.loss : NON_FINITE[r.loss], version: r.version };
    }),
    ZeroGrad: rpc('ZeroGrad', async (req, ctx) => {
      const r = await service.zeroGrad(ctx.caller(req.session_id), req.model, { setToNone: req.set_to_none }, { ifMatch: req.if_match });
      return { version: r.version };
    }),
    Train: rpc.stream('Train', trainHandler(service)),
    GetTrainingRun: rpc('GetTrainingRun', trainingRunHandler(service)),
  };
}
