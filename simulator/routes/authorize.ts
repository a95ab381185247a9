/**
 * Wraps oidc-provider's /authorize: NHS login's prompt=none means "do not ask the person to
 * log in" (it still shows consent and uplift), which oidc-provider cannot express, so the
 * simulator takes prompt=none off the request and remembers it for the journey.
 */
import type { Middleware } from "koa";
import type { SimulatorContext } from "../context";
import { sendHtml } from "../http";
import { errorPage } from "../views/error";
import { answerAtOnce } from "./headless";

/** NHS login's redirects carry no `iss` parameter (RFC 9207), so drop the one oidc-provider adds. */
function stripIssuerParameter(location: string, issuer: string): string | undefined {
  if (!/^https?:\/\//.test(location)) return undefined;
  const url = new URL(location);
  if (url.searchParams.get("iss") !== issuer) return undefined;
  url.searchParams.delete("iss");
  return url.href;
}

export function authorizeRoutes(simulator: SimulatorContext): Middleware {
  return async (ctx, next) => {
    if (ctx.path === "/authorize" && ctx.method === "POST") {
      sendHtml(
        ctx,
        errorPage({
          title: "Sorry, there is a problem with this request",
          message: "NHS login takes authorization requests as GET requests only.",
          code: "invalid_request",
        }),
        405,
      );
      ctx.set("Allow", "GET");
      return;
    }
    if (ctx.path !== "/authorize" && !ctx.path.startsWith("/authorize/")) return next();

    let silent = false;
    if (ctx.path === "/authorize" && ctx.method === "GET") {
      const query = new URLSearchParams(ctx.querystring);
      const prompts = query.getAll("prompt");
      if (prompts.length === 1 && prompts[0] === "none") {
        silent = true;
        query.delete("prompt");
        ctx.querystring = query.toString();
      }
    }

    await next();

    const location = ctx.response.get("Location");
    if (!location) return;
    const interaction = /^\/interaction\/([^/?#]+)$/.exec(location);
    if (interaction?.[1]) {
      if (silent) simulator.journeys.markSilent(interaction[1]);
      if (simulator.headless.mode === "headless") {
        await answerAtOnce(ctx, simulator, interaction[1]);
        return;
      }
    }
    const stripped = stripIssuerParameter(location, simulator.issuer);
    if (stripped) ctx.set("Location", stripped);
  };
}
