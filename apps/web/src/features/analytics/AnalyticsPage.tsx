import { Alert, Box, Button, Group, Stack, Text, Title } from "@mantine/core";
import { IconAlertTriangle, IconHourglass } from "@tabler/icons-react";
import { previousPeriod } from "@vbo/domain";
import { useEffect, useMemo } from "react";
import { SavedViewsMenu } from "../../components/views/SavedViewsMenu.tsx";
import { useTimeZone } from "../../time/timeZoneContext.ts";
import classes from "./AnalyticsPage.module.css";
import { filtersOf, periodOf } from "./analyticsUrlState.ts";
import { BrandFilter } from "./BrandFilter.tsx";
import { BreakdownSection } from "./BreakdownSection.tsx";
import { breakdownRows, dimensionTitles, timeRows } from "./breakdownRows.ts";
import { DataFreshness } from "./DataFreshness.tsx";
import { formatInstant } from "./freshness.ts";
import { HeadlineFigures } from "./HeadlineFigures.tsx";
import { loadCharts } from "./LazyCharts.tsx";
import { OverTimeSection } from "./OverTimeSection.tsx";
import { PaymentsByCurrency } from "./PaymentsByCurrency.tsx";
import { PeriodControls } from "./PeriodControls.tsx";
import { formatDay, formatPeriod, timeBucketFor, utcToday } from "./periodPresets.ts";
import { breakdownDimensions, useAnalyticsData } from "./useAnalyticsData.ts";
import { useAnalyticsState } from "./useAnalyticsState.ts";

const keyHeaders = {
  card_brand: "Card brand",
  threeds_version: "3DS version",
  reason: "Reason",
  currency_code: "Currency",
  eci_flag: "ECI",
} as const;

/** The managers' page: liability shift and 3-D Secure outcomes for a period, each figure one click from its records. */
export default function AnalyticsPage() {
  const { state, problems, setState, dropUnreadable } = useAnalyticsState();
  const zone = useTimeZone();
  const today = utcToday(new Date());
  const period = useMemo(() => periodOf(state, today), [state, today]);
  const bucket = timeBucketFor(period);
  const filters = useMemo(() => filtersOf(state), [state]);
  const { overTime, payments, status, breakdowns } = useAnalyticsData(period, bucket, state.compare, filters);
  // The charts' chunk is fetched alongside the data, not after it (see loadCharts).
  useEffect(() => {
    loadCharts().catch(() => undefined); // a failure is the chart's to report: it asks again as it renders
  }, []);
  const brand = state.brand?.toUpperCase();
  // One brand's money is its rows of payments by brand; there is no previous period by brand to compare with.
  const money = brand ? payments.data?.rows.filter((m) => m.key.toUpperCase() === brand) : payments.data?.total;
  const previousMoney = brand ? undefined : payments.data?.previous;

  const complete = [overTime, ...Object.values(breakdowns)].every((q) => q.data?.complete !== false);
  const reached = status.data?.backfill.through;
  const backfilling = status.data?.backfill.done === false;
  const previousStart = `${previousPeriod(period).from}T00:00:00.000Z`;
  const previousComplete = !backfilling || (reached != null && Date.parse(reached) <= Date.parse(previousStart));

  return (
    <Stack gap="md" className={classes.page}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <div>
          <Title order={2}>Analytics</Title>
          <Text size="sm" c="dimmed">
            Who carries fraud liability, and how 3-D Secure went, for {formatPeriod(period)}
            {state.brand && ` (${state.brand} only)`}
            {state.compare && ` compared with ${formatPeriod(previousPeriod(period))}`}. Days are UTC days (00:00–24:00
            UTC).
          </Text>
        </div>
        <Box flex="none">
          <SavedViewsMenu page="analytics" />
        </Box>
      </Group>
      {problems.length > 0 && (
        <Alert color="yellow" variant="light" icon={<IconAlertTriangle />} title="Part of this link could not be read">
          <Stack gap={4} align="flex-start">
            {problems.map((p) => (
              <Text size="sm" key={`${p.param}:${p.value}`}>
                {p.param}={p.value}: {p.message}
              </Text>
            ))}
            <Button size="xs" variant="light" onClick={dropUnreadable}>
              Remove from the link
            </Button>
          </Stack>
        </Alert>
      )}
      <Group align="flex-end" gap="md" wrap="wrap">
        <PeriodControls state={state} period={period} onChange={setState} />
        <BrandFilter
          brand={state.brand}
          brands={breakdowns.card_brand.data?.rows.map((r) => r.key) ?? []}
          onChange={(next) => setState({ ...state, brand: next })}
        />
      </Group>
      <DataFreshness status={status.data} />
      {!complete && (
        <Alert
          color="yellow"
          variant="light"
          icon={<IconHourglass />}
          title="Not final yet"
          data-testid="incomplete"
          styles={{ title: { color: "var(--mantine-color-text)" } }}
        >
          {reached
            ? `The history is still being loaded from Verifone: the store holds records from ${formatInstant(reached, zone)} on, and this period starts on ${formatDay(period.from)}.`
            : "Nothing has been loaded from Verifone yet: the first sync is running."}{" "}
          The figures below are partial and will grow until it is done.
        </Alert>
      )}
      <HeadlineFigures
        total={overTime.data?.total}
        previous={overTime.data?.previous}
        money={money}
        previousMoney={previousMoney}
        compare={state.compare}
        complete={complete}
        previousComplete={previousComplete}
      />
      <OverTimeSection
        rows={overTime.data ? timeRows(overTime.data.rows, bucket, period, filters) : undefined}
        bucket={bucket}
        period={period}
        error={overTime.error}
        retrying={overTime.isFetching}
        onRetry={() => void overTime.refetch()}
      />
      {breakdownDimensions.map((by) => {
        const query = breakdowns[by];
        return (
          <BreakdownSection
            key={by}
            id={by}
            title={dimensionTitles[by]}
            keyHeader={keyHeaders[by]}
            rows={
              query.data ? breakdownRows(by, query.data.rows, period, by === "card_brand" ? [] : filters) : undefined
            }
            error={query.error}
            retrying={query.isFetching}
            onRetry={() => void query.refetch()}
            filename={`authentications-by-${by}-${period.from}-${period.to}.csv`}
          />
        );
      })}
      <PaymentsByCurrency
        brand={state.brand}
        money={money}
        error={payments.error}
        retrying={payments.isFetching}
        onRetry={() => void payments.refetch()}
      />
    </Stack>
  );
}
