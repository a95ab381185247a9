import { describe, expect, it } from "vitest";
import { authenticationClock } from "./rules";

describe("the clock of the absolute limit", () => {
  const now = 1_800_000_000;
  const hour = 3600;

  it("starts at a fresh log-in's auth_time, whatever the session it replaces", () => {
    expect(
      authenticationClock({ now, authTime: now - 5, fresh: true, replacing: now - 11 * hour }),
    ).toBe(now - 5);
  });

  it("keeps the replaced session's clock through a log-in by single sign-on", () => {
    expect(
      authenticationClock({ now, authTime: now, fresh: false, replacing: now - 11 * hour }),
    ).toBe(now - 11 * hour);
  });

  it("takes NHS login's auth_time when it is older than anything the portal knows", () => {
    expect(authenticationClock({ now, authTime: now - 13 * hour, fresh: false })).toBe(
      now - 13 * hour,
    );
    expect(
      authenticationClock({ now, authTime: now - 13 * hour, fresh: false, replacing: now - hour }),
    ).toBe(now - 13 * hour);
  });

  it("never starts in the future, whatever NHS login's clock says", () => {
    expect(authenticationClock({ now, authTime: now + 30, fresh: true })).toBe(now);
    expect(authenticationClock({ now, authTime: now + 30, fresh: false })).toBe(now);
  });
});
