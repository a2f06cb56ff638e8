// The people page's sections (issue #6), each an async server component that awaits its own read, so the page's
// frame is sent at once and each section streams in behind its own Suspense boundary (issue 21, point 1).
import { ActionForm } from "@/components/ui/action-form";
import { FilterForm, FilterInput } from "@/components/ui/filter-form";
import { InviteForm } from "@/components/console/invite-form";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { customerChoices } from "@/lib/customers/choices";
import { listPendingInvitations } from "@/lib/people/invitations";
import { listPeople } from "@/lib/people/users";
import { inviteAction, revokeInvitationAction, setUserDisabledAction } from "./actions";

export async function InviteSection({ customerId }: { customerId: string | undefined }) {
  const choices = await customerChoices(customerId);
  return (
    <Section
      id="invite"
      title="Invite someone"
      description="The invitee opens the link, sets a password and signs in. The link works once and expires after 7 days."
      card
    >
      <InviteForm action={inviteAction} customers={choices.items} defaultCustomerId={customerId} />
      {choices.truncated ? (
        <p className="mt-2 text-xs text-slate-600">
          Only the first customers by name are listed; open a customer&apos;s settings to invite its admin.
        </p>
      ) : null}
    </Section>
  );
}

export async function PendingInvitationsSection() {
  const invitations = await listPendingInvitations();
  return (
    <Section id="pending" title="Pending invitations" card>
      {invitations.length === 0 ? (
        <p className="text-sm text-slate-600">None.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {invitations.map((inv) => (
            <li key={inv.id} className="flex flex-wrap items-start justify-between gap-3 py-2 text-sm">
              <div>
                <p className="font-medium">{inv.email}</p>
                <p className="text-slate-600">
                  {ROLE_LABELS[inv.role]}
                  {inv.customerName ? ` of ${inv.customerName}` : ""} · expires <Time value={inv.expiresAt} />
                </p>
              </div>
              <ActionForm
                action={revokeInvitationAction}
                fields={{ invitationId: inv.id }}
                label={`Withdraw invitation for ${inv.email}`}
                variant="danger"
              />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** The accounts matching the search, one page of them; the signed-in operator's own row cannot disable itself. */
export async function AccountsSection({
  search,
  page,
  viewerId,
}: {
  search: string | undefined;
  page: number;
  viewerId: string;
}) {
  const people = await listPeople({ search, page });
  return (
    <Section id="people" title="Accounts" card>
      <FilterForm label="People" action="/console/people" columns={2} submitLabel="Search" card={false}>
        <FilterInput
          id="people-search"
          label="Search"
          name="q"
          defaultValue={search}
          placeholder="Email, name or customer"
        />
      </FilterForm>
      <Table
        caption="Accounts, sorted by email"
        columns={["Email", "Role", "Last sign-in", "State", { hidden: "Actions" }]}
        className="mt-3"
        empty={{ when: people.rows.length === 0, text: "No accounts match." }}
      >
        {people.rows.map((u) => (
          <tr key={u.id} className="border-b border-slate-100 align-top">
            <td className="py-2 pr-4">
              {u.email}
              {u.name ? <span className="block text-xs text-slate-600">{u.name}</span> : null}
            </td>
            <td className="py-2 pr-4">
              {ROLE_LABELS[u.role]}
              {u.customerName ? <span className="block text-xs text-slate-600">{u.customerName}</span> : null}
            </td>
            <td className="py-2 pr-4">
              <Time value={u.lastSignInAt} empty="never" />
            </td>
            <td className="py-2 pr-4">
              {u.disabledAt ? <span className="text-red-800">Disabled</span> : null}
              {!u.disabledAt && u.oidcAccessEndedAt ? (
                <span className="text-red-800">No staff group at the identity provider</span>
              ) : null}
              {u.disabledAt || u.oidcAccessEndedAt ? null : "Active"}
            </td>
            <td className="py-2">
              {u.id === viewerId ? (
                <span className="text-xs text-slate-600">You</span>
              ) : (
                <ActionForm
                  action={setUserDisabledAction}
                  fields={{ userId: u.id, disabled: u.disabledAt ? "false" : "true" }}
                  label={u.disabledAt ? `Enable ${u.email}` : `Disable ${u.email}`}
                  variant={u.disabledAt ? "secondary" : "danger"}
                />
              )}
            </td>
          </tr>
        ))}
      </Table>
      <Pagination basePath="/console/people" query={{ q: search }} list={people} label="Accounts" />
    </Section>
  );
}
