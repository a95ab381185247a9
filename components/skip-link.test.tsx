// @vitest-environment jsdom
import { describe, it } from "vitest";
import { SkipLink } from "./skip-link";
import { expectParity } from "./test-support/parity";

describe("SkipLink", () => {
  it("matches the macro with defaults", () => {
    expectParity(<SkipLink />, "skip-link", {});
  });

  it("matches the macro with a custom target and text", () => {
    expectParity(<SkipLink href="#main" text="Skip to content" />, "skip-link", {
      href: "#main",
      text: "Skip to content",
    });
  });
});
