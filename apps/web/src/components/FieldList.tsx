import { SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { CopyValue } from "./CopyValue.tsx";

export type FieldItem = {
  label: string;
  value: string | number | undefined | null;
  /** Extra words under the value (e.g. what a code means). */
  hint?: string;
  /** Render instead of the plain value. */
  node?: ReactNode;
  copy?: boolean;
};

/** A titled group of labelled values (a description list); missing values show a dash, never disappear. */
export function FieldList({ title, items }: { title: string; items: FieldItem[] }) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={3} size="h5">
        {title}
      </Title>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="xs" m={0}>
        {items.map((item) => (
          <div key={item.label}>
            <Text component="dt" size="xs" c="dimmed" fw={600}>
              {item.label}
            </Text>
            <Text component="dd" size="sm" m={0} style={{ overflowWrap: "anywhere" }}>
              {item.node ??
                (item.value === undefined || item.value === null || item.value === "" ? (
                  "—"
                ) : item.copy ? (
                  <CopyValue value={String(item.value)} label={item.label} />
                ) : (
                  String(item.value)
                ))}
              {item.hint && (
                <Text span display="block" size="xs" c="dimmed">
                  {item.hint}
                </Text>
              )}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
