// L6, RSC-105: a changed PUBLIC_URL queues the domains job at start-up, once however many instances start at once,
// and not again while the origin stays the same. (The e2e suite can not restart its server with another
// PUBLIC_URL, so the start-up decision is tested here; the job's work is app-domains.db.test.ts.)
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { setTestEnv } from "@/lib/linkedin/test-support/env";
import { DOMAINS_ORIGIN_SETTING, queueDomainsSyncIfPublicUrlChanged } from "./public-origin";

afterAll(async () => {
  await disconnectDb();
});

const queuedJobs = (ids: string[]) =>
  db.job.findMany({ where: { id: { in: ids }, kind: "SYNC_APP_DOMAINS", triggeredBy: "system:public-url-change" } });

describe("PUBLIC_URL change at start-up (L6)", () => {
  it("queues one domains job when the origin changes, even with instances racing, and none when it does not", async () => {
    const stamp = Date.now();
    setTestEnv({ PUBLIC_URL: `https://first-${stamp}.onramp.example/portal` });
    // Four instances starting at once with a new origin: exactly one queues the job.
    const racing = await Promise.all(Array.from({ length: 4 }, () => queueDomainsSyncIfPublicUrlChanged()));
    const queued = racing.filter((r) => r.queued);
    expect(queued).toHaveLength(1);
    const firstJob = queued[0]?.queued ? queued[0].jobId : "";
    expect(await queuedJobs([firstJob])).toHaveLength(1);
    const setting = await db.setting.findUniqueOrThrow({ where: { key: DOMAINS_ORIGIN_SETTING } });
    expect(setting.value).toEqual({ origin: `https://first-${stamp}.onramp.example`, jobId: firstJob });

    // The same origin (another path on it is the same origin) again: nothing queued.
    setTestEnv({ PUBLIC_URL: `https://first-${stamp}.onramp.example/other` });
    expect(await queueDomainsSyncIfPublicUrlChanged()).toEqual({
      queued: false,
      origin: `https://first-${stamp}.onramp.example`,
    });

    // A new origin: one more job, and the change is audited.
    setTestEnv({ PUBLIC_URL: `https://second-${stamp}.onramp.example` });
    const second = await queueDomainsSyncIfPublicUrlChanged();
    if (!second.queued) throw new Error("the new origin queued no job");
    expect(await queuedJobs([second.jobId])).toHaveLength(1);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "settings.public_origin_changed", targetId: second.jobId },
    });
    expect(audit.details).toEqual({
      from: `https://first-${stamp}.onramp.example`,
      to: `https://second-${stamp}.onramp.example`,
    });
  });
});
