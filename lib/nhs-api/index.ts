/** Calling NHS England's APIs as the patient: see docs/nhs-apis.md. */
export { createNhsApiClient, type NhsApiClient } from "./client";
export { isNoPlatform, type ApiFailure, type ApiResult, type NoPlatform } from "./result";
export type { NhsApiSettings, PlatformApplication } from "./settings";
export type { PlatformToken } from "./platform-token";
export {
  memoryExclusive,
  memoryTokenStore,
  type Exclusive,
  type TokenSession,
  type TokenStore,
} from "./token-store";
export type { OdsOrganization, PdsPatient } from "./fhir";
export {
  nhsRecordView,
  type NhsLoginDetails,
  type NhsRecordView,
  type RecordDifference,
} from "./record-view";
export { surgeryView, type SurgeryView } from "./surgery-view";
