"use client";

import { ServiceProblem } from "@/components/service-problem";
import { NHSUK_STYLESHEET } from "@/lib/nhsuk-assets";

/**
 * The layout itself failed (its configuration, say): a page of its own, which reads nothing
 * from the server, so that even then the person gets an NHS-styled page and no stack trace.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <head>
        <link rel="stylesheet" href={NHSUK_STYLESHEET} />
      </head>
      <body>
        <ServiceProblem digest={error.digest} />
      </body>
    </html>
  );
}
