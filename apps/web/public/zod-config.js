// zod 4 compiles object parsers with `new Function` when it may, and finds out whether it may by trying — which the
// dashboard's Content-Security-Policy (no 'unsafe-eval') refuses and reports as a violation. Its schemas here are
// small: parse them without compiling. zod reads this global setting when a schema is built, which happens as the
// bundle's modules load, so it is set by a classic script that runs first (a module importing `z.config` would run
// after the chunk that builds the schemas).
globalThis.__zod_globalConfig = { ...globalThis.__zod_globalConfig, jitless: true };
