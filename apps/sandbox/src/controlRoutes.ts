import express, { Router } from "express";
import { invalidParameters, type ParameterProblem } from "./http/errors.ts";
import type { FaultBook } from "./http/faults.ts";

/** Test controls outside Verifone's paths (no auth): reset, faults, health. */
export type ResetSettings = { seed?: number; authentications?: number; tokens?: number; transactions?: number };

export type ControlDeps = {
  faults: FaultBook;
  reset(settings: ResetSettings): Required<ResetSettings>;
  health(): Record<string, unknown>;
};

const isInt = (v: unknown, max: number): v is number =>
  typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= max;

const resetLimits: Readonly<Record<keyof ResetSettings, number>> = {
  seed: 4294967295,
  authentications: 1_000_000,
  tokens: 1_000_000,
  transactions: 1_000_000,
};

function parseReset(body: unknown): ResetSettings {
  const b = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const problems: ParameterProblem[] = [];
  const settings: ResetSettings = {};
  for (const [name, max] of Object.entries(resetLimits) as [keyof ResetSettings, number][]) {
    const value = b[name];
    if (value === undefined) continue;
    if (isInt(value, max)) settings[name] = value;
    else problems.push({ parameter: name, message: `must be an integer from 0 to ${max}` });
  }
  if (problems.length > 0) throw invalidParameters(problems);
  return settings;
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
