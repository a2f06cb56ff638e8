// What test/global-setup.ts hands to every test worker (vitest's provide/inject).
declare module "vitest" {
  export interface ProvidedContext {
    /** The environment the app needs, pointing at this run's fresh database. */
    onrampTestEnv: Record<string, string>;
    /** A URL of the same server's maintenance database, for tests that create databases of their own. */
    onrampTestServerUrl: string;
  }
}
export {};
