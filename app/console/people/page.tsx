import type { Metadata } from "next";
import { StreamedSection } from "@/components/layout/streamed-section";
import { requirePageActor } from "@/lib/auth/guard";
import { OPERATOR_ONLY } from "@/lib/auth/roles";
import { pageNumber } from "@/lib/pagination/page-number";
import { AccountsSection, InviteSection, PendingInvitationsSection } from "./people-sections";

export const metadata: Metadata = { title: "People" };

// Issue 21 (point 1): the frame is sent at once and each section streams in behind its own Suspense boundary.
export default async function PeoplePage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; page?: string; customerId?: string }>;
}) {
  const actor = await requirePageActor(OPERATOR_ONLY, "/console/people");
  const sp = await searchParams;
  const page = pageNumber.parse(sp.page);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">People</h1>
      <StreamedSection id="invite" title="Invite someone">
        <InviteSection customerId={sp.customerId} />
      </StreamedSection>
      <StreamedSection id="pending" title="Pending invitations">
        <PendingInvitationsSection />
      </StreamedSection>
      <StreamedSection id="people" title="Accounts">
        <AccountsSection search={sp.q} page={page} viewerId={actor.userId} />
      </StreamedSection>
    </div>
  );
}
