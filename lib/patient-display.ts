import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import type { ContactDetails } from "./contact-details";
import type { Patient } from "./nhs-login/claims";
import { formatNhsNumber } from "nhs-login-vocabulary";

/**
 * The one label for each thing the portal shows about a person or their GP surgery, on every
 * page that shows it; the functions below are the one way each is written.
 */
export const DETAIL_LABELS = {
  name: "Name",
  birthdate: "Date of birth",
  nhsNumber: "NHS number",
  address: "Address",
  phone: "Phone number",
  email: "Email address",
  gpSurgery: "GP surgery",
  gpSurgeryCode: "GP surgery code",
  level: "Identity verification",
} as const;

function fullName(patient: Patient): string {
  return [patient.givenName, patient.familyName].filter(Boolean).join(" ");
}

/**
 * The name to greet a person by: names if NHS login shared them, else their email, but only
 * where the page may show their contact details (lib/contact-details.ts); an email address
 * can say where someone whose record is restricted is to be found.
 */
export function displayName(patient: Patient, contact: ContactDetails | undefined): string {
  return fullName(patient) || (contact?.shown && patient.email) || "Your account";
}

/**
 * The header's link to the person's profile: their name, or for someone NHS login knows only by
 * email, "Your profile" (an email address is too long to sit beside "Log out" on a phone).
 */
export function accountLabel(patient: Patient): string {
  return fullName(patient) || "Your profile";
}

const DATE = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** "2018-08-06" → "6 August 2018"; anything that is not a full date is shown as given. */
export function formatBirthdate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls an impossible date over ("2018-13-45" would be February 2019): refuse it.
  const real = date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? DATE.format(date) : value;
}

export { formatNhsNumber };

/**
 * NHS login gives phone numbers in international form ("+447700900003"); people know their own
 * in the national one ("07700 900003"). A number from abroad keeps its country code, grouped;
 * anything unreadable is shown as given.
 */
export function formatPhoneNumber(value: string): string {
  const number = parsePhoneNumberFromString(value, "GB");
  if (!number?.isPossible()) return value;
  return number.countryCallingCode === "44"
    ? number.formatNational()
    : number.formatInternational();
}

const LEVEL_DESCRIPTIONS = {
  P0: "Low: your email address and mobile phone number are confirmed",
  P5: "Medium: your details are matched to your NHS record",
  P9: "High: your identity has been checked against your photo ID",
} as const;

export function describeLevel(level: Patient["level"]): string {
  return LEVEL_DESCRIPTIONS[level];
}
