-- Issue 24 point 3: staff sign in through the company's identity provider (OIDC, lib/auth/staff-oidc.ts).
-- Why the identity link is (issuer, subject) and not the email: a company may hand a departed person's address to
-- someone else, the subject is the provider's stable id for one person. oidcAccessEndedAt: the provider last said
-- this person has no staff group (access ends as with disabledAt, but the provider can give it back).

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "oidcAccessEndedAt" TIMESTAMP(3),
ADD COLUMN     "oidcIssuer" TEXT,
ADD COLUMN     "oidcSubject" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "User_oidcIssuer_oidcSubject_key" ON "User"("oidcIssuer", "oidcSubject");

-- Why: OIDC is for staff only, so a customer admin never carries an identity-provider link (a customer admin's
-- email arriving from the provider is refused in lib/auth/staff-oidc.ts, this keeps a bug there from linking one).
-- Issuer and subject come together or not at all.
ALTER TABLE "User" ADD CONSTRAINT "User_oidc_identity_staff_only_check"
  CHECK (("oidcIssuer" IS NULL) = ("oidcSubject" IS NULL) AND ("oidcIssuer" IS NULL OR "role" <> 'CUSTOMER_ADMIN'));
