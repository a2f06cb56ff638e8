// The server logs a failed request with the reference id its error page shows (issue 21, point 1): without the
// digest in the log line, what a person reads out to support matches nothing.
import { afterEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/log/logger";
import { logRequestError } from "./request-error";

const context = { routerKind: "App Router", routePath: "/console/issues", routeType: "render" };

afterEach(() => {
  vi.restoreAllMocks();
});

describe("logRequestError", () => {
  it("logs the error with its digest, the path and the route", () => {
    const error = vi.spyOn(logger(), "error").mockImplementation(() => undefined);
    const failure = Object.assign(new Error("relation is locked"), { digest: "2045369174" });
    logRequestError(failure, { path: "/console/issues?jobsPage=2", method: "GET" }, context);
    expect(error).toHaveBeenCalledWith(
      expect.objectContaining({
        err: failure,
        digest: "2045369174",
        path: "/console/issues?jobsPage=2",
        route: "/console/issues",
      }),
      "request failed, reference 2045369174",
    );
  });

  it("logs an error without a digest too", () => {
    const error = vi.spyOn(logger(), "error").mockImplementation(() => undefined);
    logRequestError(new Error("no digest"), { path: "/api/health", method: "GET" }, context);
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ digest: undefined }), "request failed");
  });
});
