/**
 * What must never reach a log line, a span or an attribute: tokens, codes, and anything about the
 * person. Logs (lib/log.ts) and traces (lib/telemetry/) both apply these rules, so they hold by
 * construction rather than by each caller's care.
 */

/** Field and attribute names whose values are always withheld, whatever they hold. */
export const SENSITIVE_NAMES = [
  "token",
  "accessToken",
  "access_token",
  "idToken",
  "id_token",
  "id_token_hint",
  "refreshToken",
  "refresh_token",
  "code",
  "code_verifier",
  "client_assertion",
  "state",
  "nonce",
  "authorization",
  "cookie",
  "set-cookie",
  "assertedLoginIdentity",
  "asserted_login_identity",
  "sub",
  "nhsNumber",
  "nhs_number",
  "name",
  "givenName",
  "given_name",
  "familyName",
  "family_name",
  "birthdate",
  "dateOfBirth",
  "address",
  "postcode",
  "email",
  "phone",
  "phoneNumber",
  "phone_number",
] as const;

export const WITHHELD = "[withheld]";

const sensitive = new Set<string>(SENSITIVE_NAMES.map((name) => name.toLowerCase()));

export function isSensitiveName(name: string): boolean {
  return sensitive.has(name.toLowerCase());
}

/** Values that are personal data or secrets whatever they are called. */
const SENSITIVE_TEXT: RegExp[] = [
  // JWTs and JWEs: ID tokens, access tokens, client assertions, asserted login identities.
  /\beyJ[\w-]{4,}\.[\w-]*\.[\w.-]*/g,
  // E-mail addresses.
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  // NHS numbers and phone numbers: ten or more digits, however spaced.
  /\+?\d(?:[ -]?\d){9,}/g,
];

/** A URL's query and fragment carry codes, state and identities: only the address is kept. */
const URL_QUERY = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s?#"']*|(?:^|\s)\/[^\s?#"']*)[?#][^\s"']*/gi;

/** Text with secrets and personal data replaced, for a log line, a span name or an attribute. */
export function scrubText(text: string): string {
  let scrubbed = text.replace(URL_QUERY, `$1?${WITHHELD}`);
  for (const pattern of SENSITIVE_TEXT) scrubbed = scrubbed.replace(pattern, WITHHELD);
  return scrubbed;
}
