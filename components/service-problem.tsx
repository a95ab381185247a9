import { MedicalHelp, ProblemReference } from "./problem-help";

const TITLE = "Sorry, there is a problem with the service";

/**
 * What a person sees when a page fails. Next.js sends no error details to the browser in
 * production; the server log has them, under the digest shown here. Plain markup with no
 * server-only parts, so both error boundaries (which are client components) can use it.
 */
export function ServiceProblem({ digest }: { digest?: string }) {
  return (
    <div className="nhsuk-width-container">
      <title>{`${TITLE} – NHS`}</title>
      <main className="nhsuk-main-wrapper" id="maincontent">
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-two-thirds">
            <h1>{TITLE}</h1>
            <p>Try again later.</p>
            {digest && <ProblemReference reference={digest} />}
            <MedicalHelp />
          </div>
        </div>
      </main>
    </div>
  );
}
