/** What every template gets besides its own props. */
export type TemplateFrame = { vendorName: string; unsubscribeUrl: string };
