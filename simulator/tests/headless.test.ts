import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { Browser, REDIRECT_URI, authorizeUrl, exchange, simulatorForFile } from "./helpers";

const world = simulatorForFile({ mode: "headless", headless: { persona: "p9" } });

/** One request to /authorize, as a back-end test would send it: no cookies, no redirects followed. */
async function authorize(params: Record<string, string | undefined> = {}) {
  const response = await fetch(authorizeUrl(world.issuer, params), { redirect: "manual" });
  const location = response.headers.get("location");
  return { response, callback: location ? new URL(location, world.issuer) : undefined };
}

async function idTokenFor(callback: URL | undefined) {
  expect(callback?.origin + (callback?.pathname ?? "")).toBe(REDIRECT_URI);
  const code = callback?.searchParams.get("code");
  expect(code).toBeTruthy();
  const tokens = await exchange(world.issuer, world.key, code ?? "");
  expect(tokens.status).toBe(200);
  return decodeJwt(String(tokens.body.id_token));
}

describe("headless mode", () => {
  it("answers /authorize at once with a code for the configured persona", async () => {
    const { response, callback } = await authorize({ state: "s-1", nonce: "n-1" });
    expect(response.status).toBe(303);
    expect(callback?.searchParams.get("state")).toBe("s-1");
    expect(callback?.searchParams.has("iss")).toBe(false);
    const claims = await idTokenFor(callback);
    expect(claims).toMatchObject({ nonce: "n-1", family_name: "SIMNINE", vot: "P9.Cp.Cd" });
  });

  it("logs in the persona that login_hint names, by id or email", async () => {
    const person = await world.control.createPersona("p5");
    const byId = await idTokenFor(
      (await authorize({ login_hint: person.id, vtr: '["P5.Cp.Cd"]' })).callback,
    );
    expect(byId.sub).toBe(person.sub);
    const byEmail = await idTokenFor(
      (await authorize({ login_hint: person.email, vtr: '["P5.Cp.Cd"]' })).callback,
    );
    expect(byEmail.sub).toBe(person.sub);
  });

  it("declines consent when asked to, as a person would", async () => {
    const { callback } = await authorize({ simulator_consent: "decline", state: "s-2" });
    expect(callback?.searchParams.get("error")).toBe("access_denied");
    expect(callback?.searchParams.get("error_description")).toBe("ConsentNotGiven");
    expect(callback?.searchParams.get("state")).toBe("s-2");
  });

  it("uplifts a person below the level asked for, or abandons when told to", async () => {
    const person = await world.control.createPersona("p0-uplift");
    const abandoned = await authorize({ login_hint: person.id, simulator_uplift: "abandon" });
    expect(abandoned.callback?.searchParams.get("error_description")).toBe("UpliftNotCompleted");
    const uplifted = await idTokenFor((await authorize({ login_hint: person.id })).callback);
    expect(uplifted).toMatchObject({ vot: "P9.Cp.Cd", identity_proofing_level: "P9" });
  });

  it("cannot uplift a person whose identity check fails", async () => {
    const { callback } = await authorize({ login_hint: "p0" });
    expect(callback?.searchParams.get("error")).toBe("access_denied");
    expect(callback?.searchParams.get("error_description")).toBe("UpliftNotCompleted");
  });

  it("still applies NHS login's rules: vectors, prompt=none and armed faults", async () => {
    const wrongVector = await authorize({ vtr: '["P9.Ca.Cc"]' });
    expect(wrongVector.callback?.searchParams.get("error")).toBe("invalid_request");
    const silent = await authorize({ prompt: "none" });
    expect(silent.callback?.searchParams.get("error")).toBe("sso_login_required");
    const person = await world.control.createPersona("p9");
    await world.control.injectFault({ persona: person.id, fault: "authorize_server_error" });
    const faulty = await authorize({ login_hint: person.id });
    expect(faulty.callback?.searchParams.get("error")).toBe("server_error");
  });

  it("refuses answers it does not know", async () => {
    const { callback } = await authorize({ simulator_consent: "maybe" });
    expect(callback?.searchParams.get("error")).toBe("invalid_request");
    expect(callback?.searchParams.get("error_description")).toContain("agree or decline");
  });

  it("says plainly when nobody can log in", async () => {
    const unknown = await authorize({ login_hint: "nobody-here" });
    expect(unknown.response.status).toBe(400);
    expect(await unknown.response.text()).toContain("login_hint=nobody-here names no persona");
    await world.control.setMode({ persona: null });
    try {
      const nobody = await authorize();
      expect(nobody.response.status).toBe(400);
      expect(await nobody.response.text()).toContain("Nobody to log in");
    } finally {
      await world.control.setMode({ persona: "p9" });
    }
  });

  it("keeps a single sign-on session for a client that keeps cookies", async () => {
    const browser = new Browser();
    const first = await browser.get(
      authorizeUrl(world.issuer, { login_hint: "p5", vtr: '["P5.Cp.Cd"]' }),
    );
    const firstClaims = await idTokenFor(new URL(first.headers.get("location") ?? ""));
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const again = await browser.get(authorizeUrl(world.issuer, { vtr: '["P5.Cp.Cd"]' }));
    const againClaims = await idTokenFor(new URL(again.headers.get("location") ?? ""));
    expect(againClaims.sub).toBe(firstClaims.sub);
    expect(againClaims.auth_time).toBe(firstClaims.auth_time);
    const other = await browser.get(authorizeUrl(world.issuer, { login_hint: "p9" }));
    const otherClaims = await idTokenFor(new URL(other.headers.get("location") ?? ""));
    expect(otherClaims.family_name).toBe("SIMNINE");
    expect(otherClaims.auth_time).toBeGreaterThan(firstClaims.auth_time as number);
  });

  it("is switched on and off with the control API", async () => {
    expect(await world.control.mode()).toEqual({
      mode: "headless",
      persona: "p9",
      consent: "agree",
      uplift: "complete",
    });
    await world.control.setMode({ mode: "interactive" });
    try {
      const { callback } = await authorize();
      expect(callback?.pathname).toMatch(/^\/interaction\//);
    } finally {
      await world.control.setMode({ mode: "headless" });
    }
  });
});
