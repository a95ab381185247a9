import type { Persona } from "../personas";
import { button, errorSummary, input, insetText, type FieldError } from "./components";
import { html, type SafeHtml } from "./html";
import { page } from "./layout";

export interface LoginView {
  action: string;
  clientName: string;
  personas: Persona[];
  /** Absent when the service sent allow_registration=false. */
  registerHref?: string;
  email?: string;
  errors?: FieldError[];
  notice?: string;
}

export function personaButtons(
  personas: Persona[],
  testIdPrefix: string,
  name = "persona",
): SafeHtml {
  return html`<ul class="simulator-persona-list">
    ${personas.map(
      (persona) =>
        html`<li>
          ${button({
            name,
            value: persona.id,
            variant: "secondary",
            testId: `${testIdPrefix}${persona.id}`,
            text: html`${persona.id}<span class="simulator-persona-hint"
                >${persona.description}</span
              >`,
          })}
        </li>`,
    )}
  </ul>`;
}

export function loginPage(view: LoginView): SafeHtml {
  const errors = view.errors ?? [];
  const fieldError = (field: string) => errors.find((error) => error.field === field)?.message;
  return page({
    title: "Log in",
    hasErrors: errors.length > 0,
    content: html`${errorSummary(errors)}
      <h1>Log in</h1>
      <p>You are logging in to continue to ${view.clientName}.</p>
      ${view.notice ? insetText(view.notice) : ""}
      <h2>Choose a test person</h2>
      <form method="post" action="${view.action}" novalidate>
        ${personaButtons(view.personas, "login-as-")}
      </form>
      <h2>Or enter an email address and password</h2>
      <p>
        Each test person's email address is shown by the simulator's control API. The password is
        always <code>password</code>.
      </p>
      <form method="post" action="${view.action}" novalidate>
        ${input({ id: "email", label: "Email address", type: "email", autocomplete: "email", value: view.email ?? "", spellcheck: false, error: fieldError("email") })}
        ${input({ id: "password", label: "Password", type: "password", autocomplete: "current-password", error: fieldError("password") })}
        ${button({ text: "Continue", testId: "login-submit" })}
      </form>
      ${
        view.registerHref
          ? html`<h2>New to NHS login?</h2>
              <p>
                <a href="${view.registerHref}" data-testid="register-link">Create an NHS login</a>
              </p>`
          : ""
      }`,
  });
}
