import { InvalidArgumentError } from '../../../core/index.js';
import type { FieldSchema, MessageSchema, MessageSchemas } from './message-schemas.js';
import { WireFormatError, WireReader, WireType } from './wire-format.js';

/**
 * Checks a request's bytes against its message type before protobufjs
 * decodes them. protobufjs reads a field by its declared type whatever wire
 * type was sent, so a string sent where an int64 belongs decodes into garbage
 * or throws, and grpc-js answers a throw with INTERNAL. Here every known field
 * must carry the wire type its declared type uses (a repeated number may also
 * come packed), strings must be UTF-8, and lengths must fit: a client that
 * sends the wrong type learns which field, as INVALID_ARGUMENT. Unknown
 * fields are skipped, as protobuf requires. Iterative, so nesting depth
 * cannot exhaust the stack; `maxDepth` bounds it for the decoder after us.
 */

const WIRE_NAMES = ['varint', '64-bit', 'length-delimited', 'start-group', 'end-group', '32-bit'];
const utf8 = new TextDecoder('utf-8', { fatal: true });

interface Frame {
  schema: MessageSchema;
  end: number;
  path: string;
  seen: Map<number, number>;
}

function malformed(field: string, message: string): InvalidArgumentError {
  return new InvalidArgumentError(field, `the request is not a valid protobuf message: ${message}`, 'INVALID_PROTOBUF');
}

export function checkWire(buf: Uint8Array, schemas: MessageSchemas, typeName: string, maxDepth: number): void {
  const reader = new WireReader(buf);
  const frames: Frame[] = [{ schema: schemas.get(typeName), end: buf.length, path: '', seen: new Map() }];
  let field = '';
  try {
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      if (reader.pos === frame.end) {
        frames.pop();
        continue;
      }
      const tag = reader.varint(frame.end);
      const number = Math.floor(tag / 8);
      const wireType = tag % 8;
      if (number === 0) throw new WireFormatError('field number 0');
      const schema = frame.schema.get(number);
      field = schema === undefined ? `${frame.path}#${number}` : fieldPath(frame, schema, number);
      const start = skipValue(reader, wireType, frame.end);
      if (schema === undefined) continue;
      if (wireType === schema.wireType) {
        if (schema.utf8) checkUtf8(buf, start, reader.pos, field);
        if (schema.message !== null) {
          if (frames.length >= maxDepth) throw malformed(field, `messages nest deeper than ${maxDepth} levels`);
          frames.push({ schema: schemas.get(schema.message), end: reader.pos, path: field, seen: new Map() });
          reader.pos = start;
        }
      } else if (wireType === WireType.LEN && schema.packedWireType !== null) {
        checkPacked(buf, start, reader.pos, schema.packedWireType);
      } else {
        throw new InvalidArgumentError(
          field,
          `${field} must be sent as ${WIRE_NAMES[schema.wireType]} (its declared type), not ${WIRE_NAMES[wireType] ?? `wire type ${wireType}`}`,
        );
      }
    }
  } catch (e) {
    if (e instanceof WireFormatError) throw malformed(field, e.message);
    throw e;
  }
}

/** `input.shape`, `architecture.layers[2].in_features`: repeated fields get their index, as the core names JSON fields. */
function fieldPath(frame: Frame, schema: FieldSchema, number: number): string {
  const base = frame.path === '' ? schema.name : `${frame.path}.${schema.name}`;
  if (!schema.repeated || schema.message === null) return base;
  const index = frame.seen.get(number) ?? 0;
  frame.seen.set(number, index + 1);
  return `${base}[${index}]`;
}

/** Moves past one value of the given wire type; returns where its payload starts. */
function skipValue(reader: WireReader, wireType: number, end: number): number {
  switch (wireType) {
    case WireType.VARINT:
      reader.varint(end);
      return reader.pos;
    case WireType.I64:
      reader.skip(8, end);
      return reader.pos - 8;
    case WireType.I32:
      reader.skip(4, end);
      return reader.pos - 4;
    case WireType.LEN: {
      const n = reader.length(end);
      const start = reader.pos;
      reader.pos += n;
      return start;
    }
    default:
      // Groups are deprecated and no paramserve message has one; 6 and 7 are not wire types.
      throw new WireFormatError(`wire type ${wireType} (${WIRE_NAMES[wireType] ?? 'invalid'}) is not accepted`);
  }
}

function checkPacked(buf: Uint8Array, start: number, end: number, elementWireType: number): void {
  if (elementWireType === WireType.VARINT) {
    const reader = new WireReader(buf);
    reader.pos = start;
    while (reader.pos < end) reader.varint(end);
  } else {
    const width = elementWireType === WireType.I32 ? 4 : 8;
    if ((end - start) % width !== 0) throw new WireFormatError(`a packed run of ${width}-byte values is ${end - start} bytes long`);
  }
}

function checkUtf8(buf: Uint8Array, start: number, end: number, field: string): void {
  try {
    utf8.decode(buf.subarray(start, end));
  } catch {
    throw malformed(field, `${field} is not valid UTF-8`);
  }
}
