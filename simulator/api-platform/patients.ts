/**
 * Each persona's record in the Personal Demographics Service, as FHIR R4 `Patient` resources
 * shaped like the PDS FHIR API's public sandbox examples. Everything is synthetic.
 */
import type { Patient } from "@medplum/fhirtypes";
import { nhsNumberCheckDigit } from "nhs-login-vocabulary";
import type { Demographics, Persona } from "../personas";

export const NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
export const ODS_CODE_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";
const CONFIDENTIALITY_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";

/** The surname and mobile number PDS holds for a person whose record differs from NHS login. */
export const DIFFERING_FAMILY_NAME = "SIMAFTER";
export const DIFFERING_MOBILE = "07700900999";

export type PdsLookup =
  | { status: "found"; patient: Patient & { id: string } }
  | { status: "not-found" }
  | { status: "invalidated" };

/**
 * The NHS number a superseded one was replaced by: another valid number from the 999 range,
 * derived from the first so that it is stable.
 */
export function supersedingNhsNumber(nhsNumber: string): string {
  let body = (Number(nhsNumber.slice(3, 9)) + 500_000) % 1_000_000;
  for (;;) {
    const firstNine = `999${String(body).padStart(6, "0")}`;
    const digit = nhsNumberCheckDigit(firstNine);
    if (digit !== null) return `${firstNine}${digit}`;
    body = (body + 1) % 1_000_000;
  }
}

/** "+447700900002" → "07700900002", the national form PDS holds phone numbers in. */
export function nationalPhoneNumber(e164: string): string {
  return e164.startsWith("+44") ? `0${e164.slice(3)}` : e164;
}

/** A made-up house number, stable for the person. */
function houseNumber(nhsNumber: string): number {
  return (Number(nhsNumber.slice(-3)) % 97) + 1;
}

function fullRecord(
  persona: Persona,
  demographics: Demographics,
  id: string,
): Patient & { id: string } {
  const differs = persona.nhsRecord?.pds === "differs";
  return {
    resourceType: "Patient",
    id,
    identifier: [{ system: NHS_NUMBER_SYSTEM, value: id }],
    meta: {
      versionId: "3",
      security: [{ system: CONFIDENTIALITY_SYSTEM, code: "U", display: "unrestricted" }],
    },
    name: [
      {
        id: "N1",
        use: "usual",
        period: { start: demographics.birthdate },
        given: [demographics.givenName],
        family: differs ? DIFFERING_FAMILY_NAME : demographics.familyName,
      },
    ],
    birthDate: demographics.birthdate,
    address: [
      {
        id: "A2",
        use: "home",
        period: { start: "2021-04-01" },
        line: [`${houseNumber(id)} Simulation Road`, "Testington"],
        city: "Leeds",
        postalCode: "LS99 9SM",
      },
      {
        id: "A1",
        use: "home",
        period: { start: "2009-01-01", end: "2021-03-31" },
        line: ["2 Former Lane", "Oldtown"],
        city: "Leeds",
        postalCode: "LS99 1SM",
      },
    ],
    telecom: [
      {
        id: "T1",
        period: { start: "2021-04-01" },
        system: "phone",
        value: differs ? DIFFERING_MOBILE : nationalPhoneNumber(persona.phoneNumber),
        use: "mobile",
      },
      {
        id: "T2",
        period: { start: "2021-04-01" },
        system: "email",
        value: persona.email,
        use: "home",
      },
    ],
    ...(demographics.gpOdsCode
      ? {
          generalPractitioner: [
            {
              id: "G1",
              type: "Organization",
              identifier: {
                system: ODS_CODE_SYSTEM,
                value: demographics.gpOdsCode,
                period: { start: "2021-04-01" },
              },
            },
          ],
        }
      : {}),
  };
}

/** PDS removes everything that could say where a restricted person is, and labels the record. */
function restricted(record: Patient & { id: string }): Patient & { id: string } {
  const copy: Patient & { id: string } = {
    ...record,
    meta: {
      ...record.meta,
      security: [{ system: CONFIDENTIALITY_SYSTEM, code: "R", display: "restricted" }],
    },
  };
  delete copy.address;
  delete copy.telecom;
  delete copy.generalPractitioner;
  return copy;
}

/** What PDS answers for a person's NHS number. */
export function pdsRecordOf(persona: Persona): PdsLookup {
  const demographics = persona.demographics;
  const variant = persona.nhsRecord?.pds ?? "matches";
  if (!demographics || variant === "not-found") return { status: "not-found" };
  if (variant === "invalidated") return { status: "invalidated" };
  const id =
    variant === "superseded"
      ? supersedingNhsNumber(demographics.nhsNumber)
      : demographics.nhsNumber;
  const record = fullRecord(persona, demographics, id);
  return { status: "found", patient: variant === "restricted" ? restricted(record) : record };
}
