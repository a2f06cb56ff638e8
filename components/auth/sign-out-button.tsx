"use client";

// Signs out through next-auth's own endpoint (POST /api/auth/signout with its CSRF token), as next-auth/react's
// signOut does, without shipping that client library on every signed-in page (issue #13: the customer admin's
// first-load JavaScript; next-auth/react was 12 kB of it gzipped).

async function signOut(callbackUrl: string): Promise<void> {
  const csrf = await fetch("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  const { url } = (await res.json()) as { url?: string };
  window.location.href = url ?? callbackUrl;
}

/** `label` comes from the page's catalogue (issue 25). The border follows the bar's text colour. */
export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => void signOut("/sign-in")}
      className="rounded border border-current px-2 py-1 hover:underline"
    >
      {label}
    </button>
  );
}
