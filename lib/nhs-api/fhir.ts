/**
 * Run-time checks of what the APIs send, for the parts of FHIR R4 this portal reads. The types
 * are the maintained FHIR R4 definitions (@medplum/fhirtypes); each schema must produce a value
 * of its type (`satisfies`), and lets through, unchecked, the fields the portal does not read.
 */
import type {
  Address,
  ContactPoint,
  HumanName,
  Identifier,
  Organization,
  Patient,
  Period,
  Reference,
} from "@medplum/fhirtypes";
import { z } from "zod";

export const NHS_NUMBER_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";
export const ODS_CODE_SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";

const date = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?/, "not a FHIR date");

const period = z
  .object({ start: date.optional(), end: date.optional() })
  .loose() satisfies z.ZodType<Period>;

const identifier = z
  .object({
    system: z.string().optional(),
    value: z.string().optional(),
    period: period.optional(),
  })
  .loose() satisfies z.ZodType<Identifier>;

const humanName = z
  .object({
    use: z.enum(["usual", "official", "temp", "nickname", "anonymous", "old", "maiden"]).optional(),
    text: z.string().optional(),
    family: z.string().optional(),
    given: z.array(z.string()).optional(),
    prefix: z.array(z.string()).optional(),
    suffix: z.array(z.string()).optional(),
    period: period.optional(),
  })
  .loose() satisfies z.ZodType<HumanName>;

const address = z
  .object({
    use: z.enum(["home", "work", "temp", "old", "billing"]).optional(),
    text: z.string().optional(),
    line: z.array(z.string()).optional(),
    city: z.string().optional(),
    district: z.string().optional(),
    postalCode: z.string().optional(),
    country: z.string().optional(),
    period: period.optional(),
  })
  .loose() satisfies z.ZodType<Address>;

const contactPoint = z
  .object({
    system: z.enum(["phone", "fax", "email", "pager", "url", "sms", "other"]).optional(),
    value: z.string().optional(),
    use: z.enum(["home", "work", "temp", "old", "mobile"]).optional(),
    period: period.optional(),
  })
  .loose() satisfies z.ZodType<ContactPoint>;

const organizationReference = z
  .object({ type: z.literal("Organization").optional(), identifier: identifier.optional() })
  .loose() satisfies z.ZodType<Reference>;

/**
 * A PDS record. The security label is required: whether the record is restricted decides what
 * may be shown, so a record that does not say is not trusted.
 */
export const pdsPatientSchema = z
  .object({
    resourceType: z.literal("Patient"),
    id: z.string().regex(/^\d{10}$/, "not an NHS number"),
    identifier: z.array(identifier).optional(),
    meta: z
      .object({
        versionId: z.string().optional(),
        security: z
          .array(z.object({ system: z.string().optional(), code: z.string() }).loose())
          .min(1),
      })
      .loose(),
    name: z.array(humanName).optional(),
    birthDate: date.optional(),
    address: z.array(address).optional(),
    telecom: z.array(contactPoint).optional(),
    generalPractitioner: z.array(organizationReference).optional(),
  })
  .loose() satisfies z.ZodType<Patient>;

export type PdsPatient = Patient & z.infer<typeof pdsPatientSchema>;

export const odsOrganizationSchema = z
  .object({
    resourceType: z.literal("Organization"),
    id: z.string().min(1),
    identifier: z.array(identifier).optional(),
    active: z.boolean().optional(),
    name: z.string().optional(),
    telecom: z.array(contactPoint).optional(),
    address: z.array(address).optional(),
  })
  .loose() satisfies z.ZodType<Organization>;

export type OdsOrganization = Organization & z.infer<typeof odsOrganizationSchema>;

/**
 * An error answer. Not checked against the FHIR type: the platform's own errors are not always
 * valid FHIR (its gateway puts the HTTP status in `issue.code`), and only the codes are read.
 */
const operationOutcomeSchema = z
  .object({
    resourceType: z.literal("OperationOutcome"),
    issue: z.array(
      z
        .object({
          code: z.string(),
          details: z
            .object({
              coding: z.array(z.object({ code: z.string().optional() }).loose()).optional(),
            })
            .loose()
            .optional(),
        })
        .loose(),
    ),
  })
  .loose();

/** The Spine error codes (e.g. "RESOURCE_NOT_FOUND") in an OperationOutcome, if it is one. */
export function spineCodes(body: unknown): string[] {
  const outcome = operationOutcomeSchema.safeParse(body);
  if (!outcome.success) return [];
  return outcome.data.issue.flatMap((issue) =>
    (issue.details?.coding ?? []).flatMap((coding) => (coding.code ? [coding.code] : [])),
  );
}
