// Server actions answer a customer admin in their language (issue 25 point 1): their own choice, else their
// customer's default; a visitor accepting an invitation by Accept-Language. English readers keep the lib's text.
// Through the real guard and next-intl's request configuration (i18n/request.ts), as matrix.test.ts calls them.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createCustomerRow, createRscIntegrationRow } from "@/lib/customers/test-support/customer-row";
import { db, disconnectDb } from "@/lib/db/client";
import { runAsRequest, sessionCookie } from "../authorization/session";

vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("next/headers", async () => ({ ...(await import("../authorization/session")).requestHeaders }));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  connection: async () => undefined,
}));

const { authorizeWidgetIntegrations, renameIntegrationAction } = await import("@/app/integrations/actions");
const { acceptInvitationAction } = await import("@/app/invite/[token]/actions");

let integrationId = "";
const cookies: Record<"de" | "fr" | "en", string> = { de: "", fr: "", en: "" };
const NAME = "Globex Recruiter";

beforeAll(async () => {
  const tag = randomUUID().slice(0, 8);
  const customer = await createCustomerRow(`Globex ${tag}`);
  await db.customer.update({ where: { id: customer.id }, data: { defaultLocale: "fr" } });
  const admin = (locale: string | null, who: string) =>
    db.user.create({
      data: {
        email: `${who}-${tag}@globex.test`,
        role: "CUSTOMER_ADMIN",
        customerId: customer.id,
        passwordHash: "x",
        locale,
      },
    });
  cookies.de = await sessionCookie(await admin("de", "anna"));
  cookies.fr = await sessionCookie(await admin(null, "louis")); // no choice of their own: the customer's French
  cookies.en = await sessionCookie(await admin("en", "ed"));
  const integration = await createRscIntegrationRow(customer.id, tag, NAME);
  integrationId = integration.id;
  // Nothing below reaches LinkedIn: every tuple handed over is refused before the ids look-up, so the secret
  // is never read.
  await db.customerApplication.create({
    data: {
      customerId: customer.id,
      clientId: `i18n-${tag}`,
      clientSecretEnc: "-",
      clientSecretHint: "",
      origin: "MANUAL",
    },
  });
});
afterAll(async () => {
  await disconnectDb();
});

const rename = (cookie: string, name: string, id = integrationId) =>
  runAsRequest({ cookie, "accept-language": "en" }, () =>
    renameIntegrationAction(undefined, { integrationId: id, name }),
  );

describe("action answers in the reader's language", () => {
  it("answers a German admin in German: the lib's answer, a thrown error and a zod field error", async () => {
    expect((await rename(cookies.de, NAME)).message).toBe("Der Name ist unverändert.");
    expect((await rename(cookies.de, NAME, "no-such-id")).message).toBe("Diese Integration gibt es nicht.");
    const empty = await rename(cookies.de, "   ");
    expect(empty.message).toBe("Einige Felder müssen korrigiert werden.");
    expect(empty.errors?.name).toEqual(["Geben Sie einen Wert ein."]);
    const long = await rename(cookies.de, "x".repeat(500));
    expect(long.errors?.name?.[0]).toMatch(/^Verwenden Sie höchstens \d+ Zeichen\.$/);
  });

  it("answers in the customer's default when the admin chose nothing, and in the lib's English for English", async () => {
    expect((await rename(cookies.fr, NAME)).message).toBe("Le nom n’a pas changé.");
    expect((await rename(cookies.en, NAME)).message).toBe("The name is unchanged.");
    expect((await rename(cookies.en, "   ")).errors?.name).toEqual(["Enter a name: LinkedIn requires one."]);
  });

  it("answers a visitor accepting an invitation by their browser's language", async () => {
    const accept = (language: string, password: string, confirmPassword: string) =>
      runAsRequest({ "accept-language": language }, () =>
        acceptInvitationAction(undefined, { token: "not-a-token", password, confirmPassword }),
      );
    const differ = await accept("de-DE,de;q=0.9", "correct horse battery", "correct horse battery!");
    expect(differ.errors?.confirmPassword).toEqual(["Die beiden Passwörter stimmen nicht überein."]);
    expect((await accept("de-DE", "x".repeat(3), "x".repeat(3))).errors?.password).toEqual([
      "Verwenden Sie mindestens 12 Zeichen.",
    ]);
    expect((await accept("ja", "correct horse battery", "correct horse battery")).message).toBe(
      "この招待リンクは無効です。オペレーターに新しいリンクを依頼してください。",
    );
    expect((await accept("en", "correct horse battery", "correct horse battery")).message).toMatch(
      /^This invitation link is not valid/,
    );
  });

  it("says the widget's refusals in the admin's language, each tuple's reason translated inside the sentence", async () => {
    const handOver = (cookie: string) =>
      runAsRequest({ cookie, "accept-language": "en" }, () =>
        authorizeWidgetIntegrations(undefined, {
          integrations: [
            {
              integrationContext: "urn:li:organization:1",
              integrationType: "RECRUITER_SYSTEM_CONNECT",
              tenantType: "RECRUITER",
            },
            { integrationContext: "urn:li:organization:2" },
          ],
        }),
      );
    const german = await handOver(cookies.de);
    expect(german.message).toMatch(
      /^Onramp hat nichts gespeichert: Integration 1: RECRUITER_SYSTEM_CONNECT für urn:li:organization:1 wird Ihrem Unternehmen nicht angeboten; .* \/ Integration 2: nicht erkannt \(.+\)\. Wenn das wieder vorkommt/,
    );
    const english = await handOver(cookies.en);
    expect(english.message).toMatch(
      /^Onramp did not store anything: integration 1: RECRUITER_SYSTEM_CONNECT for urn:li:organization:1 is not offered to your company; .* \/ integration 2: not recognised \(.+\)\. If this keeps happening/,
    );
  });
});
