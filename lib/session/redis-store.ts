import { randomUUID } from "node:crypto";
import { defineScript, type RedisClientType } from "redis";
import { superviseRedis } from "./redis-connection";
import {
  activityResolutionSeconds,
  idleDeadline,
  type EndReason,
  type SessionBounds,
  type SessionLimits,
} from "./rules";
import {
  accountOfKey,
  EXCLUSIVE_HOLD_MS,
  type SessionStore,
  type TouchOptions,
  type TouchResult,
} from "./store";

/**
 * Sessions in Redis (or Valkey), shared by every instance of the portal. Every key of one NHS
 * login account carries the account as its hash tag (`{account}`), so that each script and
 * transaction touches one hash slot and the layout works on Redis Cluster as on one server:
 *
 *   portal:session:{<account>}<id hash>  a hash: account, authenticatedAt, lastActiveAt, data
 *                          (sealed), notice, api (sealed: the API platform's token and what PDS
 *                          said). It expires on its own at the session's idle deadline, which
 *                          each request moves on, never past the absolute limit. A session ended
 *                          on purpose is replaced by a hash holding only `ended` (the reason) and,
 *                          when a new log-in took its place, `by` (the new session's key), for as
 *                          long as the session could have idled.
 *   portal:account:{<account>}  a sorted set of the account's live session keys, scored by when
 *                          each began: "log out of all devices", and the cap on sessions per
 *                          account (the oldest ends first). It expires at the absolute limit after
 *                          its newest session began.
 *   portal:lock:{<account>}<id hash>  held while one request renews the API platform's token.
 *   portal:claim:<name>    a name used once (a sign-in's state), kept as long as it could recur.
 *
 * Every read-and-write is one Lua script or transaction, so two requests of one session cannot
 * interleave. Expiry and `PEXPIRE … NX/GT` need Redis 7 or Valkey.
 */
const SESSION_PREFIX = "portal:session:";
const ACCOUNT_PREFIX = "portal:account:";
const LOCK_PREFIX = "portal:lock:";
const CLAIM_PREFIX = "portal:claim:";
const LOCK_POLL_MS = 50;

const accountKeyOf = (key: string) => `${ACCOUNT_PREFIX}{${accountOfKey(key)}}`;

/** A new session; ends the account's sessions that are gone from its index or beyond the cap. */
const CREATE = defineScript({
  NUMBER_OF_KEYS: 2,
  SCRIPT: `
    local session, account, member = KEYS[1], KEYS[2], ARGV[5]
    local prefix, markerMs = ARGV[7], ARGV[4]
    redis.call('DEL', session)
    redis.call('HSET', session, unpack(ARGV, 8))
    redis.call('PEXPIREAT', session, ARGV[1])
    for _, other in ipairs(redis.call('ZRANGE', account, 0, -1)) do
      if redis.call('HEXISTS', prefix .. other, 'data') == 0 then redis.call('ZREM', account, other) end
    end
    -- Strictly later than the account's newest, so that the oldest is the first to go.
    local newest = redis.call('ZRANGE', account, -1, -1, 'WITHSCORES')[2]
    redis.call('ZADD', account, math.max(tonumber(ARGV[6]), (tonumber(newest) or 0) + 1), member)
    local over = redis.call('ZCARD', account) - tonumber(ARGV[3])
    local crowded = 0
    for _, other in ipairs(redis.call('ZRANGE', account, 0, -1)) do
      if crowded >= over then break end
      if other ~= member then
        local key = prefix .. other
        redis.call('DEL', key)
        redis.call('HSET', key, 'ended', 'crowded-out')
        redis.call('PEXPIRE', key, markerMs)
        redis.call('ZREM', account, other)
        crowded = crowded + 1
      end
    end
    redis.call('PEXPIRE', account, ARGV[2], 'NX')
    redis.call('PEXPIRE', account, ARGV[2], 'GT')
    return crowded
  `,
  parseCommand(
    parser,
    key: string,
    fields: Record<string, string>,
    deadlineMs: number,
    limits: SessionLimits,
    bounds: SessionBounds,
    startedMs: number,
  ) {
    parser.pushKeys([SESSION_PREFIX + key, accountKeyOf(key)]);
    parser.push(
      String(deadlineMs),
      String(limits.maxAgeSeconds * 1000),
      String(bounds.maxPerAccount),
      String(limits.idleTimeoutSeconds * 1000),
      key,
      String(startedMs),
      SESSION_PREFIX,
      ...Object.entries(fields).flat(),
    );
  },
  transformReply: undefined as unknown as () => number,
});

const TOUCH = defineScript({
  NUMBER_OF_KEYS: 2,
  SCRIPT: `
    local f = redis.call('HMGET', KEYS[1], 'ended', 'account', 'authenticatedAt', 'lastActiveAt', 'data', 'notice', 'api')
    if f[1] then return {'ended', f[1]} end
    if not f[5] then return {'missing'} end
    local now, idle, max = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
    local authenticatedAt, lastActiveAt = tonumber(f[3]), tonumber(f[4])
    local limit = false
    if now - authenticatedAt >= max then limit = 'max-age' elseif now - lastActiveAt >= idle then limit = 'idle' end
    if limit then
      redis.call('DEL', KEYS[1])
      redis.call('ZREM', KEYS[2], ARGV[6])
      return {'limit-reached', limit}
    end
    if ARGV[5] == '1' or now - lastActiveAt >= tonumber(ARGV[4]) then
      lastActiveAt = now
      redis.call('HSET', KEYS[1], 'lastActiveAt', ARGV[1])
      redis.call('PEXPIREAT', KEYS[1], math.min(now + idle, authenticatedAt + max) * 1000)
    end
    if f[6] then redis.call('HDEL', KEYS[1], 'notice') end
    return {'active', f[2], f[3], tostring(lastActiveAt), f[5], f[6] or '', f[7] or ''}
  `,
  parseCommand(parser, key: string, now: number, limits: SessionLimits, force: boolean) {
    parser.pushKeys([SESSION_PREFIX + key, accountKeyOf(key)]);
    parser.push(
      String(now),
      String(limits.idleTimeoutSeconds),
      String(limits.maxAgeSeconds),
      String(activityResolutionSeconds(limits)),
      force ? "1" : "0",
      key,
    );
  },
  transformReply: undefined as unknown as () => Array<string>,
});

const END = defineScript({
  NUMBER_OF_KEYS: 2,
  SCRIPT: `
    if redis.call('HEXISTS', KEYS[1], 'data') == 0 then return 0 end
    redis.call('DEL', KEYS[1])
    redis.call('HSET', KEYS[1], 'ended', ARGV[1])
    redis.call('PEXPIRE', KEYS[1], ARGV[2])
    redis.call('ZREM', KEYS[2], ARGV[3])
    return 1
  `,
  parseCommand(parser, key: string, reason: EndReason, markerMs: number) {
    parser.pushKeys([SESSION_PREFIX + key, accountKeyOf(key)]);
    parser.push(reason, String(markerMs), key);
  },
  transformReply: undefined as unknown as () => number,
});

/**
 * Ends a session that a new one replaces, noting which. Found already replaced by another, it
 * ends that other one instead: the browser that presents the old session never kept it.
 */
const REPLACE = defineScript({
  NUMBER_OF_KEYS: 2,
  SCRIPT: `
    local ended = redis.call('HGET', KEYS[1], 'ended')
    if not ended then
      if redis.call('HEXISTS', KEYS[1], 'data') == 1 then
        redis.call('DEL', KEYS[1])
        redis.call('HSET', KEYS[1], 'ended', 'replaced', 'by', ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        redis.call('ZREM', KEYS[2], ARGV[2])
      end
      return 0
    end
    if ended ~= 'replaced' then return 0 end
    local by = redis.call('HGET', KEYS[1], 'by')
    redis.call('HSET', KEYS[1], 'by', ARGV[3])
    if not by or by == ARGV[3] then return 0 end
    local other = ARGV[4] .. by
    if redis.call('HEXISTS', other, 'data') == 0 then return 0 end
    redis.call('DEL', other)
    redis.call('HSET', other, 'ended', 'replaced')
    redis.call('PEXPIRE', other, ARGV[1])
    redis.call('ZREM', KEYS[2], by)
    return 1
  `,
  parseCommand(parser, key: string, replacement: string, markerMs: number) {
    parser.pushKeys([SESSION_PREFIX + key, accountKeyOf(key)]);
    parser.push(String(markerMs), key, replacement, SESSION_PREFIX);
  },
  transformReply: undefined as unknown as () => number,
});

const END_ALL = defineScript({
  NUMBER_OF_KEYS: 1,
  SCRIPT: `
    local ended = 0
    for _, member in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
      local key = ARGV[3] .. member
      if redis.call('HEXISTS', key, 'data') == 1 then
        redis.call('DEL', key)
        redis.call('HSET', key, 'ended', ARGV[1])
        redis.call('PEXPIRE', key, ARGV[2])
        ended = ended + 1
      end
    end
    redis.call('DEL', KEYS[1])
    return ended
  `,
  parseCommand(parser, account: string, reason: EndReason, markerMs: number) {
    parser.pushKey(`${ACCOUNT_PREFIX}{${account}}`);
    parser.push(reason, String(markerMs), SESSION_PREFIX);
  },
  transformReply: undefined as unknown as () => number,
});

const SET_API_SLOT = defineScript({
  NUMBER_OF_KEYS: 1,
  SCRIPT: `
    if redis.call('HEXISTS', KEYS[1], 'data') == 0 then return 0 end
    if ARGV[1] == '' then redis.call('HDEL', KEYS[1], 'api')
    else redis.call('HSET', KEYS[1], 'api', ARGV[1]) end
    return 1
  `,
  parseCommand(parser, key: string, sealed: string) {
    parser.pushKey(SESSION_PREFIX + key);
    parser.push(sealed);
  },
  transformReply: undefined as unknown as () => number,
});

const RELEASE = defineScript({
  NUMBER_OF_KEYS: 1,
  SCRIPT: `
    if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
    return 0
  `,
  parseCommand(parser, lock: string, owner: string) {
    parser.pushKey(lock);
    parser.push(owner);
  },
  transformReply: undefined as unknown as () => number,
});

export const SESSION_SCRIPTS = {
  createSession: CREATE,
  touchSession: TOUCH,
  endSession: END,
  replaceSession: REPLACE,
  endAllSessions: END_ALL,
  setApiSlot: SET_API_SLOT,
  releaseLock: RELEASE,
};

/** A node-redis client with the session scripts: the commands the store sends. */
export type SessionRedisClient = RedisClientType<
  Record<string, never>,
  Record<string, never>,
  typeof SESSION_SCRIPTS
>;

export interface RedisStoreOptions {
  /** Makes a client (not yet connected) with `SESSION_SCRIPTS`. */
  open: () => SessionRedisClient;
  limits: SessionLimits;
  bounds: SessionBounds;
  /** The longest any call to Redis may take, round trip included. */
  timeoutMs: number;
}

export function redisSessionStore({
  open,
  limits,
  bounds,
  timeoutMs,
}: RedisStoreOptions): SessionStore {
  const redis = superviseRedis(open, timeoutMs);
  const run = redis.run;
  const markerMs = limits.idleTimeoutSeconds * 1000;

  return {
    kind: "redis",
    isAvailable: redis.isReady,
    whenAvailable: redis.whenReady,
    create: (key, session) => {
      const fields: Record<string, string> = {
        account: session.account,
        authenticatedAt: String(session.authenticatedAt),
        lastActiveAt: String(session.lastActiveAt),
        data: session.data,
        ...(session.notice === undefined ? {} : { notice: session.notice }),
      };
      const deadline = idleDeadline(session.authenticatedAt, session.lastActiveAt, limits);
      return run((client) =>
        client.createSession(key, fields, deadline * 1000, limits, bounds, Date.now()),
      );
    },
    touch: (key, { now, force = false }: TouchOptions) =>
      run(async (client) => touchResult(await client.touchSession(key, now, limits, force))),
    readApiSlot: (key) =>
      run(async (client) => {
        const [data, slot] = await client.hmGet(SESSION_PREFIX + key, ["data", "api"]);
        return data && slot ? slot : undefined;
      }),
    writeApiSlot: (key, sealed) =>
      run(async (client) => {
        await client.setApiSlot(key, sealed ?? "");
      }),
    async exclusive(key, work, holdMs = EXCLUSIVE_HOLD_MS) {
      const lock = LOCK_PREFIX + key;
      const owner = randomUUID();
      const deadline = Date.now() + holdMs;
      // Taken, or the holder's time is up: either way this caller goes on.
      while (
        !(await run((client) => client.set(lock, owner, { NX: true, PX: holdMs }))) &&
        Date.now() < deadline
      ) {
        await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
      }
      try {
        return await work();
      } finally {
        await run((client) => client.releaseLock(lock, owner)).catch(() => undefined);
      }
    },
    claim: (name, ttlSeconds) =>
      run(
        async (client) =>
          (await client.set(CLAIM_PREFIX + name, "1", { NX: true, EX: ttlSeconds })) === "OK",
      ),
    end: (key, reason) =>
      run(async (client) =>
        (await client.endSession(key, reason, markerMs)) === 1 ? "ended" : "not-active",
      ),
    replace: (key, replacement) =>
      run(async (client) => ({
        orphanEnded: (await client.replaceSession(key, replacement, markerMs)) === 1,
      })),
    endAll: (account, reason) => run((client) => client.endAllSessions(account, reason, markerMs)),
    ping: () =>
      run(async (client) => {
        await client.ping();
      }),
    close: redis.close,
  };
}

function touchResult(reply: Array<string>): TouchResult {
  const [status, ...rest] = reply;
  if (status === "ended") return { status, reason: rest[0] as EndReason };
  if (status === "limit-reached") return { status, limit: rest[0] as "idle" | "max-age" };
  if (status === "active") {
    const [account, authenticatedAt, lastActiveAt, data, notice, apiSlot] = rest as [
      string,
      ...string[],
    ];
    return {
      status,
      session: {
        account,
        authenticatedAt: Number(authenticatedAt),
        lastActiveAt: Number(lastActiveAt),
        data: data!,
        ...(notice ? { notice } : {}),
        ...(apiSlot ? { apiSlot } : {}),
      },
    };
  }
  return { status: "missing" };
}
