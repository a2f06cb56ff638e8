// How a customer's LinkedIn application came to Onramp, in words.
export function applicationOrigin(origin: "PROVISIONED" | "MANUAL" | string): string {
  return origin === "PROVISIONED" ? "Provisioned through LinkedIn" : "Entered by hand";
}
