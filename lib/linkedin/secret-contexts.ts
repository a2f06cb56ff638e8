// The associated-data strings with which a customer application's secrets are encrypted
// (lib/crypto/secrets.ts). Everyone who encrypts or decrypts these columns uses these builders, so a
// ciphertext can only ever be read back for its own row and purpose (C3). Pure.

/** Context of CustomerApplication.clientSecretEnc. */
export function customerAppSecretContext(applicationId: string): string {
  return `customer-app-secret:${applicationId}`;
}

/** Context of CustomerApplication.accessTokenEnc. */
export function customerAppTokenContext(applicationId: string): string {
  return `customer-app-token:${applicationId}`;
}

/** Context of CustomerApplication.previousSecretEnc: the secret before the last roll (L7). */
export function customerAppPreviousSecretContext(applicationId: string): string {
  return `customer-app-previous-secret:${applicationId}`;
}

/** Context of CustomerApplication.pendingSecretEnc: a rolled secret stored before it becomes current (L7). */
export function customerAppPendingSecretContext(applicationId: string): string {
  return `customer-app-pending-secret:${applicationId}`;
}

/** Context of KeyImportRow.clientSecretEnc: a bulk import's secret while its row waits for its check. */
export function keyImportRowSecretContext(rowId: string): string {
  return `key-import-row-secret:${rowId}`;
}
