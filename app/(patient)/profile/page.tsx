import type { Metadata } from "next";
import { Card } from "@/components/card";
import { ContactDetailsHidden } from "@/components/contact-details-hidden";
import { InsetText } from "@/components/inset-text";
import { ManageNhsLogin, nhsLoginSettings } from "@/components/manage-nhs-login";
import { PageMain } from "@/components/page-main";
import { SummaryList, type SummaryListRow } from "@/components/summary-list";
import type { Patient } from "@/lib/nhs-login/claims";
import { contactDetailsFor } from "@/lib/contact-details";
import { insideNhsApp } from "@/lib/inside-nhs-app";
import { requireAccess } from "@/lib/page-access";
import {
  DETAIL_LABELS,
  describeLevel,
  displayName,
  formatBirthdate,
  formatNhsNumber,
  formatPhoneNumber,
} from "@/lib/patient-display";
import { PATIENT_PAGES, patientPage, purposeSentence } from "@/lib/patient-pages";
import { UPLIFT_HEADING, upliftHref, upliftStep } from "@/lib/uplift";

const PAGE = patientPage("/profile");
export const metadata: Metadata = { title: PAGE.title, description: purposeSentence(PAGE) };

const NOT_SHARED = "Not shared yet";

export default async function ProfilePage() {
  const active = await requireAccess(PAGE.path);
  const { patient } = active.session;
  const contact = await contactDetailsFor(active);
  const inApp = await insideNhsApp();
  const name = [patient.givenName, patient.familyName].filter(Boolean).join(" ");
  const rows: SummaryListRow[] = [
    { key: DETAIL_LABELS.name, value: name || NOT_SHARED },
    {
      key: DETAIL_LABELS.birthdate,
      value: patient.birthdate ? formatBirthdate(patient.birthdate) : NOT_SHARED,
    },
    {
      key: DETAIL_LABELS.nhsNumber,
      value: patient.nhsNumber ? formatNhsNumber(patient.nhsNumber) : NOT_SHARED,
    },
    ...(contact.shown
      ? [
          { key: DETAIL_LABELS.email, value: patient.email ?? NOT_SHARED },
          {
            key: DETAIL_LABELS.phone,
            value: patient.phoneNumber ? formatPhoneNumber(patient.phoneNumber) : NOT_SHARED,
          },
        ]
      : []),
    { key: DETAIL_LABELS.level, value: describeLevel(patient.level) },
  ];
  return (
    <PageMain heading={PAGE.title}>
      <p className="nhsuk-body-l">
        These are the details NHS login shared with us about {displayName(patient, contact)}.
      </p>
      <SummaryList rows={rows} />
      {!contact.shown && (
        <ContactDetailsHidden
          because={contact.because}
          what="email address and phone number"
          returnTo={PAGE.path}
        />
      )}
      {patient.level === "P0" && <NotSharedYet patient={patient} />}
      <h2>What you can do</h2>
      <WhatYouCanDo
        patient={patient}
        restricted={!contact.shown && contact.because === "restricted"}
      />
      <h2>Change your details</h2>
      <p>
        You can change your email address, mobile phone number or password, or delete your NHS
        login, in {nhsLoginSettings(inApp)}.
      </p>
      <ManageNhsLogin inApp={inApp} />
      <p>
        To change your name or date of birth, contact your GP surgery. They update your NHS record,
        and NHS login uses it the next time you log in.
      </p>
      {/* Inside the NHS App the app owns the account, logging out included. */}
      {!inApp && (
        <>
          <h2>Where you are logged in</h2>
          <p>
            If you logged in on a shared or public computer and did not log out, or you think
            someone else may be using your account, you can log out everywhere at once.
          </p>
          <p>
            <a href="/auth/logout-everywhere" data-testid="log-out-everywhere-link">
              Log out of all devices
            </a>
          </p>
        </>
      )}
    </PageMain>
  );
}

/**
 * Every other page of the portal, said as what it is for this person: those above the level of
 * this log-in are offered too, saying what it takes, and lead to the uplift page.
 */
function WhatYouCanDo({ patient, restricted }: { patient: Patient; restricted: boolean }) {
  return (
    <div data-testid="what-you-can-do">
      {PATIENT_PAGES.filter((page) => page.path !== PAGE.path).map((page) => {
        const step = upliftStep(patient, page.level);
        return (
          <Card
            key={page.path}
            heading={{ text: page.title, level: 3, size: "m" }}
            href={step === "none" ? page.path : upliftHref(page.path)}
            clickable
          >
            <p className="nhsuk-card__description">{purposeSentence(page, restricted)}</p>
            {step !== "none" && (
              <p className="nhsuk-card__description nhsuk-u-margin-top-2">
                {UPLIFT_HEADING[step]} to see this.
              </p>
            )}
          </Card>
        );
      })}
    </div>
  );
}

function NotSharedYet({ patient }: { patient: Patient }) {
  return (
    <InsetText>
      <p>
        We do not have your name, date of birth or NHS number because you have not proved who you
        are with NHS login yet
        {patient.highestLevel && patient.highestLevel !== "P0" ? " in this log-in" : ""}. You will
        be asked to when you open a page that needs them.
      </p>
    </InsetText>
  );
}
