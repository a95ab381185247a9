/**
 * The Organisation Data Terminology FHIR R4 API (the Organisation Data Service's current FHIR
 * API): `GET /organisation-data-terminology-api/fhir/Organization/{ODS code}`. It is
 * application-restricted: the caller sends its API key in an `apikey` header, no person's token.
 */
import type { Context } from "koa";
import type { SimulatorContext } from "../context";
import { apiCallFaultOf } from "../faults";
import { playApiFault, sendFhir } from "./answers";
import { organisationOf, registeredAt } from "./organisations";

export const ODS_BASE_PATH = "/organisation-data-terminology-api/fhir";
const ORGANIZATION_PATH = new RegExp(`^${ODS_BASE_PATH}/Organization/([^/]+)$`);

function outcome(code: string, diagnostics: string) {
  return {
    resourceType: "OperationOutcome",
    issue: [{ severity: "error", code, diagnostics }],
  };
}

export async function odsRoutes(simulator: SimulatorContext, ctx: Context): Promise<void> {
  const apiKey = ctx.get("apikey");
  if (!apiKey) {
    return sendFhir(
      ctx,
      401,
      outcome("security", "Failed to resolve API Key variable request.header.apikey"),
    );
  }
  if (!simulator.apiPlatform.applications.get(apiKey)) {
    return sendFhir(ctx, 401, outcome("security", "Invalid ApiKey"));
  }
  const code = ORGANIZATION_PATH.exec(ctx.path)?.[1];
  if (ctx.method !== "GET" || code === undefined) {
    return sendFhir(
      ctx,
      400,
      outcome("not-supported", `${ctx.method} ${ctx.path} is not supported here`),
    );
  }

  const registered = registeredAt(code, simulator.personas.all());
  const armed = simulator.faults.take("ods", {
    ...(registered ? { persona: registered.id } : {}),
    client: apiKey,
  });
  const fault = armed && apiCallFaultOf(armed.fault);
  if (armed && fault && (await playApiFault(ctx, armed, fault))) return;

  const organisation = organisationOf(code, registered);
  if (!organisation) {
    return sendFhir(
      ctx,
      404,
      outcome("processing", `HAPI-2001: Resource Organization/${code} is not known`),
    );
  }
  sendFhir(ctx, 200, organisation);
}
