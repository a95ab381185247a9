import { randomUUID } from "node:crypto";
import { SignJWT, decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import {
  Browser,
  SECOND_CLIENT_ID,
  SECOND_REDIRECT_URI,
  TEST_CLIENT_ID,
  authorizeUrl,
  clientAssertion,
  codeFor,
  exchange,
  press,
  simulatorForFile,
  tokenRequest,
  type TestKey,
} from "./helpers";

const world = simulatorForFile();

/**
 * An ID token's jti for a person at the second client (RP1, paired with the test client): what
 * RP1 holds after logging someone in.
 */
async function idTokenJti(personaId = "p9"): Promise<{ jti: string; sub: string }> {
  const { code } = await codeFor(world.issuer, personaId, {
    client_id: SECOND_CLIENT_ID,
    redirect_uri: SECOND_REDIRECT_URI,
    scope: "openid email",
    vtr: '["P0.Cp","P9.Cp.Cd"]',
  });
  const tokens = await tokenRequest(world.issuer, {
    grant_type: "authorization_code",
    code,
    redirect_uri: SECOND_REDIRECT_URI,
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion: await clientAssertion(world.issuer, world.secondKey, {}, SECOND_CLIENT_ID),
  });
  const claims = decodeJwt(String(tokens.body.id_token));
  return { jti: String(claims.jti), sub: String(claims.sub) };
}

async function assertion(
  code: string,
  options: { key?: TestKey; iss?: string; lifetime?: number; alg?: string; jti?: string } = {},
): Promise<string> {
  const iat = Math.floor(Date.now() / 1000);
  const key = options.key ?? world.secondKey;
  return new SignJWT({ code })
    .setProtectedHeader({ alg: options.alg ?? "RS512", kid: key.publicJwk.kid })
    .setIssuer(options.iss ?? SECOND_CLIENT_ID)
    .setJti(options.jti ?? randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.lifetime ?? 60))
    .sign(key.privateKey);
}

async function silentAuthorize(token: string, extra: Record<string, string> = {}) {
  const browser = new Browser();
  const state = randomUUID();
  const result = await browser.follow(
    world.issuer,
    await browser.get(
      authorizeUrl(world.issuer, {
        prompt: "none",
        asserted_login_identity: token,
        state,
        ...extra,
      }),
    ),
  );
  return { browser, result, state };
}

describe("asserted_login_identity at /authorize", () => {
  it("logs the person in without asking them to log in", async () => {
    const { jti, sub } = await idTokenJti();
    const { browser, result } = await silentAuthorize(await assertion(jti));
    expect(result.page?.html).toContain('data-testid="consent-agree"');
    const done = await press(browser, world.issuer, result.page!, "consent-agree");
    const tokens = await exchange(
      world.issuer,
      world.key,
      done.callback?.searchParams.get("code") ?? "",
    );
    expect(decodeJwt(String(tokens.body.id_token)).sub).toBe(sub);
  });

  it.each<[string, (jti: string) => Promise<string>]>([
    ["lives longer than 60 seconds", (jti) => assertion(jti, { lifetime: 120 })],
    [
      "has expired",
      async (jti) => {
        const iat = Math.floor(Date.now() / 1000) - 120;
        return new SignJWT({ code: jti })
          .setProtectedHeader({ alg: "RS512" })
          .setIssuer(SECOND_CLIENT_ID)
          .setJti(randomUUID())
          .setIssuedAt(iat)
          .setExpirationTime(iat + 60)
          .sign(world.secondKey.privateKey);
      },
    ],
    ["is signed RS256", (jti) => assertion(jti, { alg: "RS256" })],
    ["is signed with the wrong key", (jti) => assertion(jti, { key: world.key })],
    ["names an unknown code", () => assertion(randomUUID())],
    ["names an unregistered issuer", (jti) => assertion(jti, { iss: "stranger" })],
    ["is not a JWT", async () => "not-a-jwt"],
  ])("with prompt=none, returns sso_login_required when the token %s", async (_label, make) => {
    const { jti } = await idTokenJti();
    const { result, state } = await silentAuthorize(await make(jti));
    expect(result.callback?.searchParams.get("error")).toBe("sso_login_required");
    expect(result.callback?.searchParams.get("state")).toBe(state);
  });

  it("is single use", async () => {
    const { jti } = await idTokenJti();
    const token = await assertion(jti);
    expect((await silentAuthorize(token)).result.page?.html).toContain("consent-agree");
    expect((await silentAuthorize(token)).result.callback?.searchParams.get("error")).toBe(
      "sso_login_required",
    );
  });

  it("must come from a client paired with the receiver", async () => {
    // second-client accepts assertions from nobody.
    const { jti } = await idTokenJti();
    const { result } = await silentAuthorize(await assertion(jti), {
      client_id: SECOND_CLIENT_ID,
      redirect_uri: SECOND_REDIRECT_URI,
      scope: "openid email",
      vtr: '["P9.Cp.Cd"]',
    });
    expect(result.callback?.searchParams.get("error")).toBe("sso_login_required");
    expect(result.callback?.searchParams.get("error_description")).toContain("not paired");
  });

  it("is never accepted by the client that signed it", async () => {
    // The test client's own token, as its settings link would hand out: it must not log
    // whoever opens a link carrying it in as that person.
    const { code } = await codeFor(world.issuer, "p9");
    const own = decodeJwt(String((await exchange(world.issuer, world.key, code)).body.id_token));
    const token = await assertion(String(own.jti), { key: world.key, iss: TEST_CLIENT_ID });
    const { result } = await silentAuthorize(token);
    expect(result.callback?.searchParams.get("error")).toBe("sso_login_required");
    expect(result.callback?.searchParams.get("error_description")).toContain(
      `client ${TEST_CLIENT_ID} is not paired with ${TEST_CLIENT_ID}`,
    );
  });

  it("without prompt=none, an invalid token falls back to the log in page with a notice", async () => {
    const browser = new Browser();
    const result = await browser.follow(
      world.issuer,
      await browser.get(
        authorizeUrl(world.issuer, { asserted_login_identity: await assertion(randomUUID()) }),
      ),
    );
    expect(result.page?.html).toContain('data-testid="login-as-p9"');
    expect(result.page?.html).toContain("was not used");
  });
});

describe("the NHS login settings site", () => {
  it("shows the person's settings for a valid token, once", async () => {
    const { jti } = await idTokenJti("p5");
    const token = await assertion(jti);
    const ok = await fetch(`${world.issuer}/settings?asserted_login_identity=${token}`);
    expect(ok.status).toBe(200);
    const html = await ok.text();
    expect(html).toContain("p5@simulator.example");
    expect(html).toContain("999 000 0026");
    expect(html).toContain("This is a simulator, not NHS login");
    const reused = await fetch(`${world.issuer}/settings?asserted_login_identity=${token}`);
    expect(reused.status).toBe(401);
    expect(await reused.text()).toContain("already been used");
  });

  it("rejects a missing or malformed token with 400", async () => {
    expect((await fetch(`${world.issuer}/settings`)).status).toBe(400);
    expect((await fetch(`${world.issuer}/settings?asserted_login_identity=nonsense`)).status).toBe(
      400,
    );
  });
});

describe("the NHS App", () => {
  const service = "http://127.0.0.1:3999/nhs-app-entry?from=app";

  it("shows a persona picker and opens the service with an assertedLoginIdentity", async () => {
    const browser = new Browser();
    const pickerUrl = `${world.issuer}/nhs-app?service=${encodeURIComponent(service)}`;
    const picker = await browser.follow(world.issuer, await browser.get(pickerUrl));
    expect(picker.page?.html).toContain('data-testid="nhs-app-as-p9"');
    const opened = await press(browser, world.issuer, picker.page!, "nhs-app-as-p9");
    expect(opened.callback?.pathname).toBe("/nhs-app-entry");
    expect(opened.callback?.searchParams.get("from")).toBe("app");
    const token = opened.callback?.searchParams.get("assertedLoginIdentity") ?? "";
    const claims = decodeJwt(token);
    expect(claims.iss).toBe("nhs-app");
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBeLessThanOrEqual(60);

    // The service passes it on with prompt=none: the person is logged in as p9 without a log in page.
    const { browser: service2, result } = await silentAuthorize(token);
    const done = await press(service2, world.issuer, result.page!, "consent-agree");
    const tokens = await exchange(
      world.issuer,
      world.key,
      done.callback?.searchParams.get("code") ?? "",
    );
    expect(decodeJwt(String(tokens.body.id_token)).family_name).toBe("SIMNINE");
  });

  it("opens straight away with ?persona=", async () => {
    const response = await fetch(
      `${world.issuer}/nhs-app?service=${encodeURIComponent(service)}&persona=p5`,
      { redirect: "manual" },
    );
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toContain("assertedLoginIdentity=");
  });

  it("only opens services on a registered redirect URI's origin", async () => {
    const response = await fetch(
      `${world.issuer}/nhs-app?service=${encodeURIComponent("https://evil.example/")}`,
    );
    expect(response.status).toBe(400);
  });
});
