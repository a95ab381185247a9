import { markup, type SafeHtml } from "./html";
import { page } from "./layout";

export interface ErrorView {
  title: string;
  message: string;
  /** The machine-readable error, shown to help developers. */
  code?: string;
}

export function errorPage(view: ErrorView): SafeHtml {
  return page({
    title: view.title,
    content: markup`<h1>${view.title}</h1>
<p data-testid="error-message">${view.message}</p>
${view.code ? markup`<p>Error code: <code data-testid="error-code">${view.code}</code></p>` : ""}
<p>If you are testing a service, go back to it and start again.</p>`,
  });
}
