// Original file: proto/paramserve/v1/parameters.proto

import type { StateDictEntry as _paramserve_v1_StateDictEntry, StateDictEntry__Output as _paramserve_v1_StateDictEntry__Output } from '../../paramserve/v1/StateDictEntry.js';

export interface PutStateDictRequest {
  'session_id'?: (string);
  'model'?: (string);
  /**
   * A module path to load into; empty is the root.
   */
  'module'?: (string);
  'state_dict'?: (_paramserve_v1_StateDictEntry)[];
  /**
   * Default true: missing or unexpected keys are errors.
   */
  'strict'?: (boolean);
  'if_match'?: (string);
  '_strict'?: "strict";
}

export interface PutStateDictRequest__Output {
  'session_id': (string);
  'model': (string);
  /**
   * A module path to load into; empty is the root.
   */
  'module': (string);
  'state_dict': (_paramserve_v1_StateDictEntry__Output)[];
  /**
   * Default true: missing or unexpected keys are errors.
   */
  'strict'?: (boolean);
  'if_match': (string);
  '_strict'?: "strict";
}
