// Original file: proto/paramserve/v1/sessions.proto


export interface CreateSessionResponse {
  'id'?: (string);
  /**
   * The bearer token: shown once, stored only as a hash.
   */
  'token'?: (string);
  /**
   * RFC 3339 (google.protobuf.Timestamp's JSON form, as REST gives it). The
   * session expires after an idle TTL; every authorised call restarts it.
   * A string rather than a Timestamp: the API's messages then refer to no other
   * package, so reflection clients (grpcurl) resolve every type from one file.
   */
  'expires_at'?: (string);
}

export interface CreateSessionResponse__Output {
  'id': (string);
  /**
   * The bearer token: shown once, stored only as a hash.
   */
  'token': (string);
  /**
   * RFC 3339 (google.protobuf.Timestamp's JSON form, as REST gives it). The
   * session expires after an idle TTL; every authorised call restarts it.
   * A string rather than a Timestamp: the API's messages then refer to no other
   * package, so reflection clients (grpcurl) resolve every type from one file.
   */
  'expires_at': (string);
}
