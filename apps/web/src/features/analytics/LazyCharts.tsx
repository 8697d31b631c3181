import { lazy } from "react";

// recharts and @mantine/charts load only when the Analytics page draws its first chart.
const charts = () => import("./AnalyticsCharts.tsx");
export const LiabilityOverTimeChart = lazy(() => charts().then((m) => ({ default: m.LiabilityOverTimeChart })));
export const LiabilityBarChart = lazy(() => charts().then((m) => ({ default: m.LiabilityBarChart })));
