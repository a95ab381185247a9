import { randomUUID } from "node:crypto";
import type { Context, Middleware } from "koa";
import { decodeProtectedHeader, jwtVerify } from "jose";
import { z } from "zod";
import { userinfoClaims } from "../claims";
import type { SimulatorContext } from "../context";
import { readJson, sendJson } from "../http";
import type { Persona } from "../personas";

export const MAX_CLIENT_USER_METADATA_LENGTH = 1024;

interface Bearer {
  persona: Persona;
  clientId: string;
  scopes: Set<string>;
}

function bearerError(ctx: Context, status: number, error: string, description: string): void {
  sendJson(ctx, { error, error_description: description }, status);
  ctx.set(
    "WWW-Authenticate",
    `Bearer realm="userinfo", error="${error}", error_description="${description}"`,
  );
}

/** Checks the access token: our signature, not expired, and still known to the provider. */
async function authenticate(
  ctx: Context,
  simulator: SimulatorContext,
): Promise<Bearer | undefined> {
  const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/i.exec(ctx.get("Authorization"));
  const token = match?.[1];
  if (!token) {
    bearerError(ctx, 401, "invalid_request", "a Bearer access token is required");
    return undefined;
  }
  try {
    const { kid } = decodeProtectedHeader(token);
    const key = kid ? simulator.keys.find(kid) : undefined;
    if (!key) throw new Error("unknown key");
    const { payload } = await jwtVerify(token, key.publicKey, {
      algorithms: ["RS512"],
      issuer: simulator.issuer,
    });
    const record =
      typeof payload.jti === "string"
        ? await simulator.provider.AccessToken.find(payload.jti)
        : undefined;
    if (!record || record.isExpired || record.accountId !== payload.sub) {
      throw new Error("token not active");
    }
    const persona = simulator.personas.getBySub(record.accountId);
    if (!persona) throw new Error("unknown person");
    return { persona, clientId: record.clientId, scopes: new Set((record.scope ?? "").split(" ")) };
  } catch {
    bearerError(ctx, 401, "invalid_token", "the access token is invalid or has expired");
    return undefined;
  }
}

const patchBody = z.object({
  client_user_metadata: z
    .string()
    .max(
      MAX_CLIENT_USER_METADATA_LENGTH,
      `must be at most ${MAX_CLIENT_USER_METADATA_LENGTH} characters`,
    ),
});

export function userinfoRoutes(simulator: SimulatorContext): Middleware {
  return async (ctx, next) => {
    if (ctx.path !== "/userinfo") return next();
    if (!["GET", "POST", "PATCH"].includes(ctx.method)) {
      ctx.set("Allow", "GET, POST, PATCH");
      sendJson(ctx, { error: "invalid_request", error_description: "method not allowed" }, 405);
      return;
    }
    const bearer = await authenticate(ctx, simulator);
    if (!bearer) return;
    const { persona, clientId, scopes } = bearer;

    if (ctx.method === "PATCH") {
      if (!scopes.has("client_metadata")) {
        bearerError(ctx, 403, "insufficient_scope", "the client_metadata scope is required");
        return;
      }
      const parsed = patchBody.safeParse(await readJson(ctx));
      if (!parsed.success) {
        sendJson(
          ctx,
          {
            error: "invalid_request",
            error_description: `client_user_metadata ${parsed.error.issues[0]?.message ?? "is invalid"}`,
          },
          400,
        );
        return;
      }
      persona.clientMetadata.set(clientId, parsed.data.client_user_metadata);
      ctx.status = 204;
      ctx.body = null;
      return;
    }

    const fault = simulator.faults.take("userinfo", { persona: persona.id, client: clientId });
    if (fault?.fault === "userinfo_unauthorized") {
      bearerError(ctx, 401, "invalid_token", "simulated: the access token was not accepted");
      return;
    }
    if (fault?.fault === "userinfo_server_error") {
      sendJson(
        ctx,
        { error: "server_error", error_description: "simulated userinfo failure" },
        500,
      );
      return;
    }
    const claims = userinfoClaims(persona, scopes, clientId);
    if (fault?.fault === "userinfo_other_sub") claims.sub = randomUUID();
    sendJson(ctx, claims);
  };
}
