import { Type } from '@sinclair/typebox';

/** RFC 9457 problem+json; `code` is stable, extra members (field, path, limit, ...) ride along. */
export const Problem = Type.Object(
  {
    type: Type.String({ format: 'uri' }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    code: Type.String({ description: 'Stable UPPER_SNAKE code clients branch on (the same on gRPC, in ErrorInfo.reason).' }),
    field: Type.Optional(Type.String({ description: 'The offending request field, as a JSON path.' })),
    path: Type.Optional(Type.String({ description: 'The offending module or parameter path.' })),
    limit: Type.Optional(Type.String({ description: 'The limit that was exceeded.' })),
    limitValue: Type.Optional(Type.Number({ description: "The limit's value." })),
  },
  { $id: 'Problem', additionalProperties: true, title: 'Problem' },
);

const problemExample = (status: number, code: string, detail: string, extra: Record<string, unknown> = {}) => ({
  type: `https://paramserve.dev/problems/${code.toLowerCase().replace(/_/g, '-')}`,
  title: { 400: 'Bad Request', 401: 'Unauthorized', 404: 'Not Found', 409: 'Conflict', 412: 'Precondition Failed', 413: 'Payload Too Large', 422: 'Unprocessable Entity', 429: 'Too Many Requests', 503: 'Service Unavailable' }[status],
  status,
  detail,
  code,
  ...extra,
});

/** A problem response as OpenAPI shows it: application/problem+json with one example. */
const problemResponse = (description: string, example: ReturnType<typeof problemExample>) => ({
  description,
  content: { 'application/problem+json': { schema: Type.Ref('Problem'), example } },
});

/** Problem responses with one example each, merged into every route's `response`. */
export const problems = {
  400: problemResponse('Malformed JSON or a field of the wrong type', problemExample(400, 'INVALID_ARGUMENT', 'name is required and must be a string', { field: 'name' })),
  401: problemResponse('Missing or malformed Authorization', problemExample(401, 'UNAUTHENTICATED', 'send Authorization: Bearer <session token>')),
  404: problemResponse('Unknown session (or not yours), model, module or parameter', problemExample(404, 'SESSION_NOT_FOUND', 'no such session for this token')),
  409: problemResponse('Name already exists', problemExample(409, 'MODEL_EXISTS', "model 'net' already exists", { field: 'name' })),
  412: problemResponse('If-Match did not match the model version', problemExample(412, 'VERSION_MISMATCH', 'If-Match "3" but the model is at version 4', { currentVersion: 4 })),
  413: problemResponse('Body larger than the configured limit', problemExample(413, 'PAYLOAD_TOO_LARGE', 'request body exceeds 16777216 bytes', { limit: 'maxBodyBytes', limitValue: 16777216 })),
  422: problemResponse('Semantically invalid: shape mismatch, bad index, unknown layer, size limit', problemExample(422, 'SHAPE_MISMATCH', 'mat1 and mat2 shapes cannot be multiplied (2x3 and 4x8)', { field: 'input' })),
  429: problemResponse('A count quota (sessions, models per session, bytes per session)', problemExample(429, 'QUOTA_EXCEEDED', 'at most 64 models per session', { limit: 'maxModelsPerSession', limitValue: 64 })),
  503: problemResponse('Store unreachable or shutting down', problemExample(503, 'STORE_UNAVAILABLE', 'redis: connect ECONNREFUSED')),
} as const;

type Code = keyof typeof problems;
export function errors(...codes: Code[]): Record<number, ReturnType<typeof problemResponse>> {
  const out: Record<number, ReturnType<typeof problemResponse>> = {};
  for (const c of codes) out[c] = problems[c];
  return out;
}

/** Nested arrays of numbers like `tensor.tolist()`; non-finite as "NaN" / "Infinity" / "-Infinity". */
export const TensorData = Type.Unknown({
  description: 'Nested arrays of numbers (like tensor.tolist()), a number for a 0-d tensor; non-finite values as "NaN", "Infinity", "-Infinity". Also {shape, data} or {shape, base64} (raw little-endian float32).',
});

export const Shape = Type.Array(Type.Integer({ minimum: 0 }));

export const SessionParams = Type.Object({ sid: Type.String({ description: 'Session id' }) });
export const ModelParams = Type.Object({ sid: Type.String(), name: Type.String({ description: 'Model name (one URL segment)' }) });
export const ParameterParams = Type.Object({
  sid: Type.String(),
  name: Type.String(),
  param: Type.String({ description: "Dotted parameter path, percent-encoded as one segment: '0.weight', '0.block%201.0.bias', '-1.weight'" }),
});
export const ModuleQuery = Type.Object({
  module: Type.Optional(Type.String({ description: "Dotted module path ('' = root; names or positions)" })),
});

export const VersionOnly = Type.Object({ version: Type.Integer() }, { description: 'The new model version', examples: [{ version: 5 }] });
