import type { Metadata } from "next";
import { PageMain } from "@/components/page-main";
import { getConfig } from "@/lib/config";

const TITLE = "Privacy";
export const metadata: Metadata = { title: TITLE };

export default function PrivacyPage() {
  const { serviceName } = getConfig();
  return (
    <PageMain heading={TITLE}>
      <h2>What information we get</h2>
      <p>
        When you log in, NHS login shares the information you agree to share with {serviceName}.
        Depending on how well NHS login knows who you are, this can be your name, date of birth, NHS
        number, email address, mobile phone number, your GP surgery and whether your GP online
        services account can be linked.
      </p>
      <h2>How we use it</h2>
      <p>
        We use it only to show it back to you. We keep it in an encrypted cookie on your device
        while you are logged in, and we do not store it anywhere else. It is gone when you log out
        or your session ends.
      </p>
      <h2>What we record</h2>
      <p>
        To keep the service secure and working, our servers record when log-ins succeed or fail,
        with a reference number, but not your personal information.
      </p>
      <h2>Your NHS login</h2>
      <p>
        NHS login is run by NHS England. You can see and change what NHS login holds about you in
        your NHS login settings, which you can open from your profile once logged in.
      </p>
    </PageMain>
  );
}
