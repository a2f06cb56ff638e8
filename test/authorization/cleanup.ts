// Jobs the matrix queued on the way (a customer admin's "check with LinkedIn now") are cancelled when it ends, so
// no worker of another test file (same database) runs them.
import { db } from "@/lib/db/client";
import { getBoss, queueName } from "@/lib/jobs/boss";

export async function cancelQueuedJobsOf(customerIds: string[]): Promise<void> {
  const jobs = await db.job.findMany({
    where: { customerId: { in: customerIds }, status: "QUEUED" },
    select: { id: true, kind: true, queueJobId: true },
  });
  if (jobs.length === 0) return;
  const boss = await getBoss();
  for (const j of jobs) if (j.queueJobId) await boss.cancel(queueName(j.kind), j.queueJobId);
  await db.job.updateMany({
    where: { id: { in: jobs.map((j) => j.id) } },
    data: { status: "CANCELLED", lastError: "Queued by the authorization matrix, which runs nothing." },
  });
}
