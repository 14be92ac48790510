import { Metadata, status } from '@grpc/grpc-js';
import { describe, expect, it } from 'vitest';
import { AppError, type ErrorCategory } from '../../src/errors/index.js';
import { HTTP_STATUS } from '../../src/transports/http/index.js';
import { GRPC_STATUS } from '../../src/transports/grpc/index.js';
import { grpcFieldName, serviceErrorOf } from '../../src/transports/grpc/status.js';
import { encodeStatus } from '../../src/transports/grpc/wire/status-details.js';
import { statusDetails } from '../e2e/support/grpc-client.js';

/**
 * google.rpc.Code's documented HTTP mappings (code.proto), plus the statuses
 * HTTP has and code.proto does not name: 412 (a failed test-and-set is ABORTED
 * or FAILED_PRECONDITION), 413 (grpc-js answers RESOURCE_EXHAUSTED), 422.
 */
const GRPC_FOR_HTTP: Record<number, status[]> = {
  400: [status.INVALID_ARGUMENT, status.FAILED_PRECONDITION, status.OUT_OF_RANGE],
  401: [status.UNAUTHENTICATED],
  404: [status.NOT_FOUND],
  409: [status.ALREADY_EXISTS, status.ABORTED],
  412: [status.ABORTED, status.FAILED_PRECONDITION],
  413: [status.RESOURCE_EXHAUSTED],
  422: [status.INVALID_ARGUMENT, status.FAILED_PRECONDITION, status.OUT_OF_RANGE],
  429: [status.RESOURCE_EXHAUSTED],
  499: [status.CANCELLED],
  500: [status.INTERNAL, status.UNKNOWN, status.DATA_LOSS],
  503: [status.UNAVAILABLE],
};

describe('the category → gRPC status table', () => {
  it.each(Object.keys(HTTP_STATUS) as ErrorCategory[])('%s maps to the gRPC code google.rpc.Code pairs with its HTTP status', (category) => {
    expect(GRPC_FOR_HTTP[HTTP_STATUS[category]]).toContain(GRPC_STATUS[category]);
  });

  it('covers exactly the categories REST covers', () => {
    expect(Object.keys(GRPC_STATUS).sort()).toEqual(Object.keys(HTTP_STATUS).sort());
  });
});

describe('google.rpc.Status in grpc-status-details-bin', () => {
  it('decodes with protobufjs and the googleapis protos into what was encoded', () => {
    const metadata = { field: 'input.data', path: '0.block 1.0.bias', limit: 'maxTensorElements', long: 'x'.repeat(300), unicode: 'größe ✓', empty: '' };
    const bytes = encodeStatus(status.INVALID_ARGUMENT, 'shape mismatch: ' + 'y'.repeat(200), { reason: 'SHAPE_MISMATCH', domain: 'paramserve.dev', metadata });
    const md = new Metadata();
    md.set('grpc-status-details-bin', bytes);
    expect(statusDetails(md)).toEqual({
      code: status.INVALID_ARGUMENT,
      message: 'shape mismatch: ' + 'y'.repeat(200),
      errorInfo: { reason: 'SHAPE_MISMATCH', domain: 'paramserve.dev', metadata },
    });
  });

  it('carries the AppError code as reason and its details as metadata, fields in proto spelling', () => {
    const e = new AppError('LIMIT', 'LIMIT_EXCEEDED', 'too big', { field: 'gradOutput.data', limit: 'maxTensorElements', limitValue: 16, shape: [4, 4] });
    const answer = serviceErrorOf(e);
    expect(answer.code).toBe(status.INVALID_ARGUMENT);
    expect(answer.details).toBe('too big');
    expect(statusDetails(answer.metadata)).toEqual({
      code: status.INVALID_ARGUMENT,
      message: 'too big',
      errorInfo: { reason: 'LIMIT_EXCEEDED', domain: 'paramserve.dev', metadata: { field: 'grad_output.data', limit: 'maxTensorElements', limitValue: '16', shape: '[4,4]' } },
    });
  });
});

describe('field names in error details', () => {
  it.each([
    ['If-Match', 'if_match'],
    ['gradOutput', 'grad_output'],
    ['moduleTypes', 'module_types'],
    ['stateDict.0.weight', 'state_dict.0.weight'],
    ['stateDict.blockA.weight', 'state_dict.blockA.weight'],
    ['architecture.layers[2].out_features', 'architecture.layers[2].out_features'],
    ['input', 'input'],
    ['', ''],
  ])('%s → %s', (rest, grpc) => expect(grpcFieldName(rest)).toBe(grpc));
});
