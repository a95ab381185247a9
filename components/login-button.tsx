import type { ReactNode } from "react";
import { Button, type ButtonLinkProps, type ButtonSubmitProps } from "./button";

type LoginOverrides = "variant" | "children";

export type LoginButtonProps = (
  Omit<ButtonLinkProps, LoginOverrides> | Omit<ButtonSubmitProps, LoginOverrides>
) & {
  /** Defaults to "Continue", the text NHS login asks for next to the NHS logo. */
  children?: ReactNode;
};

/**
 * The NHS login button: nhsuk-frontend's `login` button variant (NHS blue, no NHS login logo,
 * as the header already shows the NHS logo), as a link or a form submit button.
 */
export function LoginButton({ children = "Continue", ...props }: LoginButtonProps) {
  return (
    <Button {...props} variant="login">
      {children}
    </Button>
  );
}
