import { Alert, Select, Stack, Text } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { errorInfo } from "../../api/errorInfo.ts";
import { formatDateTime, offsetLabel, zoneName } from "../../time/formatTime.ts";
import { useTimeZoneSetting } from "../../time/timeZoneContext.ts";
import { useTRPC } from "../../trpc.ts";

/** The option for "no choice: the browser's zone" (sent as null). */
export const browserDefault = "browser";

type Option = { value: string; label: string };

/** Every zone this browser knows, with its offset now ("Asia/Kolkata (UTC+05:30)"), so "+05:30" finds it too. */
function zoneOptions(browser: string, chosen: string | null, now: string): Option[] {
  const zones = Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC");
  if (chosen && chosen !== "UTC" && !zones.includes(chosen)) zones.push(chosen);
  return [
    { value: browserDefault, label: `Browser default (${zoneName(browser)})` },
    { value: "UTC", label: "UTC" },
    ...zones.sort().map((zone) => ({ value: zone, label: `${zone} (${offsetLabel(now, zone)})` })),
  ];
}

/**
 * The zone every time in the dashboard is shown in: kept with the account, so it follows the staff member to any
 * machine. Dates sent to Verifone stay UTC days whatever is chosen (the date filters say so).
 */
export function TimeZoneSetting() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { zone, chosen, browser } = useTimeZoneSetting();
  const [now] = useState(() => new Date().toISOString());
  const options = useMemo(() => zoneOptions(browser, chosen, now), [browser, chosen, now]);
  const save = useMutation(
    trpc.account.setTimeZone.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.account.preferences.queryKey(), saved);
        const shown = saved.timeZone ?? browser;
        notifications.show({ color: "green", message: `Times are now shown in ${zoneName(shown)}` });
      },
    }),
  );
  return (
    <Stack gap="sm" maw={480}>
      <Select
        data-testid="time-zone-select"
        label="Show times in"
        description="Every time in the dashboard is shown in this zone and labelled with its offset."
        searchable
        allowDeselect={false}
        nothingFoundMessage="No time zone of that name"
        maxDropdownHeight={280}
        data={options}
        value={chosen ?? browserDefault}
        disabled={save.isPending}
        onChange={(value) => {
          if (!value) return;
          save.mutate({ timeZone: value === browserDefault ? null : value });
        }}
      />
      {save.isError && (
        <Alert role="alert" color="red" variant="light" icon={<IconAlertCircle />}>
          {errorInfo(save.error).message}
        </Alert>
      )}
      <Text size="sm" c="dimmed" data-testid="time-zone-example">
        Now: {formatDateTime(now, zone)} ({zoneName(zone)}). Date filters sent to Verifone are UTC days.
      </Text>
    </Stack>
  );
}
