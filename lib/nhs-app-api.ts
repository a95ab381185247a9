/**
 * A typed wrapper over the NHS App's JavaScript API (v2), which the app's own script defines as
 * `window.nhsapp` inside the app. Each call says whether the app took it: where it did not (the
 * script did not load, or the page is not in the app), the caller's own link does the job.
 */

/** The app's own pages that `goToPage` opens. */
export type AppPage = "HOME_PAGE" | "SERVICES" | "YOUR_HEALTH" | "MESSAGES" | "UPLIFT" | "GO_BACK";

export interface NhsAppApi {
  tools: {
    isOpenInNHSApp(): boolean;
    getAppPlatform(): "ios" | "android" | "none";
  };
  navigation: {
    AppPage: Record<AppPage, unknown>;
    goToHomepage(): void;
    goToPage(page: unknown): void;
    openBrowserOverlay(url: string): void;
    openExternalBrowser(url: string): void;
    setBackAction(action: () => void): void;
    clearBackAction(): void;
  };
}

declare global {
  interface Window {
    nhsapp?: NhsAppApi;
  }
}

/** Whether the app's script has loaded and says this page is open in the app. */
export function nhsAppLoaded(): boolean {
  try {
    return window.nhsapp?.tools.isOpenInNHSApp() === true;
  } catch {
    return false;
  }
}

function call(act: (api: NhsAppApi) => void): boolean {
  if (!nhsAppLoaded()) return false;
  try {
    act(window.nhsapp!);
    return true;
  } catch {
    return false;
  }
}

export const nhsApp = {
  goToHomepage: (): boolean => call((api) => api.navigation.goToHomepage()),
  goToPage: (page: AppPage): boolean =>
    call((api) => api.navigation.goToPage(api.navigation.AppPage[page])),
  openBrowserOverlay: (url: string): boolean =>
    call((api) => api.navigation.openBrowserOverlay(url)),
  setBackAction: (action: () => void): boolean =>
    call((api) => api.navigation.setBackAction(action)),
};
