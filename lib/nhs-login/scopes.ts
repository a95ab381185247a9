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
