import { button, errorSummary, input, type FieldError } from "./components";
import { markup, type SafeHtml } from "./html";
import { page } from "./layout";

export interface RegisterView {
  action: string;
  backHref: string;
  email?: string;
  mobile?: string;
  errors?: FieldError[];
}

export function registerPage(view: RegisterView): SafeHtml {
  const errors = view.errors ?? [];
  const fieldError = (field: string) => errors.find((error) => error.field === field)?.message;
  return page({
    title: "Create your NHS login",
    hasErrors: errors.length > 0,
    content: markup`<div class="nhsuk-back-link"><a class="nhsuk-back-link__link" href="${view.backHref}">Back</a></div>
${errorSummary(errors)}
<h1>Create your NHS login</h1>
<p>In NHS login you would confirm your email address and mobile number with security codes. The simulator skips that: it creates a person with only these details checked (proofing level P0).</p>
<form method="post" action="${view.action}" novalidate>
  ${input({ id: "email", label: "Email address", type: "email", autocomplete: "email", value: view.email ?? "", spellcheck: false, error: fieldError("email") })}
  ${input({ id: "mobile", label: "UK mobile phone number", type: "tel", autocomplete: "tel", value: view.mobile ?? "", hint: "For example, 07700 900123", error: fieldError("mobile") })}
  ${button({ text: "Create NHS login", testId: "register-submit" })}
</form>`,
  });
}
