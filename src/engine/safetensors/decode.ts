import { EngineArgumentError } from '../errors.js';
import type { SafetensorsEntry } from './dtypes.js';
import { SafetensorsError } from './errors.js';
import { parseHeader } from './header.js';
import { validateLayout } from './layout.js';
import { compareNames } from './names.js';

/** The crate's `MAX_HEADER_SIZE`. */
export const SAFETENSORS_MAX_HEADER_BYTES = 100_000_000;

export interface DecodeSafetensorsOptions {
  /** Refuse headers longer than this (HeaderTooLarge). Defaults to the crate's 100,000,000. */
  maxHeaderBytes?: number;
}

export interface DecodedSafetensors {
  metadata: Record<string, string> | null;
  /** Keyed in name order, as `safe_open(...).keys()` lists them. */
  tensors: Map<string, SafetensorsEntry>;
}

const PREFIX = 8;

/**
 * Reads a safetensors file with every check of the crate's `read_metadata`, in
 * its order. The header is checked against the input's real length before any
 * tensor storage exists, so the only allocations are the header text and one
 * copy of the data section. The copies also make each entry's bytes start at
 * offset 0 of its own buffer, whatever the input's alignment.
 */
export function decodeSafetensors(bytes: Uint8Array, opts: DecodeSafetensorsOptions = {}): DecodedSafetensors {
  const limit = opts.maxHeaderBytes ?? SAFETENSORS_MAX_HEADER_BYTES;
  if (!(limit >= 0)) throw new EngineArgumentError(`maxHeaderBytes must be non-negative, got ${limit}`);

  if (bytes.length < PREFIX) {
    throw new SafetensorsError('HeaderTooSmall', `header too small: the input is ${bytes.length} bytes, shorter than the 8-byte length prefix`);
  }
  const n = headerLength(bytes);
  if (n > limit) throw new SafetensorsError('HeaderTooLarge', `header too large: ${n} bytes, the limit is ${limit}`);
  if (PREFIX + n > bytes.length) {
    throw new SafetensorsError('InvalidHeaderLength', `invalid header length: 8 + ${n} header bytes exceed the input's ${bytes.length}`);
  }

  const header = parseHeader(utf8(bytes.subarray(PREFIX, PREFIX + n)));
  const { ordered, end } = validateLayout(header.entries);
  const dataStart = PREFIX + n;
  const dataLength = bytes.length - dataStart;
  if (end !== dataLength) {
    throw new SafetensorsError(
      'MetadataIncompleteBuffer',
      `incomplete metadata, file not fully covered: the tensors span ${end} bytes, the data section has ${dataLength}`,
    );
  }

  const tensors = new Map<string, SafetensorsEntry>();
  for (const entry of ordered.sort((a, b) => compareNames(a.name, b.name))) {
    const copy = new Uint8Array(entry.end - entry.begin);
    copy.set(bytes.subarray(dataStart + entry.begin, dataStart + entry.end));
    tensors.set(entry.name, { dtype: entry.dtype, shape: entry.shape, bytes: copy });
  }
  return { metadata: header.metadata, tensors };
}

/** The u64 length prefix; above 2^53 the value is inexact but still far past any limit. */
function headerLength(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, PREFIX);
  return view.getUint32(4, true) * 2 ** 32 + view.getUint32(0, true);
}

function utf8(header: Uint8Array): string {
  try {
    // ignoreBOM keeps a leading BOM in the text, where JSON.parse refuses it as serde does.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(header);
  } catch (e) {
    throw new SafetensorsError('InvalidHeader', `invalid UTF-8 in header: ${(e as Error).message}`);
  }
}
