import type { Metadata } from "next";
import { BackToNhsApp } from "@/components/back-to-nhs-app";
import { PageMain } from "@/components/page-main";
import { insideNhsApp } from "@/lib/inside-nhs-app";
import { isReference } from "@/lib/log";
import { MedicalHelp, ProblemReference } from "@/components/problem-help";

const TITLE = "Sorry, the service is unavailable";
export const metadata: Metadata = {
  title: TITLE,
  description: "The service is unavailable at the moment. Try again in a few minutes.",
};

type Props = { searchParams: Promise<{ ref?: string | string[] }> };

/**
 * What a gated page answers (with 503, set by the route gate) when the session store cannot be
 * reached: nobody can be told whether they are logged in, so nobody is shown anything personal.
 */
export default async function ServiceUnavailablePage({ searchParams }: Props) {
  const { ref } = await searchParams;
  return (
    <PageMain heading={TITLE}>
      <p>You will be able to use the service again soon. Try again in a few minutes.</p>
      {isReference(ref) && <ProblemReference reference={ref} />}
      {(await insideNhsApp()) && <BackToNhsApp />}
      <MedicalHelp />
    </PageMain>
  );
}
