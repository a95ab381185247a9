/** The control API (JSON over HTTP under /simulator/) that tests use to arrange faults and people. */
import type { Context, Middleware } from "koa";
import { z } from "zod";
import type { SimulatorContext } from "../context";
import { CONTROL_HEADER } from "../control";
import { carriesToken, isForwarded, isLoopback } from "../control-token";
import { FAULT_NAMES, isJwksFault, type TargetedFault } from "../faults";
import { CONSENT_ANSWERS, MODES, UPLIFT_ANSWERS } from "../headless";
import { HttpError, readJson, sendJson } from "../http";
import { describePersona } from "../personas";

const faultRequest = z
  .strictObject({
    fault: z.enum(FAULT_NAMES as [string, ...string[]], {
      message: `fault must be one of: ${FAULT_NAMES.join(", ")}`,
    }),
    persona: z.string().min(1).optional(),
    client: z.string().min(1).optional(),
    delayMs: z
      .number()
      .int()
      .min(0)
      .max(10 * 60 * 1000)
      .optional(),
  })
  .refine((body) => isJwksFault(body.fault as never) || body.persona || body.client, {
    message: "name the persona or the client the fault is for (or both)",
  });

const personaRequest = z.strictObject({
  template: z.string().min(1),
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "id must be lower-case letters, digits and hyphens")
    .optional(),
});

const modeRequest = z.strictObject({
  mode: z.enum(MODES).optional(),
  persona: z.string().min(1).nullable().optional(),
  consent: z.enum(CONSENT_ANSWERS).optional(),
  uplift: z.enum(UPLIFT_ANSWERS).optional(),
});

function invalid(ctx: Context, description: string, status = 400): void {
  sendJson(ctx, { error: "invalid_request", error_description: description }, status);
}

function parse<T>(ctx: Context, schema: z.ZodType<T>, body: unknown): T | undefined {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  invalid(ctx, z.prettifyError(parsed.error));
  return undefined;
}

/** The Host headers the control API answers: the issuer's, or this machine's own names. */
function allowedHosts(simulator: SimulatorContext): Set<string> {
  const issuer = new URL(simulator.issuer);
  const ports = new Set([String(simulator.listenPort), issuer.port || "80"]);
  const hosts = new Set([issuer.host]);
  for (const name of ["localhost", "127.0.0.1", "[::1]"]) {
    for (const port of ports) hosts.add(port === "80" ? name : `${name}:${port}`);
  }
  return hosts;
}

/**
 * Why a control call is refused, if it is. Anyone who can use the control API can change what
 * the simulator answers, so it answers only this machine (unless told otherwise), only by the
 * simulator's own names (against DNS rebinding), never a web page of another origin, only
 * calls a browser could not send cross-origin without a preflight the simulator never allows,
 * and, where a proxy may stand in front (an issuer other machines reach, a forwarded request),
 * only calls that carry the control token.
 */
function refusal(simulator: SimulatorContext, ctx: Context): [number, string] | undefined {
  if (!simulator.controlFromAnywhere && !isLoopback(ctx.req.socket.remoteAddress)) {
    return [
      403,
      "the control API answers only this machine; on a private test network start the simulator with --control-from-anywhere (SIMULATOR_CONTROL_FROM_ANYWHERE=true)",
    ];
  }
  if (!allowedHosts(simulator).has(ctx.get("Host").toLowerCase())) {
    return [
      403,
      "the control API answers only requests addressed to the simulator's issuer or localhost",
    ];
  }
  const origin = ctx.get("Origin");
  if (origin && origin !== new URL(simulator.issuer).origin) {
    return [403, "the control API does not answer web pages of other origins"];
  }
  if (!ctx.get(CONTROL_HEADER)) {
    return [403, `every control call must carry the header ${CONTROL_HEADER}: 1`];
  }
  if (!/^application\/json\s*(;|$)/i.test(ctx.get("Content-Type"))) {
    return [415, "every control call must be sent with Content-Type: application/json"];
  }
  const token = simulator.controlToken;
  if (token === undefined && isForwarded(ctx.req.headers)) {
    return [
      403,
      "the control API answers a request that came through a proxy (Forwarded, X-Forwarded-For) only with its token; start the simulator with --control-token (SIMULATOR_CONTROL_TOKEN) and send it as Authorization: Bearer <token>",
    ];
  }
  if (token !== undefined && !carriesToken(ctx.get("Authorization"), token)) {
    return [
      401,
      "the control API needs its token as Authorization: Bearer <token>: the one given by --control-token (SIMULATOR_CONTROL_TOKEN), or printed when the simulator started",
    ];
  }
  return undefined;
}

export function controlRoutes(simulator: SimulatorContext): Middleware {
  const { faults, personas, clients, keys, apiPlatform } = simulator;
  return async (ctx, next) => {
    if (!ctx.path.startsWith("/simulator/")) return next();
    const refused = refusal(simulator, ctx);
    if (refused) {
      const [status, description] = refused;
      const error = status === 415 ? "invalid_request" : "access_denied";
      if (status === 401) ctx.set("WWW-Authenticate", 'Bearer realm="simulator-control"');
      return sendJson(ctx, { error, error_description: description }, status);
    }
    const route = `${ctx.method} ${ctx.path.replace(/\/$/, "")}`;

    if (route === "GET /simulator/personas") {
      return sendJson(ctx, { personas: personas.all().map(describePersona) });
    }
    const personaMatch = /^GET \/simulator\/personas\/([^/]+)$/.exec(route);
    if (personaMatch?.[1]) {
      const persona = personas.get(decodeURIComponent(personaMatch[1]));
      if (!persona) return invalid(ctx, "no such persona", 404);
      return sendJson(ctx, describePersona(persona));
    }
    if (route === "POST /simulator/personas") {
      const body = parse(ctx, personaRequest, await readJson(ctx));
      if (!body) return;
      if (!personas.get(body.template))
        return invalid(ctx, `unknown template persona ${body.template}`);
      if (body.id && personas.get(body.id))
        return invalid(ctx, `persona ${body.id} already exists`, 409);
      return sendJson(
        ctx,
        describePersona(personas.createFromTemplate(body.template, body.id)),
        201,
      );
    }
    if (route === "GET /simulator/faults") {
      return sendJson(ctx, { faults: faults.list(), jwksOutage: faults.jwksOutage ?? null });
    }
    if (route === "POST /simulator/faults") {
      const body = parse(ctx, faultRequest, await readJson(ctx));
      if (!body) return;
      if (body.persona && !personas.get(body.persona))
        return invalid(ctx, `unknown persona ${body.persona}`);
      if (body.client && !clients.get(body.client) && !apiPlatform.applications.get(body.client))
        return invalid(ctx, `unknown client ${body.client}`);
      if (body.fault === "jwks_rotate") {
        const key = await keys.rotate();
        simulator.log(`Signing key rotated (new kid ${key.kid})`);
        return sendJson(ctx, { fault: body.fault, kid: key.kid }, 201);
      }
      if (body.fault === "jwks_unavailable" || body.fault === "jwks_hang") {
        faults.startJwksOutage(body.fault === "jwks_hang" ? "hang" : "unavailable");
        return sendJson(ctx, { fault: body.fault }, 201);
      }
      const armed = faults.arm({
        fault: body.fault as TargetedFault,
        ...(body.persona ? { persona: body.persona } : {}),
        ...(body.client ? { client: body.client } : {}),
        ...(body.delayMs !== undefined ? { delayMs: body.delayMs } : {}),
      });
      return sendJson(ctx, armed, 201);
    }
    if (route === "DELETE /simulator/faults") {
      const persona = typeof ctx.query.persona === "string" ? ctx.query.persona : undefined;
      const client = typeof ctx.query.client === "string" ? ctx.query.client : undefined;
      faults.clear({ ...(persona ? { persona } : {}), ...(client ? { client } : {}) });
      ctx.status = 204;
      ctx.body = null;
      return;
    }
    if (route === "GET /simulator/mode") {
      return sendJson(ctx, simulator.headless);
    }
    if (route === "PUT /simulator/mode") {
      const body = parse(ctx, modeRequest, await readJson(ctx));
      if (!body) return;
      if (body.persona && !personas.get(body.persona))
        return invalid(ctx, `unknown persona ${body.persona}`);
      const { persona, ...answers } = body;
      Object.assign(simulator.headless, answers);
      if (persona === null) delete simulator.headless.persona;
      else if (persona !== undefined) simulator.headless.persona = persona;
      simulator.log(`Mode: ${simulator.headless.mode}`);
      return sendJson(ctx, simulator.headless);
    }
    if (route === "POST /simulator/reset") {
      faults.clear();
      ctx.status = 204;
      ctx.body = null;
      return;
    }
    throw new HttpError(404, `no control route ${route}`);
  };
}
