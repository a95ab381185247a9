import { accessFor, normalisePath, pathOf } from "./access";
import type { Level } from "nhs-login-vocabulary";

/** A page for a logged-in person, as the navigation, the profile and the uplift page name it. */
export interface PatientPage {
  path: string;
  /** The page's heading and title, and the text of every link to it. */
  title: string;
  /**
   * What the page is for, completing "To …": the profile's list and the page's description
   * say it as a sentence, and the uplift page says why it needs the person to prove who they are.
   */
  purpose: string;
  /**
   * What the page is for when the person's NHS record is restricted, where that is less: the
   * page shows no address, phone number, email address or GP surgery, so must not promise them.
   */
  purposeIfRestricted?: string;
  /** From lib/access.ts, the one table of levels. */
  level: Level;
}

/**
 * The portal's pages for a logged-in person, in the order the navigation and the profile list
 * them. A new page is one line here and its line in lib/access.ts.
 */
const PAGES: ReadonlyArray<Omit<PatientPage, "level">> = [
  {
    path: "/profile",
    title: "Your profile",
    purpose: "see the details NHS login shares with us, such as your NHS number",
  },
  {
    path: "/gp-practice",
    title: "Your GP surgery",
    purpose: "see which GP surgery you are registered with",
    purposeIfRestricted: "find out how to register with a GP surgery if you move",
  },
  {
    path: "/gp-online-services",
    title: "GP online services",
    purpose: "check whether this service can connect to your GP online services account",
  },
  {
    path: "/nhs-record",
    title: "Your NHS record",
    purpose: "see what your NHS record says about you, such as your address and GP surgery",
    purposeIfRestricted:
      "see your name, date of birth and NHS number as your NHS record holds them",
  },
];

function levelOf(path: string): Level {
  const access = accessFor(path);
  if (access === "public")
    throw new Error(`${path} needs a log-in, but lib/access.ts has no level for it`);
  return access;
}

export const PATIENT_PAGES: readonly PatientPage[] = PAGES.map((page) => ({
  ...page,
  level: levelOf(page.path),
}));

/** The page at a path, or undefined if it is not one of the portal's pages for a logged-in person. */
export function findPatientPage(path: string): PatientPage | undefined {
  const pathname = normalisePath(pathOf(path));
  return PATIENT_PAGES.find((page) => page.path === pathname);
}

/** The page at a path the caller knows is one of them. */
export function patientPage(path: string): PatientPage {
  const page = findPatientPage(path);
  if (!page) throw new Error(`${path} is not in lib/patient-pages.ts`);
  return page;
}

/** What the page is for, for a person whose NHS record is restricted or not. */
export function purposeOf(page: PatientPage, restricted = false): string {
  return (restricted && page.purposeIfRestricted) || page.purpose;
}

/** "see which GP surgery…" → "See which GP surgery…." */
export function purposeSentence(page: PatientPage, restricted = false): string {
  const purpose = purposeOf(page, restricted);
  return `${purpose.charAt(0).toUpperCase()}${purpose.slice(1)}.`;
}
