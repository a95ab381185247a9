import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisServerInstalled, startTestRedis, type TestRedis } from "@/test-support/redis-server";
import { memoryStore, redisStore } from "@/test-support/session-stores";
import { nowSeconds } from "./rules";
import {
  sessionKey,
  SessionStoreUnavailableError,
  type SessionStore,
  type StoredSession,
} from "./store";

/** Short limits, so that expiry by the store's own clock can be watched in a second or two. */
const limits = { idleTimeoutSeconds: 2, maxAgeSeconds: 60 };
const MAX_PER_ACCOUNT = 3;

function stored(overrides: Partial<StoredSession> = {}): StoredSession {
  const now = nowSeconds();
  return {
    account: "account-1",
    authenticatedAt: now,
    lastActiveAt: now,
    data: "sealed",
    ...overrides,
  };
}

let counter = 0;
const uniqueId = () => `${process.pid}-${Date.now()}-${++counter}`;
/** A session key of the account, as the session module makes them. */
const newKey = (account = "account-1") => sessionKey(account, `key-${uniqueId()}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const hasRedis = redisServerInstalled();
let redis: TestRedis | undefined;
beforeAll(async () => {
  if (hasRedis) redis = await startTestRedis();
});
afterAll(async () => {
  await redis?.stop();
});

const stores: Array<[string, () => SessionStore]> = [
  ["memory", () => memoryStore(limits, { maxPerAccount: MAX_PER_ACCOUNT })],
  ["redis", () => redisStore(redis!.url, limits, { maxPerAccount: MAX_PER_ACCOUNT })],
];

describe.each(stores)("the %s session store", (kind, make) => {
  // Debian's redis-server is installed by .ci/run; a machine without it runs the memory half.
  const skip = kind === "redis" && !hasRedis;
  let store: SessionStore;
  beforeAll(async () => {
    if (skip) return;
    store = make();
    await until(() => store.isAvailable());
  });
  afterAll(() => store?.close());

  it.skipIf(skip)("keeps a session and says so", async () => {
    const key = newKey();
    await store.create(key, stored({ data: "the sealed record" }));
    const result = await store.touch(key, { now: nowSeconds() });
    expect(result).toMatchObject({
      status: "active",
      session: { account: "account-1", data: "the sealed record" },
    });
    expect(await store.touch(newKey(), { now: nowSeconds() })).toEqual({ status: "missing" });
  });

  it.skipIf(skip)("hands over a notice once", async () => {
    const key = newKey();
    await store.create(key, stored({ notice: "idle" }));
    const first = await store.touch(key, { now: nowSeconds() });
    expect(first.status === "active" && first.session.notice).toBe("idle");
    const second = await store.touch(key, { now: nowSeconds() });
    expect(second.status === "active" && second.session.notice).toBeUndefined();
  });

  it.skipIf(skip)("records activity once it is stale, or when told to", async () => {
    const key = newKey();
    const start = nowSeconds();
    await store.create(key, stored({ authenticatedAt: start, lastActiveAt: start }));
    // The resolution for a 2-second limit is 1 second.
    const same = await store.touch(key, { now: start });
    expect(same).toMatchObject({ status: "active", session: { lastActiveAt: start } });
    const later = await store.touch(key, { now: start + 1 });
    expect(later).toMatchObject({ status: "active", session: { lastActiveAt: start + 1 } });
    const forced = await store.touch(key, { now: start + 1, force: true });
    expect(forced).toMatchObject({ status: "active", session: { lastActiveAt: start + 1 } });
  });

  it.skipIf(skip)("ends a session at either time limit, and forgets it", async () => {
    const idle = newKey();
    const start = nowSeconds();
    await store.create(idle, stored({ authenticatedAt: start, lastActiveAt: start }));
    expect(await store.touch(idle, { now: start + limits.idleTimeoutSeconds })).toEqual({
      status: "limit-reached",
      limit: "idle",
    });
    expect(await store.touch(idle, { now: start })).toEqual({ status: "missing" });

    const old = newKey();
    await store.create(old, stored({ authenticatedAt: start - 59, lastActiveAt: start }));
    expect(await store.touch(old, { now: start + 1 })).toEqual({
      status: "limit-reached",
      limit: "max-age",
    });
  });

  it.skipIf(skip)("lets an idle session expire on its own, by the store's clock", async () => {
    const key = newKey();
    const now = nowSeconds();
    await store.create(key, stored({ authenticatedAt: now - 1, lastActiveAt: now - 1 }));
    await sleep(2_200);
    expect(await store.touch(key, { now: nowSeconds() })).toEqual({ status: "missing" });
  });

  it.skipIf(skip)("ends one session with a reason that outlives it only briefly", async () => {
    const key = newKey();
    await store.create(key, stored());
    expect(await store.end(key, "logged-out")).toBe("ended");
    expect(await store.end(key, "logged-out")).toBe("not-active");
    expect(await store.touch(key, { now: nowSeconds() })).toEqual({
      status: "ended",
      reason: "logged-out",
    });
    await sleep(limits.idleTimeoutSeconds * 1000 + 200);
    expect(await store.touch(key, { now: nowSeconds() })).toEqual({ status: "missing" });
    // Ending what is not there leaves nothing behind.
    const never = newKey();
    expect(await store.end(never, "logged-out")).toBe("not-active");
    expect(await store.touch(never, { now: nowSeconds() })).toEqual({ status: "missing" });
  });

  it.skipIf(skip)(
    "keeps a platform token beside the record, for active sessions only",
    async () => {
      const key = newKey();
      await store.create(key, stored());
      expect(await store.readApiSlot(key)).toBeUndefined();
      await store.writeApiSlot(key, "sealed token");
      expect(await store.readApiSlot(key)).toBe("sealed token");
      const touched = await store.touch(key, { now: nowSeconds() });
      expect(touched).toMatchObject({
        status: "active",
        session: { apiSlot: "sealed token" },
      });
      await store.writeApiSlot(key, undefined);
      expect(await store.readApiSlot(key)).toBeUndefined();

      await store.writeApiSlot(key, "again");
      await store.end(key, "logged-out");
      expect(await store.readApiSlot(key)).toBeUndefined();
      await store.writeApiSlot(key, "after the end");
      expect(await store.touch(key, { now: nowSeconds() })).toEqual({
        status: "ended",
        reason: "logged-out",
      });
    },
  );

  it.skipIf(skip)(
    "runs exclusive work for one key one at a time, other keys alongside",
    async () => {
      const key = newKey();
      let running = 0;
      let most = 0;
      const work = (label: string) => async () => {
        most = Math.max(most, ++running);
        await sleep(100);
        running--;
        return label;
      };
      const results = await Promise.all([
        store.exclusive(key, work("a")),
        store.exclusive(key, work("b")),
        store.exclusive(key, work("c")),
      ]);
      expect(results).toEqual(["a", "b", "c"]);
      expect(most).toBe(1);

      most = 0;
      await Promise.all([
        store.exclusive(newKey(), work("x")),
        store.exclusive(newKey(), work("y")),
      ]);
      expect(most).toBe(2);

      // A failure does not keep the next caller waiting.
      await expect(
        store.exclusive(key, async () => {
          throw new Error("failed");
        }),
      ).rejects.toThrow("failed");
      expect(await store.exclusive(key, async () => "next")).toBe("next");
    },
  );

  it.skipIf(skip)("lets a name be claimed once, until its time is up", async () => {
    const name = `state-${newKey()}`;
    expect(await store.claim(name, 1)).toBe(true);
    expect(await store.claim(name, 1)).toBe(false);
    expect(await store.claim(`${name}-other`, 1)).toBe(true);
    await sleep(1_200);
    expect(await store.claim(name, 1)).toBe(true);
  });

  it.skipIf(skip)("ends every session of one account, and only those", async () => {
    const account = `account-${uniqueId()}`;
    const mine = [newKey(account), newKey(account), newKey(account)];
    const theirs = newKey(`${account}-other`);
    for (const key of mine) await store.create(key, stored({ account }));
    await store.create(theirs, stored({ account: `${account}-other` }));
    await store.end(mine[2]!, "logged-out");

    expect(await store.endAll(account, "everywhere")).toBe(2);
    for (const key of mine.slice(0, 2)) {
      expect(await store.touch(key, { now: nowSeconds() })).toEqual({
        status: "ended",
        reason: "everywhere",
      });
    }
    expect(await store.touch(mine[2]!, { now: nowSeconds() })).toEqual({
      status: "ended",
      reason: "logged-out",
    });
    expect((await store.touch(theirs, { now: nowSeconds() })).status).toBe("active");
    expect(await store.endAll(account, "everywhere")).toBe(0);
  });

  it.skipIf(skip)(
    "keeps at most the cap of one account's sessions, ending the oldest first",
    async () => {
      const account = `account-${uniqueId()}`;
      const keys = Array.from({ length: MAX_PER_ACCOUNT + 2 }, () => newKey(account));
      const someoneElse = newKey(`${account}-other`);
      await store.create(someoneElse, stored({ account: `${account}-other` }));
      const crowded: number[] = [];
      for (const key of keys) {
        crowded.push(await store.create(key, stored({ account })));
        await sleep(5);
      }
      expect(crowded).toEqual([0, 0, 0, 1, 1]);
      const statuses = await Promise.all(
        keys.map(async (key) => await store.touch(key, { now: nowSeconds() })),
      );
      expect(statuses.slice(0, 2)).toEqual([
        { status: "ended", reason: "crowded-out" },
        { status: "ended", reason: "crowded-out" },
      ]);
      expect(statuses.slice(2).map(({ status }) => status)).toEqual(["active", "active", "active"]);
      expect((await store.touch(someoneElse, { now: nowSeconds() })).status).toBe("active");
      // Sessions that ended by themselves do not count towards the cap.
      await store.end(keys[2]!, "logged-out");
      expect(await store.create(newKey(account), stored({ account }))).toBe(0);
      expect((await store.touch(keys[3]!, { now: nowSeconds() })).status).toBe("active");
    },
  );

  it.skipIf(skip)(
    "replaces a session, and ends an earlier replacement the browser never kept",
    async () => {
      const account = `account-${uniqueId()}`;
      const [old, first, second] = [newKey(account), newKey(account), newKey(account)];
      for (const key of [old, first, second]) await store.create(key, stored({ account }));

      expect(await store.replace(old, first)).toEqual({ orphanEnded: false });
      expect(await store.touch(old, { now: nowSeconds() })).toEqual({
        status: "ended",
        reason: "replaced",
      });
      // A second callback that read the same old session: the first replacement goes.
      expect(await store.replace(old, second)).toEqual({ orphanEnded: true });
      expect(await store.touch(first, { now: nowSeconds() })).toEqual({
        status: "ended",
        reason: "replaced",
      });
      expect((await store.touch(second, { now: nowSeconds() })).status).toBe("active");
      // The same replacement again changes nothing.
      expect(await store.replace(old, second)).toEqual({ orphanEnded: false });
      expect((await store.touch(second, { now: nowSeconds() })).status).toBe("active");

      // A session that ended for another reason is not replaced by anything.
      const loggedOut = newKey(account);
      await store.create(loggedOut, stored({ account }));
      await store.end(loggedOut, "logged-out");
      expect(await store.replace(loggedOut, second)).toEqual({ orphanEnded: false });
      expect((await store.touch(second, { now: nowSeconds() })).status).toBe("active");
    },
  );
});

describe("the memory session store's bound", () => {
  it("lets no account that logs in again and again push out anyone else's session", async () => {
    const store = memoryStore(limits, { maxInMemory: 6, maxPerAccount: 2 });
    try {
      const others = Array.from({ length: 4 }, (_, i) => newKey(`account-${i}`));
      for (const [i, key] of others.entries()) {
        await store.create(key, stored({ account: `account-${i}` }));
      }
      // Silent log-ins that drop their cookie, some replacing the one before: the account's
      // cap ends its oldest, and ended sessions are kept apart from live ones.
      let previous: string | undefined;
      for (let i = 0; i < 50; i++) {
        const key = newKey("looping-account");
        await store.create(key, stored({ account: "looping-account" }));
        if (previous && i % 2 === 0) await store.replace(previous, key);
        previous = key;
      }
      for (const key of others) {
        expect((await store.touch(key, { now: nowSeconds() })).status).toBe("active");
      }
    } finally {
      await store.close();
    }
  });
});

describe.skipIf(!hasRedis)("the Redis session store across instances", () => {
  it("runs exclusive work one instance at a time", async () => {
    const [one, two] = [redisStore(redis!.url, limits), redisStore(redis!.url, limits)];
    try {
      await until(() => one.isAvailable() && two.isAvailable());
      const key = newKey();
      let running = 0;
      let most = 0;
      const work = async () => {
        most = Math.max(most, ++running);
        await sleep(150);
        running--;
      };
      await Promise.all([
        one.exclusive(key, work),
        two.exclusive(key, work),
        one.exclusive(key, work),
      ]);
      expect(most).toBe(1);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  });
});

describe.skipIf(!hasRedis)("the Redis session store when Redis goes away", () => {
  it("fails within its deadline while Redis is down, and works again when it is back, with no restart", async () => {
    const own = await startTestRedis();
    const store = redisStore(own.url, limits, { timeoutMs: 300 });
    try {
      await until(() => store.isAvailable());
      const key = newKey();
      await store.create(key, stored());

      await own.stop();
      await until(() => !store.isAvailable());
      expect(await store.whenAvailable(200)).toBe(false);
      const started = Date.now();
      await expect(store.touch(key, { now: nowSeconds() })).rejects.toBeInstanceOf(
        SessionStoreUnavailableError,
      );
      await expect(store.ping()).rejects.toBeInstanceOf(SessionStoreUnavailableError);
      // Each waits for a reconnection at most its deadline.
      expect(Date.now() - started).toBeLessThan(1_000);

      await own.start();
      expect(await store.whenAvailable(10_000)).toBe(true);
      await store.ping();
      // This Redis keeps nothing on disk: the session did not survive, a new one works.
      expect(await store.touch(key, { now: nowSeconds() })).toEqual({ status: "missing" });
      const again = newKey();
      await store.create(again, stored());
      expect((await store.touch(again, { now: nowSeconds() })).status).toBe("active");
    } finally {
      await store.close();
      await own.stop();
    }
  });
});

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(20);
  }
}
