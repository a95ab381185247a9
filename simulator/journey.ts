/**
 * The journey NHS login takes a person through for one authorization request, as decisions
 * without pages: who the person is (an asserted identity, the single sign-on session, or a log
 * in), whether they must prove their identity first (uplift), and whether they agree to share.
 * The interactive pages and headless mode both drive it, so both apply the same rules.
 */
import type { InteractionDetails, InteractionResults } from "oidc-provider";
import type { Level, Vector } from "nhs-login-vocabulary";
import { consentItems } from "./claims";
import type { SimulatorClient } from "./clients";
import type { SimulatorContext } from "./context";
import type { AuthorizeFault } from "./faults";
import { HttpError } from "./http";
import type { Journey } from "./journeys";
import { loginLevel, type Persona } from "./personas";
import { nowSeconds } from "./tokens";
import { chooseVot, lowestRequestedLevel, requestedVectors as readVtr } from "./vectors";

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

export interface Step {
  simulator: SimulatorContext;
  uid: string;
  /** oidc-provider's record of this authorization request. */
  interaction: InteractionDetails;
  journey: Journey;
  client: SimulatorClient;
  /** Headless mode: the person the request names, who replaces a session for someone else. */
  hint?: Persona;
}

/** What the person sees next, or where the journey sends them back to the service. */
export type Next =
  | { page: "login" }
  | {
      page: "uplift";
      currentLevel: Level;
      /** The highest level the person has reached: at or above the target, they only confirm. */
      highestLevel: Level;
      targetLevel: Level;
      failed: boolean;
    }
  | { page: "consent"; items: string[] }
  | { returnTo: string };

export function param(step: Step, name: string): string | undefined {
  const value = step.interaction.params[name];
  return typeof value === "string" ? value : undefined;
}

export function registrationAllowed(step: Step): boolean {
  return param(step, "allow_registration") !== "false";
}

function requestedVectors(step: Step): Vector[] {
  const reading = readVtr(step.interaction.params.vtr, step.client.vectors);
  // oidc-provider already refused malformed ones before the journey began.
  return reading.ok ? reading.vectors : [];
}

export function currentPerson(step: Step): Persona | undefined {
  return step.journey.sub ? step.simulator.personas.getBySub(step.journey.sub) : undefined;
}

async function finish(step: Step, result: InteractionResults): Promise<string> {
  const { interaction, simulator, uid } = step;
  interaction.result = result;
  await interaction.save(Math.max(interaction.exp - nowSeconds(), 1));
  simulator.journeys.finish(uid);
  return interaction.returnTo;
}

function finishWithError(step: Step, error: string, description: string): Promise<string> {
  return finish(step, { error, error_description: description });
}

/** Forgets who the simulator's session is for, so a different person can log in. */
async function forgetSessionPerson(step: Step): Promise<void> {
  const cookie = step.interaction.session?.cookie;
  if (!cookie) return;
  const session = await step.simulator.provider.Session.find(cookie);
  if (!session) return;
  session.accountId = undefined;
  session.authorizations = undefined;
  session.loginTs = undefined;
  session.acr = undefined;
  await session.persist();
}

/**
 * Works out who the person is before any page: an asserted identity, else the single sign-on
 * session (unless `prompt=login`), keeping the time they actually authenticated.
 */
async function identify(step: Step): Promise<string | undefined> {
  const { simulator, journey, client, interaction } = step;
  journey.started = true;

  const clientFault = simulator.faults.take("authorize", { client: client.clientId });
  if (clientFault) {
    const [error, description] = AUTHORIZE_FAULT_ERRORS[clientFault.fault as AuthorizeFault];
    return finishWithError(step, error, description);
  }

  const assertion = param(step, "asserted_login_identity");
  if (assertion !== undefined) {
    const result = await simulator.assertions.verify(assertion, client);
    if (result.ok) {
      journey.sub = result.sub;
      journey.authTime = result.authTime;
    } else if (journey.silent) {
      return finishWithError(step, "sso_login_required", result.reason);
    } else {
      journey.notice = `The asserted_login_identity was not used (${result.reason}), so you need to log in.`;
    }
    return undefined;
  }

  const forceLogin = (param(step, "prompt") ?? "").split(" ").includes("login");
  const sessionSub = interaction.session?.accountId;
  const sessionPerson = sessionSub ? simulator.personas.getBySub(sessionSub) : undefined;
  if (!forceLogin && sessionPerson && (!step.hint || step.hint === sessionPerson)) {
    const session = await simulator.provider.Session.find(interaction.session?.cookie ?? "");
    journey.sub = sessionPerson.sub;
    journey.authTime = session?.loginTs ?? nowSeconds();
  }
  return undefined;
}

/** The next page of the journey, or the end of it. */
export async function nextStep(step: Step): Promise<Next> {
  const { simulator, journey, client } = step;
  if (!journey.started) {
    const returnTo = await identify(step);
    if (returnTo) return { returnTo };
  }

  const persona = currentPerson(step);
  if (!persona) {
    if (journey.silent) {
      return {
        returnTo: await finishWithError(
          step,
          "sso_login_required",
          "there is no NHS login session to use",
        ),
      };
    }
    return { page: "login" };
  }

  if (!journey.personaFaultChecked) {
    journey.personaFaultChecked = true;
    const fault = simulator.faults.take("authorize", {
      persona: persona.id,
      client: client.clientId,
    });
    if (fault) {
      const [error, description] = AUTHORIZE_FAULT_ERRORS[fault.fault as AuthorizeFault];
      return { returnTo: await finishWithError(step, error, description) };
    }
  }

  const requested = requestedVectors(step);
  if (!chooseVot(requested, loginLevel(persona))) {
    return {
      page: "uplift",
      currentLevel: loginLevel(persona),
      highestLevel: persona.level,
      targetLevel: lowestRequestedLevel(requested),
      failed: journey.upliftFailed,
    };
  }
  return {
    page: "consent",
    items: consentItems(persona, new Set((param(step, "scope") ?? "").split(" "))),
  };
}

/**
 * The person has just authenticated (at the log in page, by registering, or named in headless
 * mode): as they are defined, whatever an earlier identity check did.
 */
export function logIn(step: Step, persona: Persona): void {
  const { journey } = step;
  step.simulator.personas.restore(persona);
  journey.sub = persona.sub;
  journey.authTime = nowSeconds();
  journey.notice = undefined;
  journey.upliftFailed = false;
}

/** The identity check: the person reaches the level asked for, or the check fails. */
export function attemptUplift(step: Step): void {
  const persona = currentPerson(step);
  if (!persona) throw new HttpError(409, "nobody has logged in yet");
  if (persona.canUplift) {
    step.simulator.personas.uplift(persona, lowestRequestedLevel(requestedVectors(step)));
  } else {
    step.journey.upliftFailed = true;
  }
}

export function abandonUplift(step: Step): Promise<string> {
  return finishWithError(step, "access_denied", "UpliftNotCompleted");
}

export function declineConsent(step: Step): Promise<string> {
  return finishWithError(step, "access_denied", "ConsentNotGiven");
}

/** The person agrees to share: the journey ends with a code for them. */
export async function agreeToShare(step: Step): Promise<string> {
  const { simulator, interaction, journey, client } = step;
  const persona = currentPerson(step);
  if (!persona) throw new HttpError(409, "nobody has logged in yet");
  const requested = requestedVectors(step);
  const vot = chooseVot(requested, loginLevel(persona));
  if (!vot) throw new HttpError(409, "the person does not meet any requested vector");
  const grant = new simulator.provider.Grant({ accountId: persona.sub, clientId: client.clientId });
  grant.addOIDCScope(param(step, "scope") ?? "openid");
  const grantId = await grant.save();
  const authTime = journey.authTime ?? nowSeconds();
  simulator.journeys.recordOutcome(grantId, { vot, requested, authTime });
  const returnTo = await finish(step, {
    login: { accountId: persona.sub, acr: vot, ts: authTime, remember: true },
    consent: { grantId },
  });
  // Only now: oidc-provider refuses to record a result once the session's person has changed.
  if (interaction.session?.accountId && interaction.session.accountId !== persona.sub) {
    await forgetSessionPerson(step);
  }
  return returnTo;
}
