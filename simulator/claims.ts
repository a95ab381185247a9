/** Which of a person's details each scope releases, at their proofing level. */
import { loginLevel, type Persona } from "./personas";
import { meetsLevel, SCOPE_MINIMUM_LEVEL, type Scope } from "nhs-login-vocabulary";

export type Claims = Record<string, unknown>;

/** What a scope releases depends on the level the log-in proved, not the highest reached. */
function available(persona: Persona, scope: Scope, scopes: ReadonlySet<string>): boolean {
  return scopes.has(scope) && meetsLevel(loginLevel(persona), SCOPE_MINIMUM_LEVEL[scope]);
}

/** Absent values are left out, never sent as null. */
function compact(claims: Claims): Claims {
  return Object.fromEntries(
    Object.entries(claims).filter(([, value]) => value !== undefined && value !== null),
  );
}

/** Person claims that go in the ID token: `profile` (or `basic_demographics`) at P5 and P9. */
export function idTokenPersonClaims(persona: Persona, scopes: ReadonlySet<string>): Claims {
  const demographics = persona.demographics;
  if (!demographics) return {};
  const claims: Claims = {};
  if (available(persona, "profile", scopes)) {
    Object.assign(claims, {
      nhs_number: demographics.nhsNumber,
      birthdate: demographics.birthdate,
      family_name: demographics.familyName,
      identity_proofing_level: persona.level,
    });
  } else if (available(persona, "basic_demographics", scopes)) {
    Object.assign(claims, {
      birthdate: demographics.birthdate,
      family_name: demographics.familyName,
      identity_proofing_level: persona.level,
    });
  }
  return compact(claims);
}

/** The UserInfo response: `sub` always, everything else by scope and level. */
export function userinfoClaims(
  persona: Persona,
  scopes: ReadonlySet<string>,
  clientId: string,
): Claims {
  const demographics = persona.demographics;
  const claims: Claims = { sub: persona.sub, ...idTokenPersonClaims(persona, scopes) };
  if (demographics && available(persona, "profile_extended", scopes)) {
    claims.given_name = demographics.givenName;
  }
  if (available(persona, "email", scopes)) {
    Object.assign(claims, { email: persona.email, email_verified: true });
  }
  if (available(persona, "phone", scopes)) {
    Object.assign(claims, {
      phone_number: persona.phoneNumber,
      phone_number_verified: true,
      phone_number_pds_matched: persona.level !== "P0",
    });
  }
  if (persona.landlineNumber && available(persona, "landline", scopes)) {
    Object.assign(claims, {
      landline_number: persona.landlineNumber,
      landline_number_verified: true,
    });
  }
  if (demographics?.gpOdsCode && available(persona, "gp_registration_details", scopes)) {
    claims.gp_registration_details = { gp_ods_code: demographics.gpOdsCode };
  }
  if (
    persona.gpIntegrationCredentials &&
    available(persona, "gp_integration_credentials", scopes)
  ) {
    claims.gp_integration_credentials = { ...persona.gpIntegrationCredentials };
  }
  if (available(persona, "client_metadata", scopes)) {
    claims.client_user_metadata = persona.clientMetadata.get(clientId);
  }
  return compact(claims);
}

/** The consent page's list, in plain words, of what a request shares about this person. */
export function consentItems(persona: Persona, scopes: ReadonlySet<string>): string[] {
  const items = ["a unique reference for your NHS login"];
  const add = (scope: Scope, ...words: string[]) => {
    if (available(persona, scope, scopes)) items.push(...words);
  };
  // In the order people give their details: names, date of birth, NHS number, then contacts.
  add("profile_extended", "your first name");
  add(
    "profile",
    "your surname",
    "your date of birth",
    "your NHS number",
    "how well your identity has been checked",
  );
  add(
    "basic_demographics",
    "your surname",
    "your date of birth",
    "how well your identity has been checked",
  );
  add("email", "your email address");
  add("phone", "your mobile phone number");
  if (persona.landlineNumber) add("landline", "your landline phone number");
  if (persona.demographics?.gpOdsCode)
    add("gp_registration_details", "the GP surgery you are registered with");
  if (persona.gpIntegrationCredentials) {
    add(
      "gp_integration_credentials",
      "the details that link you to your GP surgery's online services",
    );
  }
  add("client_metadata", "information this service saves with your NHS login");
  return [...new Set(items)];
}
