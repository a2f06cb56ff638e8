// Routing of the integration resources of both families (L22): `/v2/atsIntegrations` (and its configurations)
// and `/rest/integrations`, `/rest/integrationConfigurations`. The path picks the family, the protocol header the
// key syntax (L23, L24); endpoint kinds of the rest family are prefixed `rest_` (faults, daily limits per resource).
import type { Reply, RequestContext } from "./http-io";
import { syntaxFor } from "./restli-gate";
import { handleBatchPartialUpdate } from "./routes/batch-update";
import { handleConfigurations } from "./routes/configurations";
import { handleLookup, lookupKind } from "./routes/lookups";
import { handleRestConfigurations } from "./routes/rest-configurations";
import type { Runtime } from "./runtime";

export interface Route {
  endpoint: string;
  faultable: boolean;
  run: () => Promise<Reply> | Reply;
}

type Only = (allowed: string[], route: Route) => Route | Reply;

export function resolveIntegrations(ctx: RequestContext, rt: Runtime, only: Only): Route | Reply | null {
  const { method } = ctx;
  const path = ctx.url.pathname;
  const family = path === "/v2/atsIntegrations" ? "v2" : path === "/rest/integrations" ? "rest" : null;
  if (family) {
    const syntax = syntaxFor(ctx, family);
    if (!("protocol" in syntax)) return syntax;
    const kind = (k: string) => (family === "rest" ? `rest_${k}` : k);
    if (method === "POST")
      return {
        endpoint: kind("batch_partial_update"),
        faultable: true,
        run: () => handleBatchPartialUpdate(ctx, rt, syntax),
      };
    return only(["GET"], {
      endpoint: kind(lookupKind(ctx.url)),
      faultable: true,
      run: () => handleLookup(ctx, rt, syntax),
    });
  }
  if (path === "/rest/integrationConfigurations") {
    const syntax = syntaxFor(ctx, "rest");
    if (!("protocol" in syntax)) return syntax;
    return only(["PUT", "DELETE"], {
      endpoint: "rest_configurations",
      faultable: true,
      run: () => handleRestConfigurations(ctx, rt),
    });
  }
  const config = /^\/v2\/atsIntegrations\/([^/]+)\/configurations$/.exec(path);
  if (config?.[1]) {
    const segment = config[1];
    const syntax = syntaxFor(ctx, "v2");
    if (!("protocol" in syntax)) return syntax;
    return only(["PUT", "GET", "DELETE"], {
      endpoint: "configurations",
      faultable: true,
      run: () => handleConfigurations(ctx, rt, segment, syntax.protocol),
    });
  }
  return null;
}
