// @vitest-environment jsdom
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Header, HeaderNavigation, type HeaderAccountForm, type HeaderAccountItem } from "./header";
import { expectParity, normaliseHtml, renderMacro } from "./test-support/parity";

const service = { text: "Patient portal", href: "/" };

const logOut: HeaderAccountForm = { action: "/auth/logout", method: "post", text: "Log out" };

const loggedInItems: HeaderAccountItem[] = [
  { text: "Jane Smith", icon: true },
  { href: "/profile", text: "Your profile" },
  logOut,
];

describe("Header", () => {
  it("matches the macro when logged out", () => {
    expectParity(<Header service={service} />, "header", { service });
  });

  it("matches the macro when logged in", () => {
    expectParity(<Header service={service} account={{ items: loggedInItems }} />, "header", {
      service,
      account: { items: loggedInItems },
    });
  });

  it("matches the macro with an icon on a link and the default form method", () => {
    const items: HeaderAccountItem[] = [
      { href: "/profile", text: "Jane Smith", icon: true },
      { action: "/auth/logout", text: "Log out" },
    ];
    expectParity(<Header service={service} account={{ items }} />, "header", {
      service,
      account: { items },
    });
  });

  it("matches the macro with navigation, the current page and an active section", () => {
    const navigation = {
      items: [
        { href: "/profile", text: "Your profile", current: true },
        { href: "/gp-practice", text: "Your GP surgery", active: true },
        { href: "/gp-online-services", text: "GP online services" },
      ],
    };
    expectParity(
      <Header service={service} account={{ items: loggedInItems }}>
        <HeaderNavigation {...navigation} />
      </Header>,
      "header",
      { service, account: { items: loggedInItems }, navigation },
    );
  });

  it("matches the macro with a navigation label, and without items", () => {
    const navigation = { items: [{ href: "/a", text: "A & B" }], ariaLabel: "Sections" };
    expectParity(
      <Header service={service}>
        <HeaderNavigation {...navigation} />
      </Header>,
      "header",
      { service, navigation },
    );
    expectParity(
      <Header service={service}>
        <HeaderNavigation items={[]} />
      </Header>,
      "header",
      { service, navigation: { items: [] } },
    );
  });

  it("escapes the service name like the macro", () => {
    const escaped = { text: "Records & <results>", href: "/?a=1&b=2" };
    expectParity(<Header service={escaped} />, "header", { service: escaped });
  });

  // The one deviation from the macro: its log-out form can hold nothing but the button, so the
  // CSRF token input is our addition. Everything else must still match.
  it("adds hidden inputs to the log-out form, otherwise matching the macro", () => {
    const items: HeaderAccountItem[] = [
      ...loggedInItems.slice(0, 2),
      { ...logOut, hiddenInputs: { csrfToken: "token-123" } },
    ];
    const template = document.createElement("template");
    template.innerHTML = renderToStaticMarkup(<Header service={service} account={{ items }} />);

    const input = template.content.querySelector(
      "form.nhsuk-header__account-form > input:first-child",
    );
    expect(input?.outerHTML).toBe('<input type="hidden" name="csrfToken" value="token-123">');
    input?.remove();

    expect(normaliseHtml(template.innerHTML)).toBe(
      normaliseHtml(renderMacro("header", { service, account: { items: loggedInItems } })),
    );
  });
});
