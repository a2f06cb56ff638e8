// The one way a zod error becomes field errors (issue 21 point 4).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { validationErrors } from "./validation";

const schema = z
  .object({ name: z.string().min(1, "Enter a name."), rows: z.array(z.object({ id: z.string("Missing id.") })) })
  .refine((v) => v.name !== "forbidden", "That name is taken.");

describe("validationErrors", () => {
  it("puts each message under its field's path, nested ones dotted", () => {
    const parsed = schema.safeParse({ name: "", rows: [{}] });
    if (parsed.success) throw new Error("expected a failure");
    expect(validationErrors(parsed.error)).toEqual({
      errors: { name: ["Enter a name."], "rows.0.id": ["Missing id."] },
      message: "Some fields need attention.",
    });
  });

  it("says the whole input's own messages as the sentence, and under _", () => {
    const parsed = schema.safeParse({ name: "forbidden", rows: [] });
    if (parsed.success) throw new Error("expected a failure");
    expect(validationErrors(parsed.error, "unused")).toEqual({
      errors: { _: ["That name is taken."] },
      message: "That name is taken.",
    });
  });
});
