// Original file: proto/paramserve/v1/sessions.proto


export interface Session {
  'id'?: (string);
  /**
   * RFC 3339, as in CreateSessionResponse.
   */
  'expires_at'?: (string);
  /**
   * Names of the session's models.
   */
  'models'?: (string)[];
}

export interface Session__Output {
  'id': (string);
  /**
   * RFC 3339, as in CreateSessionResponse.
   */
  'expires_at': (string);
  /**
   * Names of the session's models.
   */
  'models': (string)[];
}
