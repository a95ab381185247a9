import { randomUUID } from "node:crypto";
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from "jose";
import * as oidc from "openid-client";
import { describe, expect, it } from "vitest";
import type { FaultName } from "../faults";
import {
  Browser,
  REDIRECT_URI,
  TEST_CLIENT_ID,
  authorizeUrl,
  clientAssertion,
  codeFor,
  exchange,
  logInAndConsent,
  openidClient,
  press,
  simulatorForFile,
} from "./helpers";

const world = simulatorForFile();

async function freshPerson(template = "p9") {
  return (await world.control.createPersona(template)).id;
}

describe("the control API", () => {
  it("creates fresh personas from templates, each with their own NHS number", async () => {
    const a = await world.control.createPersona("p9-im1");
    const b = await world.control.createPersona("p9-im1");
    expect(a.id).not.toBe(b.id);
    expect(a.sub).not.toBe(b.sub);
    expect(a.demographics?.nhsNumber).not.toBe(b.demographics?.nhsNumber);
    expect(a.gpIntegrationCredentials?.gp_ods_code).toBe(a.demographics?.gpOdsCode);
    expect((await world.control.listPersonas()).map((persona) => persona.id)).toContain(a.id);
    const named = await world.control.createPersona("p5", `named-${randomUUID().slice(0, 8)}`);
    expect(named.email).toBe(`${named.id}@simulator.example`);
  });

  it("explains what is wrong with a request", async () => {
    await expect(
      world.control.injectFault({ fault: "no_such_fault" as FaultName, persona: "p9" }),
    ).rejects.toThrow(/fault must be one of/);
    await expect(world.control.injectFault({ fault: "token_server_error" })).rejects.toThrow(
      /persona or the client/,
    );
    await expect(
      world.control.injectFault({ fault: "token_server_error", persona: "nobody" }),
    ).rejects.toThrow(/unknown persona/);
    await expect(world.control.createPersona("nobody")).rejects.toThrow(/unknown template/);
  });

  it("applies a fault to the next matching response only, and clears faults per persona", async () => {
    const person = await freshPerson();
    await world.control.injectFault({ persona: person, fault: "token_server_error" });
    const other = await freshPerson();
    expect(
      (await exchange(world.issuer, world.key, (await codeFor(world.issuer, other)).code)).status,
    ).toBe(200);
    expect(
      (await exchange(world.issuer, world.key, (await codeFor(world.issuer, person)).code)).status,
    ).toBe(500);
    expect(
      (await exchange(world.issuer, world.key, (await codeFor(world.issuer, person)).code)).status,
    ).toBe(200);

    await world.control.injectFault({ persona: person, fault: "token_invalid_grant" });
    expect((await world.control.listFaults()).faults).toHaveLength(1);
    await world.control.clearFaults({ persona: person });
    expect((await world.control.listFaults()).faults).toHaveLength(0);
  });
});

describe("authorize faults", () => {
  it.each([
    ["authorize_access_denied", "access_denied"],
    ["authorize_server_error", "server_error"],
    ["authorize_temporarily_unavailable", "temporarily_unavailable"],
    ["authorize_sso_login_required", "sso_login_required"],
    ["authorize_invalid_scope", "invalid_scope"],
  ] as const)("%s keyed by persona is returned after log in", async (fault, error) => {
    const person = await freshPerson();
    await world.control.injectFault({ persona: person, fault });
    const browser = new Browser();
    const state = randomUUID();
    const start = await browser.follow(
      world.issuer,
      await browser.get(authorizeUrl(world.issuer, { state })),
    );
    const result = await press(browser, world.issuer, start.page!, `login-as-${person}`);
    expect(result.callback?.searchParams.get("error")).toBe(error);
    expect(result.callback?.searchParams.get("state")).toBe(state);
  });

  it("keyed by client is returned before anyone logs in", async () => {
    await world.control.injectFault({
      client: TEST_CLIENT_ID,
      fault: "authorize_temporarily_unavailable",
    });
    const browser = new Browser();
    const result = await browser.follow(
      world.issuer,
      await browser.get(authorizeUrl(world.issuer, {})),
    );
    expect(result.callback?.searchParams.get("error")).toBe("temporarily_unavailable");
  });
});

describe("token endpoint faults", () => {
  it("token_server_error answers HTTP 500", async () => {
    const person = await freshPerson();
    await world.control.injectFault({ persona: person, fault: "token_server_error" });
    const response = await exchange(
      world.issuer,
      world.key,
      (await codeFor(world.issuer, person)).code,
    );
    expect(response.status).toBe(500);
    expect(response.body.error).toBe("server_error");
  });

  it("token_invalid_grant answers invalid_grant", async () => {
    const person = await freshPerson();
    await world.control.injectFault({ persona: person, fault: "token_invalid_grant" });
    const response = await exchange(
      world.issuer,
      world.key,
      (await codeFor(world.issuer, person)).code,
    );
    expect(response.status).toBe(400);
    expect(response.body.error).toBe("invalid_grant");
  });

  it("token_slow holds the response for delayMs", async () => {
    const person = await freshPerson();
    await world.control.injectFault({ persona: person, fault: "token_slow", delayMs: 700 });
    const { code } = await codeFor(world.issuer, person);
    const started = Date.now();
    expect((await exchange(world.issuer, world.key, code)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(650);
  });

  it("token_slow outlasts a client timeout", async () => {
    const person = await freshPerson();
    await world.control.injectFault({ persona: person, fault: "token_slow" });
    const { code } = await codeFor(world.issuer, person);
    const request = fetch(`${world.issuer}/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code,
        redirect_uri: REDIRECT_URI,
        client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
        client_assertion: await clientAssertion(world.issuer, world.key),
      }),
      signal: AbortSignal.timeout(300),
    });
    await expect(request).rejects.toThrow();
  });
});

describe("ID token faults", () => {
  async function idTokenWith(fault: FaultName) {
    const person = await freshPerson();
    await world.control.injectFault({ persona: person, fault });
    const { code, nonce } = await codeFor(world.issuer, person, { vtr: '["P9.Cp.Cd"]' });
    const token = String((await exchange(world.issuer, world.key, code)).body.id_token);
    return { token, nonce, header: decodeProtectedHeader(token), claims: decodeJwt(token) };
  }

  async function verifies(token: string): Promise<boolean> {
    const jwks = (await (await fetch(`${world.issuer}/.well-known/jwks.json`)).json()) as {
      keys: never[];
    };
    try {
      await jwtVerify(token, createLocalJWKSet({ keys: jwks.keys }), { algorithms: ["RS512"] });
      return true;
    } catch {
      return false;
    }
  }

  it("id_token_wrong_iss", async () => {
    const { claims, token } = await idTokenWith("id_token_wrong_iss");
    expect(claims.iss).not.toBe(world.issuer);
    expect(await verifies(token)).toBe(true);
  });
  it("id_token_wrong_aud", async () => {
    expect((await idTokenWith("id_token_wrong_aud")).claims.aud).not.toBe(TEST_CLIENT_ID);
  });
  it("id_token_expired", async () => {
    expect((await idTokenWith("id_token_expired")).claims.exp).toBeLessThan(Date.now() / 1000);
  });
  it("id_token_short_lived", async () => {
    const { claims, token } = await idTokenWith("id_token_short_lived");
    expect(claims.exp! - claims.iat!).toBe(20);
    expect(await verifies(token)).toBe(true);
  });
  it("id_token_iat_in_future", async () => {
    expect((await idTokenWith("id_token_iat_in_future")).claims.iat).toBeGreaterThan(
      Date.now() / 1000 + 600,
    );
  });
  it("id_token_bad_signature", async () => {
    const { token, header } = await idTokenWith("id_token_bad_signature");
    expect(header.alg).toBe("RS512");
    expect(await verifies(token)).toBe(false);
  });
  it("id_token_alg_none", async () => {
    const { token, header } = await idTokenWith("id_token_alg_none");
    expect(header.alg).toBe("none");
    expect(token.endsWith(".")).toBe(true);
  });
  it("id_token_hs512_public_key", async () => {
    const { header } = await idTokenWith("id_token_hs512_public_key");
    expect(header.alg).toBe("HS512");
  });
  it("id_token_unknown_kid", async () => {
    const { header, token } = await idTokenWith("id_token_unknown_kid");
    const jwks = (await (await fetch(`${world.issuer}/.well-known/jwks.json`)).json()) as {
      keys: Array<{ kid: string }>;
    };
    expect(jwks.keys.map((key) => key.kid)).not.toContain(header.kid);
    expect(await verifies(token)).toBe(false);
  });
  it("id_token_missing_nonce", async () => {
    expect((await idTokenWith("id_token_missing_nonce")).claims).not.toHaveProperty("nonce");
  });
  it("id_token_wrong_nonce", async () => {
    const { claims, nonce } = await idTokenWith("id_token_wrong_nonce");
    expect(claims.nonce).not.toBe(nonce);
  });
  it("id_token_unrequested_vot", async () => {
    const { claims } = await idTokenWith("id_token_unrequested_vot");
    expect(claims.vot).not.toBe("P9.Cp.Cd");
  });
  it("id_token_missing_vot", async () => {
    expect((await idTokenWith("id_token_missing_vot")).claims).not.toHaveProperty("vot");
  });
  it("id_token_missing_auth_time", async () => {
    const { claims } = await idTokenWith("id_token_missing_auth_time");
    expect(claims).not.toHaveProperty("auth_time");
    expect(claims).toHaveProperty("vot");
  });

  // openid-client (oauth4webapi, as next-auth uses) trusts an ID token fetched over TLS from the
  // token endpoint without checking its signature, kid or a future iat, so those faults pass it:
  // a relying party that wants those checks must make them itself.
  it.each([
    "id_token_wrong_iss",
    "id_token_wrong_aud",
    "id_token_expired",
    "id_token_alg_none",
    "id_token_hs512_public_key",
    "id_token_missing_nonce",
    "id_token_wrong_nonce",
  ] as const)("openid-client refuses %s", async (fault) => {
    const person = await freshPerson();
    await world.control.injectFault({ persona: person, fault });
    const config = await openidClient(world.issuer, world.key);
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT_URI,
      scope: "openid",
      state,
      nonce,
    });
    const callback = await logInAndConsent(new Browser(), world.issuer, url.href, person);
    await expect(
      oidc.authorizationCodeGrant(config, callback, { expectedState: state, expectedNonce: nonce }),
    ).rejects.toThrow();
  });
});

describe("userinfo faults", () => {
  async function accessTokenFor(person: string) {
    const { code } = await codeFor(world.issuer, person);
    return String((await exchange(world.issuer, world.key, code)).body.access_token);
  }
  const userinfo = (token: string) =>
    fetch(`${world.issuer}/userinfo`, { headers: { authorization: `Bearer ${token}` } });

  it("userinfo_other_sub returns a different sub", async () => {
    const person = await freshPerson();
    const token = await accessTokenFor(person);
    await world.control.injectFault({ persona: person, fault: "userinfo_other_sub" });
    const body = (await (await userinfo(token)).json()) as { sub: string };
    expect(body.sub).not.toBe(decodeJwt(token).sub);
    const again = (await (await userinfo(token)).json()) as { sub: string };
    expect(again.sub).toBe(decodeJwt(token).sub);
  });

  it("userinfo_unauthorized answers 401 and userinfo_server_error 500", async () => {
    const person = await freshPerson();
    const token = await accessTokenFor(person);
    await world.control.injectFault({ persona: person, fault: "userinfo_unauthorized" });
    const unauthorized = await userinfo(token);
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get("www-authenticate")).toContain("invalid_token");
    await world.control.injectFault({ persona: person, fault: "userinfo_server_error" });
    expect((await userinfo(token)).status).toBe(500);
  });
});

describe("JWKS faults", () => {
  it("jwks_rotate publishes a new key and drops the old one", async () => {
    const before = (await (await fetch(`${world.issuer}/.well-known/jwks.json`)).json()) as {
      keys: Array<{ kid: string }>;
    };
    const { kid } = await world.control.injectFault({ fault: "jwks_rotate" });
    const after = (await (await fetch(`${world.issuer}/.well-known/jwks.json`)).json()) as {
      keys: Array<{ kid: string }>;
    };
    expect(after.keys.map((key) => key.kid)).toEqual([kid]);
    expect(after.keys.map((key) => key.kid)).not.toContain(before.keys[0]?.kid);
    const { code } = await codeFor(world.issuer, await freshPerson());
    expect(
      decodeProtectedHeader(String((await exchange(world.issuer, world.key, code)).body.id_token))
        .kid,
    ).toBe(kid);
  });

  it("jwks_unavailable answers 503 until reset", async () => {
    await world.control.injectFault({ fault: "jwks_unavailable" });
    expect((await fetch(`${world.issuer}/.well-known/jwks.json`)).status).toBe(503);
    expect((await fetch(`${world.issuer}/.well-known/jwks.json`)).status).toBe(503);
    await world.control.reset();
    expect((await fetch(`${world.issuer}/.well-known/jwks.json`)).status).toBe(200);
  });

  it("jwks_hang holds requests open until reset", async () => {
    await world.control.injectFault({ fault: "jwks_hang" });
    await expect(
      fetch(`${world.issuer}/.well-known/jwks.json`, { signal: AbortSignal.timeout(300) }),
    ).rejects.toThrow();
    const pending = fetch(`${world.issuer}/.well-known/jwks.json`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await world.control.reset();
    expect((await pending).status).toBe(200);
  });
});
