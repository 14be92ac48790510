import type { ServiceDefinition } from '@grpc/grpc-js';
import { AppError } from '../../errors/index.js';
import { InvalidArgumentError } from '../../core/index.js';
import { checkWire } from './wire/wire-check.js';
import type { MessageSchemas } from './wire/message-schemas.js';

/**
 * A request that could not be decoded. grpc-js answers a deserializer that
 * throws with INTERNAL before any handler runs; returning this instead lets
 * the adapter answer INVALID_ARGUMENT naming the field, log it and count it
 * like every other call.
 */
export class UndecodableRequest {
  constructor(readonly error: AppError) {}
}

/** The service definition with each method's request decoder guarded by the wire check. */
export function guardedDefinition(definition: ServiceDefinition, schemas: MessageSchemas, maxDepth: number): ServiceDefinition {
  const out: Record<string, ServiceDefinition[string]> = {};
  for (const [name, method] of Object.entries(definition)) {
    // Request messages live in their service's package (`/paramserve.v1.ComputeService/Forward` → paramserve.v1.ForwardRequest).
    const typeName = (method as unknown as { requestType: { type: { name: string } } }).requestType.type.name;
    const fullName = `${method.path.split('/')[1].replace(/\.[^.]+$/, '')}.${typeName}`;
    schemas.get(fullName); // fails at start-up, not on the first request, if that ever stops being true
    const decode = method.requestDeserialize;
    out[name] = {
      ...method,
      requestDeserialize: (bytes: Buffer) => {
        try {
          checkWire(bytes, schemas, fullName, maxDepth);
          return decode(bytes);
        } catch (e) {
          return new UndecodableRequest(
            e instanceof AppError ? e : new InvalidArgumentError('', `the request is not a valid protobuf message: ${(e as Error).message}`, 'INVALID_PROTOBUF'),
          );
        }
      },
    };
  }
  return out as ServiceDefinition;
}
