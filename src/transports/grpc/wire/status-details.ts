import { WireWriter } from './wire-format.js';

/**
 * google.rpc.Status{code, message, details: [Any(google.rpc.ErrorInfo)]}
 * encoded for the `grpc-status-details-bin` trailer, by hand: the messages
 * are three small, frozen googleapis types (proto/google/rpc/), and the test
 * decodes what this writes with protobufjs and those protos.
 */

export const ERROR_INFO_TYPE_URL = 'type.googleapis.com/google.rpc.ErrorInfo';

export interface ErrorInfo {
  reason: string;
  domain: string;
  metadata: Record<string, string>;
}

export function encodeErrorInfo(info: ErrorInfo): Buffer {
  const w = new WireWriter().string(1, info.reason).string(2, info.domain);
  // map<string, string> is a repeated entry message {key = 1, value = 2}.
  for (const [key, value] of Object.entries(info.metadata)) w.bytes(3, new WireWriter().string(1, key).string(2, value).finish());
  return w.finish();
}

export function encodeStatus(code: number, message: string, info: ErrorInfo): Buffer {
  const any = new WireWriter().string(1, ERROR_INFO_TYPE_URL).bytes(2, encodeErrorInfo(info)).finish();
  return new WireWriter().uint32(1, code).string(2, message).bytes(3, any).finish();
}
