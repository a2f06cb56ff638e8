// Roles and what each may do (issue #2). Pure: importable from client components.
import { Role } from "@/lib/db/enums";

export { Role };
export type { Role as RoleName } from "@/lib/db/enums";

/** The vendor's staff: read every customer. */
export const STAFF_ROLES: readonly Role[] = [Role.OPERATOR, Role.SUPPORT];
/** Only operators touch secrets, keys, people and settings. */
export const OPERATOR_ONLY: readonly Role[] = [Role.OPERATOR];
export const ANY_ROLE: readonly Role[] = [Role.OPERATOR, Role.SUPPORT, Role.CUSTOMER_ADMIN];

export const ROLE_LABELS: Record<Role, string> = {
  OPERATOR: "Operator",
  SUPPORT: "Support",
  CUSTOMER_ADMIN: "Customer admin",
};

/** Where each role lands after signing in. */
export function homePathFor(role: Role): string {
  return role === Role.CUSTOMER_ADMIN ? "/integrations" : "/console";
}
