import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { redisServerInstalled, startTestRedis, type TestRedis } from "@/test-support/redis-server";
import { memorySessionStore } from "./memory-store";
import { redisSessionStore } from "./redis-store";
import { nowSeconds } from "./rules";
import { SessionStoreUnavailableError, type SessionStore, type StoredSession } from "./store";

/** Short limits, so that expiry by the store's own clock can be watched in a second or two. */
const limits = { idleTimeoutSeconds: 2, maxAgeSeconds: 60 };

function stored(overrides: Partial<StoredSession> = {}): StoredSession {
  const now = nowSeconds();
  return { account: "account-1", signedInAt: now, lastActiveAt: now, data: "sealed", ...overrides };
}

let counter = 0;
const newKey = () => `key-${process.pid}-${Date.now()}-${++counter}`;
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
  ["memory", () => memorySessionStore(limits)],
  ["redis", () => redisSessionStore(redis!.url, limits)],
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
    await store.create(key, stored({ signedInAt: start, lastActiveAt: start }));
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
    await store.create(idle, stored({ signedInAt: start, lastActiveAt: start }));
    expect(await store.touch(idle, { now: start + limits.idleTimeoutSeconds })).toEqual({
      status: "limit-reached",
      limit: "idle",
    });
    expect(await store.touch(idle, { now: start })).toEqual({ status: "missing" });

    const old = newKey();
    await store.create(old, stored({ signedInAt: start - 59, lastActiveAt: start }));
    expect(await store.touch(old, { now: start + 1 })).toEqual({
      status: "limit-reached",
      limit: "max-age",
    });
  });

  it.skipIf(skip)("lets an idle session expire on its own, by the store's clock", async () => {
    const key = newKey();
    const now = nowSeconds();
    await store.create(key, stored({ signedInAt: now - 1, lastActiveAt: now - 1 }));
    await sleep(2_200);
    expect(await store.touch(key, { now: nowSeconds() })).toEqual({ status: "missing" });
  });

  it.skipIf(skip)("ends one session with a reason that outlives it only briefly", async () => {
    const key = newKey();
    await store.create(key, stored());
    await store.end(key, "logged-out");
    expect(await store.touch(key, { now: nowSeconds() })).toEqual({
      status: "ended",
      reason: "logged-out",
    });
    await sleep(limits.idleTimeoutSeconds * 1000 + 200);
    expect(await store.touch(key, { now: nowSeconds() })).toEqual({ status: "missing" });
    // Ending what is not there leaves nothing behind.
    const never = newKey();
    await store.end(never, "logged-out");
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
    const account = `account-${newKey()}`;
    const mine = [newKey(), newKey(), newKey()];
    const theirs = newKey();
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
});

describe.skipIf(!hasRedis)("the Redis session store across instances", () => {
  it("runs exclusive work one instance at a time", async () => {
    const [one, two] = [
      redisSessionStore(redis!.url, limits),
      redisSessionStore(redis!.url, limits),
    ];
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
  it("fails fast while Redis is down, and works again when it is back, with no restart", async () => {
    const own = await startTestRedis();
    const store = redisSessionStore(own.url, limits);
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
