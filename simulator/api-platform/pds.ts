/**
 * The Personal Demographics Service FHIR API, patient access only:
 * `GET /personal-demographics/FHIR/R4/Patient/{NHS number}` with a platform access token from a
 * token exchange. The rules and the errors follow the API's public proxy and specification.
 */
import type { Context } from "koa";
import type { SimulatorContext } from "../context";
import { apiCallFaultOf } from "../faults";
import { isValidNhsNumber } from "nhs-login-vocabulary";
import {
  ACCESS_DENIED_UNAUTHORISED,
  playApiFault,
  sendFhir,
  sendSpineError,
  type SpineError,
} from "./answers";
import { pdsRecordOf } from "./patients";
import type { PlatformGrant } from "./tokens";

export const PDS_BASE_PATH = "/personal-demographics/FHIR/R4";
const PATIENT_PATH = new RegExp(`^${PDS_BASE_PATH}/Patient/([^/]+)$`);

const P9_SCOPE = "urn:nhsd:apim:user-nhs-login:P9:personal-demographics-service";
const P9_VECTORS = ["P9.Cp.Cd", "P9.Cp.Ck", "P9.Cm"];
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

const PATIENT_CANNOT: SpineError = {
  status: 403,
  issueCode: "forbidden",
  code: "ACCESS_DENIED",
  display: "Patient cannot perform this action",
  diagnostics:
    "Your access token has insufficient permissions. See documentation regarding Patient access restrictions https://digital.nhs.uk/developer/api-catalogue/personal-demographics-service-fhir",
};

/** The grant behind the request's bearer token, or the 401 the platform answers. */
function bearerGrant(simulator: SimulatorContext, ctx: Context): PlatformGrant | SpineError {
  const match = /^Bearer (\S+)$/.exec(ctx.get("Authorization"));
  if (!match?.[1]) return ACCESS_DENIED_UNAUTHORISED("Invalid Access Token");
  const held = simulator.apiPlatform.tokens.access(match[1]);
  if ("grant" in held) return held.grant;
  return ACCESS_DENIED_UNAUTHORISED(held.expired ? "Access Token expired" : "Invalid Access Token");
}

/** Patient access: P9 only, and only the person's own record. */
function patientAccessRefusal(grant: PlatformGrant, nhsNumber: string): SpineError | undefined {
  if (!grant.scopes.some((scope) => scope.endsWith(":personal-demographics-service"))) {
    return ACCESS_DENIED_UNAUTHORISED("Your application is not configured for this API");
  }
  if (!grant.scopes.includes(P9_SCOPE)) return PATIENT_CANNOT;
  if (!grant.vot || !P9_VECTORS.includes(grant.vot)) return PATIENT_CANNOT;
  if (grant.nhsNumber !== nhsNumber) return PATIENT_CANNOT;
  return undefined;
}

function requestIdRefusal(requestId: string): SpineError | undefined {
  if (requestId === "") {
    return {
      status: 400,
      issueCode: "required",
      code: "MISSING_VALUE",
      display: "Required value is missing",
      diagnostics:
        "Invalid request with error - X-Request-ID header must be supplied to access this resource",
    };
  }
  if (!UUID.test(requestId)) {
    return {
      status: 400,
      issueCode: "value",
      code: "INVALID_VALUE",
      display: "Provided value is invalid",
      diagnostics: `Invalid value - '${requestId}' in header 'X-Request-ID'`,
    };
  }
  return undefined;
}

export async function pdsRoutes(simulator: SimulatorContext, ctx: Context): Promise<void> {
  // PDS mirrors the caller's request and correlation identifiers on every answer.
  const requestId = ctx.get("X-Request-ID");
  const correlationId = ctx.get("X-Correlation-ID");
  if (requestId) ctx.set("X-Request-ID", requestId);
  if (correlationId) ctx.set("X-Correlation-ID", correlationId);

  const nhsNumber = PATIENT_PATH.exec(ctx.path)?.[1];
  if (ctx.method !== "GET" || nhsNumber === undefined) {
    return sendSpineError(ctx, {
      status: 400,
      issueCode: "not-supported",
      code: "UNSUPPORTED_SERVICE",
      display: "Unsupported Service",
    });
  }
  const grant = bearerGrant(simulator, ctx);
  if ("status" in grant) return sendSpineError(ctx, grant);
  // The proxy checks the format of an X-Request-ID first; PDS itself requires one after access.
  const badRequestId = requestId ? requestIdRefusal(requestId) : undefined;
  if (badRequestId) return sendSpineError(ctx, badRequestId);
  const refusal = patientAccessRefusal(grant, nhsNumber);
  if (refusal) return sendSpineError(ctx, refusal);
  const missingRequestId = requestIdRefusal(requestId);
  if (missingRequestId) return sendSpineError(ctx, missingRequestId);
  if (!isValidNhsNumber(nhsNumber)) {
    return sendSpineError(ctx, {
      status: 400,
      issueCode: "value",
      code: "INVALID_RESOURCE_ID",
      display: "Resource Id is invalid",
    });
  }

  const persona = simulator.personas.getBySub(grant.sub);
  const armed = simulator.faults.take("pds", {
    ...(persona ? { persona: persona.id } : {}),
    client: grant.apiKey,
  });
  const fault = armed && apiCallFaultOf(armed.fault);
  if (armed && fault && (await playApiFault(ctx, armed, fault))) return;

  const record = persona ? pdsRecordOf(persona) : { status: "not-found" as const };
  if (record.status === "not-found") {
    return sendSpineError(ctx, {
      status: 404,
      issueCode: "not-found",
      code: "RESOURCE_NOT_FOUND",
      display: "Resource not found",
      severity: "information",
    });
  }
  if (record.status === "invalidated") {
    return sendSpineError(ctx, {
      status: 404,
      issueCode: "processing",
      code: "INVALIDATED_RESOURCE",
      display:
        "Resource that has been marked as invalid was requested - invalid resources cannot be retrieved",
    });
  }
  ctx.set("ETag", `W/"${record.patient.meta?.versionId ?? "1"}"`);
  sendFhir(ctx, 200, record.patient);
}
