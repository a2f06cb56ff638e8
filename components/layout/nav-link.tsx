"use client";
// A header link that navigates on the client, so the page's state and LinkedIn's plugin stay (C8), through Next's
// router, which every page loads anyway. next/link's own client code (~3.2 kB gzipped) would put the customer admin's
// first-load JavaScript over its 150 kB budget (issue 25); their frame links only to their one page, so it needs no
// prefetching. A click with a modifier key (new tab, new window) stays the browser's.
import { useRouter } from "next/navigation";

export function NavLink({
  href,
  className,
  children,
  "data-testid": testId,
}: {
  href: string;
  className?: string;
  children: React.ReactNode;
  "data-testid"?: string;
}) {
  const router = useRouter();
  const navigate = (e: React.MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    router.push(href);
  };
  return (
    <a href={href} className={className} data-testid={testId} onClick={navigate}>
      {children}
    </a>
  );
}
