import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginButton } from "@/components/login-button";
import { PageMain } from "@/components/page-main";
import { getConfig } from "@/lib/config";
import { PATIENT_PAGES } from "@/lib/patient-pages";
import { currentSession } from "@/lib/session/current";

export async function generateMetadata(): Promise<Metadata> {
  const { serviceName } = getConfig();
  return {
    title: { absolute: `${serviceName} – NHS` },
    description:
      "Log in with NHS login to see the details the NHS holds about you, your GP surgery and your GP online services.",
  };
}

export default async function StartPage() {
  const state = await currentSession();
  if (state.status === "active") redirect("/profile");
  const { serviceName } = getConfig();
  return (
    <PageMain heading={serviceName}>
      <p>Use this service to:</p>
      <ul>
        {PATIENT_PAGES.map((page) => (
          <li key={page.path}>{page.purpose}</li>
        ))}
      </ul>
      <p>
        NHS login allows you to access your health and care websites and apps with one set of login
        details. We will check if you have an NHS login. If not, you can set one up.
      </p>
      <LoginButton href="/auth/sign-in?returnTo=/profile" attributes={{ "data-testid": "login" }} />
    </PageMain>
  );
}
