// One POST whose answer's status is all the chaos run needs; 0 when no answer came (refused, timed out).
export async function postStatus(url: string, headers: Record<string, string>, body?: string): Promise<number> {
  try {
    const res = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(30_000) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}
