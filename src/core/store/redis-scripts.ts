/**
 * Lua scripts: each runs atomically inside Redis, which is what makes a
 * model's compare-and-set and the quota checks safe across replicas.
 *
 * Keys (P = prefix):
 *   P sessions            zset   session id -> expiresAt (counts live sessions)
 *   P s:<id>              hash   token, created, expires, bytes, seq
 *   P s:<id>:models       zset   model name -> creation sequence (listing order)
 *   P m:<id>:<name>       hash   version, architecture, state, parameterCount, bytes
 * Every key of a session carries the session's expiry (PEXPIREAT), so an idle
 * session and its models vanish together by key TTL.
 */

// KEYS: sessions, s:<id>   ARGV: id, token, created, expires, now, maxSessions
export const CREATE_SESSION = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[5])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[6]) then return 0 end
redis.call('HSET', KEYS[2], 'token', ARGV[2], 'created', ARGV[3], 'expires', ARGV[4], 'bytes', 0, 'seq', 0)
redis.call('PEXPIREAT', KEYS[2], ARGV[4])
redis.call('ZADD', KEYS[1], ARGV[4], ARGV[1])
return 1`;

// KEYS: s:<id>, m:<id>:<name>   ARGV: wantModel (0/1)
export const LOOKUP = `
local s = redis.call('HMGET', KEYS[1], 'token', 'created', 'expires')
local v = false
if ARGV[1] == '1' and s[1] then v = redis.call('HGET', KEYS[2], 'version') end
return {s[1], s[2], s[3], v}`;

// KEYS: sessions, s:<id>, s:<id>:models   ARGV: id, expires, modelKeyPrefix
export const TOUCH_SESSION = `
if redis.call('EXISTS', KEYS[2]) == 0 then return 0 end
redis.call('HSET', KEYS[2], 'expires', ARGV[2])
redis.call('PEXPIREAT', KEYS[2], ARGV[2])
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
if redis.call('EXISTS', KEYS[3]) == 1 then
  redis.call('PEXPIREAT', KEYS[3], ARGV[2])
  for _, name in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
    redis.call('PEXPIREAT', ARGV[3] .. name, ARGV[2])
  end
end
return 1`;

// KEYS: sessions, s:<id>, s:<id>:models   ARGV: id, modelKeyPrefix
export const DELETE_SESSION = `
local existed = redis.call('EXISTS', KEYS[2])
for _, name in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
  redis.call('DEL', ARGV[2] .. name)
end
redis.call('DEL', KEYS[2], KEYS[3])
redis.call('ZREM', KEYS[1], ARGV[1])
return existed`;

// KEYS: s:<id>, s:<id>:models, m:<id>:<name>
// ARGV: name, version, architecture, state, parameterCount, bytes, maxModels, maxBytes
export const INSERT_MODEL = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'no-session' end
if redis.call('EXISTS', KEYS[3]) == 1 then return 'exists' end
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[7]) then return 'too-many-models' end
local used = tonumber(redis.call('HGET', KEYS[1], 'bytes') or '0')
if used + tonumber(ARGV[6]) > tonumber(ARGV[8]) then return 'too-many-bytes' end
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
redis.call('HSET', KEYS[3], 'version', ARGV[2], 'architecture', ARGV[3], 'state', ARGV[4], 'parameterCount', ARGV[5], 'bytes', ARGV[6])
redis.call('ZADD', KEYS[2], seq, ARGV[1])
redis.call('HINCRBY', KEYS[1], 'bytes', ARGV[6])
local expires = redis.call('HGET', KEYS[1], 'expires')
redis.call('PEXPIREAT', KEYS[2], expires)
redis.call('PEXPIREAT', KEYS[3], expires)
return 'ok'`;

// KEYS: s:<id>, m:<id>:<name>   ARGV: expectedVersion, version, architecture, state, parameterCount, bytes, maxBytes
export const UPDATE_MODEL = `
local current = redis.call('HMGET', KEYS[2], 'version', 'bytes')
if not current[1] then return 'missing' end
if current[1] ~= ARGV[1] then return 'conflict' end
local used = tonumber(redis.call('HGET', KEYS[1], 'bytes') or '0')
local delta = tonumber(ARGV[6]) - tonumber(current[2])
if used + delta > tonumber(ARGV[7]) then return 'too-many-bytes' end
redis.call('HSET', KEYS[2], 'version', ARGV[2], 'architecture', ARGV[3], 'state', ARGV[4], 'parameterCount', ARGV[5], 'bytes', ARGV[6])
redis.call('HINCRBY', KEYS[1], 'bytes', delta)
return 'ok'`;

// KEYS: s:<id>, s:<id>:models, m:<id>:<name>   ARGV: name, expectedVersion ('' for any)
export const DELETE_MODEL = `
local current = redis.call('HMGET', KEYS[3], 'version', 'bytes')
if not current[1] then return 'missing' end
if ARGV[2] ~= '' and current[1] ~= ARGV[2] then return 'conflict' end
redis.call('DEL', KEYS[3])
redis.call('ZREM', KEYS[2], ARGV[1])
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HINCRBY', KEYS[1], 'bytes', -tonumber(current[2])) end
return 'ok'`;

// KEYS: sessions   ARGV: now, prefix
export const STATS = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
local ids = redis.call('ZRANGE', KEYS[1], 0, -1)
local models, bytes = 0, 0
for _, id in ipairs(ids) do
  models = models + redis.call('ZCARD', ARGV[2] .. 's:' .. id .. ':models')
  bytes = bytes + tonumber(redis.call('HGET', ARGV[2] .. 's:' .. id, 'bytes') or '0')
end
return {#ids, models, bytes}`;
