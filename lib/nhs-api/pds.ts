/** The Personal Demographics Service FHIR API, patient access: a person reads their own record. */
import { isValidNhsNumber } from "nhs-login-vocabulary";
import { pdsPatientSchema, type PdsPatient } from "./fhir";
import { fhirRead } from "./fhir-read";
import { failed, succeeded, type ApiResult } from "./result";
import { pdsBaseUrl, type NhsApiSettings } from "./settings";

export interface PdsRead {
  nhsNumber: string;
  /** The platform token; none in the sandbox. */
  accessToken?: string;
  requestId: string;
  correlationId: string;
}

export async function readPdsPatient(
  settings: NhsApiSettings,
  read: PdsRead,
): Promise<ApiResult<PdsPatient>> {
  if (!isValidNhsNumber(read.nhsNumber)) {
    return failed({ reason: "invalid-request", status: 400, code: "INVALID_RESOURCE_ID" });
  }
  const result = await fhirRead(
    {
      url: `${pdsBaseUrl(settings)}/Patient/${read.nhsNumber}`,
      ...(read.accessToken ? { accessToken: read.accessToken } : {}),
      requestId: read.requestId,
      correlationId: read.correlationId,
      timeoutMs: settings.timeoutMs,
    },
    pdsPatientSchema,
  );
  if (!result.ok) return result;
  // PDS answers for a superseded NHS number with the record it was merged into.
  if (result.value.id !== read.nhsNumber) {
    return failed({ reason: "superseded", nhsNumber: result.value.id });
  }
  return succeeded(result.value);
}
