/**
 * Lua scripts the directory runs atomically in Redis: they keep room codes owned by one node, clean
 * set members whose keys expired, and consume seat tokens once.
 */

/**
 * Writes the node key and the node's rooms with one expiry; a room key held by another node is left
 * alone and its code returned (a code collision across nodes).
 * KEYS: node key, nodes set, rooms set, room keys...; ARGV: px, nodeId, node JSON, then code and JSON per room.
 */
export const PUT_NODE_SCRIPT = `
local px = ARGV[1]
redis.call('SET', KEYS[1], ARGV[3], 'PX', px)
redis.call('SADD', KEYS[2], ARGV[2])
local refused = {}
for i = 4, #KEYS do
  local code = ARGV[2 + (i - 3) * 2]
  local json = ARGV[3 + (i - 3) * 2]
  local cur = redis.call('GET', KEYS[i])
  local mine = true
  if cur then
    local ok, v = pcall(cjson.decode, cur)
    if ok and type(v) == 'table' and v.nodeId ~= ARGV[2] then mine = false end
  end
  if mine then
    redis.call('SET', KEYS[i], json, 'PX', px)
    redis.call('SADD', KEYS[3], code)
  else
    refused[#refused + 1] = code
  end
end
return refused
`;

/**
 * Deletes room keys this node owns and their set members.
 * KEYS: rooms set, room keys...; ARGV: nodeId, codes...
 */
export const DROP_ROOMS_SCRIPT = `
for i = 2, #KEYS do
  local cur = redis.call('GET', KEYS[i])
  local mine = cur == false
  if cur then
    local ok, v = pcall(cjson.decode, cur)
    mine = (not ok) or type(v) ~= 'table' or v.nodeId == ARGV[1]
  end
  if mine then
    redis.call('DEL', KEYS[i])
    redis.call('SREM', KEYS[1], ARGV[i])
  end
end
return 0
`;

/**
 * Removes set members whose keys no longer exist (expired), checked atomically so a member
 * re-registered meanwhile stays. KEYS: set, member keys...; ARGV: members...
 */
export const PRUNE_SET_SCRIPT = `
local n = 0
for i = 2, #KEYS do
  if redis.call('EXISTS', KEYS[i]) == 0 then
    n = n + redis.call('SREM', KEYS[1], ARGV[i - 1])
  end
end
return n
`;

/**
 * Consumes a seat if it was reserved on this node: {1, json} consumed, {2, json} for another node
 * (left in place for it), nil when unknown, expired or already used. KEYS: seat key; ARGV: nodeId.
 */
export const TAKE_SEAT_SCRIPT = `
local cur = redis.call('GET', KEYS[1])
if not cur then return nil end
local ok, v = pcall(cjson.decode, cur)
if ok and type(v) == 'table' and v.nodeId ~= ARGV[1] then return {2, cur} end
redis.call('DEL', KEYS[1])
return {1, cur}
`;
