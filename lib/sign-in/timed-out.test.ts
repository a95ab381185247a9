import { describe, expect, it } from "vitest";
import { explainTimeout, parseTimeoutReason } from "./timed-out";

describe("timeout reasons", () => {
  it("accepts only the two limits NHS login sets", () => {
    expect(parseTimeoutReason("idle")).toBe("idle");
    expect(parseTimeoutReason("max-age")).toBe("max-age");
    for (const other of [null, undefined, "", "IDLE", "idle ", "logout", "<script>"]) {
      expect(parseTimeoutReason(other)).toBeUndefined();
    }
  });

  it("explains each limit in plain words with its configured length", () => {
    const limits = { idleTimeoutSeconds: 30 * 60, maxAgeSeconds: 12 * 3600 };
    expect(explainTimeout("idle", limits)).toBe("you had not done anything for 30 minutes");
    expect(explainTimeout("max-age", limits)).toBe("you had been logged in for 12 hours");
    expect(explainTimeout("idle", { idleTimeoutSeconds: 60, maxAgeSeconds: 3600 })).toBe(
      "you had not done anything for 1 minute",
    );
    expect(explainTimeout("max-age", { idleTimeoutSeconds: 60, maxAgeSeconds: 3600 })).toBe(
      "you had been logged in for 1 hour",
    );
    expect(explainTimeout("idle", { idleTimeoutSeconds: 12, maxAgeSeconds: 40 })).toBe(
      "you had not done anything for 12 seconds",
    );
    expect(explainTimeout("everywhere", limits)).toBe("you chose to log out of all devices");
  });
});
