// The embedded default's upstream, a separate entry of the build (dist/sandbox.js): main.ts imports it only when no
// Verifone settings are given, so a production install leaves it out.
export { readSandboxEnv, startSandbox } from "@vbo/sandbox";
