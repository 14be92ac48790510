import { fileURLToPath } from 'node:url';
import { loadSync, type Options, type PackageDefinition } from '@grpc/proto-loader';

/**
 * Where the protos live and how they are loaded. The generated TypeScript
 * types (generated/) are made with the same options (proto/generate-types.ts
 * reads LOADER_OPTIONS), so what the loader hands a handler is what the types say.
 */

/** `proto/` at the repository root: three levels up from both src/transports/grpc and dist/transports/grpc. */
export const PROTO_DIR = fileURLToPath(new URL('../../../proto/', import.meta.url));

/** The API's services, relative to PROTO_DIR. */
export const SERVICE_PROTOS = [
  'paramserve/v1/sessions.proto',
  'paramserve/v1/models.proto',
  'paramserve/v1/parameters.proto',
  'paramserve/v1/compute.proto',
] as const;

/**
 * The error details the server sends in `grpc-status-details-bin`. The server
 * encodes them itself (wire/status-details.ts); the types are generated for
 * clients, and ErrorInfo is offered through reflection.
 */
export const ERROR_PROTOS = ['google/rpc/status.proto', 'google/rpc/error_details.proto'] as const;
export const ERROR_INFO_PROTO = 'google/rpc/error_details.proto';

/** The services (by full name) that health reports on; '' is the whole server. */
export const SERVICE_NAMES = [
  'paramserve.v1.SessionService',
  'paramserve.v1.ModelService',
  'paramserve.v1.ParameterService',
  'paramserve.v1.ComputeService',
] as const;

/**
 * keepCase: handlers see the proto's snake_case names. longs as Number: an
 * int64 beyond 2^53 arrives unsafe and the core refuses it, naming the field.
 * defaults: plain fields get their zero value, while proto3 `optional` fields
 * and oneof members stay undefined when unset, so presence survives decoding.
 */
export const LOADER_OPTIONS: Options = {
  keepCase: true,
  longs: Number,
  enums: String,
  defaults: true,
  oneofs: true,
  arrays: true,
  objects: true,
};

/** The services' messages; `extraFiles` (relative to PROTO_DIR) are loaded beside them. */
export function loadApiDefinition(extraFiles: readonly string[] = []): PackageDefinition {
  return loadSync([...SERVICE_PROTOS, ...extraFiles], { ...LOADER_OPTIONS, includeDirs: [PROTO_DIR] });
}
