// Runs in every test worker before its test files: puts this run's environment (fresh database,
// generated secrets) where lib/env.ts reads it.
import { inject } from "vitest";
import { resetEnvCache } from "@/lib/env";
import "./provided";

Object.assign(process.env, inject("onrampTestEnv"));
resetEnvCache();
