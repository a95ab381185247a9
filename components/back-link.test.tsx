// @vitest-environment jsdom
import { describe, it } from "vitest";
import { BackLink } from "./back-link";
import { expectParity } from "./test-support/parity";

describe("BackLink", () => {
  it("matches the macro with the default text", () => {
    expectParity(<BackLink href="/account" />, "back-link", { href: "/account" });
  });

  it("matches the macro with custom text", () => {
    expectParity(<BackLink href="/" text="Go back to home" />, "back-link", {
      href: "/",
      text: "Go back to home",
    });
  });
});
