// Original file: proto/paramserve/v1/parameters.proto

/**
 * The in-place operations of an edit: w[index] = v, +=, -=, *=, /=.
 */
export const EditOp = {
  EDIT_OP_UNSPECIFIED: 'EDIT_OP_UNSPECIFIED',
  EDIT_OP_SET: 'EDIT_OP_SET',
  EDIT_OP_ADD: 'EDIT_OP_ADD',
  EDIT_OP_SUB: 'EDIT_OP_SUB',
  EDIT_OP_MUL: 'EDIT_OP_MUL',
  EDIT_OP_DIV: 'EDIT_OP_DIV',
} as const;

/**
 * The in-place operations of an edit: w[index] = v, +=, -=, *=, /=.
 */
export type EditOp =
  | 'EDIT_OP_UNSPECIFIED'
  | 0
  | 'EDIT_OP_SET'
  | 1
  | 'EDIT_OP_ADD'
  | 2
  | 'EDIT_OP_SUB'
  | 3
  | 'EDIT_OP_MUL'
  | 4
  | 'EDIT_OP_DIV'
  | 5

/**
 * The in-place operations of an edit: w[index] = v, +=, -=, *=, /=.
 */
export type EditOp__Output = typeof EditOp[keyof typeof EditOp]
