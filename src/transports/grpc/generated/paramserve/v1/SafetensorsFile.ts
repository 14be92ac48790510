// Original file: proto/paramserve/v1/parameters.proto

import type { Long } from '@grpc/proto-loader';

export interface SafetensorsFile {
  'safetensors'?: (Buffer | Uint8Array | string);
  'version'?: (number | string | Long);
}

export interface SafetensorsFile__Output {
  'safetensors': (Buffer);
  'version': (number);
}
