// One source, two forms: each template (./catalog.tsx) renders to HTML and to plain text (React Email's render).
// The stored props are parsed by the template's schema first, so a malformed row fails loudly, not oddly.
import { render } from "@react-email/render";
import type { EmailTemplate } from "@/lib/db/enums";
import { EMAILS } from "./catalog";
import type { TemplateFrame } from "./frame";

export type RenderedEmail = { subject: string; html: string; text: string };

export async function renderEmail(
  template: EmailTemplate,
  data: unknown,
  frame: TemplateFrame,
  secretLink: string | null,
): Promise<RenderedEmail> {
  const { subject, body: el } = EMAILS[template].element(data, frame, secretLink);
  const [html, text] = await Promise.all([render(el), render(el, { plainText: true })]);
  return { subject, html, text };
}

/** False where react-dom/server is unavailable (a process run under the react-server condition). */
export async function canRenderEmail(): Promise<boolean> {
  try {
    await render(<p>ok</p>);
    return true;
  } catch {
    return false;
  }
}
