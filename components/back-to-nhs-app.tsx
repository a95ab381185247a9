import { inNhsApp, NHS_APP_HOME } from "@/lib/nhs-app";
import { Button } from "./button";

/**
 * The way back to the NHS App wherever a journey ends inside it: the app's home, through the
 * app's own navigation, or its web address where the app's script cannot be used.
 */
export function BackToNhsApp() {
  return (
    <Button
      href={NHS_APP_HOME}
      attributes={{ "data-testid": "back-to-nhs-app", ...inNhsApp("home") }}
    >
      Go back to the NHS App
    </Button>
  );
}
