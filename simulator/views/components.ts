/** NHS.UK design system components, written out as the nhsuk-frontend macros render them. */
import { markup, type HtmlValue, type SafeHtml } from "./html";

export interface FieldError {
  field: string;
  message: string;
}

export function errorSummary(errors: FieldError[]): SafeHtml {
  if (errors.length === 0) return markup``;
  return markup`<div class="nhsuk-error-summary" data-module="nhsuk-error-summary">
  <div role="alert">
    <h2 class="nhsuk-error-summary__heading">There is a problem</h2>
    <div class="nhsuk-error-summary__body">
      <ul class="nhsuk-list nhsuk-error-summary__list">
        ${errors.map((error) => markup`<li><a href="#${error.field}">${error.message}</a></li>`)}
      </ul>
    </div>
  </div>
</div>`;
}

export interface InputOptions {
  id: string;
  label: string;
  type?: "text" | "email" | "password" | "tel";
  autocomplete?: string;
  value?: string;
  hint?: string;
  error?: string | undefined;
  spellcheck?: boolean;
}

export function input(options: InputOptions): SafeHtml {
  const describedBy = [
    options.hint ? `${options.id}-hint` : undefined,
    options.error ? `${options.id}-error` : undefined,
  ]
    .filter(Boolean)
    .join(" ");
  const attributes = markup`${options.autocomplete ? markup` autocomplete="${options.autocomplete}"` : ""}${
    describedBy ? markup` aria-describedby="${describedBy}"` : ""
  }${options.spellcheck === false ? markup` spellcheck="false"` : ""}`;
  return markup`<div class="nhsuk-form-group${options.error ? " nhsuk-form-group--error" : ""}">
  <label class="nhsuk-label" for="${options.id}">${options.label}</label>
  ${options.hint ? markup`<div class="nhsuk-hint" id="${options.id}-hint">${options.hint}</div>` : ""}
  ${
    options.error
      ? markup`<span class="nhsuk-error-message" id="${options.id}-error"><span class="nhsuk-u-visually-hidden">Error: </span>${options.error}</span>`
      : ""
  }
  <input class="nhsuk-input${options.error ? " nhsuk-input--error" : ""}" id="${options.id}" name="${options.id}" type="${options.type ?? "text"}"${attributes} value="${options.value ?? ""}">
</div>`;
}

export interface ButtonOptions {
  text: HtmlValue;
  testId?: string;
  name?: string;
  value?: string;
  variant?: "primary" | "secondary";
}

export function button(options: ButtonOptions): SafeHtml {
  const variant = options.variant === "secondary" ? " nhsuk-button--secondary" : "";
  const attributes = markup`${options.name ? markup` name="${options.name}"` : ""}${
    options.value !== undefined ? markup` value="${options.value}"` : ""
  }${options.testId ? markup` data-testid="${options.testId}"` : ""}`;
  return markup`<button class="nhsuk-button${variant}" data-module="nhsuk-button" type="submit"${attributes}>${options.text}</button>`;
}

/** Buttons side by side on wider screens, stacked on narrow ones, never touching. */
export function buttonGroup(...buttons: SafeHtml[]): SafeHtml {
  return markup`<div class="nhsuk-button-group">${buttons}</div>`;
}

export function summaryList(rows: Array<[string, HtmlValue]>): SafeHtml {
  return markup`<dl class="nhsuk-summary-list">
  ${rows.map(
    ([key, value]) => markup`<div class="nhsuk-summary-list__row">
    <dt class="nhsuk-summary-list__key">${key}</dt>
    <dd class="nhsuk-summary-list__value">${value}</dd>
  </div>`,
  )}
</dl>`;
}

export function insetText(content: HtmlValue): SafeHtml {
  return markup`<div class="nhsuk-inset-text"><span class="nhsuk-u-visually-hidden">Information: </span>${content}</div>`;
}
