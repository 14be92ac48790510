import type { PackageDefinition } from '@grpc/proto-loader';
import { WireType } from './wire-format.js';

/**
 * What the wire check needs to know of each message type: for every field
 * number, its name, the wire type its declared type uses, and the message
 * type it holds. Read from the descriptors proto-loader already built.
 */
export interface FieldSchema {
  name: string;
  wireType: number;
  repeated: boolean;
  /** A repeated scalar number may also come packed (one length-delimited run). */
  packedWireType: number | null;
  /** The full name (no leading dot) of the message this field holds, if any. */
  message: string | null;
  utf8: boolean;
}

export type MessageSchema = ReadonlyMap<number, FieldSchema>;

const WIRE_TYPE_OF: Record<string, number> = {
  TYPE_DOUBLE: WireType.I64,
  TYPE_FIXED64: WireType.I64,
  TYPE_SFIXED64: WireType.I64,
  TYPE_FLOAT: WireType.I32,
  TYPE_FIXED32: WireType.I32,
  TYPE_SFIXED32: WireType.I32,
  TYPE_INT32: WireType.VARINT,
  TYPE_INT64: WireType.VARINT,
  TYPE_UINT32: WireType.VARINT,
  TYPE_UINT64: WireType.VARINT,
  TYPE_SINT32: WireType.VARINT,
  TYPE_SINT64: WireType.VARINT,
  TYPE_BOOL: WireType.VARINT,
  TYPE_ENUM: WireType.VARINT,
  TYPE_STRING: WireType.LEN,
  TYPE_BYTES: WireType.LEN,
  TYPE_MESSAGE: WireType.LEN,
  TYPE_GROUP: WireType.SGROUP,
};

interface FieldDescriptor {
  name: string;
  number: number;
  label: string;
  type: string;
  typeName: string;
}

interface MessageDescriptor {
  field: FieldDescriptor[];
  nestedType: (MessageDescriptor & { name: string })[];
}

export class MessageSchemas {
  private readonly schemas = new Map<string, Map<number, FieldSchema>>();

  constructor(definition: PackageDefinition) {
    const pending: [FieldSchema, string, string][] = [];
    for (const [name, entry] of Object.entries(definition))
      if ('format' in entry && entry.format === 'Protocol Buffer 3 DescriptorProto') this.add(name, entry.type as MessageDescriptor, pending);
    for (const [field, typeName, scope] of pending) field.message = this.resolve(typeName, scope);
  }

  get(fullName: string): MessageSchema {
    const schema = this.schemas.get(fullName);
    if (schema === undefined) throw new Error(`no descriptor for message ${fullName}`);
    return schema;
  }

  private add(fullName: string, descriptor: MessageDescriptor, pending: [FieldSchema, string, string][]): void {
    const fields = new Map<number, FieldSchema>();
    for (const f of descriptor.field) {
      const wireType = WIRE_TYPE_OF[f.type];
      if (wireType === undefined) throw new Error(`${fullName}.${f.name}: unknown field type ${f.type}`);
      const repeated = f.label === 'LABEL_REPEATED';
      const scalarNumber = wireType !== WireType.LEN && wireType !== WireType.SGROUP;
      const field: FieldSchema = { name: f.name, wireType, repeated, packedWireType: repeated && scalarNumber ? wireType : null, message: null, utf8: f.type === 'TYPE_STRING' };
      if (f.type === 'TYPE_MESSAGE') pending.push([field, f.typeName, fullName]);
      fields.set(f.number, field);
    }
    this.schemas.set(fullName, fields);
    for (const nested of descriptor.nestedType) this.add(`${fullName}.${nested.name}`, nested, pending);
  }

  /**
   * The loader keeps type names as the .proto spelled them (`Module`,
   * `protobuf.Any`); protobuf resolves them from the innermost enclosing scope outwards.
   */
  private resolve(typeName: string, scope: string): string {
    if (typeName.startsWith('.')) return typeName.slice(1);
    const parts = scope.split('.');
    for (let n = parts.length; n >= 0; n--) {
      const candidate = [...parts.slice(0, n), typeName].join('.');
      if (this.schemas.has(candidate)) return candidate;
    }
    throw new Error(`${scope}: cannot resolve the message type ${typeName}`);
  }
}
