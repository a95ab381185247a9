"use client";

import { useEffect } from "react";
import { NHS_APP_SCRIPT_ID, type NhsAppLinkAction } from "@/lib/nhs-app";
import { nhsApp, nhsAppLoaded } from "@/lib/nhs-app-api";

/**
 * Inside the NHS App, once its script has loaded: the app's back button goes where the page's
 * back link goes (back to the app where there is none), links to other websites open in the
 * app's browser overlay so the page stays where it was, and links marked with `inNhsApp` use the
 * app's own navigation. Each is an ordinary link underneath, which is what happens without the
 * script or without JavaScript.
 */
export function NhsAppBridge() {
  useEffect(() => {
    const script = document.getElementById(NHS_APP_SCRIPT_ID);
    const connect = () => {
      const back = document.querySelector<HTMLAnchorElement>("a.nhsuk-back-link");
      nhsApp.setBackAction(
        back ? () => window.location.assign(back.href) : () => nhsApp.goToHomepage(),
      );
    };
    if (nhsAppLoaded()) connect();
    else script?.addEventListener("load", connect, { once: true });
    document.addEventListener("click", followInApp);
    return () => {
      script?.removeEventListener("load", connect);
      document.removeEventListener("click", followInApp);
    };
  }, []);
  return null;
}

function followInApp(event: MouseEvent): void {
  const plainClick =
    event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;
  if (event.defaultPrevented || !plainClick || !(event.target instanceof Element)) return;
  const link = event.target.closest("a[href]");
  if (link instanceof HTMLAnchorElement && takenByApp(link)) event.preventDefault();
}

function takenByApp(link: HTMLAnchorElement): boolean {
  const action = link.dataset.nhsApp as NhsAppLinkAction | undefined;
  if (action === "home") return nhsApp.goToHomepage();
  if (action === "uplift") return nhsApp.goToPage("UPLIFT");
  const url = new URL(link.href);
  const web = url.protocol === "https:" || url.protocol === "http:";
  return web && url.origin !== window.location.origin && nhsApp.openBrowserOverlay(url.href);
}
