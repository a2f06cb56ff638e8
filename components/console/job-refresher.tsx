"use client";
// While a job is under way, re-reads the (server-rendered) page every few seconds so its progress shows
// without a reload (C28: the tracker row is what people read).
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function JobRefresher({ active, everyMs = 2000 }: { active: boolean; everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => router.refresh(), everyMs);
    return () => clearInterval(timer);
  }, [active, everyMs, router]);
  return null;
}
