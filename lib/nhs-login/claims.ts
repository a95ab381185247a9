import { z } from "zod";
import {
  isLevel,
  isValidNhsNumber,
  levelOfVector,
  type Level,
  type Vector,
} from "nhs-login-vocabulary";

/** What NHS login signs into every ID token, checked after the signature. */
export const idTokenClaimsSchema = z.object({
  iss: z.string(),
  sub: z.string().min(1),
  aud: z.union([z.string(), z.array(z.string())]),
  exp: z.number(),
  iat: z.number(),
  jti: z.string().min(1),
  vot: z.string(),
  vtm: z.string(),
  nonce: z.string().optional(),
  auth_time: z.number().optional(),
  nhs_number: z.string().optional(),
  birthdate: z.string().optional(),
  family_name: z.string().optional(),
  identity_proofing_level: z.string().optional(),
});
export type IdTokenClaims = z.infer<typeof idTokenClaimsSchema>;

const gpIntegrationCredentialsSchema = z.object({
  gp_user_id: z.string().optional(),
  gp_linkage_key: z.string().optional(),
  gp_ods_code: z.string().optional(),
});

/** NHS login's userinfo response; claims it has no value for are absent. */
export const userInfoSchema = z.object({
  sub: z.string().min(1),
  nhs_number: z.string().optional(),
  birthdate: z.string().optional(),
  family_name: z.string().optional(),
  given_name: z.string().optional(),
  identity_proofing_level: z.string().optional(),
  email: z.string().optional(),
  email_verified: z.boolean().optional(),
  phone_number: z.string().optional(),
  phone_number_verified: z.boolean().optional(),
  gp_registration_details: z.object({ gp_ods_code: z.string().optional() }).optional(),
  gp_integration_credentials: gpIntegrationCredentialsSchema.optional(),
});
export type UserInfo = z.infer<typeof userInfoSchema>;

/** Whether the person's GP online services account (IM1) can be linked with what NHS login shared. */
export type GpOnlineServices = "linked" | "invalid" | "not-shared";

/** The patient as this portal knows them: only what NHS login shared, and nothing secret. */
export interface Patient {
  sub: string;
  /** What this sign-in proved (from `vot`). */
  level: Level;
  vot: Vector;
  /** The highest level the person has ever reached with NHS login. */
  highestLevel?: Level;
  nhsNumber?: string;
  givenName?: string;
  familyName?: string;
  birthdate?: string;
  email?: string;
  phoneNumber?: string;
  gpOdsCode?: string;
  gpOnlineServices: GpOnlineServices;
}

export class ClaimsError extends Error {}

const ODS_CODE = /^[A-Z0-9]{3,10}$/;

/**
 * Builds the patient from a verified ID token and userinfo (whose `sub` the OAuth client library
 * has already matched to the ID token's). Refuses an NHS number that fails its check digit: no
 * honest NHS login sends one.
 */
export function patientFromClaims(idToken: IdTokenClaims, vot: Vector, info: UserInfo): Patient {
  const nhsNumber = info.nhs_number ?? idToken.nhs_number;
  if (nhsNumber !== undefined && !isValidNhsNumber(nhsNumber)) {
    throw new ClaimsError("NHS number fails its modulus-11 check");
  }
  const highest = info.identity_proofing_level ?? idToken.identity_proofing_level;
  const gpOdsCode = info.gp_registration_details?.gp_ods_code;
  return withoutUndefined({
    sub: idToken.sub,
    level: levelOfVector(vot),
    vot,
    highestLevel: isLevel(highest) ? highest : undefined,
    nhsNumber,
    givenName: info.given_name,
    familyName: info.family_name ?? idToken.family_name,
    birthdate: info.birthdate ?? idToken.birthdate,
    email: info.email,
    phoneNumber: info.phone_number,
    gpOdsCode: gpOdsCode && ODS_CODE.test(gpOdsCode) ? gpOdsCode : undefined,
    gpOnlineServices: gpOnlineServicesOf(info),
  });
}

/**
 * IM1 credentials are usable only when complete and for the practice the person is registered
 * with; anything else is shown as details that could not be linked, never as a working link.
 */
function gpOnlineServicesOf(info: UserInfo): GpOnlineServices {
  const credentials = info.gp_integration_credentials;
  if (!credentials) return "not-shared";
  const { gp_user_id, gp_linkage_key, gp_ods_code } = credentials;
  const complete = Boolean(
    gp_user_id && gp_linkage_key && gp_ods_code && ODS_CODE.test(gp_ods_code),
  );
  const registered = info.gp_registration_details?.gp_ods_code;
  const samePractice = !registered || registered === gp_ods_code;
  return complete && samePractice ? "linked" : "invalid";
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
