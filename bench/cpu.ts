import { readFileSync } from "node:fs";

/**
 * CPU time (user + system) a process has used so far, in ms, from /proc (Linux; 10 ms ticks). Divided by the requests
 * it served, it is the cost of one call whatever else the machine is doing — unlike latency and req/s, which on a
 * shared 2-core machine mostly measure the queue for the CPU.
 */
export function cpuMsOf(pid: number): number {
  // Fields after the command name (which may hold spaces, inside parentheses): utime is the 14th, stime the 15th.
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}
