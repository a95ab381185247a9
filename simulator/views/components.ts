/** NHS.UK design system components, written out as the nhsuk-frontend macros render them. */
import { html, type HtmlValue, type SafeHtml } from "./html";

export interface FieldError {
  field: string;
  message: string;
}

export function errorSummary(errors: FieldError[]): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="nhsuk-error-summary" data-module="nhsuk-error-summary">
    <div role="alert">
      <h2 class="nhsuk-error-summary__heading">There is a problem</h2>
      <div class="nhsuk-error-summary__body">
        <ul class="nhsuk-list nhsuk-error-summary__list">
          ${errors.map((error) => html`<li><a href="#${error.field}">${error.message}</a></li>`)}
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
  error?: string;
  spellcheck?: boolean;
}

export function input(options: InputOptions): SafeHtml {
  const describedBy = [
    options.hint ? `${options.id}-hint` : undefined,
    options.error ? `${options.id}-error` : undefined,
  ]
    .filter(Boolean)
    .join(" ");
  return html`<div class="nhsuk-form-group${options.error ? " nhsuk-form-group--error" : ""}">
    <label class="nhsuk-label" for="${options.id}">${options.label}</label>
    ${options.hint ? html`<div class="nhsuk-hint" id="${options.id}-hint">${options.hint}</div>` : ""}
    ${
      options.error
        ? html`<span class="nhsuk-error-message" id="${options.id}-error"
            ><span class="nhsuk-u-visually-hidden">Error: </span>${options.error}</span
          >`
        : ""
    }
    <input
      class="nhsuk-input${options.error ? " nhsuk-input--error" : ""}"
      id="${options.id}"
      name="${options.id}"
      type="${options.type ?? "text"}"
      ${
        options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ""
      }${describedBy ? html` aria-describedby="${describedBy}"` : ""}${
        options.spellcheck === false ? html` spellcheck="false"` : ""
      }
      value="${options.value ?? ""}"
    />
  </div>`;
}

export interface ButtonOptions {
  text: HtmlValue;
  testId?: string;
  name?: string;
  value?: string;
  variant?: "primary" | "secondary" | "reverse" | "warning";
  classes?: string;
}

export function button(options: ButtonOptions): SafeHtml {
  const variant =
    options.variant && options.variant !== "primary" ? ` nhsuk-button--${options.variant}` : "";
  return html`<button
    class="nhsuk-button${variant}${options.classes ? ` ${options.classes}` : ""}"
    data-module="nhsuk-button"
    type="submit"
    ${
      options.name ? html` name="${options.name}"` : ""
    }${options.value !== undefined ? html` value="${options.value}"` : ""}${
      options.testId ? html` data-testid="${options.testId}"` : ""
    }
  >
    ${options.text}
  </button>`;
}

export function summaryList(rows: Array<[string, HtmlValue]>): SafeHtml {
  return html`<dl class="nhsuk-summary-list">
    ${rows.map(
      ([key, value]) =>
        html`<div class="nhsuk-summary-list__row">
          <dt class="nhsuk-summary-list__key">${key}</dt>
          <dd class="nhsuk-summary-list__value">${value}</dd>
        </div>`,
    )}
  </dl>`;
}

export function insetText(content: HtmlValue): SafeHtml {
  return html`<div class="nhsuk-inset-text">
    <span class="nhsuk-u-visually-hidden">Information: </span>${content}
  </div>`;
}

export function warningCallout(heading: string, content: HtmlValue): SafeHtml {
  return html`<div class="nhsuk-card nhsuk-card--warning">
    <div class="nhsuk-card__content">
      <h2 class="nhsuk-card__heading">${heading}</h2>
      ${content}
    </div>
  </div>`;
}
