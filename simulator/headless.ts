/**
 * Headless mode: /authorize answers at once, as if a person had answered each page of the
 * journey. Who logs in and what they answer come from the request (`login_hint`,
 * `simulator_consent`, `simulator_uplift`), else from the control API, else from the settings.
 */
export const MODES = ["interactive", "headless"] as const;
export const CONSENT_ANSWERS = ["agree", "decline"] as const;
export const UPLIFT_ANSWERS = ["complete", "abandon"] as const;

export type Mode = (typeof MODES)[number];
export type ConsentAnswer = (typeof CONSENT_ANSWERS)[number];
export type UpliftAnswer = (typeof UPLIFT_ANSWERS)[number];

/** The authorization parameters, beyond NHS login's own, with which a request answers for itself. */
export const HEADLESS_PARAMETERS = {
  persona: "login_hint",
  consent: "simulator_consent",
  uplift: "simulator_uplift",
} as const;

export interface HeadlessSettings {
  mode: Mode;
  /** A persona id: who logs in when neither the request nor a session names anyone. */
  persona?: string;
  consent: ConsentAnswer;
  uplift: UpliftAnswer;
}

export function headlessSettings(input: Partial<HeadlessSettings> = {}): HeadlessSettings {
  return {
    mode: input.mode ?? "interactive",
    ...(input.persona ? { persona: input.persona } : {}),
    consent: input.consent ?? "agree",
    uplift: input.uplift ?? "complete",
  };
}

export function isConsentAnswer(value: unknown): value is ConsentAnswer {
  return (CONSENT_ANSWERS as readonly unknown[]).includes(value);
}

export function isUpliftAnswer(value: unknown): value is UpliftAnswer {
  return (UPLIFT_ANSWERS as readonly unknown[]).includes(value);
}
