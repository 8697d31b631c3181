import { Button, Group, Text } from "@mantine/core";
import { IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { PageSizeSelect } from "./PageSizeSelect.tsx";

type Props = {
  skip: number;
  limit: number;
  shown: number;
  total: number | undefined;
  onPrevious: () => void;
  onNext: () => void;
  onLimit: (limit: number) => void;
  /** The page sizes the list offers. */
  sizes: readonly number[];
};

/** Previous / next (by whole pages of `limit` records), page N of M, page size. */
export function PaginationBar({ skip, limit, shown, total, onPrevious, onNext, onLimit, sizes }: Props) {
  const page = Math.floor(skip / limit) + 1;
  const pages = total === undefined ? undefined : Math.max(1, Math.ceil(total / limit));
  const hasNext = total === undefined ? shown === limit : skip + limit < total;
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
      <PageSizeSelect
        id="page-size"
        label="Rows per page"
        testId="page-size"
        limit={limit}
        sizes={sizes}
        onChange={onLimit}
      />
    </Group>
  );
}
