// The CSV export's cells and lines (issue #6): escaping, and formulas defused.
import { describe, expect, it } from "vitest";
import { csvCell, csvLine } from "./csv";

describe("CSV (issue #6)", () => {
  it("quotes commas, quotes and line breaks, and defuses formulas", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvCell("two\nlines")).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell("+1")).toBe("'+1");
    expect(csvCell("-2")).toBe("'-2");
    expect(csvCell("@sum")).toBe("'@sum");
    expect(csvCell(-2)).toBe("-2");
    expect(csvCell(null)).toBe("");
    expect(csvCell(new Date("2026-11-22T10:00:00.000Z"))).toBe("2026-11-22T10:00:00.000Z");
    expect(csvLine(["a", 1, true, undefined])).toBe("a,1,true,\r\n");
  });
});
