import { Loader, TextInput } from "@mantine/core";
import type { Filter } from "@vbo/verifone/fields";
import { lazy, Suspense } from "react";
import { createdDaysLabel } from "./createdDaysLabel.ts";
import type { OnFiltersChange } from "./quickFilterModel.ts";

const DateRangeFilter = lazy(() => import("./DateRangeFilter.tsx"));

/** Created between two UTC days; the date picker loads on demand, a disabled field stands in meanwhile. */
export function CreatedRangeFilter(props: { filters: Filter[]; onChange: OnFiltersChange; compact?: boolean }) {
  const fallback = props.compact ? (
    <TextInput
      aria-label={createdDaysLabel}
      placeholder={createdDaysLabel}
      size="xs"
      w={200}
      disabled
      rightSection={<Loader size="xs" />}
    />
  ) : (
    <TextInput label={createdDaysLabel} w={240} disabled rightSection={<Loader size="xs" />} />
  );
  return (
    <Suspense fallback={fallback}>
      <DateRangeFilter {...props} />
    </Suspense>
  );
}
