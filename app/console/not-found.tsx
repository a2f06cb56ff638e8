import { NotFoundNotice } from "@/components/layout/not-found-notice";

// A console page that does not exist, or a customer this account can not see (issue 21, point 1): inside the
// console's frame, so its navigation stays.
export default function ConsoleNotFound() {
  return <NotFoundNotice home="/console" homeLabel="Go to the overview" />;
}
