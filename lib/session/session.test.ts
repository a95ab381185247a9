import { describe, expect, it } from "vitest";
import {
  encodeSessionCookie,
  evaluateSession,
  needsActivityUpdate,
  readSessionCookie,
  type PortalSession,
} from "./session";

const limits = { idleTimeoutSeconds: 1800, maxAgeSeconds: 43200 };
const secret = "s".repeat(32);
const now = Math.floor(Date.now() / 1000);

function session(overrides: Partial<PortalSession> = {}): PortalSession {
  return {
    patient: { sub: "sub-1", level: "P9", vot: "P9.Cp.Cd", gpOnlineServices: "not-shared" },
    idTokenJti: "jti-1",
    authTime: now,
    signedInAt: now,
    lastActiveAt: now,
    ...overrides,
  };
}

describe("session rules", () => {
  it("is active inside both limits, expiring at the next idle deadline", () => {
    const state = evaluateSession(session({ lastActiveAt: now - 30 }), limits, now);
    expect(state).toMatchObject({ status: "active", idleExpiresAt: now - 30 + 1800 });
  });

  it("times out after 30 minutes without activity", () => {
    expect(evaluateSession(session({ lastActiveAt: now - 1800 }), limits, now)).toEqual({
      status: "timed-out",
      reason: "idle",
    });
  });

  it("times out after 12 hours however active", () => {
    const state = evaluateSession(session({ signedInAt: now - 43200 }), limits, now);
    expect(state).toEqual({ status: "timed-out", reason: "max-age" });
  });

  it("never lets the idle deadline pass the absolute one", () => {
    const state = evaluateSession(session({ signedInAt: now - 43100 }), limits, now);
    expect(state).toMatchObject({ status: "active", idleExpiresAt: now - 43100 + 43200 });
  });

  it("counts a request that records activity from now", () => {
    const state = evaluateSession(session({ lastActiveAt: now - 100 }), limits, now);
    expect(state).toMatchObject({ status: "active", idleExpiresAt: now + 1800 });
  });

  it("rewrites the cookie at most once a minute", () => {
    expect(needsActivityUpdate(session({ lastActiveAt: now - 59 }), limits, now)).toBe(false);
    expect(needsActivityUpdate(session({ lastActiveAt: now - 60 }), limits, now)).toBe(true);
  });

  it("rewrites it more often when the limit is shortened", () => {
    const short = { idleTimeoutSeconds: 20, maxAgeSeconds: 600 };
    expect(needsActivityUpdate(session({ lastActiveAt: now - 1 }), short, now)).toBe(false);
    expect(needsActivityUpdate(session({ lastActiveAt: now - 2 }), short, now)).toBe(true);
  });

  it("can still say why a session ended just after the absolute limit", async () => {
    const ended = session({ signedInAt: now - 43200, lastActiveAt: now - 10 });
    const cookie = await encodeSessionCookie(ended, secret, limits);
    expect(await readSessionCookie(cookie, secret, limits)).toEqual({
      status: "timed-out",
      reason: "max-age",
    });
  });

  it("reads back an encoded session cookie", async () => {
    const cookie = await encodeSessionCookie(session(), secret, limits);
    const state = await readSessionCookie(cookie, secret, limits);
    expect(state).toMatchObject({ status: "active", session: { idTokenJti: "jti-1" } });
  });

  it("treats a missing, foreign or malformed cookie as no session", async () => {
    expect(await readSessionCookie(undefined, secret, limits)).toEqual({ status: "none" });
    const foreign = await encodeSessionCookie(session(), "f".repeat(32), limits);
    expect(await readSessionCookie(foreign, secret, limits)).toEqual({ status: "none" });
    expect(await readSessionCookie("%%%", secret, limits)).toEqual({ status: "none" });
  });

  it("stays well under the 4 KB cookie limit with every claim filled", async () => {
    const full = session({
      patient: {
        sub: "49f470a1-cc52-49b7-beba-0f9cec937c46",
        level: "P9",
        vot: "P9.Cp.Cd",
        highestLevel: "P9",
        nhsNumber: "9434765919",
        givenName: "A".repeat(100),
        familyName: "B".repeat(100),
        birthdate: "1970-01-31",
        email: `${"c".repeat(100)}@example.com`,
        phoneNumber: "+447700900000",
        gpOdsCode: "Y12345",
        gpOnlineServices: "linked",
      },
    });
    const cookie = await encodeSessionCookie(full, secret, limits);
    expect(cookie.length).toBeLessThan(2048);
  });
});
