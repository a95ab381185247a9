import type { Middleware } from "koa";
import type { SimulatorContext } from "../context";
import { sendHtml } from "../http";
import { errorPage } from "../views/error";
import { settingsPage } from "../views/settings";

/** The NHS login settings site, opened with an asserted_login_identity token. */
export function settingsRoutes(simulator: SimulatorContext): Middleware {
  return async (ctx, next) => {
    if (ctx.path !== "/settings" || ctx.method !== "GET") return next();
    const token = ctx.query.asserted_login_identity;
    if (typeof token !== "string" || token === "") {
      sendHtml(
        ctx,
        errorPage({
          title: "You cannot see your NHS login settings",
          message:
            "Open this page from a service you are logged in to: the link must carry an asserted_login_identity.",
          code: "invalid_request",
        }),
        400,
      );
      return;
    }
    const result = await simulator.assertions.verify(token);
    const persona = result.ok ? simulator.personas.getBySub(result.sub) : undefined;
    if (!result.ok || !persona) {
      sendHtml(
        ctx,
        errorPage({
          title: "You cannot see your NHS login settings",
          message: result.ok ? "That NHS login no longer exists." : result.reason,
          code: "invalid_token",
        }),
        result.ok ? 401 : result.status,
      );
      return;
    }
    sendHtml(ctx, settingsPage(persona));
  };
}
