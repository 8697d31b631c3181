import { lazy } from "react";

// recharts and @mantine/charts load only on the Analytics page.
let loading: Promise<typeof import("./AnalyticsCharts.tsx")> | undefined;

/**
 * Starts loading the charts' chunk (once). The page calls it as it mounts, so the chunk comes while the data does:
 * were it asked for only when the first chart renders, the chart would wait for the data, then for its chunk.
 */
export const loadCharts = () => {
  loading ??= import("./AnalyticsCharts.tsx").catch((err: unknown) => {
    loading = undefined; // a failed chunk is asked for again next time
    throw err;
  });
  return loading;
};
export const LiabilityOverTimeChart = lazy(() => loadCharts().then((m) => ({ default: m.LiabilityOverTimeChart })));
export const LiabilityBarChart = lazy(() => loadCharts().then((m) => ({ default: m.LiabilityBarChart })));
