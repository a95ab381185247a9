import { decodeJwt, decodeProtectedHeader } from "jose";
import * as oidc from "openid-client";
import { describe, expect, it } from "vitest";
import { Browser, logInAndConsent, openidClient, simulatorForFile } from "./helpers";

const world = simulatorForFile();

async function signIn(personaId: string, scope: string, vtr?: string[]) {
  const config = await openidClient(world.issuer, world.key);
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: "http://127.0.0.1:3999/callback",
    scope,
    state,
    nonce,
    ...(vtr ? { vtr: JSON.stringify(vtr) } : {}),
  });
  const callback = await logInAndConsent(new Browser(), world.issuer, url.href, personaId);
  const tokens = await oidc.authorizationCodeGrant(config, callback, {
    expectedState: state,
    expectedNonce: nonce,
  });
  return { config, tokens };
}

describe("the happy path with openid-client", () => {
  it("logs a P9 person in and returns NHS login's ID token and userinfo", async () => {
    const { config, tokens } = await signIn(
      "p9",
      "openid profile profile_extended email phone gp_registration_details",
    );
    const idToken = tokens.id_token ?? "";
    expect(decodeProtectedHeader(idToken)).toMatchObject({ alg: "RS512", kid: expect.any(String) });
    const claims = decodeJwt(idToken);
    expect(Object.keys(claims).sort()).toEqual(
      [
        "aud",
        "auth_time",
        "birthdate",
        "exp",
        "family_name",
        "iat",
        "identity_proofing_level",
        "iss",
        "jti",
        "nhs_number",
        "nonce",
        "sub",
        "vot",
        "vtm",
      ].sort(),
    );
    expect(claims).toMatchObject({
      iss: world.issuer,
      aud: "test-client",
      vot: "P9.Cp.Cd",
      vtm: `${world.issuer}/trustmark/${new URL(world.issuer).host}`,
      identity_proofing_level: "P9",
      nhs_number: "9990000034",
    });
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600);

    const accessClaims = decodeJwt(tokens.access_token);
    expect(decodeProtectedHeader(tokens.access_token).alg).toBe("RS512");
    expect((accessClaims.exp ?? 0) - (accessClaims.iat ?? 0)).toBe(300);
    expect(tokens.expires_in).toBe(300);
    expect(tokens.refresh_token).toBeUndefined();

    const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub ?? "");
    expect(userinfo).toEqual({
      sub: claims.sub,
      nhs_number: "9990000034",
      birthdate: "1970-09-09",
      family_name: "SIMNINE",
      identity_proofing_level: "P9",
      given_name: "Nadia",
      email: "p9@simulator.example",
      email_verified: true,
      phone_number: expect.stringMatching(/^\+447700900\d{3}$/),
      phone_number_verified: true,
      phone_number_pds_matched: true,
      gp_registration_details: { gp_ods_code: "Y90002" },
    });
  });

  it("gives a P0 person only what exists at P0", async () => {
    const { config, tokens } = await signIn("p0", "openid profile email phone", ["P0.Cp"]);
    const claims = decodeJwt(tokens.id_token ?? "");
    expect(claims.vot).toBe("P0.Cp");
    expect(claims.nhs_number).toBeUndefined();
    expect(claims.identity_proofing_level).toBeUndefined();
    const userinfo = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub ?? "");
    expect(Object.keys(userinfo).sort()).toEqual(
      [
        "email",
        "email_verified",
        "phone_number",
        "phone_number_pds_matched",
        "phone_number_verified",
        "sub",
      ].sort(),
    );
  });

  it("returns IM1 credentials only to P9 people who have them", async () => {
    const { config, tokens } = await signIn(
      "p9-im1",
      "openid gp_integration_credentials gp_registration_details",
    );
    const userinfo = await oidc.fetchUserInfo(
      config,
      tokens.access_token,
      decodeJwt(tokens.id_token ?? "").sub ?? "",
    );
    expect(userinfo.gp_integration_credentials).toEqual({
      gp_user_id: "sim-im1-user-0003",
      gp_linkage_key: "SIMLINKKEY0003",
      gp_ods_code: "Y90003",
    });
  });
});
