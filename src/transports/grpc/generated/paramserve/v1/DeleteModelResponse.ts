// Original file: proto/paramserve/v1/models.proto


export interface DeleteModelResponse {
}

export interface DeleteModelResponse__Output {
}
