import type { Metadata } from "next";
import { BackToNhsApp } from "@/components/back-to-nhs-app";
import { PageMain } from "@/components/page-main";
import { insideNhsApp } from "@/lib/inside-nhs-app";

const TITLE = "Page not found";
export const metadata: Metadata = {
  title: TITLE,
  description: "There is no page at this address.",
};

export default async function NotFound() {
  return (
    <PageMain heading={TITLE}>
      <p>If you typed the web address, check it was correct.</p>
      <p>If you pasted the web address, check you copied the entire address.</p>
      {(await insideNhsApp()) ? (
        <BackToNhsApp />
      ) : (
        <p>
          <a href="/">Go to the start page</a>
        </p>
      )}
    </PageMain>
  );
}
