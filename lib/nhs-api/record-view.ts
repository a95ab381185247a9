/**
 * What a person may see of their PDS record, and where NHS login's details differ from it: a pure
 * function of the record and what NHS login shared, decided in this one place.
 *
 * A restricted record is for people who must not be found (for example someone at risk from a
 * person they have left): its view has no address, phone, email or GP surgery, by type, and no
 * comparison with NHS login's contact details either, since "your GP differs" would hint at one.
 */
import type { Patient as NhsLoginPatient } from "../nhs-login/claims";
import { ODS_CODE_SYSTEM, type PdsPatient } from "./fhir";

export type NhsLoginDetails = Pick<
  NhsLoginPatient,
  "nhsNumber" | "givenName" | "familyName" | "birthdate" | "email" | "phoneNumber" | "gpOdsCode"
>;

/** A detail NHS login holds that the NHS record does not hold the same way. */
export type RecordDifference = "name" | "date-of-birth" | "phone" | "email" | "gp-surgery";

export interface RecordName {
  given: string[];
  family?: string;
  /** Given names then family name, e.g. "Nadia SIMNINE". */
  full: string;
}

interface RecordViewBase {
  /** The record's NHS number. */
  nhsNumber: string;
  name?: RecordName;
  birthDate?: string;
  differences: RecordDifference[];
}

export interface OpenRecordView extends RecordViewBase {
  restricted: false;
  homeAddress?: { lines: string[]; postalCode?: string };
  phoneNumbers: string[];
  emailAddresses: string[];
  gpOdsCode?: string;
}

/** A restricted record: nothing that could say where the person is, from any source. */
export interface RestrictedRecordView extends RecordViewBase {
  restricted: true;
}

export type NhsRecordView = OpenRecordView | RestrictedRecordView;

/** Today as YYYY-MM-DD in UTC, for comparing with FHIR periods. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

interface Period {
  start?: string;
  end?: string;
}

/** Whether a FHIR period (dates of any precision: 2021, 2021-04, 2021-04-01) covers `today`. */
function isCurrent(period: Period | undefined, today: string): boolean {
  const start = period?.start?.slice(0, 10);
  const end = period?.end?.slice(0, 10);
  if (start && `${start}${"-01-01".slice(start.length - 4)}` > today) return false;
  if (end && `${end}${"-12-31".slice(end.length - 4)}` < today) return false;
  return true;
}

/** Only UNRESTRICTED ("U") shows everything; any other label, known or not, is treated as restricted. */
function isRestricted(patient: PdsPatient): boolean {
  return !patient.meta.security.every((label) => label.code === "U");
}

function nameOf(patient: PdsPatient, today: string): RecordName | undefined {
  const names = (patient.name ?? []).filter((name) => isCurrent(name.period, today));
  const chosen =
    names.find((name) => name.use === "usual") ??
    names.find((name) => name.use === "official") ??
    names[0];
  if (!chosen) return undefined;
  const given = chosen.given ?? [];
  const full = [...given, chosen.family].filter(Boolean).join(" ");
  return { given, ...(chosen.family ? { family: chosen.family } : {}), full };
}

function homeAddressOf(patient: PdsPatient, today: string): OpenRecordView["homeAddress"] {
  const home = (patient.address ?? [])
    .filter((address) => address.use === "home" && isCurrent(address.period, today))
    .sort((a, b) => (b.period?.start ?? "").localeCompare(a.period?.start ?? ""))[0];
  if (!home) return undefined;
  const lines = [...(home.line ?? []), ...(home.city ? [home.city] : [])].filter(
    (line) => line.trim() !== "",
  );
  return { lines, ...(home.postalCode ? { postalCode: home.postalCode } : {}) };
}

function contactsOf(patient: PdsPatient, system: "phone" | "email", today: string): string[] {
  return (patient.telecom ?? [])
    .filter((point) => point.system === system && point.value && isCurrent(point.period, today))
    .map((point) => point.value!);
}

function gpOdsCodeOf(patient: PdsPatient, today: string): string | undefined {
  return (patient.generalPractitioner ?? []).find(
    (gp) =>
      gp.identifier?.system === ODS_CODE_SYSTEM &&
      gp.identifier.value &&
      isCurrent(gp.identifier.period, today),
  )?.identifier?.value;
}

const words = (value: string) => value.trim().replace(/\s+/g, " ").toUpperCase();
const digitsOfPhone = (value: string) => value.replace(/[^\d+]/g, "").replace(/^(\+44|0044)/, "0");
const emailOf = (value: string) => value.trim().toLowerCase();

function nameDiffers(name: RecordName | undefined, login: NhsLoginDetails): boolean {
  if (login.familyName && words(login.familyName) !== words(name?.family ?? "")) return true;
  if (login.givenName) {
    const given = name?.given ?? [];
    const candidates = [given[0] ?? "", given.join(" ")].map(words);
    if (!candidates.includes(words(login.givenName))) return true;
  }
  return false;
}

export function nhsRecordView(
  patient: PdsPatient,
  login: NhsLoginDetails,
  today: string = isoDay(new Date()),
): NhsRecordView {
  const name = nameOf(patient, today);
  const differences: RecordDifference[] = [];
  if (nameDiffers(name, login)) differences.push("name");
  if (login.birthdate && login.birthdate !== patient.birthDate) differences.push("date-of-birth");
  const base = {
    nhsNumber: patient.id,
    ...(name ? { name } : {}),
    ...(patient.birthDate ? { birthDate: patient.birthDate } : {}),
  };
  if (isRestricted(patient)) return { ...base, restricted: true, differences };

  const phoneNumbers = contactsOf(patient, "phone", today);
  const emailAddresses = contactsOf(patient, "email", today);
  const gpOdsCode = gpOdsCodeOf(patient, today);
  const homeAddress = homeAddressOf(patient, today);
  if (
    login.phoneNumber &&
    !phoneNumbers.map(digitsOfPhone).includes(digitsOfPhone(login.phoneNumber))
  ) {
    differences.push("phone");
  }
  if (login.email && !emailAddresses.map(emailOf).includes(emailOf(login.email))) {
    differences.push("email");
  }
  if (login.gpOdsCode && login.gpOdsCode.toUpperCase() !== gpOdsCode?.toUpperCase()) {
    differences.push("gp-surgery");
  }
  return {
    ...base,
    restricted: false,
    ...(homeAddress ? { homeAddress } : {}),
    phoneNumbers,
    emailAddresses,
    ...(gpOdsCode ? { gpOdsCode } : {}),
    differences,
  };
}
