// Every operation of /api/v1 (issue #6), with the schemas its handler validates with and answers in.
// Route files build their handlers from these entries (route.ts) and the OpenAPI document lists them
// (openapi.ts): a route can not exist without its documentation. The entries live by side: customers,
// integrations and key imports (customer-operations.ts), the ATS side (ats-operations.ts). Pure.
import { ATS_OPERATIONS } from "./ats-operations";
import { CUSTOMER_OPERATIONS } from "./customer-operations";
import type { ApiOperation } from "./operation";

export type { ApiOperation, HttpMethod } from "./operation";

export const OPERATIONS = { ...CUSTOMER_OPERATIONS, ...ATS_OPERATIONS } as const satisfies Record<string, ApiOperation>;

export type OperationName = keyof typeof OPERATIONS;
