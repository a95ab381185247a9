import type { Middleware } from "koa";
import type { SimulatorContext } from "../context";
import { sendJson } from "../http";
import { CLAIMS_SUPPORTED, SCOPES } from "../scopes";

/** The discovery document, with the fields and values NHS login publishes. */
export function discoveryDocument(issuer: string) {
  return {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    userinfo_endpoint: `${issuer}/userinfo`,
    jwks_uri: `${issuer}/.well-known/jwks.json`,
    scopes_supported: [...SCOPES],
    response_types_supported: ["code"],
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["RS512"],
    token_endpoint_auth_methods_supported: ["private_key_jwt"],
    token_endpoint_auth_signing_alg_values_supported: ["RS512"],
    claims_supported: CLAIMS_SUPPORTED,
  };
}

export function discoveryRoutes(simulator: SimulatorContext): Middleware {
  return async (ctx, next) => {
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
