import { Button } from "./button";

/** Where a person changes what they keep in NHS login: its settings, or the NHS App's own. */
export function nhsLoginSettings(inApp: boolean): string {
  return inApp ? "the NHS App's account settings" : "your NHS login settings";
}

/**
 * "Manage your NHS login": NHS login's settings site, already logged in (app/auth/settings).
 * Not inside the NHS App, which owns the person's account and offers its own way there.
 */
export function ManageNhsLogin({ inApp }: { inApp: boolean }) {
  if (inApp) return null;
  return (
    <form action="/auth/settings" method="post">
      <Button variant="secondary" attributes={{ "data-testid": "manage-nhs-login" }}>
        Manage your NHS login
      </Button>
    </form>
  );
}
