/** NHS login's scopes (the portal's list) and the claims each releases, by proofing level. */
import { KNOWN_SCOPES as SCOPES, type Scope } from "../lib/nhs-login/scopes";
import type { Level } from "./vectors";

export { SCOPES, type Scope };

export function isScope(value: unknown): value is Scope {
  return typeof value === "string" && (SCOPES as readonly string[]).includes(value);
}

export const SCOPE_CLAIMS: Record<Scope, readonly string[]> = {
  openid: ["sub", "iss", "aud"],
  profile: ["nhs_number", "birthdate", "family_name", "identity_proofing_level"],
  profile_extended: ["given_name"],
  basic_demographics: ["birthdate", "family_name", "identity_proofing_level"],
  email: ["email", "email_verified"],
  phone: ["phone_number", "phone_number_verified", "phone_number_pds_matched"],
  landline: ["landline_number", "landline_number_verified"],
  gp_registration_details: ["gp_registration_details"],
  gp_integration_credentials: ["gp_integration_credentials"],
  client_metadata: ["client_user_metadata"],
  nhs_app_credentials: [],
};

export const CLAIMS_SUPPORTED = [...new Set(Object.values(SCOPE_CLAIMS).flat())].concat([
  "vot",
  "vtm",
  "auth_time",
  "nonce",
  "exp",
  "iat",
  "jti",
]);

/** The lowest level at which a scope's claims exist. */
export const SCOPE_MINIMUM_LEVEL: Record<Scope, Level> = {
  openid: "P0",
  profile: "P5",
  profile_extended: "P5",
  basic_demographics: "P5",
  email: "P0",
  phone: "P0",
  landline: "P0",
  gp_registration_details: "P5",
  gp_integration_credentials: "P9",
  client_metadata: "P0",
  nhs_app_credentials: "P9",
};

/** The portal's registration: everything it needs and nothing it does not. */
export const PORTAL_SCOPES: readonly Scope[] = [
  "openid",
  "profile",
  "profile_extended",
  "email",
  "phone",
  "gp_registration_details",
  "gp_integration_credentials",
  "client_metadata",
];
