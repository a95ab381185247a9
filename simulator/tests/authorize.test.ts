import { randomUUID } from "node:crypto";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import {
  Browser,
  REDIRECT_URI,
  SECOND_CLIENT_ID,
  authorizeUrl,
  codeFor,
  exchange,
  logInAndConsent,
  press,
  simulatorForFile,
} from "./helpers";

const world = simulatorForFile();

/** Sends an authorization request and returns where the browser ends up. */
async function authorize(params: Record<string, string | undefined>, browser = new Browser()) {
  return browser.follow(world.issuer, await browser.get(authorizeUrl(world.issuer, params)));
}

function expectError(callback: URL | undefined, error: string, state?: string) {
  expect(callback?.origin + (callback?.pathname ?? "")).toBe(REDIRECT_URI);
  expect(callback?.searchParams.get("error")).toBe(error);
  expect(callback?.searchParams.get("code")).toBeNull();
  if (state) expect(callback?.searchParams.get("state")).toBe(state);
}

describe("the authorization request", () => {
  it.each(["state", "nonce"])("requires %s", async (name) => {
    const result = await authorize({
      [name]: undefined,
      state: name === "state" ? undefined : "s1",
    });
    expectError(result.callback, "invalid_request");
    expect(result.callback?.searchParams.get("error_description")).toContain(name);
  });

  it.each([
    ["malformed JSON", "[P9.Cp.Cd"],
    ["not an array", '"P9.Cp.Cd"'],
    ["an empty array", "[]"],
    ["an unknown vector", '["P9.Ca.Cc"]'],
  ])("refuses a vtr that is %s", async (_label, vtr) => {
    const state = randomUUID();
    const result = await authorize({ vtr, state });
    expectError(result.callback, "invalid_request", state);
  });

  it("refuses vectors the client did not register, including the default when vtr is absent", async () => {
    const browser = new Browser();
    const url = authorizeUrl(world.issuer, {
      client_id: SECOND_CLIENT_ID,
      redirect_uri: "http://127.0.0.1:3998/callback",
      scope: "openid email",
    });
    const absent = await browser.follow(world.issuer, await browser.get(url));
    expect(absent.callback?.searchParams.get("error")).toBe("invalid_request");
    const unregistered = await browser.follow(
      world.issuer,
      await browser.get(`${url}&vtr=${encodeURIComponent('["P5.Cp.Cd"]')}`),
    );
    expect(unregistered.callback?.searchParams.get("error_description")).toContain(
      "not registered",
    );
  });

  it.each([
    ["a scope the client is not registered for", "openid basic_demographics"],
    ["an unknown scope", "openid shoe_size"],
  ])("answers %s with invalid_scope", async (_label, scope) => {
    const state = randomUUID();
    const result = await authorize({ scope, state });
    expectError(result.callback, "invalid_scope", state);
  });

  it("refuses a request without the openid scope", async () => {
    const result = await authorize({ scope: "profile" });
    expect(result.callback?.searchParams.get("error")).toMatch(/^invalid_(request|scope)$/);
  });

  it("shows an error page, not a redirect, for a redirect_uri that is not registered", async () => {
    const result = await authorize({ redirect_uri: "http://127.0.0.1:3999/other" });
    expect(result.callback).toBeUndefined();
    expect(result.page?.status).toBe(400);
    expect(result.page?.html).toContain("This is a simulator, not NHS login");
    expect(result.page?.html).toContain("redirect_uri");
  });

  it("refuses POST to /authorize", async () => {
    const response = await fetch(`${world.issuer}/authorize`, { method: "POST" });
    expect(response.status).toBe(405);
  });

  it("sends the code back with the state and no iss parameter", async () => {
    const state = randomUUID();
    const callback = await logInAndConsent(
      new Browser(),
      world.issuer,
      authorizeUrl(world.issuer, { state }),
      "p9",
    );
    expect(callback.searchParams.get("state")).toBe(state);
    expect(callback.searchParams.get("code")).toBeTruthy();
    expect(callback.searchParams.has("iss")).toBe(false);
  });
});

describe("the journey pages", () => {
  it("logs in with a persona's email address and password", async () => {
    const first = new Browser();
    const start = await authorize({}, first);
    const step = await press(first, world.issuer, start.page!, "login-submit", {
      email: "nobody@simulator.example",
      password: "password",
    });
    expect(step.page?.status).toBe(400);
    expect(step.page?.html).toContain("nhsuk-error-summary");
    expect(step.page?.html).toContain("Enter a correct email address and password");

    const browser = new Browser();
    const again = await authorize({}, browser);
    const ok = await press(browser, world.issuer, again.page!, "login-submit", {
      email: "p9@simulator.example",
      password: "password",
    });
    expect(ok.page?.html).toContain('data-testid="consent-agree"');
  });

  it("offers registration unless allow_registration=false", async () => {
    expect((await authorize({})).page?.html).toContain('data-testid="register-link"');
    const hidden = await authorize({ allow_registration: "false" });
    expect(hidden.page?.html).not.toContain("register-link");
  });

  it("registers a new P0 person, who must prove who they are before a P9 service", async () => {
    const browser = new Browser();
    const start = await authorize(
      { vtr: '["P0.Cp"]', scope: "openid profile email phone" },
      browser,
    );
    const registerUrl = /href="([^"]+\/register)"/.exec(start.page!.html)?.[1];
    const form = await browser.follow(
      world.issuer,
      await browser.get(`${world.issuer}${registerUrl}`),
    );
    const invalid = await press(browser, world.issuer, form.page!, "register-submit", {
      email: "not-an-email",
      mobile: "123",
    });
    expect(invalid.page?.status).toBe(400);
    expect(invalid.page?.html).toContain("Enter an email address in the correct format");
    expect(invalid.page?.html).toContain("Enter a UK mobile phone number");

    const email = `new-${randomUUID()}@example.com`;
    const consent = await press(browser, world.issuer, form.page!, "register-submit", {
      email,
      mobile: "07700 900456",
    });
    expect(consent.page?.html).toContain("your email address");
    expect(consent.page?.html).not.toContain("your NHS number");
    const done = await press(browser, world.issuer, consent.page!, "consent-agree");
    const code = done.callback?.searchParams.get("code") ?? "";
    const tokens = await exchange(world.issuer, world.key, code);
    expect(decodeJwt(String(tokens.body.id_token)).vot).toBe("P0.Cp");
  });

  it("uplifts a P0 person to P9 and fills in their details", async () => {
    const person = await world.control.createPersona("p0-uplift");
    const browser = new Browser();
    const start = await authorize({ scope: "openid profile" }, browser);
    const uplift = await press(browser, world.issuer, start.page!, `login-as-${person.id}`);
    expect(uplift.page?.html).toContain('data-testid="uplift-continue"');
    expect(uplift.page?.html).toContain("level P9");
    const consent = await press(browser, world.issuer, uplift.page!, "uplift-continue");
    expect(consent.page?.html).toContain("your NHS number");
    const done = await press(browser, world.issuer, consent.page!, "consent-agree");
    const tokens = await exchange(
      world.issuer,
      world.key,
      done.callback?.searchParams.get("code") ?? "",
    );
    const claims = decodeJwt(String(tokens.body.id_token));
    expect(claims).toMatchObject({ vot: "P9.Cp.Cd", identity_proofing_level: "P9" });
    expect(claims.nhs_number).toMatch(/^999\d{7}$/);
    expect((await world.control.getPersona(person.id)).level).toBe("P9");
  });

  it("uplifts P5 to P9, and only to P5 when P5 is enough", async () => {
    const p5 = await world.control.createPersona("p5");
    const mixed = await codeFor(world.issuer, p5.id, { vtr: '["P5.Cp.Cd","P9.Cp.Cd"]' });
    const mixedTokens = await exchange(world.issuer, world.key, mixed.code);
    expect(decodeJwt(String(mixedTokens.body.id_token)).vot).toBe("P5.Cp.Cd");

    const p0 = await world.control.createPersona("p0-uplift");
    const toP5 = await codeFor(world.issuer, p0.id, { vtr: '["P5.Cp.Cd","P9.Cp.Cd"]' });
    expect(
      decodeJwt(String((await exchange(world.issuer, world.key, toP5.code)).body.id_token)).vot,
    ).toBe("P5.Cp.Cd");
    expect((await world.control.getPersona(p0.id)).level).toBe("P5");

    const toP9 = await codeFor(world.issuer, p5.id, { vtr: '["P9.Cm"]' });
    expect(
      decodeJwt(String((await exchange(world.issuer, world.key, toP9.code)).body.id_token)).vot,
    ).toBe("P9.Cm");
  });

  it("starts every log-in from the persona as defined: an uplift lasts until the next log-in", async () => {
    const idToken = async (code: string) =>
      decodeJwt(String((await exchange(world.issuer, world.key, code)).body.id_token));
    const p9Only = { vtr: '["P9.Cp.Cd"]', scope: "openid profile" };
    expect(await idToken((await codeFor(world.issuer, "p5", p9Only)).code)).toMatchObject({
      vot: "P9.Cp.Cd",
    });
    const copy = await world.control.createPersona("p5");
    expect(copy.level, "a copy made after the uplift is the template as defined").toBe("P5");

    const browser = new Browser();
    const start = await authorize(p9Only, browser);
    const again = await press(browser, world.issuer, start.page!, "login-as-p5");
    expect(again.page?.html, "the P5 journey repeats").toContain('data-testid="uplift-continue"');
    expect((await world.control.getPersona("p5")).level).toBe("P5");
    const consent = await press(browser, world.issuer, again.page!, "uplift-abandon");
    expectError(consent.callback, "access_denied");
  });

  it("gives a P9 person whose log-in proves P5 a P5 vot, and asks them only to confirm it's them", async () => {
    const person = await world.control.createPersona("p9-restricted-at-p5");
    expect(person).toMatchObject({ level: "P9", logsInAt: "P5" });
    const idToken = async (code: string) =>
      decodeJwt(String((await exchange(world.issuer, world.key, code)).body.id_token));
    const mixed = await codeFor(world.issuer, person.id, {
      scope: "openid profile",
      vtr: '["P5.Cp.Cd","P9.Cp.Cd"]',
    });
    expect(await idToken(mixed.code)).toMatchObject({
      vot: "P5.Cp.Cd",
      identity_proofing_level: "P9",
    });

    const browser = new Browser();
    const start = await authorize({ vtr: '["P9.Cp.Cd"]', scope: "openid profile" }, browser);
    const confirm = await press(browser, world.issuer, start.page!, `login-as-${person.id}`);
    expect(confirm.page?.html).toContain("Confirm it&#39;s you");
    const consent = await press(browser, world.issuer, confirm.page!, "uplift-continue");
    const done = await press(browser, world.issuer, consent.page!, "consent-agree");
    expect(await idToken(done.callback!.searchParams.get("code")!)).toMatchObject({
      vot: "P9.Cp.Cd",
      identity_proofing_level: "P9",
    });
    expect(
      (await world.control.getPersona(person.id)).logsInAt,
      "until the next log-in",
    ).toBeUndefined();
  });

  it("cannot uplift p0, and abandoning uplift returns access_denied", async () => {
    const browser = new Browser();
    const state = randomUUID();
    const start = await authorize({ state }, browser);
    const uplift = await press(browser, world.issuer, start.page!, "login-as-p0");
    const failed = await press(browser, world.issuer, uplift.page!, "uplift-continue");
    expect(failed.page?.html).toContain("We could not confirm who you are");
    const abandoned = await press(browser, world.issuer, failed.page!, "uplift-abandon");
    expectError(abandoned.callback, "access_denied", state);
    expect(abandoned.callback?.searchParams.get("error_description")).toBe("UpliftNotCompleted");
  });

  it("returns access_denied with ConsentNotGiven when the person declines", async () => {
    const browser = new Browser();
    const state = randomUUID();
    const start = await authorize({ state }, browser);
    const consent = await press(browser, world.issuer, start.page!, "login-as-p9");
    const declined = await press(browser, world.issuer, consent.page!, "consent-decline");
    expectError(declined.callback, "access_denied", state);
    expect(declined.callback?.searchParams.get("error_description")).toBe("ConsentNotGiven");
  });

  it("lists only what applies at the person's level on the consent page", async () => {
    const browser = new Browser();
    const start = await authorize(
      {
        vtr: '["P0.Cp","P9.Cp.Cd"]',
        scope: "openid profile profile_extended email gp_registration_details",
      },
      browser,
    );
    const consent = await press(browser, world.issuer, start.page!, "login-as-p0");
    expect(consent.page?.html).toContain("your email address");
    expect(consent.page?.html).not.toContain("your NHS number");
    expect(consent.page?.html).not.toContain("your first name");
    expect(consent.page?.html).not.toContain("GP surgery");
  });
});

describe("sessions and prompt", () => {
  it("prompt=none without a session returns sso_login_required", async () => {
    const state = randomUUID();
    const result = await authorize({ prompt: "none", state });
    expectError(result.callback, "sso_login_required", state);
  });

  it("prompt=none reuses the session (consent is still asked), and so does no prompt", async () => {
    const browser = new Browser();
    await logInAndConsent(browser, world.issuer, authorizeUrl(world.issuer, {}), "p9");
    const silent = await authorize({ prompt: "none" }, browser);
    expect(silent.page?.html).toContain('data-testid="consent-agree"');
    const plain = await authorize({}, browser);
    expect(plain.page?.html).toContain('data-testid="consent-agree"');
  });

  it("prompt=login always asks the person to log in, and may switch person", async () => {
    const browser = new Browser();
    await logInAndConsent(browser, world.issuer, authorizeUrl(world.issuer, {}), "p9");
    const forced = await authorize({ prompt: "login" }, browser);
    expect(forced.page?.html).toContain('data-testid="login-as-p5"');
    const consent = await press(browser, world.issuer, forced.page!, "login-as-p9-im1");
    const done = await press(browser, world.issuer, consent.page!, "consent-agree");
    const tokens = await exchange(
      world.issuer,
      world.key,
      done.callback?.searchParams.get("code") ?? "",
    );
    expect(decodeJwt(String(tokens.body.id_token)).family_name).toBe("SIMLINKED");
    // The session now belongs to the new person.
    const after = await authorize({ prompt: "none" }, browser);
    const done2 = await press(browser, world.issuer, after.page!, "consent-agree");
    const tokens2 = await exchange(
      world.issuer,
      world.key,
      done2.callback?.searchParams.get("code") ?? "",
    );
    expect(decodeJwt(String(tokens2.body.id_token)).family_name).toBe("SIMLINKED");
  });

  it("single sign-on keeps the time the person authenticated; prompt=login takes a new one", async () => {
    const authTimeOf = async (callback: URL | undefined) => {
      const tokens = await exchange(
        world.issuer,
        world.key,
        callback?.searchParams.get("code") ?? "",
      );
      return decodeJwt(String(tokens.body.id_token)).auth_time;
    };
    const browser = new Browser();
    const first = await authTimeOf(
      await logInAndConsent(browser, world.issuer, authorizeUrl(world.issuer, {}), "p9"),
    );
    expect(first).toEqual(expect.any(Number));
    // auth_time is in whole seconds: let one pass, so a fresh log in would show.
    await new Promise((resolve) => setTimeout(resolve, 1_100));

    for (const prompt of [undefined, "none"]) {
      const reused = await authorize({ prompt }, browser);
      const done = await press(browser, world.issuer, reused.page!, "consent-agree");
      expect(await authTimeOf(done.callback), `prompt=${prompt}`).toBe(first);
    }

    const fresh = await logInAndConsent(
      browser,
      world.issuer,
      authorizeUrl(world.issuer, { prompt: "login" }),
      "p9",
    );
    expect(await authTimeOf(fresh)).toBeGreaterThan(first as number);
  });

  it("honours PKCE when a code_challenge is sent", async () => {
    const verifier = "a".repeat(43) + randomUUID();
    const { createHash } = await import("node:crypto");
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const first = await codeFor(world.issuer, "p9", {
      code_challenge: challenge,
      code_challenge_method: "S256",
    });
    const wrong = await exchange(world.issuer, world.key, first.code, {
      code_verifier: "b".repeat(50),
    });
    expect(wrong.body.error).toBe("invalid_grant");
    const second = await codeFor(world.issuer, "p9", {
      code_challenge: challenge,
      code_challenge_method: "S256",
    });
    const right = await exchange(world.issuer, world.key, second.code, { code_verifier: verifier });
    expect(right.status).toBe(200);
    const none = await codeFor(world.issuer, "p9");
    expect((await exchange(world.issuer, world.key, none.code)).status).toBe(200);
  });
});
