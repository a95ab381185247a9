// @vitest-environment jsdom
import { describe, it } from "vitest";
import { LoginButton } from "./login-button";
import { expectParity } from "./test-support/parity";

describe("LoginButton", () => {
  it("matches the macro's login variant as a link", () => {
    expectParity(<LoginButton href="/auth/login" />, "button", {
      href: "/auth/login",
      text: "Continue",
      variant: "login",
    });
  });

  it("matches the macro's login variant as a form submit button", () => {
    expectParity(
      <LoginButton preventDoubleClick attributes={{ "data-testid": "login" }} />,
      "button",
      {
        text: "Continue",
        variant: "login",
        preventDoubleClick: true,
        attributes: { "data-testid": "login" },
      },
    );
  });

  it("matches the macro with other text", () => {
    expectParity(<LoginButton href="/auth/login">Continue to NHS login</LoginButton>, "button", {
      href: "/auth/login",
      text: "Continue to NHS login",
      variant: "login",
    });
  });
});
