import { notFound } from "next/navigation";

/**
 * The page for an address that only the navigation slot matches (app/@navigation matches every
 * address): there is no page there, so it is not found, as it would be without the slot. Route
 * handlers such as /auth/sign-in answer their addresses before any page is looked for.
 */
export default function NoPage() {
  notFound();
}
