// The daily digest to support staff: what needs a person, with links to the console.
import { Link, Text } from "@react-email/components";
import { EmailLayout, paragraph } from "./layout";
import type { TemplateFrame } from "./frame";

export type DigestProps = {
  day: string;
  stuckAfterHours: number;
  stuck: { customerName: string; integrationName: string; status: string; since: string }[];
  failedJobs: { customerName: string | null; kind: string; error: string | null }[];
  keysRefused: { customerName: string; error: string | null }[];
  issuesUrl: string;
};

export function digestSubject(p: DigestProps): string {
  return `Onboarding digest ${p.day}: ${p.stuck.length} stuck, ${p.failedJobs.length} failed jobs, ${p.keysRefused.length} keys refused`;
}

export function DigestEmail({ frame, ...p }: DigestProps & { frame: TemplateFrame }) {
  return (
    <EmailLayout
      {...frame}
      preview={digestSubject(p)}
      heading={`Onboarding digest for ${p.day}`}
      unsubscribeWhat="you are support staff"
    >
      <Text style={{ ...paragraph, fontWeight: "bold" }}>
        Stuck for more than {p.stuckAfterHours} hours ({p.stuck.length})
      </Text>
      {p.stuck.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rendered once to static email HTML; the list never reorders
        <Text key={i} style={paragraph}>
          {s.customerName}: {s.integrationName}, {s.status} since {s.since}
        </Text>
      ))}
      <Text style={{ ...paragraph, fontWeight: "bold" }}>Failed jobs ({p.failedJobs.length})</Text>
      {p.failedJobs.map((j, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rendered once to static email HTML; the list never reorders
        <Text key={i} style={paragraph}>
          {j.customerName ?? "(no customer)"}: {j.kind} {j.error ? `— ${j.error}` : ""}
        </Text>
      ))}
      <Text style={{ ...paragraph, fontWeight: "bold" }}>Keys refused by LinkedIn ({p.keysRefused.length})</Text>
      {p.keysRefused.map((k, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rendered once to static email HTML; the list never reorders
        <Text key={i} style={paragraph}>
          {k.customerName} {k.error ? `— ${k.error}` : ""}
        </Text>
      ))}
      <Text style={paragraph}>
        <Link href={p.issuesUrl}>Open the issues view</Link>
      </Text>
    </EmailLayout>
  );
}
