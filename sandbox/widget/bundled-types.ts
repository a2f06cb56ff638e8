// Which tuples a bundled integration type of the widget (C6) yields when the customer authorizes it.
// The seeds do not say; this mapping is the sandbox's assumption (docs/SANDBOX.md).
import type { IntegrationTuple } from "../state";

export interface BundledType {
  /** What the customer types into the widget. */
  idKind: "organization" | "contract";
  tuples: (id: string) => IntegrationTuple[];
}

export const BUNDLED_TYPES: Record<string, BundledType> = {
  RECRUITER_SYSTEM_CONNECT_COMPANY: {
    idKind: "organization",
    tuples: (id) => [{ integrationContext: `urn:li:organization:${id}`, integrationType: "RECRUITER_SYSTEM_CONNECT", tenantType: "RECRUITER" }],
  },
  RECRUITER_SYSTEM_CONNECT_CONTRACT: {
    idKind: "contract",
    tuples: (id) => [{ integrationContext: `urn:li:contract:${id}`, integrationType: "RECRUITER_SYSTEM_CONNECT", tenantType: "RECRUITER" }],
  },
  APPLY_CONNECT: {
    idKind: "organization",
    tuples: (id) => [{ integrationContext: `urn:li:organization:${id}`, integrationType: "APPLY_CONNECT", tenantType: "JOBS" }],
  },
  APPLY_WITH_LINKEDIN: {
    idKind: "organization",
    tuples: (id) => [{ integrationContext: `urn:li:organization:${id}`, integrationType: "APPLY_WITH_LINKEDIN", tenantType: "JOBS" }],
  },
};

export const WIDGET_ID = /^[A-Za-z0-9]{1,40}$/;
