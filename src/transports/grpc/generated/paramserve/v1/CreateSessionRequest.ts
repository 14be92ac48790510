// Original file: proto/paramserve/v1/sessions.proto


export interface CreateSessionRequest {
}

export interface CreateSessionRequest__Output {
}
