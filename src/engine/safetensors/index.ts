// safetensors I/O, byte-compatible with huggingface/safetensors (pytorch-semantics.md section 7).
export { SAFETENSORS_DTYPES, isSafetensorsDType, dtypeBits as safetensorsDTypeBits } from './dtypes.js';
export type { SafetensorsDType, SafetensorsEntry } from './dtypes.js';
export { encodeSafetensors, type EncodableTensor } from './encode.js';
export {
  decodeSafetensors,
  SAFETENSORS_MAX_HEADER_BYTES,
  type DecodeSafetensorsOptions,
  type DecodedSafetensors,
} from './decode.js';
export { toFloat32, toFloat64 } from './convert.js';
export { SafetensorsError, type SafetensorsErrorKind } from './errors.js';
