import type { Metadata } from "next";
import { ActionForm } from "@/components/console/action-form";
import { OperatorInviteForm } from "@/components/console/operator-invite-form";
import { Pagination } from "@/components/console/pagination";
import { ScrollRegion } from "@/components/layout/scroll-region";
import { requirePageActor } from "@/lib/auth/guard";
import { pageNumber } from "@/lib/pagination/page-number";
import { OPERATOR_ONLY, ROLE_LABELS } from "@/lib/auth/roles";
import { customerChoices } from "@/lib/customers/choices";
import { listPendingInvitations } from "@/lib/people/invitations";
import { listPeople } from "@/lib/people/users";
import { inviteAction, revokeInvitationAction, setUserDisabledAction } from "./actions";

export const metadata: Metadata = { title: "People" };

const when = (d: Date | null) => (d ? `${d.toISOString().replace("T", " ").slice(0, 16)} UTC` : "never");

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

      <section aria-labelledby="invite-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="invite-heading" className="text-lg font-semibold">
          Invite someone
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          The invitee opens the link, sets a password and signs in. The link works once and expires after 7 days.
        </p>
        <div className="mt-3">
          <OperatorInviteForm action={inviteAction} customers={choices.items} defaultCustomerId={sp.customerId} />
          {choices.truncated ? (
            <p className="mt-2 text-xs text-slate-600">
              Only the first customers by name are listed; open a customer&apos;s settings to invite its admin.
            </p>
          ) : null}
        </div>
      </section>

      <section aria-labelledby="pending-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="pending-heading" className="text-lg font-semibold">
          Pending invitations
        </h2>
        {invitations.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">None.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100">
            {invitations.map((inv) => (
              <li key={inv.id} className="flex flex-wrap items-start justify-between gap-3 py-2 text-sm">
                <div>
                  <p className="font-medium">{inv.email}</p>
                  <p className="text-slate-600">
                    {ROLE_LABELS[inv.role]}
                    {inv.customerName ? ` of ${inv.customerName}` : ""} · expires {when(inv.expiresAt)}
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
      </section>

      <section aria-labelledby="people-heading" className="rounded border border-slate-200 bg-white p-4">
        <h2 id="people-heading" className="text-lg font-semibold">
          Accounts
        </h2>
        <search aria-label="People">
          <form method="get" className="mt-2 flex flex-wrap items-end gap-2">
            <div className="min-w-48 flex-1">
              <label htmlFor="people-search" className="block text-sm font-medium">
                Search
              </label>
              <input
                id="people-search"
                name="q"
                defaultValue={sp.q}
                placeholder="Email, name or customer"
                className="mt-1 w-full rounded border border-slate-300 px-3 py-2 text-sm"
              />
            </div>
            <button
              type="submit"
              className="rounded border border-slate-300 bg-white px-4 py-2 text-sm hover:bg-slate-100"
            >
              Search
            </button>
          </form>
        </search>
        <ScrollRegion label="Accounts, sorted by email" className="mt-3">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="sr-only">Accounts, sorted by email</caption>
            <thead className="bg-slate-50">
              <tr>
                <th scope="col" className="px-3 py-2">
                  Email
                </th>
                <th scope="col" className="px-3 py-2">
                  Role
                </th>
                <th scope="col" className="px-3 py-2">
                  Last sign-in
                </th>
                <th scope="col" className="px-3 py-2">
                  State
                </th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {people.rows.map((u) => (
                <tr key={u.id} className="border-t border-slate-100 align-top">
                  <td className="px-3 py-2">
                    {u.email}
                    {u.name ? <span className="block text-xs text-slate-600">{u.name}</span> : null}
                  </td>
                  <td className="px-3 py-2">
                    {ROLE_LABELS[u.role]}
                    {u.customerName ? <span className="block text-xs text-slate-600">{u.customerName}</span> : null}
                  </td>
                  <td className="px-3 py-2">{when(u.lastSignInAt)}</td>
                  <td className="px-3 py-2">
                    {u.disabledAt ? <span className="text-red-800">Disabled</span> : "Active"}
                  </td>
                  <td className="px-3 py-2">
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
            </tbody>
          </table>
        </ScrollRegion>
        <Pagination
          basePath="/console/people"
          query={{ q: sp.q }}
          page={people.page}
          pageCount={people.pageCount}
          total={people.total}
          label="Accounts"
        />
      </section>
    </div>
  );
}
