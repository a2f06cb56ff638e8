// The name of a provisioned customer application (C1). Pure. From LinkedIn's Provisioning API page
// (outside the seeds): "{ATS Name} - {Customer Name}", at most 50 characters, must not use "LinkedIn".

export const MAX_APPLICATION_NAME_CHARS = 50;

function withoutLinkedIn(text: string): string {
  let out = text;
  // Repeat until stable: removing one occurrence can join two halves into a new one ("LinkLinkedInedIn").
  for (let before = ""; before !== out; ) {
    before = out;
    out = out.replace(/linked\s*in/gi, "");
  }
  return out.replace(/\s+/g, " ").trim();
}

/** Problems that make LinkedIn refuse a name; empty when it may be sent. */
export function applicationNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.trim() === "") problems.push("the name is empty");
  if ([...name].length > MAX_APPLICATION_NAME_CHARS)
    problems.push(`the name is longer than ${MAX_APPLICATION_NAME_CHARS} characters`);
  if (/linked\s*in/i.test(name)) problems.push('the name contains "LinkedIn", which LinkedIn does not allow');
  return problems;
}

/**
 * "{vendor} - {customer}" with "LinkedIn" removed from both parts and the result cut to 50 characters
 * (by code point, so an emoji is never split) without a dangling separator.
 */
export function provisionedApplicationName(vendorName: string, customerName: string): string {
  const vendor = withoutLinkedIn(vendorName);
  const customer = withoutLinkedIn(customerName);
  const full = [vendor, customer].filter((p) => p !== "").join(" - ");
  const cut = [...full].slice(0, MAX_APPLICATION_NAME_CHARS).join("");
  return withoutLinkedIn(cut.replace(/[\s-]+$/, ""));
}
