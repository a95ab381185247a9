/** Static assets, the home page and NHS-styled error pages for everything else. */
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { Middleware } from "koa";
import type { SimulatorContext } from "../context";
import { HttpError, sendHtml, sendJson } from "../http";
import { errorPage } from "../views/error";
import { homePage } from "../views/home";

const CONTENT_TYPES: Record<string, string> = {
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

function loadAssets(): Map<string, { type: string; body: Buffer }> {
  const require = createRequire(import.meta.url);
  const css = require.resolve("nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css");
  const imagesDir = join(dirname(css), "assets", "images");
  const assets = new Map<string, { type: string; body: Buffer }>();
  assets.set("/assets/nhsuk-frontend.min.css", {
    type: CONTENT_TYPES[".css"] ?? "text/css",
    // The map file is not served; drop the reference so browsers do not ask for it.
    body: Buffer.from(readFileSync(css, "utf8").replace(/\/\*# sourceMappingURL=.*?\*\/\s*$/, "")),
  });
  for (const name of readdirSync(imagesDir)) {
    const type = CONTENT_TYPES[name.slice(name.lastIndexOf("."))];
    if (type)
      assets.set(`/assets/images/${name}`, { type, body: readFileSync(join(imagesDir, name)) });
  }
  return assets;
}

export function assetRoutes(): Middleware {
  const assets = loadAssets();
  return async (ctx, next) => {
    const asset = ctx.method === "GET" ? assets.get(ctx.path) : undefined;
    if (!asset) return next();
    ctx.type = asset.type;
    ctx.set("Cache-Control", "public, max-age=3600");
    ctx.body = asset.body;
  };
}

export function homeRoutes(simulator: SimulatorContext): Middleware {
  return async (ctx, next) => {
    if (ctx.method === "GET" && ctx.path === "/") {
      sendHtml(
        ctx,
        homePage({
          issuer: simulator.issuer,
          clients: simulator.clients.all(),
          personas: simulator.personas.all(),
        }),
      );
      return;
    }
    if (ctx.path === "/favicon.ico") {
      ctx.redirect("/assets/images/favicon.ico");
      return;
    }
    return next();
  };
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const detail = error as Error & { error_description?: string; error_detail?: string };
  return [error.message, detail.error_description, detail.error_detail].filter(Boolean).join(": ");
}

const TITLES: Record<number, string> = {
  400: "Sorry, there is a problem with this request",
  404: "Page not found",
  405: "Sorry, there is a problem with this request",
  409: "Sorry, there is a problem with this request",
  413: "Sorry, there is a problem with this request",
};

/** Turns thrown HttpErrors (and anything unexpected) into NHS-styled pages or JSON. */
export function errorHandling(simulator: SimulatorContext): Middleware {
  return async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      const status = error instanceof HttpError ? error.status : 500;
      const message =
        error instanceof HttpError ? error.message : "Something went wrong in the simulator.";
      if (!(error instanceof HttpError)) {
        simulator.log(`Error on ${ctx.method} ${ctx.path}: ${describeError(error)}`);
      }
      if (ctx.path.startsWith("/simulator/") || ctx.path === "/userinfo" || ctx.path === "/token") {
        sendJson(
          ctx,
          {
            error: status === 500 ? "server_error" : "invalid_request",
            error_description: message,
          },
          status,
        );
        return;
      }
      sendHtml(
        ctx,
        errorPage({
          title: TITLES[status] ?? "Sorry, there is a problem with the simulator",
          message,
          code: status === 404 ? "not_found" : status === 500 ? "server_error" : "invalid_request",
        }),
        status,
      );
    }
  };
}

/** Runs last: anything oidc-provider did not answer either. */
export function notFound(): Middleware {
  return async (ctx, next) => {
    await next();
    if (ctx.status === 404 && ctx.body === undefined && ctx.method === "GET") {
      sendHtml(
        ctx,
        errorPage({
          title: "Page not found",
          message: `There is no page at ${ctx.path}.`,
          code: "not_found",
        }),
        404,
      );
    }
  };
}
