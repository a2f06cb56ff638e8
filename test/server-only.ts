// Stand-in for the "server-only" package under vitest (vitest.config.ts): the real one throws when
// imported outside a react-server bundle, and every module a test imports is server code anyway.
export {};
