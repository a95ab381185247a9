import { randomUUID } from "node:crypto";
import { createClient, defineScript, type RedisClientType } from "redis";
import { log } from "../log";
import {
  activityResolutionSeconds,
  idleDeadline,
  type EndReason,
  type SessionLimits,
} from "./rules";
import {
  EXCLUSIVE_HOLD_MS,
  SessionStoreUnavailableError,
  type SessionStore,
  type TouchOptions,
  type TouchResult,
} from "./store";

/**
 * Sessions in Redis (or Valkey), shared by every instance of the portal. The layout:
 *
 *   portal:session:<key>   a hash: account, signedInAt, lastActiveAt, data (sealed), notice,
 *                          api (sealed: the API platform's token and what PDS said). It
 *                          expires on its own at the session's idle deadline, which each
 *                          request moves on, never past the absolute limit. A session ended on
 *                          purpose is replaced by a hash holding only `ended` (the reason),
 *                          for as long as the session could have idled.
 *   portal:account:<hash>  a set of the session keys of one NHS login account, for "log out
 *                          of all devices"; it expires twelve hours after its newest session.
 *   portal:lock:<key>      held while one request renews the session's API platform token.
 *   portal:claim:<name>    a name used once (a sign-in's state), kept as long as it could recur.
 *
 * Every read-and-write is one Lua script, so two requests of one session cannot interleave.
 * The scripts name keys they derive, so this is for a single Redis (with replicas or
 * Sentinel), not Redis Cluster.
 */
const SESSION_PREFIX = "portal:session:";
const ACCOUNT_PREFIX = "portal:account:";
const LOCK_PREFIX = "portal:lock:";
const CLAIM_PREFIX = "portal:claim:";
const LOCK_POLL_MS = 50;

/** A store that has not answered by then is treated as down: a clear page, never a hang. */
export const SESSION_STORE_TIMEOUT_MS = 2_000;

const TOUCH = defineScript({
  NUMBER_OF_KEYS: 1,
  SCRIPT: `
    local f = redis.call('HMGET', KEYS[1], 'ended', 'account', 'signedInAt', 'lastActiveAt', 'data', 'notice', 'api')
    if f[1] then return {'ended', f[1]} end
    if not f[5] then return {'missing'} end
    local now, idle, max = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
    local signedInAt, lastActiveAt = tonumber(f[3]), tonumber(f[4])
    local limit = false
    if now - signedInAt >= max then limit = 'max-age' elseif now - lastActiveAt >= idle then limit = 'idle' end
    if limit then
      redis.call('DEL', KEYS[1])
      redis.call('SREM', ARGV[6] .. f[2], ARGV[7])
      return {'limit-reached', limit}
    end
    if ARGV[5] == '1' or now - lastActiveAt >= tonumber(ARGV[4]) then
      lastActiveAt = now
      redis.call('HSET', KEYS[1], 'lastActiveAt', ARGV[1])
      redis.call('PEXPIREAT', KEYS[1], math.min(now + idle, signedInAt + max) * 1000)
    end
    if f[6] then redis.call('HDEL', KEYS[1], 'notice') end
    return {'active', f[2], f[3], tostring(lastActiveAt), f[5], f[6] or '', f[7] or ''}
  `,
  parseCommand(
    parser,
    key: string,
    now: number,
    limits: SessionLimits,
    force: boolean,
    shortKey: string,
  ) {
    parser.pushKey(key);
    parser.push(
      String(now),
      String(limits.idleTimeoutSeconds),
      String(limits.maxAgeSeconds),
      String(activityResolutionSeconds(limits)),
      force ? "1" : "0",
      ACCOUNT_PREFIX,
      shortKey,
    );
  },
  transformReply: undefined as unknown as () => Array<string>,
});

const END = defineScript({
  NUMBER_OF_KEYS: 1,
  SCRIPT: `
    if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
    local account = redis.call('HGET', KEYS[1], 'account')
    redis.call('DEL', KEYS[1])
    redis.call('HSET', KEYS[1], 'ended', ARGV[1])
    redis.call('PEXPIRE', KEYS[1], ARGV[2])
    if account then redis.call('SREM', ARGV[3] .. account, ARGV[4]) end
    return 1
  `,
  parseCommand(parser, key: string, reason: EndReason, markerMs: number, shortKey: string) {
    parser.pushKey(key);
    parser.push(reason, String(markerMs), ACCOUNT_PREFIX, shortKey);
  },
  transformReply: undefined as unknown as () => number,
});

const END_ALL = defineScript({
  NUMBER_OF_KEYS: 1,
  SCRIPT: `
    local ended = 0
    for _, member in ipairs(redis.call('SMEMBERS', KEYS[1])) do
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
  parseCommand(parser, accountKey: string, reason: EndReason, markerMs: number) {
    parser.pushKey(accountKey);
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
    parser.pushKey(key);
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

const scripts = {
  touchSession: TOUCH,
  endSession: END,
  endAllSessions: END_ALL,
  setApiSlot: SET_API_SLOT,
  releaseLock: RELEASE,
};
type Client = RedisClientType<Record<string, never>, Record<string, never>, typeof scripts>;

export function redisSessionStore(url: string, limits: SessionLimits): SessionStore {
  const client = createClient({
    url,
    scripts,
    // A command while Redis is out of reach fails at once instead of waiting in a queue.
    disableOfflineQueue: true,
    commandOptions: { timeout: SESSION_STORE_TIMEOUT_MS },
    socket: {
      connectTimeout: SESSION_STORE_TIMEOUT_MS,
      reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000),
    },
  }) as unknown as Client;
  watchConnection(client);
  // Retries until Redis answers; meanwhile every command fails fast (see `run`).
  void client.connect().catch(() => undefined);

  const markerMs = limits.idleTimeoutSeconds * 1000;

  async function run<T>(command: () => Promise<T>): Promise<T> {
    if (!client.isReady) throw new SessionStoreUnavailableError("not connected");
    try {
      return await command();
    } catch (error) {
      throw new SessionStoreUnavailableError(error);
    }
  }

  return {
    kind: "redis",
    isAvailable: () => client.isReady,
    whenAvailable: (timeoutMs) =>
      new Promise<boolean>((resolve) => {
        if (client.isReady) return resolve(true);
        const ready = () => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          client.off("ready", ready);
          resolve(false);
        }, timeoutMs);
        client.once("ready", ready);
      }),
    create: (key, session) =>
      run(async () => {
        const sessionKey = SESSION_PREFIX + key;
        const accountKey = ACCOUNT_PREFIX + session.account;
        const fields: Record<string, string> = {
          account: session.account,
          signedInAt: String(session.signedInAt),
          lastActiveAt: String(session.lastActiveAt),
          data: session.data,
        };
        if (session.notice !== undefined) fields.notice = session.notice;
        const deadline = idleDeadline(session.signedInAt, session.lastActiveAt, limits);
        const accountMs = limits.maxAgeSeconds * 1000;
        await client
          .multi()
          .del(sessionKey)
          .hSet(sessionKey, fields)
          .pExpireAt(sessionKey, deadline * 1000)
          .sAdd(accountKey, key)
          .pExpire(accountKey, accountMs, "NX")
          .pExpire(accountKey, accountMs, "GT")
          .exec();
      }),
    touch: (key, { now, force = false }: TouchOptions) =>
      run(async (): Promise<TouchResult> => {
        const reply = await client.touchSession(SESSION_PREFIX + key, now, limits, force, key);
        return touchResult(reply);
      }),
    readApiSlot: (key) =>
      run(async () => {
        const [data, slot] = await client.hmGet(SESSION_PREFIX + key, ["data", "api"]);
        return data && slot ? slot : undefined;
      }),
    writeApiSlot: (key, sealed) =>
      run(async () => {
        await client.setApiSlot(SESSION_PREFIX + key, sealed ?? "");
      }),
    async exclusive(key, work, holdMs = EXCLUSIVE_HOLD_MS) {
      const lock = LOCK_PREFIX + key;
      const owner = randomUUID();
      const deadline = Date.now() + holdMs;
      // Taken, or the holder's time is up: either way this caller goes on.
      while (
        !(await run(() => client.set(lock, owner, { NX: true, PX: holdMs }))) &&
        Date.now() < deadline
      ) {
        await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
      }
      try {
        return await work();
      } finally {
        await run(() => client.releaseLock(lock, owner)).catch(() => undefined);
      }
    },
    claim: (name, ttlSeconds) =>
      run(
        async () =>
          (await client.set(CLAIM_PREFIX + name, "1", { NX: true, EX: ttlSeconds })) === "OK",
      ),
    end: (key, reason) =>
      run(async () => {
        await client.endSession(SESSION_PREFIX + key, reason, markerMs, key);
      }),
    endAll: (account, reason) =>
      run(() => client.endAllSessions(ACCOUNT_PREFIX + account, reason, markerMs)),
    ping: () =>
      run(async () => {
        await client.ping();
      }),
    async close() {
      // Finish what is in flight when connected; otherwise stop retrying at once.
      if (client.isReady) await client.close();
      else if (client.isOpen) client.destroy();
    },
  };
}

function touchResult(reply: Array<string>): TouchResult {
  const [status, ...rest] = reply;
  if (status === "ended") return { status, reason: rest[0] as EndReason };
  if (status === "limit-reached") return { status, limit: rest[0] as "idle" | "max-age" };
  if (status === "active") {
    const [account, signedInAt, lastActiveAt, data, notice, apiSlot] = rest as [
      string,
      ...string[],
    ];
    return {
      status,
      session: {
        account,
        signedInAt: Number(signedInAt),
        lastActiveAt: Number(lastActiveAt),
        data: data!,
        ...(notice ? { notice } : {}),
        ...(apiSlot ? { apiSlot } : {}),
      },
    };
  }
  return { status: "missing" };
}

/** One line when the store is lost and one when it is back, however many retries between. */
function watchConnection(client: Client): void {
  let lost = false;
  client.on("error", (error: Error) => {
    if (lost) return;
    lost = true;
    log("error", "session-store-unreachable", { error: error.message.slice(0, 200) });
  });
  client.on("ready", () => {
    if (lost) log("info", "session-store-reachable");
    lost = false;
  });
}
