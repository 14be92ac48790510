import { AppError, type ErrorDetails } from '../../errors/index.js';

/**
 * The safetensors crate's `SafeTensorError` variants a reader can hit, named as
 * in Rust so a message can be matched against what Python users see.
 */
export type SafetensorsErrorKind =
  | 'HeaderTooSmall'
  | 'HeaderTooLarge'
  | 'InvalidHeaderLength'
  | 'InvalidHeader'
  | 'InvalidHeaderDeserialization'
  | 'InvalidOffset'
  | 'TensorInvalidInfo'
  | 'MisalignedSlice'
  | 'MetadataIncompleteBuffer'
  | 'ValidationOverflow';

/** A safetensors file (or entry) that cannot be read. */
export class SafetensorsError extends AppError {
  readonly kind: SafetensorsErrorKind;

  /** `text` is the crate's Display text; the message leads with the variant name. */
  constructor(kind: SafetensorsErrorKind, text: string, details: ErrorDetails = {}) {
    super('MALFORMED', 'INVALID_SAFETENSORS', `${kind}: ${text}`, { ...details, kind });
    this.kind = kind;
  }
}
