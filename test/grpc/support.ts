import { Writable } from 'node:stream';
import * as grpc from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { createRequire } from 'node:module';
import { service as healthService } from 'grpc-health-check';
import { pino, type Logger } from 'pino';
import descriptor from 'protobufjs/ext/descriptor/index.js';

/** Clients of the operational services and a log sink, for the gRPC transport's tests. */

const HealthClient = grpc.makeGenericClientConstructor(healthService, 'Health');

export function healthClient(address: string): any {
  return new HealthClient(address, grpc.credentials.createInsecure());
}

export function healthCheck(client: any, service: string): Promise<string> {
  return new Promise((resolve, reject) =>
    client.Check({ service }, { deadline: Date.now() + 10_000 }, (e: grpc.ServiceError | null, r: { status: string }) => (e ? reject(e) : resolve(r.status))),
  );
}

const reflectionProto = createRequire(import.meta.url).resolve('@grpc/reflection/build/proto/grpc/reflection/v1/reflection.proto');
const reflection = (grpc.loadPackageDefinition(loadSync(reflectionProto, { keepCase: true, defaults: true, oneofs: true })) as any).grpc.reflection.v1;

/** One request on the reflection stream (what `grpcurl list` and `grpcurl describe` send first), its one reply. */
export function reflect(address: string, request: Record<string, string>): Promise<any> {
  const client = new reflection.ServerReflection(address, grpc.credentials.createInsecure());
  return new Promise((resolve, reject) => {
    const call = client.ServerReflectionInfo({ deadline: Date.now() + 10_000 });
    call.on('data', (r: unknown) => {
      resolve(r);
      call.end();
    });
    call.on('error', reject);
    call.on('end', () => client.close());
    call.write(request);
  });
}

export function decodeFileDescriptor(bytes: Uint8Array): any {
  return (descriptor as any).FileDescriptorProto.toObject((descriptor as any).FileDescriptorProto.decode(bytes), { defaults: true });
}

/** A pino logger whose lines land in an array (parsed), to check what the transport logs. */
export function memoryLogger(): { logger: Logger; lines: any[] } {
  const lines: any[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n')) if (line !== '') lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, sink), lines };
}

/** A unary call with raw bytes in and out: to send what no generated client would. */
export function rawCall(address: string, path: string, bytes: Buffer, metadata = new grpc.Metadata()): Promise<{ error: grpc.ServiceError | null; reply: Buffer | null }> {
  const client = new grpc.Client(address, grpc.credentials.createInsecure());
  const identity = (b: Buffer) => b;
  return new Promise((resolve) => {
    client.makeUnaryRequest(path, identity, identity, bytes, metadata, { deadline: Date.now() + 30_000 }, (error, reply) => {
      client.close();
      resolve({ error: error ?? null, reply: reply ?? null });
    });
  });
}
