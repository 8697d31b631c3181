import { Group, NativeSelect, Text } from "@mantine/core";

type Props = {
  /** The select's id, which its label points at. */
  id: string;
  label: string;
  limit: number;
  /** The sizes offered, ascending; a size the URL asked for that is not among them is offered too. */
  sizes: readonly number[];
  onChange: (limit: number) => void;
  testId?: string;
};

/** "Rows per page" and its select. */
export function PageSizeSelect({ id, label, limit, sizes, onChange, testId }: Props) {
  const offered = sizes.includes(limit) ? sizes : [...sizes, limit].sort((a, b) => a - b);
  return (
    <Group gap="xs">
      <Text size="sm" component="label" htmlFor={id}>
        {label}
      </Text>
      <NativeSelect
        id={id}
        size="xs"
        data-testid={testId}
        value={String(limit)}
        data={offered.map(String)}
        onChange={(e) => onChange(Number(e.currentTarget.value))}
      />
    </Group>
  );
}
