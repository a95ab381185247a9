/** The control API (JSON over HTTP under /simulator/) that tests use to arrange faults and people. */
import type { Context, Middleware } from "koa";
import { z } from "zod";
import type { SimulatorContext } from "../context";
import { FAULT_NAMES, isJwksFault, type TargetedFault } from "../faults";
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

function invalid(ctx: Context, description: string, status = 400): void {
  sendJson(ctx, { error: "invalid_request", error_description: description }, status);
}

function parse<T>(ctx: Context, schema: z.ZodType<T>, body: unknown): T | undefined {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  invalid(ctx, z.prettifyError(parsed.error));
  return undefined;
}

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 addresses. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const ipv4 = address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
  return address === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ipv4);
}

export function controlRoutes(simulator: SimulatorContext): Middleware {
  const { faults, personas, clients, keys } = simulator;
  return async (ctx, next) => {
    if (!ctx.path.startsWith("/simulator/")) return next();
    // Anyone who can reach the control API can change what the simulator answers.
    if (!simulator.controlFromAnywhere && !isLoopback(ctx.req.socket.remoteAddress)) {
      const description =
        "the control API answers only this machine; on a private test network set SIMULATOR_CONTROL_FROM_ANYWHERE=true";
      return sendJson(ctx, { error: "access_denied", error_description: description }, 403);
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
      if (body.client && !clients.get(body.client))
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
    if (route === "POST /simulator/reset") {
      faults.clear();
      ctx.status = 204;
      ctx.body = null;
      return;
    }
    throw new HttpError(404, `no control route ${route}`);
  };
}
