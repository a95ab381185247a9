/**
 * The pages of the NHS login journey (log in, register, uplift, consent) for one authorization
 * request. The decisions are the journey's (journey.ts); these routes show them and read forms.
 */
import type { Context, Middleware } from "koa";
import type { InteractionDetails } from "oidc-provider";
import type { SimulatorContext } from "../context";
import { HttpError, readForm, redirect, sendHtml } from "../http";
import {
  abandonUplift,
  agreeToShare,
  attemptUplift,
  currentPerson,
  declineConsent,
  logIn,
  nextStep,
  registrationAllowed,
  type Step,
} from "../journey";
import type { Persona } from "../personas";
import type { FieldError } from "../views/components";
import { consentPage } from "../views/consent";
import { errorPage } from "../views/error";
import { loginPage } from "../views/login";
import { registerPage } from "../views/register";
import { upliftPage } from "../views/uplift";

interface PageStep extends Step {
  ctx: Context;
}

function renderLogin(
  step: PageStep,
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

/** Shows the next page of the journey, or sends the person back to the service. */
async function show(step: PageStep): Promise<void> {
  const { ctx, uid, client } = step;
  const next = await nextStep(step);
  if ("returnTo" in next) return redirect(ctx, next.returnTo);
  switch (next.page) {
    case "login":
      return renderLogin(step);
    case "uplift":
      return sendHtml(
        ctx,
        upliftPage({
          action: `/interaction/${uid}/uplift`,
          clientName: client.name,
          currentLevel: next.currentLevel,
          highestLevel: next.highestLevel,
          targetLevel: next.targetLevel,
          failed: next.failed,
        }),
      );
    case "consent":
      return sendHtml(
        ctx,
        consentPage({
          action: `/interaction/${uid}/consent`,
          clientName: client.name,
          items: next.items,
        }),
      );
  }
}

async function login(step: PageStep): Promise<void> {
  const { ctx, simulator, uid } = step;
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
  logIn(step, persona);
  redirect(ctx, `/interaction/${uid}`);
}

const UK_MOBILE = /^(?:\+44|0044|0)7\d{9}$/;

async function register(step: PageStep): Promise<void> {
  const { ctx, simulator, uid } = step;
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
  logIn(step, simulator.personas.register(email, `+447${compactMobile.slice(-9)}`));
  redirect(ctx, `/interaction/${uid}`);
}

async function uplift(step: PageStep): Promise<void> {
  const { ctx, uid } = step;
  const form = await readForm(ctx);
  if (!currentPerson(step)) throw new HttpError(409, "nobody has logged in yet");
  if (form.get("action") === "abandon") return redirect(ctx, await abandonUplift(step));
  attemptUplift(step);
  redirect(ctx, `/interaction/${uid}`);
}

async function consent(step: PageStep): Promise<void> {
  const { ctx } = step;
  const form = await readForm(ctx);
  if (!currentPerson(step)) throw new HttpError(409, "nobody has logged in yet");
  const returnTo =
    form.get("decision") === "agree" ? await agreeToShare(step) : await declineConsent(step);
  redirect(ctx, returnTo);
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

    let interaction: InteractionDetails;
    try {
      interaction = await simulator.provider.interactionDetails(ctx.req, ctx.res);
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
    const client = simulator.clients.get(String(interaction.params.client_id));
    if (interaction.uid !== uid || !client) return next();
    const step: PageStep = {
      ctx,
      simulator,
      uid,
      interaction,
      journey: simulator.journeys.get(uid),
      client,
    };

    if (action === undefined) {
      if (ctx.method !== "GET") throw new HttpError(405, "method not allowed");
      await show(step);
      return;
    }
    const handlers: Partial<Record<string, (step: PageStep) => Promise<void>>> =
      ACTIONS[action as keyof typeof ACTIONS] ?? {};
    const handler = handlers[ctx.method];
    if (!handler) throw new HttpError(action in ACTIONS ? 405 : 404, "not found");
    await handler(step);
  };
}
