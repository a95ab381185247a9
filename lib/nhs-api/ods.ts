/** The Organisation Data Service (Organisation Data Terminology FHIR R4 API): an organisation by ODS code. */
import { odsOrganizationSchema, type OdsOrganization } from "./fhir";
import { fhirRead } from "./fhir-read";
import { failed, succeeded, type ApiResult } from "./result";
import { odsBaseUrl, type NhsApiSettings } from "./settings";

const ODS_CODE = /^[A-Z0-9]{3,10}$/;

export interface OdsRead {
  odsCode: string;
  requestId: string;
  correlationId: string;
}

export async function readOdsOrganization(
  settings: NhsApiSettings,
  read: OdsRead,
): Promise<ApiResult<OdsOrganization>> {
  const code = read.odsCode.trim().toUpperCase();
  if (!ODS_CODE.test(code)) return failed({ reason: "invalid-request", status: 400 });
  const result = await fhirRead(
    {
      url: `${odsBaseUrl(settings)}/Organization/${code}`,
      ...(settings.application ? { apiKey: settings.application.apiKey } : {}),
      requestId: read.requestId,
      correlationId: read.correlationId,
      timeoutMs: settings.timeoutMs,
    },
    odsOrganizationSchema,
  );
  if (!result.ok) return result;
  if (result.value.id !== code) {
    return failed({ reason: "bad-response", detail: "answered for another organisation" });
  }
  return succeeded(result.value);
}
