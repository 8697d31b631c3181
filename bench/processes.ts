import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import path from "node:path";

const here = import.meta.dirname;

export type Started = { url: string; child: ChildProcess };

/**
 * BENCH_PIN=1: the load generator (this process, every thread) on core 0, the servers it starts on core 1, so they
 * stop competing with autocannon for a core (other work on the machine still floats over both).
 */
export const pinned = process.env.BENCH_PIN === "1";
if (pinned) execFileSync("taskset", ["-a", "-p", "-c", "0", String(process.pid)], { stdio: "ignore" });

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
  const argv = [
    ...nodeArgs,
    ...(script.endsWith(".ts") ? ["--import", "tsx"] : []),
    path.join(here, "servers", script),
  ];
  const [command, commandArgs] = pinned
    ? ["taskset", ["-c", "1", process.execPath, ...argv, ...args]]
    : [process.execPath, [...argv, ...args]];
  const child = spawn(command, commandArgs, {
    cwd: here,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, NODE_ENV: "production", ...env },
  });
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
