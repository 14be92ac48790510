# paramserve: multi-stage image.
#   build:   the full toolchain (python3, make, g++ for better-sqlite3's node-gyp
#            build), every dependency, the TypeScript build and the wasm kernels
#            (the package's `prepare` script), then pruned to production deps.
#   runtime: node:22-bookworm-slim + dist/ + build/ + production node_modules,
#            run as the unprivileged `node` user.
#
# Build (on machines without a default bridge network, add `--network host`):
#   docker build -t paramserve:local .

FROM node:22-bookworm-slim AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app

# Dependencies first, keyed on the lockfile alone, so a source change reuses this
# layer and its compiled better-sqlite3. Scripts are held back here because the
# package's own `prepare` (the wasm build) needs the sources, which come next;
# the dependencies' install scripts run through `npm rebuild`, exactly as
# `npm ci` would have run them.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && npm rebuild --no-audit --no-fund

COPY . .
# `prepare` is what `npm ci` runs for the root package on a fresh clone: the
# wasm kernels are built from source here, never copied in. Then the service,
# then everything the runtime does not need goes: dev dependencies, and
# better-sqlite3's compiler inputs and intermediates (~25 MB).
RUN npm run prepare --if-present \
 && npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/better-sqlite3/deps node_modules/better-sqlite3/src \
           node_modules/better-sqlite3/build/Release/obj node_modules/better-sqlite3/build/Release/obj.target \
           node_modules/better-sqlite3/build/Release/*.a node_modules/better-sqlite3/build/Release/test_extension.node \
 && mkdir -p build proto

FROM node:22-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080 \
    GRPC_PORT=50051 \
    SQLITE_PATH=/data/paramserve.db

# Code is owned by root and read-only to the service; only /data is writable.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# build/: the wasm kernels (empty when the package has none); proto/: the gRPC
# definitions a transport may load at run time (empty when there are none).
COPY --from=build /app/build ./build
COPY --from=build /app/proto ./proto
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]

USER node
EXPOSE 8080 50051

# Liveness through the service's own /healthz on the configured port; slim has
# no curl, and node's fetch needs nothing extra.
HEALTHCHECK --interval=10s --timeout=3s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# node is PID 1 on purpose (no tini, no shell): src/main.ts installs SIGTERM and
# SIGINT handlers, so the kernel delivers them and the service drains (readyz
# 503, in-flight requests finish, store closed) before it exits 0; and the
# service spawns no child processes (compute runs in worker threads), so there
# are no zombies for an init to reap. Exec form keeps a shell out of the way.
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
