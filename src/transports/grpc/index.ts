// The gRPC transport's public surface, for main and the tests.
export { buildGrpcServer, type GrpcServerOptions, type GrpcTransport } from './server.js';
export { GRPC_STATUS, ERROR_DOMAIN } from './status.js';
export { SERVICE_NAMES, PROTO_DIR } from './proto-files.js';
