import { PHASE_DEVELOPMENT_SERVER } from "next/constants";
import { describe, expect, it } from "vitest";
import nextConfig from "./next.config";

describe("next.config", () => {
  it("shows no development indicator over the pages: it covered the footer's links at 320 px", () => {
    expect(nextConfig(PHASE_DEVELOPMENT_SERVER).devIndicators).toBe(false);
  });
});
