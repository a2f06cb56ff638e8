// GET /api/v1/openapi.json: the document generated from the schemas that validate the requests.
import { NextResponse } from "next/server";
import { buildOpenApiDocument } from "@/lib/vendor-api/openapi";

export const dynamic = "force-static";

export function GET() {
  return NextResponse.json(buildOpenApiDocument());
}
