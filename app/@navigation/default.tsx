/** Where no page of the slot matches (a page that was not found), the header has no navigation. */
export default function NoNavigation() {
  return null;
}
