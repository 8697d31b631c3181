import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";

const here = import.meta.dirname;

export type Started = { url: string; child: ChildProcess };

/**
 * Runs one of servers/* in its own Node process (so load generator and servers do not share an event loop): a .ts
 * one through tsx, a .mjs one (the compiled API) with plain Node.
 */
export function startServer(
  script: string,
  args: string[],
  env: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<Started> {
  const child = spawn(
    process.execPath,
    [...nodeArgs, ...(script.endsWith(".ts") ? ["--import", "tsx"] : []), path.join(here, "servers", script), ...args],
    {
      cwd: here,
      stdio: ["ignore", "pipe", "inherit"],
      env: { ...process.env, NODE_ENV: "production", ...env },
    },
  );
  return new Promise((resolve, reject) => {
    let buffer = "";
    child.once("exit", (code) => reject(new Error(`${script} exited with ${code}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split("\n").find((l) => l.startsWith('{"url"'));
      if (line) {
        child.stdout?.removeAllListeners("data");
        child.stdout?.resume();
        resolve({ url: JSON.parse(line).url, child });
      }
    });
  });
}

export function stopAll(started: Started[]) {
  for (const s of started) s.child.kill("SIGTERM");
}
