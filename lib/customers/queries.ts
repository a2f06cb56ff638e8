import "server-only";
import { db } from "@/lib/db/client";
import { anyFieldContains } from "@/lib/db/text-search";
// Reading customers for the console and the vendor API. Lists page in the database (issue #6), never in
// memory; nothing here ever selects a secret column (C3).
import type { Prisma } from "@/lib/db/generated/client";
import { env } from "@/lib/env";
import { SafeError } from "@/lib/errors/safe-error";
import {
  DEFAULT_PAGE_SIZE,
  MAX_API_PAGE_SIZE,
  mapRows,
  type Page,
  pagedRows,
  orderedPage,
} from "@/lib/pagination/page";
import { callbackUrlFor } from "@/lib/linkedin/callback-url";

export type CustomerListQuery = {
  search?: string;
  foreignId?: string;
  /** "active" (default), "archived" or "all". */
  archived?: "active" | "archived" | "all";
  page?: number;
  pageSize?: number;
};

/** What a person or the API may see of a customer's LinkedIn application: never the secret (C3). */
export type ApplicationSummary = {
  clientId: string;
  /** Last four characters of the secret, shown as "••••abcd". */
  secretHint: string;
  origin: "PROVISIONED" | "MANUAL";
  /** "urn:li:developerApplication:{n}" (L4, L21); null when unknown (keys entered by hand without it). */
  applicationUrn: string | null;
  /** validJsSdkDomains as LinkedIn last confirmed them (L3, L6, RSC-105). */
  jsSdkDomains: string[];
  /** When the current secret was issued or entered (L7 age). */
  secretSetAt: Date;
  /** Until when pushes signed with the previous secret are accepted; null when there is none (L7). */
  previousSecretRetiresAt: Date | null;
  lastVerifiedAt: Date | null;
  lastAuthError: string | null;
  lastAuthErrorAt: Date | null;
  updatedAt: Date;
};

const applicationSummarySelect = {
  clientId: true,
  clientSecretHint: true,
  origin: true,
  applicationUrn: true,
  jsSdkDomains: true,
  secretSetAt: true,
  previousSecretRetiresAt: true,
  lastVerifiedAt: true,
  lastAuthError: true,
  lastAuthErrorAt: true,
  updatedAt: true,
} satisfies Prisma.CustomerApplicationSelect;

type ApplicationRow = Prisma.CustomerApplicationGetPayload<{ select: typeof applicationSummarySelect }>;

function toApplicationSummary(row: ApplicationRow | null): ApplicationSummary | null {
  if (!row) return null;
  return {
    clientId: row.clientId,
    secretHint: row.clientSecretHint,
    origin: row.origin,
    applicationUrn: row.applicationUrn,
    jsSdkDomains: row.jsSdkDomains,
    secretSetAt: row.secretSetAt,
    previousSecretRetiresAt: row.previousSecretRetiresAt,
    lastVerifiedAt: row.lastVerifiedAt,
    lastAuthError: row.lastAuthError,
    lastAuthErrorAt: row.lastAuthErrorAt,
    updatedAt: row.updatedAt,
  };
}

const customerListSelect = {
  id: true,
  displayName: true,
  foreignId: true,
  offeredIntegrationTypes: true,
  archivedAt: true,
  linkedInEasyApply: true,
  linkedInEasyApplyChangedAt: true,
  createdAt: true,
  updatedAt: true,
  application: { select: applicationSummarySelect },
  _count: { select: { integrations: true } },
} satisfies Prisma.CustomerSelect;

export type CustomerListItem = {
  id: string;
  displayName: string;
  foreignId: string;
  offeredIntegrationTypes: string[];
  archivedAt: Date | null;
  /** L30: Apply Connect's account-level Easy Apply toggle (set by the customer's admins) and when it last changed. */
  linkedInEasyApply: boolean;
  linkedInEasyApplyChangedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  integrationCount: number;
  application: ApplicationSummary | null;
};

function customerWhere(q: CustomerListQuery): Prisma.CustomerWhereInput {
  return {
    ...(q.archived === "archived" ? { archivedAt: { not: null } } : q.archived === "all" ? {} : { archivedAt: null }),
    ...(q.foreignId ? { foreignId: q.foreignId } : {}),
    ...anyFieldContains(q.search, (text) => [
      { displayName: text },
      { foreignId: text },
      { application: { clientId: text } },
    ]),
  };
}

export async function listCustomers(q: CustomerListQuery): Promise<Page<CustomerListItem>> {
  const pageSize = Math.min(Math.max(q.pageSize ?? DEFAULT_PAGE_SIZE, 1), MAX_API_PAGE_SIZE);
  const page = Math.max(q.page ?? 1, 1);
  const where = customerWhere(q);
  const found = await pagedRows(page, pageSize, (window) => [
    db.customer.findMany({
      where,
      select: customerListSelect,
      ...orderedPage({ displayName: "asc" }, "asc", window),
    }),
    db.customer.count({ where }),
  ]);
  return mapRows(found, ({ _count, application, ...c }) => ({
    ...c,
    integrationCount: _count.integrations,
    application: toApplicationSummary(application),
  }));
}

export type CustomerSettings = CustomerListItem & {
  callbackUrl: string;
  callbackKeyRotatedAt: Date | null;
  /** L14, RSC-104: whether the viewers keys are removed (ACLs in the ATS) or sent as ALL_PRODUCT_USERS. */
  usesAtsAccessControls: boolean;
};

/** One customer for its settings page or the API; null when there is none. */
export async function findCustomer(customerId: string): Promise<CustomerSettings | null> {
  const row = await db.customer.findUnique({
    where: { id: customerId },
    select: { ...customerListSelect, callbackKey: true, callbackKeyRotatedAt: true, usesAtsAccessControls: true },
  });
  if (!row) return null;
  const { _count, application, callbackKey, ...c } = row;
  return {
    ...c,
    integrationCount: _count.integrations,
    application: toApplicationSummary(application),
    callbackUrl: callbackUrlFor(env().PUBLIC_URL, callbackKey),
  };
}

export async function getCustomer(customerId: string): Promise<CustomerSettings> {
  const customer = await findCustomer(customerId);
  if (!customer) throw new SafeError("not_found", "No such customer.");
  return customer;
}
