import { normalisePath } from "@/lib/access";
import { PATIENT_PAGES } from "@/lib/patient-pages";
import { currentSession } from "@/lib/session/current";
import { HeaderNavigation } from "./header";

/**
 * The header's navigation for a logged-in person: every page of theirs, the one at `path`
 * marked. Pages above the person's level are listed too; the route gate offers them the uplift
 * page. Nothing for a person who is not logged in.
 */
export async function PatientNavigation({ path }: { path: string }) {
  const state = await currentSession();
  if (state.status !== "active") return null;
  const current = normalisePath(path);
  return (
    <HeaderNavigation
      items={PATIENT_PAGES.map((page) => ({
        href: page.path,
        text: page.title,
        current: page.path === current,
        active: current.startsWith(`${page.path}/`),
      }))}
    />
  );
}
