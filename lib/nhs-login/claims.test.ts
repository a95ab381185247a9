import { describe, expect, it } from "vitest";
import { ClaimsError, patientFromClaims, type IdTokenClaims, type UserInfo } from "./claims";

const idToken: IdTokenClaims = {
  iss: "https://auth.login.nhs.uk",
  sub: "sub-1",
  aud: "portal",
  exp: 2,
  iat: 1,
  jti: "jti-1",
  vot: "P9.Cp.Cd",
  vtm: "https://auth.login.nhs.uk/trustmark/auth.login.nhs.uk",
  nhs_number: "9434765919",
  birthdate: "1970-01-31",
  family_name: "MILLAR",
  identity_proofing_level: "P9",
};

const userInfo: UserInfo = {
  sub: "sub-1",
  nhs_number: "9434765919",
  birthdate: "1970-01-31",
  family_name: "MILLAR",
  given_name: "Mona",
  identity_proofing_level: "P9",
  email: "mona@example.com",
  email_verified: true,
  phone_number: "+447700900000",
  gp_registration_details: { gp_ods_code: "Y12345" },
};

describe("patient from NHS login claims", () => {
  it("takes names, contact details and GP practice from userinfo and the level from vot", () => {
    expect(patientFromClaims(idToken, "P9.Cp.Cd", userInfo)).toEqual({
      sub: "sub-1",
      level: "P9",
      vot: "P9.Cp.Cd",
      highestLevel: "P9",
      nhsNumber: "9434765919",
      givenName: "Mona",
      familyName: "MILLAR",
      birthdate: "1970-01-31",
      email: "mona@example.com",
      phoneNumber: "+447700900000",
      gpOdsCode: "Y12345",
      gpOnlineServices: "not-shared",
    });
  });

  it("keeps a P0 person's profile to what they shared, with nothing null", () => {
    const p0 = patientFromClaims(
      {
        ...idToken,
        vot: "P0.Cp",
        nhs_number: undefined,
        birthdate: undefined,
        family_name: undefined,
        identity_proofing_level: "P0",
      },
      "P0.Cp",
      {
        sub: "sub-1",
        email: "p0@example.com",
        phone_number: "+447700900001",
        identity_proofing_level: "P0",
      },
    );
    expect(p0).toEqual({
      sub: "sub-1",
      level: "P0",
      vot: "P0.Cp",
      highestLevel: "P0",
      email: "p0@example.com",
      phoneNumber: "+447700900001",
      gpOnlineServices: "not-shared",
    });
  });

  it("records a sign-in below the person's highest level", () => {
    const patient = patientFromClaims({ ...idToken, vot: "P5.Cp.Cd" }, "P5.Cp.Cd", userInfo);
    expect(patient.level).toBe("P5");
    expect(patient.highestLevel).toBe("P9");
  });

  it("refuses an NHS number that fails its check digit", () => {
    expect(() =>
      patientFromClaims(idToken, "P9.Cp.Cd", { ...userInfo, nhs_number: "9434765918" }),
    ).toThrow(ClaimsError);
  });

  it("links GP online services only with complete credentials for the registered practice", () => {
    const credentials = { gp_user_id: "u-1", gp_linkage_key: "k-1", gp_ods_code: "Y12345" };
    const linked = (extra: Partial<UserInfo>) =>
      patientFromClaims(idToken, "P9.Cp.Cd", { ...userInfo, ...extra }).gpOnlineServices;
    expect(linked({ gp_integration_credentials: credentials })).toBe("linked");
    expect(linked({ gp_integration_credentials: { ...credentials, gp_linkage_key: "" } })).toBe(
      "invalid",
    );
    expect(linked({ gp_integration_credentials: { ...credentials, gp_ods_code: "A99999" } })).toBe(
      "invalid",
    );
  });

  it("never keeps the linkage key itself", () => {
    const patient = patientFromClaims(idToken, "P9.Cp.Cd", {
      ...userInfo,
      gp_integration_credentials: {
        gp_user_id: "u-1",
        gp_linkage_key: "secret-key",
        gp_ods_code: "Y12345",
      },
    });
    expect(JSON.stringify(patient)).not.toContain("secret-key");
  });
});
