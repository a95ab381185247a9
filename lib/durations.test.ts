import { describe, expect, it } from "vitest";
import { describeDuration } from "./durations";

describe("describeDuration", () => {
  it.each([
    [30 * 60, "30 minutes"],
    [12 * 3600, "12 hours"],
    [3600, "1 hour"],
    [60, "1 minute"],
    [90 * 60, "1 hour and 30 minutes"],
    [3600 + 60 + 1, "1 hour, 1 minute and 1 second"],
    [12, "12 seconds"],
    [0, "0 seconds"],
  ])("says %i seconds as %j", (seconds, words) => {
    expect(describeDuration(seconds)).toBe(words);
  });
});
