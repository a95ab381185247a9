import type { ReactNode } from "react";

export type ErrorSummaryItem = {
  /** Usually `#` and the id of the field with the error. Without it the error is plain text. */
  href?: string;
  text: string;
};

export type ErrorSummaryProps = {
  /** Usually "There is a problem". */
  heading: string;
  /** Rendered in a paragraph above the list. */
  description?: ReactNode;
  errorList: ErrorSummaryItem[];
};

export function ErrorSummary({ heading, description, errorList }: ErrorSummaryProps) {
  return (
    <div className="nhsuk-error-summary" data-module="nhsuk-error-summary">
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading">{heading}</h2>
        <div className="nhsuk-error-summary__body">
          {description !== undefined && <p>{description}</p>}
          {errorList.length > 0 && (
            <ul className="nhsuk-list nhsuk-error-summary__list">
              {errorList.map((error, index) => (
                <li key={index}>
                  {error.href !== undefined ? <a href={error.href}>{error.text}</a> : error.text}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
