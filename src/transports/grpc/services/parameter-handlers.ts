import type { ParamService } from '../../../core/index.js';
import { InvalidArgumentError } from '../../../core/index.js';
import type { ParameterServiceHandlers } from '../generated/paramserve/v1/ParameterService.js';
import type { StateDictEntry__Output } from '../generated/paramserve/v1/StateDictEntry.js';
import type { Rpc } from '../call-adapter.js';
import { encodingOf, tensorIn, tensorOut } from '../mapping/tensors.js';
import { initializerIn } from '../mapping/initializer.js';
import { enumIn, parameterOut } from '../mapping/views.js';

/** Repeated entries as the core's `{key: tensor}`, in order; a key given twice is refused (JSON cannot even say it). */
function stateDictIn(entries: StateDictEntry__Output[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [i, e] of entries.entries()) {
    if (Object.hasOwn(out, e.key)) throw new InvalidArgumentError(`state_dict[${i}].key`, `state_dict has the key '${e.key}' twice`);
    out[e.key] = tensorIn(e.value, `stateDict.${e.key}`);
  }
  return out;
}

/** paramserve.v1.ParameterService: each RPC is one ParamService method. */
export function parameterHandlers(service: ParamService, rpc: Rpc): ParameterServiceHandlers {
  return {
    ListParameters: rpc('ListParameters', async (req, ctx) => {
      const r = await service.listParameters(ctx.caller(req.session_id), req.model, req.module);
      return { parameters: r.parameters.map((p) => ({ name: p.name, shape: p.shape, requires_grad: p.requiresGrad })), version: r.version };
    }),
    GetParameter: rpc('GetParameter', async (req, ctx) => {
      const encoding = encodingOf(req.encoding);
      return parameterOut(await service.getParameter(ctx.caller(req.session_id), req.model, req.parameter), encoding);
    }),
    PutParameter: rpc('PutParameter', async (req, ctx) => {
      const encoding = encodingOf(req.encoding);
      const body = { data: tensorIn(req.data, 'data') };
      return parameterOut(await service.putParameter(ctx.caller(req.session_id), req.model, req.parameter, body, { ifMatch: req.if_match }), encoding);
    }),
    PatchParameter: rpc('PatchParameter', async (req, ctx) => {
      const encoding = encodingOf(req.encoding);
      const body: Record<string, unknown> = {};
      if (req.index !== undefined) body.index = req.index;
      const op = enumIn(req.op, 'EDIT_OP_');
      if (op !== undefined) body.op = op;
      if (req.value === 'scalar') body.value = req.scalar;
      else if (req.value === 'tensor') body.value = tensorIn(req.tensor, 'value');
      if (req.requires_grad !== undefined) body.requiresGrad = req.requires_grad;
      return parameterOut(await service.patchParameter(ctx.caller(req.session_id), req.model, req.parameter, body, { ifMatch: req.if_match }), encoding);
    }),
    GetStateDict: rpc('GetStateDict', async (req, ctx) => {
      const encoding = encodingOf(req.encoding);
      const r = await service.getStateDict(ctx.caller(req.session_id), req.model, req.module);
      return { state_dict: Object.entries(r.stateDict).map(([key, t]) => ({ key, value: tensorOut(t.data, t.shape, encoding) })), version: r.version };
    }),
    GetStateDictSafetensors: rpc('GetStateDictSafetensors', async (req, ctx) => {
      const r = await service.getStateDictSafetensors(ctx.caller(req.session_id), req.model, req.module);
      return { safetensors: Buffer.from(r.bytes.buffer, r.bytes.byteOffset, r.bytes.byteLength), version: r.version };
    }),
    PutStateDict: rpc('PutStateDict', async (req, ctx) => {
      const body = { stateDict: stateDictIn(req.state_dict), strict: req.strict };
      return loadResultOut(await service.putStateDict(ctx.caller(req.session_id), req.model, body, req.module, { ifMatch: req.if_match }));
    }),
    PutStateDictSafetensors: rpc('PutStateDictSafetensors', async (req, ctx) => {
      const bytes = new Uint8Array(req.safetensors.buffer, req.safetensors.byteOffset, req.safetensors.byteLength);
      return loadResultOut(
        await service.putStateDictSafetensors(ctx.caller(req.session_id), req.model, bytes, req.strict ?? true, req.module, { ifMatch: req.if_match }),
      );
    }),
    Initialize: rpc('Initialize', async (req, ctx) => {
      const body = {
        module: req.module,
        moduleTypes: req.module_types.length > 0 ? req.module_types : undefined,
        weight: req.weight === null ? undefined : initializerIn(req.weight),
        bias: req.bias === null ? undefined : initializerIn(req.bias),
        seed: req.seed,
      };
      const r = await service.initialize(ctx.caller(req.session_id), req.model, body, { ifMatch: req.if_match });
      return { version: r.version, initialized: r.initialized };
    }),
  };
}

function loadResultOut(r: { version: number; missingKeys: string[]; unexpectedKeys: string[] }) {
  return { version: r.version, missing_keys: r.missingKeys, unexpected_keys: r.unexpectedKeys };
}
