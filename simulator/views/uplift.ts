import { meetsLevel, type Level } from "nhs-login-vocabulary";
import { button, buttonGroup } from "./components";
import { markup, type SafeHtml } from "./html";
import { page } from "./layout";

export interface UpliftView {
  action: string;
  clientName: string;
  currentLevel: Level;
  /** The highest level the person has reached: at or above the target, they only confirm. */
  highestLevel: Level;
  targetLevel: Level;
  /** The identity check has been tried and did not succeed for this person. */
  failed?: boolean;
}

const LEVEL_WORDS: Record<Level, string> = {
  P0: "only your email address and mobile number have been checked",
  P5: "your details need to match your NHS record",
  P9: "your photo ID needs to be checked against you",
};

export function upliftPage(view: UpliftView): SafeHtml {
  if (view.failed) {
    return page({
      title: "We could not confirm who you are",
      content: markup`<h1>We could not confirm who you are</h1>
<p>The details we found do not match your NHS record, so you cannot continue to ${view.clientName} with this NHS login.</p>
<p>This test person cannot prove who they are. Choose a different test person to see a successful identity check.</p>
<form method="post" action="${view.action}" novalidate>
  ${button({ text: `Return to ${view.clientName}`, name: "action", value: "abandon", testId: "uplift-abandon", variant: "secondary" })}
</form>`,
    });
  }
  if (meetsLevel(view.highestLevel, view.targetLevel)) {
    return page({
      title: "Confirm it's you",
      content: markup`<h1>Confirm it's you</h1>
<p>You have already proved who you are (level ${view.highestLevel}), but this log in is at level ${view.currentLevel}. ${view.clientName} needs you to confirm it's you before you can continue.</p>
<p>In NHS login this means entering your password or a security code again. The simulator confirms it at once.</p>
<form method="post" action="${view.action}" novalidate>
  ${buttonGroup(
    button({ text: "Continue", name: "action", value: "continue", testId: "uplift-continue" }),
    button({
      text: `Return to ${view.clientName} without confirming it's you`,
      name: "action",
      value: "abandon",
      testId: "uplift-abandon",
      variant: "secondary",
    }),
  )}
</form>`,
    });
  }
  return page({
    title: "Prove who you are",
    content: markup`<h1>Prove who you are</h1>
<p>${view.clientName} needs to be sure who you are before you can continue.</p>
<p>So far ${view.currentLevel === "P0" ? LEVEL_WORDS.P0 : "your details have been matched to your NHS record"} (level ${view.currentLevel}). To continue, ${LEVEL_WORDS[view.targetLevel]} (level ${view.targetLevel}).</p>
<p>In NHS login this means giving your details and, for the highest level, taking a photo of your ID and a short video of your face. The simulator does the check at once with made-up details.</p>
<form method="post" action="${view.action}" novalidate>
  ${buttonGroup(
    button({ text: "Continue", name: "action", value: "continue", testId: "uplift-continue" }),
    button({
      text: `Return to ${view.clientName} without proving who you are`,
      name: "action",
      value: "abandon",
      testId: "uplift-abandon",
      variant: "secondary",
    }),
  )}
</form>`,
  });
}
