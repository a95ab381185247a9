import type { ReactNode } from "react";
import { type Attributes, classNames } from "./shared";

/** Class names written whole, so that the stylesheet build (scripts/nhsuk-stylesheet.mjs) finds them. */
const VARIANT_CLASSES = {
  secondary: "nhsuk-button--secondary",
  reverse: "nhsuk-button--reverse",
  warning: "nhsuk-button--warning",
  login: "nhsuk-button--login",
} as const;

export type ButtonVariant = keyof typeof VARIANT_CLASSES;

type ButtonCommonProps = {
  /** The button text, as the macro's `text`/`html` options. */
  children: ReactNode;
  variant?: ButtonVariant;
  small?: boolean;
  /** Rendered as `data-prevent-double-click`; nhsuk-frontend's JS then ignores a second click. */
  preventDoubleClick?: boolean;
  id?: string;
  classes?: string;
  attributes?: Attributes;
};

/** A link styled as a button (`<a role="button">`). */
export type ButtonLinkProps = ButtonCommonProps & {
  href: string;
  type?: never;
  name?: never;
  value?: never;
  disabled?: never;
};

/** A `<button>`, submitting its form unless `type` says otherwise. */
export type ButtonSubmitProps = ButtonCommonProps & {
  href?: never;
  type?: "submit" | "button" | "reset";
  name?: string;
  value?: string;
  disabled?: boolean;
};

export type ButtonProps = ButtonLinkProps | ButtonSubmitProps;

export function Button(props: ButtonProps) {
  const { children, variant, small, preventDoubleClick, id, classes, attributes } = props;
  const common = {
    className: classNames(
      "nhsuk-button",
      variant && VARIANT_CLASSES[variant],
      small && "nhsuk-button--small",
      classes,
    ),
    id,
    "data-module": "nhsuk-button",
    "data-prevent-double-click":
      preventDoubleClick === undefined ? undefined : String(preventDoubleClick),
  };

  if (props.href !== undefined) {
    return (
      <a {...common} href={props.href} role="button" draggable="false" {...attributes}>
        {children}
      </a>
    );
  }
  return (
    <button
      {...common}
      name={props.name}
      type={props.type ?? "submit"}
      value={props.value}
      disabled={props.disabled}
      aria-disabled={props.disabled ? "true" : undefined}
      {...attributes}
    >
      {children}
    </button>
  );
}
