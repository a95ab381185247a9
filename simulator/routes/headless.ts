/**
 * Headless mode: the journey of an authorization request runs to its end inside the request to
 * /authorize, answering each page as configured, so /authorize answers with the redirect back to
 * the service (a code, or an error) and a client needs no browser and no cookies.
 */
import type { Context } from "koa";
import type { SimulatorContext } from "../context";
import { sendHtml } from "../http";
import {
  HEADLESS_PARAMETERS,
  isConsentAnswer,
  isUpliftAnswer,
  type ConsentAnswer,
  type UpliftAnswer,
} from "../headless";
import {
  abandonUplift,
  agreeToShare,
  attemptUplift,
  declineConsent,
  logIn,
  nextStep,
  param,
  type Step,
} from "../journey";
import type { Persona } from "../personas";
import { errorPage } from "../views/error";

/** Log in, uplift (twice at most, if the check fails) and consent: no journey has more pages. */
const MAX_PAGES = 5;

class HeadlessProblem extends Error {}

function hintedPersona(step: Step): Persona | undefined {
  const hint = param(step, HEADLESS_PARAMETERS.persona);
  if (hint === undefined) return undefined;
  const { personas } = step.simulator;
  const persona = personas.get(hint) ?? personas.findByEmail(hint);
  if (!persona) {
    throw new HeadlessProblem(`${HEADLESS_PARAMETERS.persona}=${hint} names no persona here.`);
  }
  return persona;
}

function personaToLogIn(step: Step): Persona {
  if (step.hint) return step.hint;
  const id = step.simulator.headless.persona;
  const persona = id ? step.simulator.personas.get(id) : undefined;
  if (!persona) {
    throw new HeadlessProblem(
      `Nobody to log in: send ${HEADLESS_PARAMETERS.persona}=<persona id or email>, start the simulator with --persona <id>, or PUT /simulator/mode {"persona": "<id>"}.`,
    );
  }
  return persona;
}

function consentAnswer(step: Step): ConsentAnswer {
  const asked = param(step, HEADLESS_PARAMETERS.consent);
  return isConsentAnswer(asked) ? asked : step.simulator.headless.consent;
}

function upliftAnswer(step: Step): UpliftAnswer {
  const asked = param(step, HEADLESS_PARAMETERS.uplift);
  return isUpliftAnswer(asked) ? asked : step.simulator.headless.uplift;
}

/** Runs the journey to its end; returns where oidc-provider resumes the authorization. */
async function runJourney(step: Step): Promise<string> {
  for (let pages = 0; pages < MAX_PAGES; pages += 1) {
    const next = await nextStep(step);
    if ("returnTo" in next) return next.returnTo;
    switch (next.page) {
      case "login":
        logIn(step, personaToLogIn(step));
        break;
      case "uplift":
        if (next.failed || upliftAnswer(step) === "abandon") return abandonUplift(step);
        attemptUplift(step);
        break;
      case "consent":
        return consentAnswer(step) === "agree" ? agreeToShare(step) : declineConsent(step);
    }
  }
  throw new Error("the journey did not end");
}

/** name=value pairs of the request's cookies, updated by the response's Set-Cookie headers. */
function cookiesAfter(ctx: Context): string {
  const jar = new Map<string, string>();
  for (const pair of (ctx.get("Cookie") ?? "").split(";")) {
    const at = pair.indexOf("=");
    if (at > 0) jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  const set = ctx.response.headers["set-cookie"];
  for (const cookie of Array.isArray(set) ? set : set ? [String(set)] : []) {
    const [pair = ""] = cookie.split(";");
    const at = pair.indexOf("=");
    if (at > 0) jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

/**
 * Resumes the authorization as the browser would, by following oidc-provider's own resume
 * redirect with the cookies it set, and answers the client with what that returns.
 */
async function resume(ctx: Context, simulator: SimulatorContext, returnTo: string) {
  const target = new URL(returnTo, simulator.issuer);
  const response = await fetch(`${simulator.ownOrigin}${target.pathname}${target.search}`, {
    headers: { cookie: cookiesAfter(ctx) },
    redirect: "manual",
  });
  ctx.remove("Set-Cookie");
  ctx.remove("Location");
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) ctx.set("Set-Cookie", cookies);
  const location = response.headers.get("location");
  if (location) ctx.set("Location", location);
  ctx.set("Cache-Control", "no-store");
  ctx.type = response.headers.get("content-type") ?? "text/plain";
  ctx.body = await response.text();
  ctx.status = response.status;
}

/** Answers an authorization request at once, where oidc-provider would show the first page. */
export async function answerAtOnce(
  ctx: Context,
  simulator: SimulatorContext,
  uid: string,
): Promise<void> {
  const interaction = await simulator.provider.Interaction.find(uid);
  const client = interaction && simulator.clients.get(String(interaction.params.client_id));
  if (!interaction || !client) return;
  const step: Step = { simulator, uid, interaction, journey: simulator.journeys.get(uid), client };
  let returnTo: string;
  try {
    const hint = hintedPersona(step);
    if (hint) step.hint = hint;
    returnTo = await runJourney(step);
  } catch (error) {
    if (!(error instanceof HeadlessProblem)) throw error;
    simulator.journeys.finish(uid);
    ctx.remove("Set-Cookie");
    ctx.remove("Location");
    sendHtml(
      ctx,
      errorPage({
        title: "The simulator cannot answer this request by itself",
        message: error.message,
        code: "invalid_request",
      }),
      400,
    );
    return;
  }
  await resume(ctx, simulator, returnTo);
}
