"use client";

import { ServiceProblem } from "@/components/service-problem";
import "./nhsuk-frontend.generated.css";
import "./portal.css";

/**
 * The layout itself failed (its configuration, say): a page of its own, which reads nothing
 * from the server, so that even then the person gets an NHS-styled page and no stack trace.
 * It replaces the root layout, so it brings the layout's styles itself.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  return (
    <html lang="en">
      <body>
        <ServiceProblem digest={error.digest} />
      </body>
    </html>
  );
}
