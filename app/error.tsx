"use client";

import { ServiceProblem } from "@/components/service-problem";

/** A page that failed, inside the portal's layout. */
export default function ErrorPage({ error }: { error: Error & { digest?: string } }) {
  return <ServiceProblem digest={error.digest} />;
}
