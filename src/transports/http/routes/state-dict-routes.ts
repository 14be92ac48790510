import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { ParamService } from '../../../core/index.js';
import { LoadResult, PutStateDictBody, StateDict } from '../schemas/bodies.js';
import { errors, ModelParams } from '../schemas/common.js';
import { callerOf, tagged, writeOptions } from '../caller.js';

const StateDictQuery = Type.Object({
  module: Type.Optional(Type.String()),
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('safetensors')])),
  strict: Type.Optional(Type.Boolean({ description: 'For a safetensors body (JSON bodies carry `strict` inside)' })),
});

const OCTET = 'application/octet-stream';

export const stateDictRoutes: FastifyPluginAsyncTypebox<{ service: ParamService }> = async (app, { service }) => {
  const security = [{ bearer: [] }];

  app.get('/v1/sessions/:sid/models/:name/state_dict', {
    schema: {
      tags: ['state_dict'],
      summary: 'state_dict(): JSON, or a safetensors file PyTorch loads (?format=safetensors or Accept: application/octet-stream)',
      params: ModelParams,
      querystring: StateDictQuery,
      security,
      response: { 200: { ...StateDict, description: `JSON (default) or ${OCTET} (safetensors)` }, ...errors(401, 404) },
    },
  }, async (req, reply) => {
    const wantsFile = req.query.format === 'safetensors' || (req.query.format === undefined && (req.headers.accept ?? '').includes(OCTET));
    if (wantsFile) {
      const { bytes, version } = await service.getStateDictSafetensors(callerOf(req), req.params.name, req.query.module ?? '');
      // A Buffer is sent as is: the JSON response schema does not apply to it.
      return (tagged(reply, version) as unknown as FastifyReply)
        .type(OCTET)
        .header('content-disposition', `attachment; filename="${encodeURIComponent(req.params.name)}.safetensors"`)
        .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    }
    const r = await service.getStateDict(callerOf(req), req.params.name, req.query.module ?? '');
    return tagged(reply, r.version).send({ stateDict: r.stateDict });
  });

  app.put('/v1/sessions/:sid/models/:name/state_dict', {
    config: { octetStream: true },
    schema: {
      tags: ['state_dict'],
      summary: "load_state_dict(): JSON {stateDict, strict} or a safetensors body; all or nothing, PyTorch's messages",
      params: ModelParams,
      querystring: StateDictQuery,
      body: PutStateDictBody,
      security,
      response: { 200: LoadResult, ...errors(400, 401, 404, 412, 413, 422) },
    },
  }, async (req, reply) => {
    const module = req.query.module ?? '';
    const body: unknown = req.body;
    const r = Buffer.isBuffer(body)
      ? await service.putStateDictSafetensors(callerOf(req), req.params.name, new Uint8Array(body.buffer, body.byteOffset, body.byteLength), req.query.strict ?? true, module, writeOptions(req))
      : await service.putStateDict(callerOf(req), req.params.name, body, module, writeOptions(req));
    return tagged(reply, r.version).send(r);
  });
};
