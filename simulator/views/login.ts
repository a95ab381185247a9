import type { Persona } from "../personas";
import { button, errorSummary, input, insetText, type FieldError } from "./components";
import { markup, type SafeHtml } from "./html";
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

export function personaButtons(personas: Persona[], testIdPrefix: string): SafeHtml {
  return markup`<ul class="simulator-persona-list">
    ${personas.map(
      (persona) =>
        markup`<li>${button({
          name: "persona",
          value: persona.id,
          variant: "secondary",
          testId: `${testIdPrefix}${persona.id}`,
          text: markup`${persona.id}<span class="simulator-persona-hint">${persona.description}</span>`,
        })}</li>`,
    )}
  </ul>`;
}

export function loginPage(view: LoginView): SafeHtml {
  const errors = view.errors ?? [];
  const fieldError = (field: string) => errors.find((error) => error.field === field)?.message;
  return page({
    title: "Log in",
    hasErrors: errors.length > 0,
    content: markup`${errorSummary(errors)}
<h1>Log in</h1>
<p>You are logging in to continue to ${view.clientName}.</p>
${view.notice ? insetText(view.notice) : ""}
<h2>Choose a test person</h2>
<form method="post" action="${view.action}" novalidate>
  ${personaButtons(view.personas, "login-as-")}
</form>
<h2>Or enter an email address and password</h2>
<p>Test people's email addresses are listed on the simulator's home page. The password is always <code>password</code>.</p>
<form method="post" action="${view.action}" novalidate>
  ${input({ id: "email", label: "Email address", type: "email", autocomplete: "email", value: view.email ?? "", spellcheck: false, error: fieldError("email") })}
  ${input({ id: "password", label: "Password", type: "password", autocomplete: "current-password", error: fieldError("password") })}
  ${button({ text: "Continue", testId: "login-submit" })}
</form>
${
  view.registerHref
    ? markup`<h2>New to NHS login?</h2>
<p><a href="${view.registerHref}" data-testid="register-link">Create an NHS login</a></p>`
    : ""
}`,
  });
}
