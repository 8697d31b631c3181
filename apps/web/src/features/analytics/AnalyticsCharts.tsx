// The charts of the Analytics page, in a chunk of their own (recharts is large): AnalyticsPage loads it with
// React.lazy, so no other page pays for it.
import "@mantine/charts/styles.css";
import { BarChart, CompositeChart } from "@mantine/charts";

export type ChartRow = { key: string; label: string; issuer: number; merchant: number };
export type TimeRow = ChartRow & { issuerShare: number | null };

type Select = (key: string) => void;

export const issuerColor = "teal.6";
export const merchantColor = "orange.6";

const series = [
  { name: "issuer", label: "Issuer liable", color: issuerColor },
  { name: "merchant", label: "Merchant liable", color: merchantColor },
];

/** recharts hands a clicked bar's data row over as `payload`. */
function keyOf(bar: unknown): string | undefined {
  const payload = (bar as { payload?: { key?: unknown } } | null)?.payload;
  return typeof payload?.key === "string" ? payload.key : undefined;
}

function clickable(onSelect: Select) {
  return {
    cursor: "pointer",
    onClick: (bar: unknown) => {
      const key = keyOf(bar);
      if (key !== undefined) onSelect(key);
    },
  };
}

/** Issuer and merchant liable stacked per day / week / month, with the issuer share as a line on the right axis. */
export function LiabilityOverTimeChart(props: {
  rows: TimeRow[];
  onSelect: Select;
  cutoff: string | null;
  label: string;
}) {
  return (
    <CompositeChart
      h={300}
      data={props.rows}
      dataKey="label"
      role="figure"
      aria-label={props.label}
      data-testid="chart-over-time"
      withLegend
      legendProps={{ verticalAlign: "bottom" }}
      withRightYAxis
      rightYAxisProps={{ domain: [0, 100], unit: " %" }}
      rightYAxisLabel="Issuer share"
      yAxisLabel="Authentications"
      maxBarWidth={40}
      curveType="linear"
      dotProps={{ r: 2 }}
      referenceLines={props.cutoff ? [{ x: props.cutoff, label: "Visa 3DS 1 cut-off", color: "red.6" }] : undefined}
      barProps={() => ({ stackId: "liability", ...clickable(props.onSelect) })}
      series={[
        { name: "issuer", label: "Issuer liable", color: issuerColor, type: "bar" },
        { name: "merchant", label: "Merchant liable", color: merchantColor, type: "bar" },
        { name: "issuerShare", label: "Issuer share (%)", color: "blue.7", type: "line", yAxisId: "right" },
      ]}
      connectNulls={false}
    />
  );
}

/** One breakdown as horizontal bars, issuer and merchant liable stacked. */
export function LiabilityBarChart(props: { rows: ChartRow[]; onSelect: Select; label: string }) {
  return (
    <BarChart
      h={Math.max(120, 48 + props.rows.length * 30)}
      data={props.rows}
      dataKey="label"
      type="stacked"
      orientation="vertical"
      role="figure"
      aria-label={props.label}
      withLegend
      legendProps={{ verticalAlign: "bottom" }}
      yAxisProps={{ width: 190, interval: 0 }}
      gridAxis="y"
      barProps={clickable(props.onSelect)}
      series={series}
    />
  );
}
