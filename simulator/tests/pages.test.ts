import { randomUUID } from "node:crypto";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { NHS_APP_SCRIPT_PATH } from "../nhs-app-script";
import { SIMULATOR_NOTICE } from "../views/layout";
import { Browser, authorizeUrl, codeFor, exchange, press, simulatorForFile } from "./helpers";

const world = simulatorForFile();

function expectWellFormedPage(html: string) {
  expect(html).toContain(SIMULATOR_NOTICE);
  expect(html).toMatch(/<title>[^<]+<\/title>/);
  expect(html).toContain('href="#maincontent"');
  expect(html.match(/<h1[ >]/g)).toHaveLength(1);
  expect(html).not.toContain("<script");
}

describe("every page says it is a simulator", () => {
  it("log in, register, uplift, consent and error pages", async () => {
    const browser = new Browser();
    const login = await browser.follow(
      world.issuer,
      await browser.get(authorizeUrl(world.issuer, {})),
    );
    expectWellFormedPage(login.page!.html);
    const registerHref = /href="([^"]+\/register)"/.exec(login.page!.html)?.[1];
    expectWellFormedPage(await (await browser.get(`${world.issuer}${registerHref}`)).text());
    const uplift = await press(browser, world.issuer, login.page!, "login-as-p0-uplift");
    expect(uplift.page?.html).toContain("uplift-continue");
    expectWellFormedPage(uplift.page!.html);
    const consent = await press(browser, world.issuer, uplift.page!, "uplift-continue");
    expect(consent.page?.html).toContain("consent-agree");
    expectWellFormedPage(consent.page!.html);
    expectWellFormedPage(await (await fetch(`${world.issuer}/no-such-page`)).text());
    expectWellFormedPage(await (await fetch(`${world.issuer}/settings`)).text());
    expectWellFormedPage(await (await fetch(`${world.issuer}/`)).text());
  });

  it("settings and NHS App pages", async () => {
    const service = encodeURIComponent("http://127.0.0.1:3999/start");
    expectWellFormedPage(await (await fetch(`${world.issuer}/nhs-app?service=${service}`)).text());
    const opened = await fetch(`${world.issuer}/nhs-app?service=${service}&persona=p9`, {
      redirect: "manual",
    });
    expect(opened.status).toBe(303);
    // The NHS App's token opens the settings site too.
    const token = new URL(opened.headers.get("location") ?? "").searchParams.get(
      "assertedLoginIdentity",
    );
    const settings = await fetch(`${world.issuer}/settings?asserted_login_identity=${token}`);
    expect(settings.status).toBe(200);
    expectWellFormedPage(await settings.text());
  });
});

describe("the consent page", () => {
  it("lists what is shared in the order people give their details, its buttons apart", async () => {
    const browser = new Browser();
    const login = await browser.follow(
      world.issuer,
      await browser.get(authorizeUrl(world.issuer, { scope: "openid profile profile_extended" })),
    );
    const consent = await press(browser, world.issuer, login.page!, "login-as-p9");
    const items = [...consent.page!.html.matchAll(/<li>([^<]+)<\/li>/g)].map((match) => match[1]);
    expect(items.slice(1, 5)).toEqual([
      "your first name",
      "your surname",
      "your date of birth",
      "your NHS number",
    ]);
    expect(consent.page!.html).toMatch(
      /<div class="nhsuk-button-group">\s*<button[^>]*consent-agree[^]*consent-decline[^]*<\/div>/,
    );
  });
});

describe("escaping", () => {
  it("escapes what people type and what services send", async () => {
    const browser = new Browser();
    const login = await browser.follow(
      world.issuer,
      await browser.get(authorizeUrl(world.issuer, {})),
    );
    const attack = '"><script>alert(1)</script>';
    const result = await press(browser, world.issuer, login.page!, "login-submit", {
      email: attack,
      password: "x",
    });
    expect(result.page?.html).not.toContain("<script>alert(1)</script>");
    expect(result.page?.html).toContain("&quot;&gt;&lt;script&gt;");

    const service = encodeURIComponent(`http://127.0.0.1:3999/start?x=${attack}`);
    const page = await (await fetch(`${world.issuer}/nhs-app?service=${service}`)).text();
    expect(page).not.toContain("<script>alert(1)</script>");
  });

  it("shows registration details escaped when they come back with errors", async () => {
    const browser = new Browser();
    const login = await browser.follow(
      world.issuer,
      await browser.get(authorizeUrl(world.issuer, {})),
    );
    const registerHref = /href="([^"]+\/register)"/.exec(login.page!.html)?.[1];
    const form = await browser.follow(
      world.issuer,
      await browser.get(`${world.issuer}${registerHref}`),
    );
    const result = await press(browser, world.issuer, form.page!, "register-submit", {
      email: "<b>x</b>",
      mobile: "<i>",
    });
    expect(result.page?.html).toContain("&lt;b&gt;x&lt;/b&gt;");
    expect(result.page?.html).not.toContain("<b>x</b>");
  });
});

describe("start-up", () => {
  it("serves the NHS.UK stylesheet and images itself", async () => {
    const css = await fetch(`${world.issuer}/assets/nhsuk-frontend.min.css`);
    expect(css.headers.get("content-type")).toContain("text/css");
    expect((await fetch(`${world.issuer}/assets/images/nhsuk-icon-arrow-down.svg`)).status).toBe(
      200,
    );
  });

  it("gives each run its own sub for registered people, and keeps built-in personas stable", async () => {
    const { code } = await codeFor(world.issuer, "p9", { state: randomUUID() });
    const sub = decodeJwt(
      String((await exchange(world.issuer, world.key, code)).body.id_token),
    ).sub;
    const again = await codeFor(world.issuer, "p9");
    expect(
      decodeJwt(String((await exchange(world.issuer, world.key, again.code)).body.id_token)).sub,
    ).toBe(sub);
  });
});

describe("the NHS App stand-in", () => {
  it("serves a script with the app's JavaScript API names", async () => {
    const response = await fetch(`${world.issuer}${NHS_APP_SCRIPT_PATH}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/javascript/);
    const script = await response.text();
    for (const name of [
      "window.nhsapp",
      "isOpenInNHSApp",
      "getAppPlatform",
      "goToHomepage",
      "goToPage",
      "openBrowserOverlay",
      "setBackAction",
      "clearBackAction",
      "UPLIFT",
    ]) {
      expect(script, name).toContain(name);
    }
  });
});
