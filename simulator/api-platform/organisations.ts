/**
 * GP surgeries in the Organisation Data Service, as the Organisation Data Terminology FHIR R4
 * API answers for them: FHIR `Organization` resources shaped like its published example. The
 * simulator knows the surgery of every persona (built-in or created), made up from its code.
 */
import type { Extension, Organization } from "@medplum/fhirtypes";
import type { Persona } from "../personas";
import { ODS_CODE_SYSTEM } from "./patients";

const ROLE_SYSTEM =
  "https://digital.nhs.uk/services/organisation-data-service/CodeSystem/ODSOrganisationRole";
const ROLE_EXTENSION =
  "https://fhir.nhs.uk/England/StructureDefinition/Extension-England-OrganisationRole";
const TYPED_PERIOD_EXTENSION =
  "https://fhir.nhs.uk/England/StructureDefinition/Extension-England-TypedPeriod";

const PLACES = [
  "SIMFORD",
  "SIMBRIDGE",
  "SIMWORTH",
  "SIMHAVEN",
  "SIMFIELD",
  "SIMHOLT",
  "SIMBURY",
  "SIMLEY",
  "SIMTON",
  "SIMCASTER",
];
const KINDS = ["MEDICAL CENTRE", "SURGERY", "HEALTH CENTRE", "PRACTICE", "GROUP PRACTICE"];

/** The date a closed surgery stopped operating. */
export const CLOSED_ON = "2024-03-31";

function serialOf(code: string): number {
  return Number(code.replace(/\D/g, "")) || 0;
}

function role(code: string, display: string, end?: string): Extension {
  const period = { start: "2004-04-01", ...(end ? { end } : {}) };
  return {
    url: ROLE_EXTENSION,
    extension: [
      {
        url: "roleCode",
        valueCodeableConcept: { coding: [{ system: ROLE_SYSTEM, code, display }] },
      },
      ...(["Legal", "Operational"] as const).map((dateType) => ({
        url: TYPED_PERIOD_EXTENSION,
        extension: [
          {
            url: "dateType",
            valueCoding: {
              system: "https://fhir.nhs.uk/England/CodeSystem/England-PeriodType",
              code: dateType,
              display: dateType,
            },
          },
          { url: "period", valuePeriod: period },
        ],
      })),
      { url: "active", valueBoolean: end === undefined },
    ],
  };
}

/** A made-up GP surgery for an ODS code: name, address and phone number, open or closed. */
export function surgery(code: string, closed: boolean): Organization & { id: string } {
  const serial = serialOf(code);
  const place = PLACES[serial % PLACES.length] ?? "SIMFORD";
  const end = closed ? CLOSED_ON : undefined;
  return {
    resourceType: "Organization",
    id: code,
    meta: {
      versionId: "2",
      lastUpdated: "2025-01-06T02:00:00.000+00:00",
      profile: [
        "https://fhir.nhs.uk/England/StructureDefinition/England-Organization-ODS",
        "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Organization",
      ],
    },
    extension: [role("RO177", "PRESCRIBING COST CENTRE", end), role("RO76", "GP PRACTICE", end)],
    identifier: [
      { use: "official", system: ODS_CODE_SYSTEM, value: code, assigner: { display: "HSCIC" } },
    ],
    active: !closed,
    name: `${place} ${KINDS[serial % KINDS.length] ?? "SURGERY"}`,
    // Ofcom's drama range for Leeds numbers: never a real line.
    telecom: [{ system: "phone", value: `0113 496 0${String(serial % 1000).padStart(3, "0")}` }],
    address: [
      {
        line: [`${(serial % 90) + 10} ${place} ROAD`],
        city: "LEEDS",
        postalCode: `LS99 ${(serial % 9) + 1}GP`,
        country: "ENGLAND",
      },
    ],
  };
}

/** The persona registered with the surgery of this ODS code (each surgery has one). */
export function registeredAt(code: string, personas: readonly Persona[]): Persona | undefined {
  return personas.find(
    (persona) =>
      persona.demographics?.gpOdsCode === code || persona.upliftDemographics?.gpOdsCode === code,
  );
}

/** What ODS answers for a code: the surgery of the persona registered there, if ODS knows it. */
export function organisationOf(
  code: string,
  registered: Persona | undefined,
): (Organization & { id: string }) | undefined {
  const variant = registered?.nhsRecord?.surgery ?? "open";
  if (!registered || variant === "unknown") return undefined;
  return surgery(code, variant === "closed");
}
