import { headers } from "next/headers";
import { INSIDE_NHS_APP_HEADER } from "./nhs-app";

/**
 * Whether the page being rendered is open inside the NHS App, as the route gate found, or, for
 * the pages a sign-in from the NHS App ends on, as its `context=nhs-app` says.
 */
export async function insideNhsApp(context?: unknown): Promise<boolean> {
  return context === "nhs-app" || (await headers()).get(INSIDE_NHS_APP_HEADER) === "1";
}
