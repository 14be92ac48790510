// Lint keeps the layer direction of architecture.md:
//   errors <- engine <- nn <- core <- transports/{http,grpc} <- main
// A layer imports a lower layer only through that layer's index.ts, and never a higher one.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const deep = (layer) => ({
  regex: `(^|/)${layer}/(?!index\\.js$).+`,
  message: `import ${layer} through its public index.ts only`,
});
const banned = (layers, message) => ({ regex: `(^|/)(${layers.join('|')})(/|$)`, message });
const servers = ['fastify', '@fastify/.*', '@grpc/.*', 'grpc-health-check', 'ioredis', 'better-sqlite3', 'prom-client', 'pino'];
const noServers = { regex: `^(${servers.join('|')})`, message: 'servers, stores and transports belong to core and transports' };

const layer = (files, patterns) => ({
  files,
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export default tseslint.config(
  // asm/ is AssemblyScript (i32, v128, @inline): compiled by asc, not TypeScript, so not linted as TypeScript.
  { ignores: ['node_modules/**', 'dist/**', '.scratch/**', 'coverage/**', 'build/**', 'asm/**', 'src/transports/grpc/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  // Test clients handle JSON of many shapes; `any` there is a convenience, not a design.
  { files: ['test/**', 'bench/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  layer(['src/errors/**'], [banned(['engine', 'nn', 'core', 'transports'], 'errors is the bottom layer'), noServers]),
  layer(['src/engine/**'], [banned(['nn', 'core', 'transports'], 'engine knows nothing of modules, sessions or transports'), noServers]),
  layer(['src/nn/**'], [banned(['core', 'transports'], 'nn knows nothing of sessions or transports'), deep('engine'), noServers]),
  layer(['src/core/**'], [
    banned(['transports'], 'core knows nothing of HTTP or gRPC'),
    deep('engine'), deep('nn'),
    { regex: '^(fastify|@fastify/.*|@grpc/.*|grpc-health-check)', message: 'core knows nothing of HTTP or gRPC' },
  ]),
  layer(['src/transports/http/**'], [banned(['grpc'], 'transports do not import each other'), deep('engine'), deep('nn'), deep('core')]),
  layer(['src/transports/grpc/**'], [banned(['http'], 'transports do not import each other'), deep('engine'), deep('nn'), deep('core')]),
);
