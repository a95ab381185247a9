import { describe, expect, it } from "vitest";
import { upliftHref, upliftStep } from "./uplift";

describe("upliftStep", () => {
  it("asks nothing of a person already at the level", () => {
    expect(upliftStep({ level: "P9" }, "P5")).toBe("none");
    expect(upliftStep({ level: "P5" }, "P5")).toBe("none");
  });

  it("asks a person never verified that high to prove who they are", () => {
    expect(upliftStep({ level: "P0" }, "P5")).toBe("prove");
    expect(upliftStep({ level: "P5", highestLevel: "P5" }, "P9")).toBe("prove");
  });

  it("asks a person verified that high before only to confirm it's them", () => {
    expect(upliftStep({ level: "P0", highestLevel: "P9" }, "P9")).toBe("confirm");
    expect(upliftStep({ level: "P5", highestLevel: "P9" }, "P9")).toBe("confirm");
  });
});

describe("upliftHref", () => {
  it("carries the page as the return address", () => {
    expect(upliftHref("/gp-online-services")).toBe("/auth/uplift?returnTo=%2Fgp-online-services");
  });

  it("carries a level above the page's, for what the page shows only at that level", () => {
    expect(upliftHref("/gp-practice", "P9")).toBe("/auth/uplift?returnTo=%2Fgp-practice&level=P9");
  });
});
