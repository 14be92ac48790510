// Original file: proto/paramserve/v1/sessions.proto


export interface DeleteSessionResponse {
}

export interface DeleteSessionResponse__Output {
}
