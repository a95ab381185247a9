/**
 * The Redis session store when Redis is down in each of its shapes: paused with its connections
 * open, behind a partition, slow, resetting, refusing. A real Redis, behind a TCP relay the test
 * switches, with a short deadline so that each shape takes a second or two.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { redisServerInstalled, startTestRedis, type TestRedis } from "@/test-support/redis-server";
import { redisStore } from "@/test-support/session-stores";
import { startTcpRelay, type TcpRelay } from "@/test-support/tcp-relay";
import { nowSeconds } from "./rules";
import { createSessions } from "./sessions";
import { sessionKey, SessionStoreUnavailableError, type SessionStore } from "./store";

const DEADLINE_MS = 400;
const limits = { idleTimeoutSeconds: 600, maxAgeSeconds: 3600 };
/** Time to spare for the test machine over each bound. */
const SLACK_MS = 300;

const hasRedis = redisServerInstalled();
let redis: TestRedis;
let relay: TcpRelay;
let store: SessionStore;

beforeAll(async () => {
  if (!hasRedis) return;
  redis = await startTestRedis();
  relay = await startTcpRelay({ host: "127.0.0.1", port: redis.port });
  store = redisStore(`redis://127.0.0.1:${relay.port}`, limits, { timeoutMs: DEADLINE_MS });
  expect(await store.whenAvailable(5_000)).toBe(true);
});
afterEach(async () => {
  if (!hasRedis) return;
  redis.resume();
  await relay.set("pass");
  expect(await store.whenAvailable(10_000)).toBe(true);
});
afterAll(async () => {
  await store?.close();
  await relay?.close();
  await redis?.stop();
});

let counter = 0;
async function newSession(): Promise<string> {
  const key = sessionKey("account-1", `faults-${process.pid}-${++counter}`);
  const now = nowSeconds();
  await store.create(key, {
    account: "account-1",
    authenticatedAt: now,
    lastActiveAt: now,
    data: "sealed",
  });
  return key;
}

const SHAPES: Array<[string, () => unknown, () => unknown]> = [
  ["paused with its connections open (SIGSTOP)", () => redis.pause(), () => redis.resume()],
  ["behind a partition that drops packets", () => relay.set("hang"), () => relay.set("pass")],
  [
    "answering each command late",
    () => relay.set({ slowMs: DEADLINE_MS * 3 }),
    () => relay.set("pass"),
  ],
  ["resetting every connection", () => relay.set("reset"), () => relay.set("pass")],
  ["refusing connections", () => relay.set("refuse"), () => relay.set("pass")],
];

describe.skipIf(!hasRedis)("the Redis session store when Redis is down", () => {
  it.each(SHAPES)(
    "%s: calls fail within the deadline, then at once, and the same session works again",
    async (_shape, down, up) => {
      const key = await newSession();
      await down();

      // Requests arriving together, as under load: none waits beyond the deadline.
      let started = Date.now();
      const burst = await Promise.allSettled(
        Array.from({ length: 20 }, () => store.touch(key, { now: nowSeconds() })),
      );
      expect(Date.now() - started).toBeLessThan(DEADLINE_MS + SLACK_MS);
      for (const result of burst) {
        expect(result.status).toBe("rejected");
        if (result.status === "rejected") {
          expect(result.reason).toBeInstanceOf(SessionStoreUnavailableError);
        }
      }
      // Given up on: a call waits for a new connection no longer than the deadline, and once the
      // store has been away for five deadlines, not at all.
      await expect.poll(() => store.isAvailable(), { timeout: DEADLINE_MS * 3 }).toBe(false);
      started = Date.now();
      await expect(store.ping()).rejects.toBeInstanceOf(SessionStoreUnavailableError);
      expect(Date.now() - started).toBeLessThan(DEADLINE_MS + SLACK_MS);
      await new Promise((resolve) => setTimeout(resolve, 5 * DEADLINE_MS));
      started = Date.now();
      await expect(store.ping()).rejects.toBeInstanceOf(SessionStoreUnavailableError);
      expect(Date.now() - started).toBeLessThan(50);

      await up();
      started = Date.now();
      expect(await store.whenAvailable(10_000)).toBe(true);
      // Reconnecting backs off to 2 s at most, and a handshake nobody answers is given up on.
      expect(Date.now() - started).toBeLessThan(2_000 + 2 * DEADLINE_MS + SLACK_MS);
      expect((await store.touch(key, { now: nowSeconds() })).status).toBe("active");
    },
  );

  it("ends a session it could not end before, once Redis answers again", async () => {
    const sessions = createSessions({ store, secrets: "s".repeat(32), limits });
    const { key } = await sessions.open(
      {
        patient: { sub: "sub-1", level: "P0", vot: "P0.Cp", gpOnlineServices: "not-shared" },
        idTokenJti: "jti",
        authTime: nowSeconds(),
        nhsLogin: { idToken: "eyJ.id.token" },
      },
      nowSeconds(),
    );
    redis.pause();
    await expect(sessions.end(key, "logged-out")).rejects.toBeInstanceOf(
      SessionStoreUnavailableError,
    );
    sessions.endLater(key, "logged-out", nowSeconds() + 60);
    redis.resume();
    await expect
      .poll(async () => (await store.touch(key, { now: nowSeconds() })).status, {
        timeout: 10_000,
      })
      .toBe("ended");
  });
});
