import type { Metadata } from "next";
import { ActionForm } from "@/components/console/action-form";
import { InviteForm } from "@/components/console/invite-form";
import { FilterForm, FilterInput } from "@/components/console/filter-form";
import { Pagination } from "@/components/console/pagination";
import { Section } from "@/components/console/section";
import { Table } from "@/components/console/table";
import { Time } from "@/components/console/time";
import { requirePageActor } from "@/lib/auth/guard";
import { pageNumber } from "@/lib/pagination/page-number";
import { OPERATOR_ONLY, ROLE_LABELS } from "@/lib/auth/roles";
import { customerChoices } from "@/lib/customers/choices";
import { listPendingInvitations } from "@/lib/people/invitations";
import { listPeople } from "@/lib/people/users";
import { inviteAction, revokeInvitationAction, setUserDisabledAction } from "./actions";

export const metadata: Metadata = { title: "People" };

export default async function PeoplePage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string; page?: string; customerId?: string }>;
}) {
  const actor = await requirePageActor(OPERATOR_ONLY, "/console/people");
  const sp = await searchParams;
  const page = pageNumber.parse(sp.page);
  const [people, invitations, choices] = await Promise.all([
    listPeople({ search: sp.q, page }),
    listPendingInvitations(),
    customerChoices(sp.customerId),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">People</h1>

      <Section
        id="invite"
        title="Invite someone"
        description="The invitee opens the link, sets a password and signs in. The link works once and expires after 7 days."
        card
      >
        <InviteForm action={inviteAction} customers={choices.items} defaultCustomerId={sp.customerId} />
        {choices.truncated ? (
          <p className="mt-2 text-xs text-slate-600">
            Only the first customers by name are listed; open a customer&apos;s settings to invite its admin.
          </p>
        ) : null}
      </Section>

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

      <Section id="people" title="Accounts" card>
        <FilterForm label="People" action="/console/people" columns={2} submitLabel="Search" card={false}>
          <FilterInput
            id="people-search"
            label="Search"
            name="q"
            defaultValue={sp.q}
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
              <td className="py-2 pr-4">{u.disabledAt ? <span className="text-red-800">Disabled</span> : "Active"}</td>
              <td className="py-2">
                {u.id === actor.userId ? (
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
        <Pagination
          basePath="/console/people"
          query={{ q: sp.q }}
          page={people.page}
          pageCount={people.pageCount}
          total={people.total}
          label="Accounts"
        />
      </Section>
    </div>
  );
}
