/** NHS login's scopes, the claims each releases, and the lowest level at which they exist. */
import type { Level } from "./vectors";

/** The scopes NHS login offers, as its discovery document lists them. */
export const KNOWN_SCOPES = [
  "openid",
  "profile",
  "profile_extended",
  "basic_demographics",
  "email",
  "phone",
  "landline",
  "gp_registration_details",
  "gp_integration_credentials",
  "client_metadata",
  "nhs_app_credentials",
] as const;
export type Scope = (typeof KNOWN_SCOPES)[number];

export function isScope(value: unknown): value is Scope {
  return typeof value === "string" && (KNOWN_SCOPES as readonly string[]).includes(value);
}

/** The claims each scope releases (NHS login's "scopes and claims" table). */
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

/** The lowest proofing level at which a scope's claims exist. */
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

/** What every ID token holds, and what it holds when it applies; nothing else is in it. */
export const ID_TOKEN_CLAIMS = {
  always: ["iss", "sub", "aud", "exp", "iat", "jti", "vot", "vtm"],
  whenApplicable: [
    "nonce",
    "auth_time",
    "nhs_number",
    "birthdate",
    "family_name",
    "identity_proofing_level",
  ],
} as const;
