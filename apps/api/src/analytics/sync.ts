// The analytics sync (ARCHITECTURE.md "Analytics store"): at start-up and every interval, in one replica at a time,
// each stream pulls by created_at from its watermark minus an overlap window (records change after a challenge), then
// continues its back-fill NEWEST-FIRST from the first watermark down to ANALYTICS_BACKFILL_DAYS ago, one window at a
// time with its progress stored, so recent figures are right first and a restart resumes where it stopped. An
// upstream failure is recorded and retried on the next cycle; the watermark only moves after a window is stored.
import { randomUUID } from "node:crypto";
import { analytics, type Db } from "@vbo/db";
import { ANALYTICS_RULES_VERSION } from "@vbo/domain";
import type { VerifoneClient } from "@vbo/verifone";
import type { Logger } from "pino";
import { type PullDeps, pullAuthentications, pullPayments, type Window, windowsOf } from "./pull.ts";

export type AnalyticsSyncOptions = {
  db: Db;
  verifone: VerifoneClient;
  log: Logger;
  intervalSeconds: number;
  backfillDays: number;
  overlapSeconds: number;
  now?: () => Date;
};

export type AnalyticsSync = {
  /** One cycle of both streams; false when another sync holds the lock (this or another replica). */
  runOnce(): Promise<boolean>;
  /** A cycle now, then one every interval (never two at once). */
  start(): void;
  /** Stops the timer and waits for a running cycle. */
  stop(): Promise<void>;
};

const dayMs = 86_400_000;
const backfillConcurrency = 3;
const pullers: Record<analytics.SyncStream, (deps: PullDeps, w: Window) => Promise<number>> = {
  authentications: pullAuthentications,
  payments: pullPayments,
};

function errorText(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.slice(0, 500);
}

export function createAnalyticsSync(options: AnalyticsSyncOptions): AnalyticsSync {
  const { db, verifone, log } = options;
  const now = options.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<boolean> | undefined;
  let stopped = false;

  async function syncStream(stream: analytics.SyncStream): Promise<void> {
    let state = await analytics.getSyncState(db, stream);
    const deps: PullDeps = { db, verifone, requestId: `analytics-sync-${randomUUID()}` };
    const pull = pullers[stream];
    const save = async (next: analytics.SyncState) => {
      await analytics.saveSyncState(db, next);
      state = next;
    };
    const startedAt = now();
    try {
      if (state.watermark === null || state.rulesVersion !== ANALYTICS_RULES_VERSION) {
        // First run, or rules changed: everything is pulled again (and re-derived) newest-first.
        const anchor = state.watermark ?? startedAt;
        if (state.watermark)
          log.info({ stream, rulesVersion: ANALYTICS_RULES_VERSION }, "analytics rules changed: re-deriving");
        await save({
          ...state,
          watermark: anchor,
          backfillFrom: new Date(startedAt.getTime() - options.backfillDays * dayMs),
          backfillThrough: anchor,
          backfillDone: false,
          rulesVersion: ANALYTICS_RULES_VERSION,
        });
      } else {
        const from = new Date((state.watermark as Date).getTime() - options.overlapSeconds * 1000);
        let pulled = 0;
        for (const window of windowsOf(from, startedAt, false)) {
          pulled += await pull(deps, window);
          await save({ ...state, watermark: window.end });
        }
        await save({ ...state, watermark: startedAt });
        log.debug({ stream, pulled, syncedThrough: startedAt.toISOString() }, "analytics sync: up to date");
      }
      if (!state.backfillDone && state.backfillFrom && state.backfillThrough) {
        const windows = windowsOf(state.backfillFrom, state.backfillThrough, true);
        // A few windows at once, so one window's upstream wait overlaps another's database writes; progress moves
        // only past windows that are all stored.
        for (let i = 0; i < windows.length && !stopped; i += backfillConcurrency) {
          const batch = windows.slice(i, i + backfillConcurrency);
          const pulled = (await Promise.all(batch.map((w) => pull(deps, w)))).reduce((a, b) => a + b, 0);
          const through = (batch.at(-1) as Window).start;
          await save({ ...state, backfillThrough: through });
          log.info(
            { stream, pulled, through: through.toISOString(), from: state.backfillFrom.toISOString() },
            "analytics back-fill progress",
          );
        }
        if (state.backfillThrough && state.backfillThrough <= state.backfillFrom) {
          await save({ ...state, backfillDone: true });
          log.info({ stream }, "analytics back-fill done");
        }
      }
      await save({ ...state, lastError: null, lastSuccessAt: now() });
    } catch (err) {
      log.warn({ stream, err }, "analytics sync failed; it retries on the next cycle");
      await save({ ...state, lastError: errorText(err), lastErrorAt: now() });
    }
  }

  const runOnce = async (): Promise<boolean> => {
    if (running) return false;
    // The two streams at once (each records its own failure): one's upstream waits overlap the other's writes.
    running = analytics.withSyncLock(db, async () => {
      await Promise.all([syncStream("authentications"), syncStream("payments")]);
    });
    try {
      return await running;
    } finally {
      running = undefined;
    }
  };

  const cycle = async () => {
    try {
      await runOnce();
    } catch (err) {
      log.error({ err }, "analytics sync cycle failed");
    }
    if (!stopped) timer = setTimeout(cycle, options.intervalSeconds * 1000);
  };

  return {
    runOnce,
    start() {
      stopped = false;
      void cycle();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
