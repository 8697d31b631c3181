import { Button, Group, NativeSelect, Text } from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { pageSizes } from "./urlState.ts";

type Props = {
  skip: number;
  limit: number;
  shown: number;
  total: number | undefined;
  onPrevious: () => void;
  onNext: () => void;
  onLimit: (limit: number) => void;
  /** The page sizes offered (those of the authentications list by default). */
  sizes?: readonly number[];
};

/** Previous / next (by whole pages of `limit` records), page N of M, page size. */
export function PaginationBar({
  skip,
  limit,
  shown,
  total,
  onPrevious,
  onNext,
  onLimit,
  sizes: offered = pageSizes,
}: Props) {
  const page = Math.floor(skip / limit) + 1;
  const pages = total === undefined ? undefined : Math.max(1, Math.ceil(total / limit));
  const hasNext = total === undefined ? shown === limit : skip + limit < total;
  const sizes = offered.includes(limit) ? offered : [...offered, limit].sort((a, b) => a - b);
  return (
    <Group justify="space-between" gap="sm">
      <Group gap="xs">
        <Button
          variant="default"
          size="xs"
          data-testid="page-prev"
          leftSection={<IconChevronLeft size={14} />}
          disabled={skip === 0}
          onClick={onPrevious}
        >
          Previous
        </Button>
        <Text size="sm" aria-live="polite">
          Page {page}
          {pages !== undefined && ` of ${pages}`}
        </Text>
        <Button
          variant="default"
          size="xs"
          data-testid="page-next"
          rightSection={<IconChevronRight size={14} />}
          disabled={!hasNext}
          onClick={onNext}
        >
          Next
        </Button>
      </Group>
      <Group gap="xs">
        <Text size="sm" component="label" htmlFor="page-size">
          Rows per page
        </Text>
        <NativeSelect
          id="page-size"
          size="xs"
          data-testid="page-size"
          value={String(limit)}
          data={sizes.map(String)}
          onChange={(e) => onLimit(Number(e.currentTarget.value))}
        />
      </Group>
    </Group>
  );
}
