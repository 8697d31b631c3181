import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// One time-zone rule for the whole UI: every time is turned into text by src/time (formatTime.ts, <Time>), so each
// is in the staff member's zone and labelled. This fails when a component formats a date some other way.

const src = join(import.meta.dirname, "..");
const allowed = new Set(["time/formatTime.ts", "time/Time.tsx"]);
const forbidden: [RegExp, string][] = [
  [/\.toLocale(Date|Time)?String\(/, "toLocaleString / toLocaleDateString / toLocaleTimeString"],
  [/Intl\.DateTimeFormat\(/, "Intl.DateTimeFormat"],
  [/\.toISOString\(\)\.slice\(/, "toISOString().slice (a UTC reading passed off as a time)"],
  [/\.toUTCString\(|\.toDateString\(|\.toTimeString\(/, "Date's own text"],
  [/\bdayjs\(/, "dayjs (formats in the machine's zone)"],
  [/<time[\s>]/, "a <time> element of its own (use <Time>)"],
];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test(-helpers)?\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe("one time rule", () => {
  it("only src/time formats dates and times", () => {
    const files = sources(src);
    expect(files.length).toBeGreaterThan(50);
    const offences = files.flatMap((path) => {
      const name = relative(src, path).split("\\").join("/");
      if (allowed.has(name)) return [];
      const text = readFileSync(path, "utf8");
      return forbidden.filter(([pattern]) => pattern.test(text)).map(([, what]) => `${name}: ${what}`);
    });
    expect(offences).toEqual([]);
  });

  it("catches what it is meant to catch", () => {
    const caught = (text: string) => forbidden.some(([pattern]) => pattern.test(text));
    expect(caught("new Date(x).toLocaleString()")).toBe(true);
    expect(caught('dayjs(value).format("YYYY-MM-DD")')).toBe(true);
    expect(caught("<time dateTime={x}>")).toBe(true);
    expect(caught("d.toISOString().slice(0, 16)")).toBe(true);
    expect(caught("<Time value={x} />")).toBe(false);
  });
});
