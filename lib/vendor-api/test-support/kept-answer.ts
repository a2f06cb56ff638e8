// An answer kept for an Idempotency-Key retry (issue 21 point 4), sealed under the current key, for the
// re-encryption test (lib/key-rotation): where it is, the context it must open with, and its plaintext.
import { randomUUID } from "node:crypto";
import { encryptSecret } from "@/lib/crypto/secrets";
import { db } from "@/lib/db/client";
import { idempotentAnswerContext } from "../idempotency";

export async function keptIdempotentAnswer() {
  const id = `idem-${randomUUID()}`;
  // A kept answer may hold a webhook signing secret: that is why it is sealed.
  const plaintext = JSON.stringify({ secret: `whsec_${randomUUID()}` });
  const token = await db.apiToken.create({ data: { name: "reencrypt", tokenHash: id, prefix: "onr_", scopes: [] } });
  await db.apiIdempotencyKey.create({
    data: {
      id,
      tokenId: token.id,
      key: id,
      requestHash: "-",
      status: 201,
      responseEnc: encryptSecret(plaintext, idempotentAnswerContext(id)),
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  const read = async () => (await db.apiIdempotencyKey.findUniqueOrThrow({ where: { id } })).responseEnc;
  return { read, context: idempotentAnswerContext(id), plaintext };
}
