import type { Metadata } from "next";
import { PageMain } from "@/components/page-main";
import { Placeholder } from "@/components/placeholder";
import { getConfig } from "@/lib/config";
import { describeDuration } from "@/lib/durations";

const TITLE = "Privacy";
export const metadata: Metadata = {
  title: TITLE,
  description:
    "What information this service gets from NHS login, what it does with it, how long it keeps it and your rights.",
};

const NHS_LOGIN_PRIVACY = "https://access.login.nhs.uk/privacy";

/** The privacy notice, with what the portal itself does; the team fills in the placeholders. */
export default function PrivacyPage() {
  const { serviceName, session } = getConfig();
  return (
    <PageMain heading={TITLE}>
      <p className="nhsuk-body-l">
        This notice explains what information {serviceName} gets about you, what we do with it and
        your rights.
      </p>

      <h2>Who is responsible for your information</h2>
      <p>
        <Placeholder>the name and address of the organisation that runs this service</Placeholder>{" "}
        is the data controller for your information. This means we decide how it is used and are
        responsible for keeping it safe.
      </p>
      <p>
        You can contact our data protection officer at{" "}
        <Placeholder>their email address or postal address</Placeholder>.
      </p>

      <h2>What information NHS login shares with us</h2>
      <p>
        When you log in, NHS login asks you to agree to share some information with us. What it
        shares depends on how sure NHS login is of who you are:
      </p>
      <ul>
        <li>your email address and mobile phone number, whoever you are</li>
        <li>
          once you have proved who you are: your name, date of birth and NHS number, and the GP
          surgery you are registered with
        </li>
        <li>
          once you have proved who you are with photo ID: the details of your GP online services
          account, if you have one
        </li>
      </ul>

      <h2>Why we use it</h2>
      <p>
        We use it to show you your details, to tell you which GP surgery you are registered with, to
        check whether we can connect to your GP online services account, and to make sure only you
        can see these pages. We never show your GP online services account details on screen.
      </p>
      <p>
        Our lawful basis for using your information is{" "}
        <Placeholder>
          your lawful basis under UK GDPR, with the condition for using health information
        </Placeholder>
        .
      </p>

      <h2>How long we keep it</h2>
      <p>
        We keep the information NHS login shares only while you are logged in. We delete it when you
        log out, after {describeDuration(session.idleTimeoutSeconds)} without any activity, or after{" "}
        {describeDuration(session.maxAgeSeconds)} at most.
      </p>
      <p>
        To keep the service secure and working, our servers record when someone logs in and whether
        it worked, with a reference number, but not your name, NHS number or contact details. We
        keep these records for <Placeholder>how long</Placeholder>.
      </p>

      <h2>Who we share it with</h2>
      <p>
        We do not share your information with anyone.{" "}
        <Placeholder>
          anyone you share it with and why, such as the company that hosts this service
        </Placeholder>
      </p>

      <h2>Your rights</h2>
      <p>You have the right to:</p>
      <ul>
        <li>know how your information is used, which this notice tells you</li>
        <li>get a copy of the information we hold about you</li>
        <li>have information about you corrected if it is wrong</li>
        <li>ask us to delete your information, or to stop using it</li>
        <li>object to how we use your information</li>
      </ul>
      <p>
        To use any of these rights, contact us at <Placeholder>an email address</Placeholder>.
      </p>
      <p>
        The information NHS login shares comes from NHS login and your NHS record. To change your
        email address, mobile phone number or password, use your NHS login settings, which you can
        open from your profile. To change your name or date of birth, contact your GP surgery.
      </p>

      <h2>NHS login</h2>
      <p>
        NHS login is run by NHS England, which is responsible for the information you give NHS
        login. <a href={NHS_LOGIN_PRIVACY}>Read NHS login&apos;s privacy notice</a>.
      </p>

      <h2>How to complain</h2>
      <p>
        If you are not happy with how we use your information, contact us first at{" "}
        <Placeholder>an email address</Placeholder>.
      </p>
      <p>
        You can also complain to the Information Commissioner&apos;s Office (ICO), which makes sure
        organisations follow data protection law:
      </p>
      <ul>
        <li>
          <a href="https://ico.org.uk/make-a-complaint/">make a complaint on the ICO website</a>
        </li>
        <li>
          phone: <a href="tel:03031231113">0303 123 1113</a>
        </li>
      </ul>

      <h2>Changes to this notice</h2>
      <p>
        We last updated this notice on <Placeholder>a date</Placeholder>.
      </p>
    </PageMain>
  );
}
