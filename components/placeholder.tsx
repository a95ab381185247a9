import type { ReactNode } from "react";

/**
 * Words the team running the service must write before it goes live: shown in square brackets
 * and highlighted, so that no one takes them for finished text. Find what is left with
 * `grep -rn "<Placeholder" app`.
 */
export function Placeholder({ children }: { children: ReactNode }) {
  return (
    <mark className="portal-placeholder" data-placeholder="">
      [To fill in: {children}]
    </mark>
  );
}
