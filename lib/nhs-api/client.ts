/**
 * The portal's client for NHS England's API platform. Framework-free: give it the settings from
 * the configuration (or why there are none), and for calls made as a person, their session's
 * token store and lock.
 *
 *   const api = createNhsApiClient(config.nhsApi.settings);
 *   const record = await api.readPatient({ session, nhsNumber, reference });
 *   if (!record.ok) ... record.failure.reason ...
 */
import { randomUUID } from "node:crypto";
import { log as portalLog } from "../log";
import { platformAccessToken } from "./access-token";
import type { OdsOrganization, PdsPatient } from "./fhir";
import { readOdsOrganization } from "./ods";
import { readPdsPatient } from "./pds";
import { failed, type ApiFailure, type ApiResult, type NoPlatform } from "./result";
import type { NhsApiSettings } from "./settings";
import type { TokenSession } from "./token-store";

export type Logger = typeof portalLog;

export interface NhsApiClient {
  /**
   * Whether a platform serves this deployment; without one every call fails as `not-configured`
   * or `not-available`.
   */
  readonly configured: boolean;
  /** The person's own record in the Personal Demographics Service (needs P9). */
  readPatient(request: {
    session: TokenSession;
    nhsNumber: string;
    /** The log reference shown to the person; sent as `X-Correlation-ID`. */
    reference: string;
  }): Promise<ApiResult<PdsPatient>>;
  /** An organisation (such as a GP surgery) in the Organisation Data Service. */
  readOrganization(request: {
    odsCode: string;
    reference: string;
  }): Promise<ApiResult<OdsOrganization>>;
}

type Api = "pds" | "ods" | "token";

/** Operators get the reason and the identifiers to trace it, never tokens or personal details. */
function describe(failure: ApiFailure): Record<string, string | number> {
  const fields: Record<string, string | number> = { reason: failure.reason };
  if ("status" in failure) fields.status = failure.status;
  // Not `code`: the log withholds any field of that name (an authorization code).
  if ("code" in failure && failure.code) fields.errorCode = failure.code;
  if ("retryAfterSeconds" in failure && failure.retryAfterSeconds !== undefined) {
    fields.retryAfterSeconds = failure.retryAfterSeconds;
  }
  if (failure.reason === "bad-response") fields.detail = failure.detail;
  return fields;
}

/** Failures that are the platform's trouble, not a person's circumstances. */
const TROUBLE = new Set<ApiFailure["reason"]>([
  "server-error",
  "timeout",
  "unreachable",
  "bad-response",
  "invalid-request",
  "token-store-failed",
]);

export function createNhsApiClient(
  platform: NhsApiSettings | NoPlatform,
  options: { log?: Logger } = {},
): NhsApiClient {
  const log = options.log ?? portalLog;

  function record<T>(
    api: Api,
    reference: string,
    requestId: string | undefined,
    startedAt: number,
    result: ApiResult<T>,
  ): ApiResult<T> {
    const trace = {
      api,
      reference,
      ...(requestId ? { requestId } : {}),
      durationMs: Date.now() - startedAt,
    };
    if (result.ok) {
      if (api !== "token") log("info", "nhs-api-call", trace);
    } else {
      log(TROUBLE.has(result.failure.reason) ? "error" : "warn", "nhs-api-failed", {
        ...trace,
        ...describe(result.failure),
      });
    }
    return result;
  }

  return {
    configured: !("reason" in platform),
    async readPatient({ session, nhsNumber, reference }) {
      if ("reason" in platform) return failed(platform);
      const settings = platform;
      let accessToken: string | undefined;
      if (settings.application) {
        const startedAt = Date.now();
        const token = await platformAccessToken(settings, settings.application, session);
        if (!token.ok) return record("token", reference, undefined, startedAt, token);
        accessToken = token.value;
      }
      const requestId = randomUUID();
      const startedAt = Date.now();
      const result = await readPdsPatient(settings, {
        nhsNumber,
        ...(accessToken ? { accessToken } : {}),
        requestId,
        correlationId: reference,
      });
      // A token the API no longer accepts is dropped, so the next request starts afresh.
      if (!result.ok && result.failure.reason === "refused" && result.failure.status === 401) {
        await session.tokens.clear().catch(() => undefined);
      }
      return record("pds", reference, requestId, startedAt, result);
    },

    async readOrganization({ odsCode, reference }) {
      if ("reason" in platform) return failed(platform);
      const settings = platform;
      const requestId = randomUUID();
      const startedAt = Date.now();
      const result = await readOdsOrganization(settings, {
        odsCode,
        requestId,
        correlationId: reference,
      });
      return record("ods", reference, requestId, startedAt, result);
    },
  };
}
