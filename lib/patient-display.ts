import type { Patient } from "./nhs-login/claims";
import { formatNhsNumber } from "nhs-login-vocabulary";

/** The name to greet a person by: names if NHS login shared them, else their email. */
export function displayName(patient: Patient): string {
  const name = [patient.givenName, patient.familyName].filter(Boolean).join(" ");
  return name || patient.email || "Your account";
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
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? value : DATE.format(date);
}

export { formatNhsNumber };

const LEVEL_DESCRIPTIONS = {
  P0: "Low: your email address and mobile phone number are confirmed",
  P5: "Medium: your details are matched to your NHS record",
  P9: "High: your identity has been checked against your photo ID",
} as const;

export function describeLevel(level: Patient["level"]): string {
  return LEVEL_DESCRIPTIONS[level];
}
