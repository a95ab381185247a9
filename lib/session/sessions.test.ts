import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@/test-support/redis-server";
import { memoryStore, NHS_LOGIN_LIMITS as limits, redisStore } from "@/test-support/session-stores";
import type { Patient } from "../nhs-login/claims";
import { cookieCodec } from "./codec";
import { nowSeconds } from "./rules";
import { createSessions, type NewSession } from "./sessions";
import type { SessionStore, StoredSession } from "./store";

const secret = "s".repeat(32);

const patient: Patient = {
  sub: "49f470a1-cc52-49b7-beba-0f9cec937c46",
  level: "P9",
  vot: "P9.Cp.Cd",
  nhsNumber: "9434765919",
  familyName: "Smith",
  gpOnlineServices: "not-shared",
};

function signIn(overrides: Partial<NewSession> = {}): NewSession {
  return {
    patient,
    idTokenJti: "jti-1",
    authTime: Math.floor(Date.now() / 1000),
    nhsLogin: { idToken: "eyJ.the-id-token.sig" },
    ...overrides,
  };
}

/** The memory store, with every record it is given kept aside to look at. */
function recordingStore() {
  const store = memoryStore(limits);
  const created = new Map<string, StoredSession>();
  const recording: SessionStore = {
    ...store,
    create: async (key, session) => {
      created.set(key, session);
      return store.create(key, session);
    },
  };
  return { store: recording, created };
}

describe("sessions", () => {
  const { store, created } = recordingStore();
  const sessions = createSessions({ store, secrets: secret, limits });
  afterAll(() => store.close());

  it("opens a session whose cookie reads back as the person, at their level", async () => {
    const { cookie, key } = await sessions.open(signIn(), nowSeconds());
    const state = await sessions.read(cookie);
    expect(state).toMatchObject({
      status: "active",
      key,
      session: { patient, idTokenJti: "jti-1", nhsLogin: { idToken: "eyJ.the-id-token.sig" } },
    });
    expect(sessions.view(cookie)).toEqual({ status: "active", level: "P9" });
  });

  it("gives every sign-in a new, unguessable id, and the store only its hash", async () => {
    const first = await sessions.open(signIn(), nowSeconds());
    const second = await sessions.open(signIn(), nowSeconds());
    expect(first.cookie).not.toBe(second.cookie);
    const envelope = cookieCodec(secret, "session").decode(first.cookie)!;
    expect(Buffer.from(envelope.sid as string, "base64url")).toHaveLength(32);
    expect([...created.keys()]).not.toContain(envelope.sid);
    expect(created.has(first.key)).toBe(true);
  });

  it("keeps one account's sessions under one tag, apart from everyone else's", async () => {
    const [first, second] = [
      await sessions.open(signIn(), nowSeconds()),
      await sessions.open(signIn(), nowSeconds()),
    ];
    const other = await sessions.open(
      signIn({ patient: { ...patient, sub: "someone-else" } }),
      nowSeconds(),
    );
    const tag = (key: string) => key.slice(0, key.indexOf("}") + 1);
    expect(tag(first.key)).toMatch(/^\{[\w-]{43}\}$/);
    expect(tag(second.key)).toBe(tag(first.key));
    expect(tag(other.key)).not.toBe(tag(first.key));
    expect(first.key).not.toContain(patient.sub);
  });

  it("keeps nothing about the person readable in the store, nor in the cookie", async () => {
    const { cookie, key } = await sessions.open(signIn(), nowSeconds());
    const record = JSON.stringify(created.get(key));
    const envelope = Buffer.from(cookie.replace(/\./g, ""), "base64url").toString("latin1");
    for (const detail of [patient.sub, patient.nhsNumber!, patient.familyName!, "the-id-token"]) {
      expect(record).not.toContain(detail);
      expect(envelope).not.toContain(detail);
      expect(cookie).not.toContain(detail);
    }
  });

  it("treats a missing, forged, truncated, oversized or foreign cookie as no session", async () => {
    const { cookie } = await sessions.open(signIn(), nowSeconds());
    const foreign = await createSessions({ store, secrets: "f".repeat(32), limits }).open(
      signIn(),
      nowSeconds(),
    );
    for (const value of [
      undefined,
      "",
      "garbage",
      cookie.slice(0, -5),
      `${cookie}x`,
      cookie.replace(/\.[^.]+\./, ".AAAA."),
      "a".repeat(100_000),
      foreign.cookie,
    ]) {
      expect(await sessions.read(value)).toEqual({ status: "none" });
      expect(sessions.view(value)).toEqual({ status: "none" });
    }
  });

  it("ends a session for good: the same cookie afterwards says why", async () => {
    const { cookie, key } = await sessions.open(signIn(), nowSeconds());
    expect(await sessions.end(key, "logged-out")).toBe("ended");
    expect(await sessions.read(cookie)).toEqual({ status: "ended", reason: "logged-out", key });
  });

  it("ends every session of the person, wherever they are", async () => {
    const sub = "another-person";
    const one = await sessions.open(signIn({ patient: { ...patient, sub } }), nowSeconds());
    const two = await sessions.open(signIn({ patient: { ...patient, sub } }), nowSeconds());
    const someoneElse = await sessions.open(signIn(), nowSeconds());
    expect(await sessions.endEverywhere(sub)).toBe(2);
    for (const { cookie, key } of [one, two]) {
      expect(await sessions.read(cookie)).toEqual({ status: "ended", reason: "everywhere", key });
    }
    expect((await sessions.read(someoneElse.cookie)).status).toBe("active");
  });

  it("counts the absolute limit from the clock it is given, without asking the store", async () => {
    const limit = limits.maxAgeSeconds;
    const nearly = await sessions.open(signIn(), nowSeconds() - limit + 60);
    expect((await sessions.read(nearly.cookie)).status).toBe("active");
    const past = await sessions.open(signIn(), nowSeconds() - limit);
    expect(await sessions.read(past.cookie)).toEqual({
      status: "ended",
      reason: "max-age",
      key: past.key,
    });
    expect(sessions.view(past.cookie)).toEqual({
      status: "ended",
      reason: "max-age",
      key: past.key,
    });
  });

  it("reads a session that vanished within the absolute limit as ended by inactivity", async () => {
    const envelope = cookieCodec(secret, "session").encode(
      { sid: "y".repeat(43), account: "a", level: "P5", authenticatedAt: nowSeconds() - 60 },
      3600,
    );
    expect(await sessions.read(envelope)).toMatchObject({ status: "ended", reason: "idle" });
  });

  it("shows the notice a sign-in left once", async () => {
    const { cookie } = await sessions.open(signIn({ notice: "idle" }), nowSeconds());
    expect(await sessions.read(cookie)).toMatchObject({ status: "active", notice: "idle" });
    expect(await sessions.read(cookie)).not.toHaveProperty("notice");
  });

  it("keeps the API platform's token sealed with the session, and only its own", async () => {
    const { key, cookie } = await sessions.open(signIn(), nowSeconds());
    const other = await sessions.open(signIn(), nowSeconds());
    const token = { accessToken: "platform-access-token", expiresAt: Date.now() + 600_000 };
    await sessions.writeApiSlot(key, token);
    expect(await sessions.readApiSlot(key)).toEqual(token);
    expect(await sessions.readApiSlot(other.key)).toBeUndefined();
    expect(await store.readApiSlot(key)).not.toContain("platform-access-token");
    // A token sealed for one session is worthless under another's key.
    await store.writeApiSlot(other.key, await store.readApiSlot(key));
    expect(await sessions.readApiSlot(other.key)).toBeUndefined();
    // A page's read of the session brings the slot with it, opened the same way.
    expect(await sessions.read(cookie)).toMatchObject({ status: "active", apiSlot: token });
    expect(await sessions.read(other.cookie)).not.toHaveProperty("apiSlot");
    await sessions.writeApiSlot(key, undefined);
    expect(await sessions.readApiSlot(key)).toBeUndefined();
  });

  it("says the store is unavailable rather than that there is no session", async () => {
    const unreachable = redisStore(`redis://127.0.0.1:${await freePort()}`, limits);
    try {
      const authenticatedAt = nowSeconds();
      const { cookie, key } = await sessions.open(signIn(), authenticatedAt);
      const elsewhere = createSessions({ store: unreachable, secrets: secret, limits });
      // What a log-out needs to end it once the store is back: its key, and when it ends anyway.
      expect(await elsewhere.read(cookie)).toEqual({
        status: "unavailable",
        key,
        endsBy: authenticatedAt + limits.maxAgeSeconds,
      });
      // The cookie is checked first: a cookie that is not ours never reaches the store.
      expect(await elsewhere.read("garbage")).toEqual({ status: "none" });
    } finally {
      await unreachable.close();
    }
  });
});

describe("sessions while AUTH_SECRET is rotated", () => {
  const store = memoryStore(limits);
  afterAll(() => store.close());
  const [retiring, next] = ["r".repeat(32), "n".repeat(32)];
  const before = createSessions({ store, secrets: retiring, limits });
  // Every instance first accepts the new secret, then seals with it and accepts the old one.
  const accepting = createSessions({ store, secrets: [retiring, next], limits });
  const after = createSessions({ store, secrets: [next, retiring], limits });
  const done = createSessions({ store, secrets: next, limits });

  it("keeps everyone logged in: each secret opens what the other sealed while both are set", async () => {
    const old = await before.open(signIn(), nowSeconds());
    const mid = await accepting.open(signIn(), nowSeconds());
    const fresh = await after.open(signIn(), nowSeconds());
    for (const sessions of [accepting, after]) {
      for (const { cookie } of [old, mid, fresh]) {
        expect((await sessions.read(cookie)).status).toBe("active");
      }
    }
    // Sealed with the new secret: an instance not yet accepting it would not open it.
    expect(await before.read(fresh.cookie)).toEqual({ status: "none" });
    // Once the old secret is gone, what only it sealed opens no more.
    expect(await done.read(old.cookie)).toEqual({ status: "none" });
    expect((await done.read(fresh.cookie)).status).toBe("active");
  });

  it("logs a person out of every device, whichever secret tagged their sessions", async () => {
    const sub = "rotating-person";
    const old = await before.open(signIn({ patient: { ...patient, sub } }), nowSeconds());
    const fresh = await after.open(signIn({ patient: { ...patient, sub } }), nowSeconds());
    expect(await after.endEverywhere(sub)).toBe(2);
    for (const { cookie } of [old, fresh]) {
      expect(await after.read(cookie)).toMatchObject({ status: "ended", reason: "everywhere" });
    }
  });

  it("ends the session a log-in replaces across the rotation", async () => {
    const old = await before.open(signIn(), nowSeconds());
    const fresh = await after.open(signIn(), nowSeconds());
    expect(await after.replace(old.key, fresh.key)).toEqual({ orphanEnded: false });
    expect(await after.read(old.cookie)).toMatchObject({ status: "ended", reason: "replaced" });
  });
});
