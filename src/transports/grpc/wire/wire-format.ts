/**
 * The protobuf wire format, as much as the transport needs by hand: reading
 * (to check a request before protobufjs decodes it) and writing (the
 * google.rpc.Status trailer). https://protobuf.dev/programming-guides/encoding/
 */

export const WireType = { VARINT: 0, I64: 1, LEN: 2, SGROUP: 3, EGROUP: 4, I32: 5 } as const;

/** Bytes that are not a protobuf message: a varint that never ends, a length past the end, and the like. */
export class WireFormatError extends Error {}

export class WireReader {
  pos = 0;

  constructor(readonly buf: Uint8Array) {}

  /** A varint of at most 10 bytes, as a Number (exact below 2^53; larger values only ever fail a bounds check). */
  varint(limit: number): number {
    let value = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= limit) throw new WireFormatError('a varint runs past the end of its message');
      const b = this.buf[this.pos++];
      value += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return value;
      scale *= 128;
    }
    throw new WireFormatError('a varint is longer than 10 bytes');
  }

  /** A length prefix: checked against the bytes that remain, so nothing later reads past `limit`. */
  length(limit: number): number {
    const n = this.varint(limit);
    if (n > limit - this.pos) throw new WireFormatError('a length-delimited field runs past the end of its message');
    return n;
  }

  skip(n: number, limit: number): void {
    if (n > limit - this.pos) throw new WireFormatError('a fixed-width field runs past the end of its message');
    this.pos += n;
  }
}

export class WireWriter {
  private readonly parts: Uint8Array[] = [];
  private size = 0;

  private push(bytes: Uint8Array): void {
    this.parts.push(bytes);
    this.size += bytes.length;
  }

  private varint(value: number): void {
    const out: number[] = [];
    let v = value >>> 0;
    while (v > 0x7f) {
      out.push((v & 0x7f) | 0x80);
      v >>>= 7;
    }
    out.push(v);
    this.push(Uint8Array.from(out));
  }

  /** A non-negative int32/uint32 field (zero is the default and is not written, as proto3 does). */
  uint32(field: number, value: number): this {
    if (value === 0) return this;
    this.varint((field << 3) | WireType.VARINT);
    this.varint(value);
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    this.varint((field << 3) | WireType.LEN);
    this.varint(value.length);
    this.push(value);
    return this;
  }

  string(field: number, value: string): this {
    return value === '' ? this : this.bytes(field, Buffer.from(value, 'utf8'));
  }

  finish(): Buffer {
    return Buffer.concat(this.parts, this.size);
  }
}
