/**
 * The simulator acting as the NHS App: opens a partner service with the person logged in, and
 * serves a stand-in for the app's JavaScript API.
 */
import { randomUUID } from "node:crypto";
import type { Context, Middleware } from "koa";
import { signAssertedLoginIdentity } from "../asserted-login-identity";
import type { SimulatorContext } from "../context";
import { readForm, redirect, sendHtml } from "../http";
import { NHS_APP_CLIENT_ID } from "../local-client";
import { NHS_APP_SCRIPT_PATH, nhsAppScript } from "../nhs-app-script";
import type { Persona } from "../personas";
import { ID_TOKEN_TTL_SECONDS, nowSeconds } from "../tokens";
import { errorPage } from "../views/error";
import { nhsAppPage } from "../views/nhs-app";

function serviceUrl(simulator: SimulatorContext, raw: string | null | undefined): URL | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw);
    return simulator.clients.isKnownServiceOrigin(url) ? url : undefined;
  } catch {
    return undefined;
  }
}

function refuse(ctx: Context, message: string): void {
  sendHtml(
    ctx,
    errorPage({ title: "The NHS App cannot open this service", message, code: "invalid_request" }),
    400,
  );
}

async function openService(
  ctx: Context,
  simulator: SimulatorContext,
  service: URL,
  persona: Persona,
): Promise<void> {
  // The NHS App holds an NHS login session of its own, from a log-in as the person as defined:
  // record the ID token it would have got.
  simulator.personas.restore(persona);
  const now = nowSeconds();
  const idToken = {
    jti: randomUUID(),
    clientId: NHS_APP_CLIENT_ID,
    sub: persona.sub,
    authTime: now,
    exp: now + ID_TOKEN_TTL_SECONDS,
  };
  simulator.idTokens.record(idToken);
  const assertion = await signAssertedLoginIdentity(
    simulator.keys.nhsApp,
    NHS_APP_CLIENT_ID,
    idToken.jti,
  );
  const target = new URL(service);
  target.searchParams.set("assertedLoginIdentity", assertion);
  redirect(ctx, target.href);
}

const NOT_ALLOWED =
  "Give the service's address as ?service=…; it must be on the same origin as a registered redirect URI.";

export function nhsAppRoutes(simulator: SimulatorContext): Middleware {
  return async (ctx, next) => {
    if (ctx.path === NHS_APP_SCRIPT_PATH && ctx.method === "GET") {
      ctx.type = "text/javascript; charset=utf-8";
      ctx.set("Cache-Control", "no-cache");
      ctx.body = nhsAppScript();
      return;
    }
    if (ctx.path !== "/nhs-app") return next();
    if (ctx.method === "GET") {
      const service = serviceUrl(simulator, ctx.query.service as string | undefined);
      if (!service) return refuse(ctx, NOT_ALLOWED);
      const personaId = ctx.query.persona;
      if (typeof personaId === "string") {
        const persona = simulator.personas.get(personaId);
        if (!persona) return refuse(ctx, `There is no test person called ${personaId}.`);
        return openService(ctx, simulator, service, persona);
      }
      sendHtml(ctx, nhsAppPage({ service: service.href, personas: simulator.personas.all() }));
      return;
    }
    if (ctx.method === "POST") {
      const form = await readForm(ctx);
      const service = serviceUrl(simulator, form.get("service"));
      if (!service) return refuse(ctx, NOT_ALLOWED);
      const persona = simulator.personas.get(form.get("persona") ?? "");
      if (!persona) return refuse(ctx, "Choose a test person.");
      return openService(ctx, simulator, service, persona);
    }
    return next();
  };
}
