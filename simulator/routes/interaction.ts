/**
 * The journey NHS login takes a person through for one authorization request: log in (or
 * reuse a session / asserted_login_identity), register, uplift, consent.
 */
import type { Context, Middleware } from "koa";
import type { InteractionDetails } from "oidc-provider";
import { consentItems } from "../claims";
import type { SimulatorClient } from "../clients";
import type { SimulatorContext } from "../context";
import type { AuthorizeFault } from "../faults";
import { HttpError, readForm, redirect, sendHtml } from "../http";
import type { Journey } from "../journeys";
import type { Persona } from "../personas";
import { nowSeconds } from "../tokens";
import { chooseVot, lowestRequestedLevel, parseVtr, type Vector } from "../vectors";
import type { FieldError } from "../views/components";
import { consentPage } from "../views/consent";
import { errorPage } from "../views/error";
import { loginPage } from "../views/login";
import { registerPage } from "../views/register";
import { upliftPage } from "../views/uplift";

const AUTHORIZE_FAULT_ERRORS: Record<AuthorizeFault, [string, string]> = {
  authorize_access_denied: ["access_denied", "simulated access_denied"],
  authorize_server_error: ["server_error", "simulated server_error"],
  authorize_temporarily_unavailable: [
    "temporarily_unavailable",
    "simulated temporarily_unavailable",
  ],
  authorize_sso_login_required: ["sso_login_required", "simulated sso_login_required"],
  authorize_invalid_scope: ["invalid_scope", "simulated invalid_scope"],
};

interface Step {
  ctx: Context;
  simulator: SimulatorContext;
  uid: string;
  details: InteractionDetails;
  journey: Journey;
  client: SimulatorClient;
}

function param(details: InteractionDetails, name: string): string | undefined {
  const value = details.params[name];
  return typeof value === "string" ? value : undefined;
}

function requestedVectors(step: Step): Vector[] {
  const parsed = parseVtr(step.details.params.vtr, step.client.vectors);
  // oidc-provider already refused malformed ones before the journey began.
  return parsed.ok ? parsed.vectors : [];
}

function registrationAllowed(step: Step): boolean {
  return param(step.details, "allow_registration") !== "false";
}

async function finishWithError(step: Step, error: string, description: string): Promise<void> {
  const { ctx, simulator, uid } = step;
  const returnTo = await simulator.provider.interactionResult(
    ctx.req,
    ctx.res,
    { error, error_description: description },
    { mergeWithLastSubmission: false },
  );
  simulator.journeys.finish(uid);
  redirect(ctx, returnTo);
}

/** Forgets who the simulator's session is for, so a different person can log in. */
async function forgetSessionPerson(step: Step): Promise<void> {
  const cookie = step.details.session?.cookie;
  if (!cookie) return;
  const session = await step.simulator.provider.Session.find(cookie);
  if (!session) return;
  session.accountId = undefined;
  session.authorizations = undefined;
  session.loginTs = undefined;
  session.acr = undefined;
  await session.persist();
}

async function finishWithConsent(step: Step, persona: Persona): Promise<void> {
  const { ctx, simulator, uid, details, journey, client } = step;
  const requested = requestedVectors(step);
  const vot = chooseVot(requested, persona.level);
  if (!vot) throw new HttpError(409, "the person does not meet any requested vector");
  const grant = new simulator.provider.Grant({ accountId: persona.sub, clientId: client.clientId });
  grant.addOIDCScope(param(details, "scope") ?? "openid");
  const grantId = await grant.save();
  const authTime = journey.authTime ?? nowSeconds();
  simulator.journeys.recordOutcome(grantId, { vot, requested, authTime });
  const returnTo = await simulator.provider.interactionResult(
    ctx.req,
    ctx.res,
    {
      login: { accountId: persona.sub, acr: vot, ts: authTime, remember: true },
      consent: { grantId },
    },
    { mergeWithLastSubmission: false },
  );
  // Only now: oidc-provider refuses to record a result once the session's person has changed.
  if (details.session?.accountId && details.session.accountId !== persona.sub) {
    await forgetSessionPerson(step);
  }
  simulator.journeys.finish(uid);
  redirect(ctx, returnTo);
}

function renderLogin(
  step: Step,
  extra: { email?: string; errors?: FieldError[] } = {},
  status = 200,
) {
  const { ctx, simulator, uid, journey, client } = step;
  sendHtml(
    ctx,
    loginPage({
      action: `/interaction/${uid}/login`,
      clientName: client.name,
      personas: simulator.personas.all(),
      ...(registrationAllowed(step) ? { registerHref: `/interaction/${uid}/register` } : {}),
      ...(journey.notice ? { notice: journey.notice } : {}),
      ...extra,
    }),
    status,
  );
}

/** Works out who the person is, from an asserted identity or the existing session. */
async function identify(step: Step): Promise<"continue" | "finished"> {
  const { simulator, details, journey, client } = step;
  journey.started = true;

  const clientFault = simulator.faults.take("authorize", { client: client.clientId });
  if (clientFault) {
    const [error, description] = AUTHORIZE_FAULT_ERRORS[clientFault.fault as AuthorizeFault];
    await finishWithError(step, error, description);
    return "finished";
  }

  const assertion = param(details, "asserted_login_identity");
  if (assertion !== undefined) {
    const result = await simulator.assertions.verify(assertion, client);
    if (result.ok) {
      journey.sub = result.sub;
      journey.authTime = result.authTime;
    } else if (journey.silent) {
      await finishWithError(step, "sso_login_required", result.reason);
      return "finished";
    } else {
      journey.notice = `The asserted_login_identity was not used (${result.reason}), so you need to log in.`;
    }
    return "continue";
  }

  const forceLogin = (param(details, "prompt") ?? "").split(" ").includes("login");
  const sessionSub = details.session?.accountId;
  if (!forceLogin && sessionSub && simulator.personas.getBySub(sessionSub)) {
    const session = await simulator.provider.Session.find(details.session?.cookie ?? "");
    journey.sub = sessionSub;
    journey.authTime = session?.loginTs ?? nowSeconds();
  }
  return "continue";
}

/** Shows the next page of the journey, or finishes it. */
async function advance(step: Step): Promise<void> {
  const { simulator, journey, client, uid, ctx } = step;
  if (!journey.started && (await identify(step)) === "finished") return;

  const persona = journey.sub ? simulator.personas.getBySub(journey.sub) : undefined;
  if (!persona) {
    if (journey.silent) {
      await finishWithError(step, "sso_login_required", "there is no NHS login session to use");
      return;
    }
    renderLogin(step);
    return;
  }

  if (!journey.personaFaultChecked) {
    journey.personaFaultChecked = true;
    const fault = simulator.faults.take("authorize", {
      persona: persona.id,
      client: client.clientId,
    });
    if (fault) {
      const [error, description] = AUTHORIZE_FAULT_ERRORS[fault.fault as AuthorizeFault];
      await finishWithError(step, error, description);
      return;
    }
  }

  const requested = requestedVectors(step);
  if (!chooseVot(requested, persona.level)) {
    sendHtml(
      ctx,
      upliftPage({
        action: `/interaction/${uid}/uplift`,
        clientName: client.name,
        currentLevel: persona.level,
        targetLevel: lowestRequestedLevel(requested),
        failed: journey.upliftFailed,
      }),
    );
    return;
  }

  sendHtml(
    ctx,
    consentPage({
      action: `/interaction/${uid}/consent`,
      clientName: client.name,
      items: consentItems(persona, new Set((param(step.details, "scope") ?? "").split(" "))),
    }),
  );
}

async function login(step: Step): Promise<void> {
  const { ctx, simulator, journey, uid } = step;
  const form = await readForm(ctx);
  const chosen = form.get("persona");
  let persona: Persona | undefined;
  if (chosen !== null) {
    persona = simulator.personas.get(chosen);
    if (!persona) throw new HttpError(400, `unknown persona ${chosen}`);
  } else {
    const email = (form.get("email") ?? "").trim();
    const password = form.get("password") ?? "";
    const errors: FieldError[] = [];
    if (!email) errors.push({ field: "email", message: "Enter your email address" });
    if (!password) errors.push({ field: "password", message: "Enter your password" });
    if (errors.length === 0) {
      const match = simulator.personas.findByEmail(email);
      if (!match || match.password !== password) {
        errors.push({ field: "email", message: "Enter a correct email address and password" });
      } else {
        persona = match;
      }
    }
    if (!persona) {
      renderLogin(step, { email, errors }, 400);
      return;
    }
  }
  journey.sub = persona.sub;
  journey.authTime = nowSeconds();
  journey.notice = undefined;
  journey.upliftFailed = false;
  redirect(ctx, `/interaction/${uid}`);
}

const UK_MOBILE = /^(?:\+44|0044|0)7\d{9}$/;

async function register(step: Step): Promise<void> {
  const { ctx, simulator, journey, uid } = step;
  if (!registrationAllowed(step))
    throw new HttpError(404, "registration is not offered for this request");
  const view = { action: `/interaction/${uid}/register`, backHref: `/interaction/${uid}` };
  if (ctx.method === "GET") {
    sendHtml(ctx, registerPage(view));
    return;
  }
  const form = await readForm(ctx);
  const email = (form.get("email") ?? "").trim();
  const mobile = (form.get("mobile") ?? "").trim();
  const compactMobile = mobile.replace(/[\s()-]/g, "");
  const errors: FieldError[] = [];
  if (!email) {
    errors.push({ field: "email", message: "Enter your email address" });
  } else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    errors.push({
      field: "email",
      message: "Enter an email address in the correct format, like name@example.com",
    });
  } else if (simulator.personas.findByEmail(email)) {
    errors.push({ field: "email", message: "An NHS login already exists for this email address" });
  }
  if (!mobile) {
    errors.push({ field: "mobile", message: "Enter your mobile phone number" });
  } else if (!UK_MOBILE.test(compactMobile)) {
    errors.push({ field: "mobile", message: "Enter a UK mobile phone number, like 07700 900123" });
  }
  if (errors.length > 0) {
    sendHtml(ctx, registerPage({ ...view, email, mobile, errors }), 400);
    return;
  }
  const persona = simulator.personas.register(email, `+447${compactMobile.slice(-9)}`);
  journey.sub = persona.sub;
  journey.authTime = nowSeconds();
  journey.notice = undefined;
  redirect(ctx, `/interaction/${uid}`);
}

async function uplift(step: Step): Promise<void> {
  const { ctx, simulator, journey, uid } = step;
  const form = await readForm(ctx);
  const persona = journey.sub ? simulator.personas.getBySub(journey.sub) : undefined;
  if (!persona) throw new HttpError(409, "nobody has logged in yet");
  if (form.get("action") === "abandon") {
    await finishWithError(step, "access_denied", "UpliftNotCompleted");
    return;
  }
  if (persona.canUplift) {
    simulator.personas.uplift(persona, lowestRequestedLevel(requestedVectors(step)));
  } else {
    journey.upliftFailed = true;
  }
  redirect(ctx, `/interaction/${uid}`);
}

async function consent(step: Step): Promise<void> {
  const { ctx, simulator, journey } = step;
  const form = await readForm(ctx);
  const persona = journey.sub ? simulator.personas.getBySub(journey.sub) : undefined;
  if (!persona) throw new HttpError(409, "nobody has logged in yet");
  if (form.get("decision") === "agree") {
    await finishWithConsent(step, persona);
  } else {
    await finishWithError(step, "access_denied", "ConsentNotGiven");
  }
}

const ACTIONS = {
  login: { POST: login },
  register: { GET: register, POST: register },
  uplift: { POST: uplift },
  consent: { POST: consent },
} as const;

export function interactionRoutes(simulator: SimulatorContext): Middleware {
  return async (ctx, next) => {
    const match = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/([a-z]+))?$/.exec(ctx.path);
    if (!match?.[1]) return next();
    const [, uid, action] = match;

    let details: InteractionDetails;
    try {
      details = await simulator.provider.interactionDetails(ctx.req, ctx.res);
    } catch {
      sendHtml(
        ctx,
        errorPage({
          title: "Your session has ended",
          message:
            "This log in journey has expired or was started in another browser. Go back to the service and start again.",
          code: "session_not_found",
        }),
        400,
      );
      return;
    }
    const client = simulator.clients.get(String(details.params.client_id));
    if (details.uid !== uid || !client) return next();
    const step: Step = {
      ctx,
      simulator,
      uid,
      details,
      journey: simulator.journeys.get(uid),
      client,
    };

    if (action === undefined) {
      if (ctx.method !== "GET") throw new HttpError(405, "method not allowed");
      await advance(step);
      return;
    }
    const handlers: Partial<Record<string, (step: Step) => Promise<void>>> =
      ACTIONS[action as keyof typeof ACTIONS] ?? {};
    const handler = handlers[ctx.method];
    if (!handler) throw new HttpError(action in ACTIONS ? 405 : 404, "not found");
    await handler(step);
  };
}
