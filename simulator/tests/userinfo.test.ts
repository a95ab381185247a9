import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { codeFor, exchange, simulatorForFile } from "./helpers";

const world = simulatorForFile();

async function accessToken(personaId: string, scope: string, vtr?: string): Promise<string> {
  const { code } = await codeFor(world.issuer, personaId, { scope, vtr });
  return String((await exchange(world.issuer, world.key, code)).body.access_token);
}

function call(token: string | undefined, init: RequestInit = {}) {
  return fetch(`${world.issuer}/userinfo`, {
    ...init,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers },
  });
}

describe("userinfo", () => {
  it("answers GET and POST with claims by scope, sub always", async () => {
    const token = await accessToken("p9-im1-invalid", "openid email gp_integration_credentials");
    for (const method of ["GET", "POST"]) {
      const body = (await (await call(token, { method })).json()) as Record<string, unknown>;
      expect(body.sub).toBe(decodeJwt(token).sub);
      expect(body.email).toBe("p9-im1-invalid@simulator.example");
      expect(body.gp_integration_credentials).toEqual({
        gp_user_id: "sim-im1-user-0004",
        gp_linkage_key: "",
        gp_ods_code: "Y99999",
      });
      expect(body).not.toHaveProperty("nhs_number");
    }
  });

  it("never sends null: claims without a value are left out", async () => {
    const token = await accessToken(
      "p0",
      "openid profile profile_extended gp_registration_details client_metadata",
      '["P0.Cp"]',
    );
    expect(await (await call(token)).json()).toEqual({ sub: decodeJwt(token).sub });
  });

  it("refuses a missing, malformed or forged token with 401", async () => {
    expect((await call(undefined)).status).toBe(401);
    const missing = await call("not-a-token");
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer /);
    const token = await accessToken("p9", "openid");
    const [header, payload] = token.split(".");
    expect((await call(`${header}.${payload}.AAAA`)).status).toBe(401);
  });

  it("PATCH sets client_user_metadata for that client only (at most 1024 characters)", async () => {
    const person = await world.control.createPersona("p9");
    const token = await accessToken(person.id, "openid client_metadata");
    const patch = (value: string) =>
      call(token, {
        method: "PATCH",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ client_user_metadata: value }),
      });
    expect((await patch("x".repeat(1025))).status).toBe(400);
    expect((await patch("portal-preferences-v1")).status).toBe(204);
    expect(
      ((await (await call(token)).json()) as Record<string, unknown>).client_user_metadata,
    ).toBe("portal-preferences-v1");

    const withoutScope = await accessToken(person.id, "openid");
    const refused = await fetch(`${world.issuer}/userinfo`, {
      method: "PATCH",
      headers: { authorization: `Bearer ${withoutScope}`, "content-type": "application/json" },
      body: JSON.stringify({ client_user_metadata: "x" }),
    });
    expect(refused.status).toBe(403);
  });
});
