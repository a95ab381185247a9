import type { Middleware } from "koa";
import { KNOWN_SCOPES } from "nhs-login-vocabulary";
import type { SimulatorContext } from "../context";
import { sendJson } from "../http";

/**
 * The claims NHS login's sandpit lists, in its order, including names it never releases under
 * them (`delegations`, `im1_token`, `surname`, ...): clients may read this list, so it is copied
 * as published (simulator/reference/nhs-login-sandpit-discovery.json).
 */
const CLAIMS_SUPPORTED = [
  "iss",
  "aud",
  "sub",
  "family_name",
  "given_name",
  "email",
  "email_verified",
  "phone_number",
  "phone_number_verified",
  "landline_number",
  "landline_number_verified",
  "birthdate",
  "nhs_number",
  "gp_integration_credentials",
  "delegations",
  "gp_registration_details",
  "im1_token",
  "auth_time",
  "jti",
  "nonce",
  "vot",
  "vtm",
  "exp",
  "ods_code",
  "user_id",
  "linkage_key",
  "surname",
  "iat",
  "gp_ods_code",
  "gp_user_id",
  "gp_linkage_key",
  "client_user_metadata",
  "identity_proofing_level",
];

/** The NHS App's passwordless (FIDO UAF) endpoints: published, but not simulated. */
const FIDO_UAF_ENDPOINTS = {
  fido_uaf_authentication_request_endpoint: "/uaf/authRequest",
  fido_uaf_registration_request_endpoint: "/uaf/regRequest",
  fido_uaf_registration_response_endpoint: "/uaf/regResponse",
  fido_uaf_deregistration_endpoint: "/uaf/dereg",
};

/** The discovery document: NHS login's fields and values, in its order, with this issuer's URLs. */
export function discoveryDocument(issuer: string) {
  return {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    scopes_supported: [...KNOWN_SCOPES].sort(),
    response_types_supported: ["code"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS512"],
    claims_supported: CLAIMS_SUPPORTED,
    userinfo_endpoint: `${issuer}/userinfo`,
    token_endpoint_auth_signing_alg_values_supported: ["RS512"],
    token_endpoint_auth_methods_supported: ["private_key_jwt"],
    ...Object.fromEntries(
      Object.entries(FIDO_UAF_ENDPOINTS).map(([field, path]) => [field, `${issuer}${path}`]),
    ),
  };
}

const FIDO_UAF_PATHS = new Set(Object.values(FIDO_UAF_ENDPOINTS));

export function discoveryRoutes(simulator: SimulatorContext): Middleware {
  return async (ctx, next) => {
    if (FIDO_UAF_PATHS.has(ctx.path)) {
      sendJson(
        ctx,
        {
          error: "not_supported",
          error_description: "the simulator does not implement NHS login's FIDO UAF endpoints",
        },
        501,
      );
      return;
    }
    if (ctx.method !== "GET") return next();
    if (ctx.path === "/.well-known/openid-configuration") {
      sendJson(ctx, discoveryDocument(simulator.issuer));
      ctx.set("Cache-Control", "no-cache");
      return;
    }
    if (ctx.path === "/.well-known/jwks.json") {
      const outage = simulator.faults.jwksOutage;
      if (outage === "hang") {
        // Held open until the fault is reset or the caller gives up.
        const abandoned = new Promise<void>((resolve) => ctx.res.once("close", () => resolve()));
        await Promise.race([simulator.faults.waitForOutageEnd(), abandoned]);
        if (ctx.res.destroyed) {
          ctx.respond = false;
          return;
        }
      } else if (outage === "unavailable") {
        sendJson(ctx, { error: "temporarily_unavailable" }, 503);
        return;
      }
      sendJson(ctx, { keys: simulator.keys.published() });
      ctx.set("Cache-Control", "no-cache");
      return;
    }
    return next();
  };
}
