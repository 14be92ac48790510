// Original file: proto/paramserve/v1/architecture.proto


/**
 * `{parameter: "4.weight", to: "2.weight"}`: one Parameter object under two names.
 */
export interface ParameterTie {
  'parameter'?: (string);
  'to'?: (string);
}

/**
 * `{parameter: "4.weight", to: "2.weight"}`: one Parameter object under two names.
 */
export interface ParameterTie__Output {
  'parameter': (string);
  'to': (string);
}
