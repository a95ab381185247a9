import { readFileSync } from "node:fs";
import { z } from "zod";
import { isValidNhsNumber, levelRank, LEVELS } from "nhs-login-vocabulary";
import { EMAIL_DOMAIN, PDS_VARIANTS, SURGERY_VARIANTS, type PersonaInput } from "./personas";

const demographics = z.strictObject({
  nhsNumber: z
    .string()
    .refine(isValidNhsNumber, { message: "must be 10 digits with a valid modulus-11 check digit" }),
  birthdate: z.iso.date({ message: "must be a date like 1980-12-31" }),
  givenName: z.string().min(1),
  familyName: z.string().min(1),
  gpOdsCode: z
    .string()
    .regex(/^[A-Z0-9]{3,8}$/, "must be an ODS code like Y90001")
    .optional(),
});

const personaEntry = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "must be lower-case letters, digits and hyphens"),
    description: z.string().min(1).optional(),
    email: z.email().optional(),
    phoneNumber: z
      .string()
      .regex(/^\+447\d{9}$/, "must be a UK mobile in +447… form")
      .optional(),
    landlineNumber: z
      .string()
      .regex(/^\+44\d{9,10}$/, "must be a UK number in +44… form")
      .optional(),
    level: z.enum(LEVELS),
    logsInAt: z.enum(LEVELS).optional(),
    demographics: demographics.optional(),
    canUplift: z.boolean().optional(),
    upliftDemographics: demographics.optional(),
    gpIntegrationCredentials: z
      .strictObject({ gp_user_id: z.string(), gp_linkage_key: z.string(), gp_ods_code: z.string() })
      .optional(),
    nhsRecord: z
      .strictObject({
        pds: z.enum(PDS_VARIANTS).optional(),
        surgery: z.enum(SURGERY_VARIANTS).optional(),
      })
      .optional(),
  })
  .refine((entry) => entry.level === "P0" || entry.demographics, {
    message: "a P5 or P9 persona needs demographics (nhsNumber, birthdate, givenName, familyName)",
    path: ["demographics"],
  })
  .refine((entry) => entry.level !== "P0" || !entry.demographics, {
    message: "a P0 persona has no demographics (use upliftDemographics for what uplift finds)",
    path: ["demographics"],
  })
  .refine((entry) => !entry.logsInAt || levelRank(entry.logsInAt) < levelRank(entry.level), {
    message: "must be a level below the persona's level",
    path: ["logsInAt"],
  });

const personasFileSchema = z.strictObject({ personas: z.array(personaEntry) });

/** Reads SIMULATOR_PERSONAS_FILE: `{ "personas": [ { "id": ..., "level": ..., ... } ] }`. */
export function loadPersonasFile(path: string): PersonaInput[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new Error(`personas file ${path}: ${error instanceof Error ? error.message : error}`);
  }
  const parsed = personasFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`personas file ${path} is invalid:\n${z.prettifyError(parsed.error)}`);
  }
  return parsed.data.personas.map((entry, index) => ({
    id: entry.id,
    description: entry.description ?? `${entry.level}: from ${path}`,
    email: entry.email ?? `${entry.id}@${EMAIL_DOMAIN}`,
    phoneNumber: entry.phoneNumber ?? `+4477009009${String(index % 100).padStart(2, "0")}`,
    ...(entry.landlineNumber ? { landlineNumber: entry.landlineNumber } : {}),
    level: entry.level,
    ...(entry.logsInAt ? { logsInAt: entry.logsInAt } : {}),
    canUplift: entry.canUplift ?? true,
    ...(entry.demographics ? { demographics: entry.demographics } : {}),
    ...(entry.upliftDemographics ? { upliftDemographics: entry.upliftDemographics } : {}),
    ...(entry.gpIntegrationCredentials
      ? { gpIntegrationCredentials: entry.gpIntegrationCredentials }
      : {}),
    ...(entry.nhsRecord ? { nhsRecord: entry.nhsRecord } : {}),
  }));
}
