// @vitest-environment jsdom
import { describe, it } from "vitest";
import { Footer, type FooterLink } from "./footer";
import { expectParity } from "./test-support/parity";

const items: FooterLink[] = [
  { href: "/accessibility", text: "Accessibility statement" },
  { href: "/cookies", text: "Cookies" },
  { href: "/privacy", text: "Privacy" },
  { href: "/terms", text: "Terms and conditions" },
];

describe("Footer", () => {
  it("matches the macro with the portal's meta links and the default copyright", () => {
    expectParity(<Footer meta={{ items }} />, "footer", { meta: { items } });
  });

  it("matches the macro with an explicit copyright", () => {
    expectParity(<Footer meta={{ items }} copyright="© NHS England" />, "footer", {
      meta: { items },
      copyright: { text: "© NHS England" },
    });
  });

  it("matches the macro with a custom links heading", () => {
    const meta = { items, visuallyHiddenText: "Policies" };
    expectParity(<Footer meta={meta} />, "footer", { meta });
  });

  it("matches the macro without links", () => {
    expectParity(<Footer />, "footer", {});
    expectParity(<Footer meta={{ items: [] }} />, "footer", { meta: { items: [] } });
  });
});
