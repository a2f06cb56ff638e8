import { NotFoundNotice } from "@/components/layout/not-found-notice";

export default function NotFound() {
  return (
    <main className="py-8">
      <NotFoundNotice home="/" homeLabel="Go to your home page" />
    </main>
  );
}
