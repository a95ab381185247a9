/** The session's API slot, over the real session stores: memory, and Redis shared by instances. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestRedis, type TestRedis } from "@/test-support/redis-server";
import type { PlatformToken } from "./nhs-api";
import { apiSession } from "./nhs-api-session";
import { createSessions, type Sessions } from "./session/sessions";
import type { SessionStore } from "./session/store";
import { memoryStore, redisStore } from "@/test-support/session-stores";

const secret = "s".repeat(32);
const limits = { idleTimeoutSeconds: 1800, maxAgeSeconds: 43200 };
const ID_TOKEN = "eyJ.the-id-token.sig";

const token = (accessToken = "platform-access-token"): PlatformToken => ({
  accessToken,
  expiresAt: Date.now() + 600_000,
  refreshToken: "platform-refresh-token",
  refreshExpiresAt: Date.now() + 3_600_000,
});

async function openSession(sessions: Sessions): Promise<string> {
  const { key } = await sessions.open(
    {
      patient: { sub: "sub-1", level: "P9", vot: "P9.Cp.Cd", gpOnlineServices: "not-shared" },
      idTokenJti: "jti-1",
      authTime: Math.floor(Date.now() / 1000),
      nhsLogin: { idToken: ID_TOKEN },
    },
    Math.floor(Date.now() / 1000),
  );
  return key;
}

function behavesAsTheSessionsApiSlot(name: string, makeStore: () => SessionStore) {
  describe(`the session's API slot (${name})`, () => {
    let store: SessionStore;
    let sessions: Sessions;
    beforeAll(async () => {
      store = makeStore();
      sessions = createSessions({ store, secrets: secret, limits });
      expect(await store.whenAvailable(5_000)).toBe(true);
    });
    afterAll(() => store.close());

    it("keeps the platform token, checked, for the session's ID token", async () => {
      const key = await openSession(sessions);
      const { tokenSession } = apiSession(sessions, key, ID_TOKEN);
      expect(tokenSession.idToken).toBe(ID_TOKEN);
      expect(await tokenSession.tokens.read()).toBeUndefined();
      const kept = token();
      await tokenSession.tokens.write(kept);
      // Another request (a new object, as each request makes) reads it back.
      expect(await apiSession(sessions, key, ID_TOKEN).tokenSession.tokens.read()).toEqual(kept);
    });

    it("remembers what PDS said about restriction beside the token, each keeping the other", async () => {
      const key = await openSession(sessions);
      const first = apiSession(sessions, key, ID_TOKEN);
      expect(await first.restricted()).toBeUndefined();
      await first.tokenSession.tokens.write(token("first"));
      await first.rememberRestricted(true);
      const second = apiSession(sessions, key, ID_TOKEN);
      expect(await second.restricted()).toBe(true);
      await second.tokenSession.exclusive(() => second.tokenSession.tokens.write(token("second")));
      const third = apiSession(sessions, key, ID_TOKEN);
      expect(await third.restricted()).toBe(true);
      expect((await third.tokenSession.tokens.read())?.accessToken).toBe("second");
      await third.rememberRestricted(false);
      expect(await apiSession(sessions, key, ID_TOKEN).restricted()).toBe(false);
    });

    it("forgets the restriction with the token, so that PDS is asked again", async () => {
      const key = await openSession(sessions);
      const session = apiSession(sessions, key, ID_TOKEN);
      await session.tokenSession.tokens.write(token());
      await session.rememberRestricted(false);
      await session.tokenSession.tokens.clear();
      const next = apiSession(sessions, key, ID_TOKEN);
      expect(await next.tokenSession.tokens.read()).toBeUndefined();
      expect(await next.restricted()).toBeUndefined();
    });

    it("reads anything it did not write as nothing known", async () => {
      const key = await openSession(sessions);
      for (const content of [
        { token: { accessToken: "", expiresAt: 1 } },
        { token: { accessToken: "a" } },
        { restricted: "yes" },
        { accessToken: "a bare token, not in the slot's shape", expiresAt: Date.now() + 60_000 },
      ]) {
        await sessions.writeApiSlot(key, content);
        const session = apiSession(sessions, key, ID_TOKEN);
        expect(await session.tokenSession.tokens.read()).toBeUndefined();
        expect(await session.restricted()).toBeUndefined();
      }
    });

    it("keeps nothing once the session has ended", async () => {
      const key = await openSession(sessions);
      const session = apiSession(sessions, key, ID_TOKEN);
      await session.tokenSession.tokens.write(token());
      await session.rememberRestricted(true);
      await sessions.end(key, "logged-out");
      const after = apiSession(sessions, key, ID_TOKEN);
      expect(await after.tokenSession.tokens.read()).toBeUndefined();
      expect(await after.restricted()).toBeUndefined();
    });

    it("takes the slot from the page's read of the session, and asks the store under the lock", async () => {
      const key = await openSession(sessions);
      await apiSession(sessions, key, ID_TOKEN).rememberRestricted(false);
      let reads = 0;
      const counting = {
        ...sessions,
        readApiSlot: (k: string) => {
          reads += 1;
          return sessions.readApiSlot(k);
        },
      };
      const found = { apiSlot: await sessions.readApiSlot(key) };
      const session = apiSession(counting, key, ID_TOKEN, found);
      expect(await session.restricted()).toBe(false);
      await session.rememberRestricted(false);
      expect(reads, "nothing new to keep: no trip to the store").toBe(0);
      await session.tokenSession.exclusive(() => session.tokenSession.tokens.write(token()));
      expect(reads).toBe(1);
      expect(await apiSession(sessions, key, ID_TOKEN).restricted()).toBe(false);
    });

    it("runs one renewal at a time for the session", async () => {
      const key = await openSession(sessions);
      const { exclusive } = apiSession(sessions, key, ID_TOKEN).tokenSession;
      let running = 0;
      let most = 0;
      await Promise.all(
        Array.from({ length: 4 }, () =>
          exclusive(async () => {
            running += 1;
            most = Math.max(most, running);
            await new Promise((resolve) => setTimeout(resolve, 20));
            running -= 1;
          }),
        ),
      );
      expect(most).toBe(1);
    });
  });
}

behavesAsTheSessionsApiSlot("memory", () => memoryStore(limits));

let redis: TestRedis;
beforeAll(async () => {
  redis = await startTestRedis();
}, 20_000);
afterAll(() => redis?.stop());
behavesAsTheSessionsApiSlot("Redis", () => redisStore(redis.url, limits));
