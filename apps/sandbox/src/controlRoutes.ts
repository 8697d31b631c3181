import express, { Router } from "express";
import { invalidParameters, type ParameterProblem } from "./http/errors.ts";
import type { FaultBook } from "./http/faults.ts";

/** Test controls outside Verifone's paths (no auth): reset, faults, health. */
export type ControlDeps = {
  faults: FaultBook;
  reset(settings: { seed?: number; authentications?: number }): { seed: number; authentications: number };
  health(): Record<string, unknown>;
};

const isInt = (v: unknown, max: number): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= max;

function parseReset(body: unknown): { seed?: number; authentications?: number } {
  const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const problems: ParameterProblem[] = [];
  if (b.seed !== undefined && !isInt(b.seed, 4294967295))
    problems.push({ parameter: "seed", message: "must be an integer from 0 to 4294967295" });
  if (b.authentications !== undefined && !isInt(b.authentications, 1_000_000))
    problems.push({ parameter: "authentications", message: "must be an integer from 0 to 1000000" });
  if (problems.length > 0) throw invalidParameters(problems);
  return { seed: b.seed as number | undefined, authentications: b.authentications as number | undefined };
}

export function controlRouter(deps: ControlDeps): Router {
  const router = Router();
  router.use(express.json());
  router.get("/health", (_req, res) => {
    res.json({ status: "ok", ...deps.health() });
  });
  router.post("/reset", (req, res) => {
    res.json(deps.reset(parseReset(req.body)));
  });
  router.get("/faults", (_req, res) => {
    res.json({ faults: deps.faults.list() });
  });
  router.post("/faults", (req, res) => {
    res.status(201).json(deps.faults.add(req.body));
  });
  router.delete("/faults", (_req, res) => {
    deps.faults.clear();
    res.status(204).end();
  });
  return router;
}
