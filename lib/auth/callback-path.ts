// Only same-site paths are followed after sign-in (no open redirect).
export function safeCallbackPath(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value, "http://onramp.invalid");
    if (url.origin !== "http://onramp.invalid") return undefined;
    if (!url.pathname.startsWith("/") || url.pathname.startsWith("//") || url.pathname.startsWith("/sign-in"))
      return undefined;
    return url.pathname + url.search;
  } catch {
    return undefined;
  }
}
