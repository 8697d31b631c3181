import { Code, Stack, Text } from "@mantine/core";
import { decodePayload } from "./decodePayload.ts";

/** A Base64 payload decoded to readable JSON when it is JSON; otherwise shown raw, saying why. */
export function PayloadView({ label, value }: { label: string; value: string | undefined }) {
  if (!value) {
    return (
      <Text size="sm">
        <b>{label}</b>: —
      </Text>
    );
  }
  const decoded = decodePayload(value);
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
        {decoded.kind === "json" && (
          <Text span size="xs" c="dimmed" fw={400}>
            {" "}
            (decoded from Base64)
          </Text>
        )}
      </Text>
      {decoded.kind !== "json" && (
        <Text size="xs" c="var(--mantine-color-orange-light-color)">
          {decoded.note}
        </Text>
      )}
      {/* Scrolls on its own: focusable, so a keyboard can scroll it too. */}
      <Code
        block
        tabIndex={0}
        aria-label="Payload"
        style={{ maxHeight: 320, overflow: "auto", whiteSpace: "pre-wrap", wordBreak: "break-all" }}
      >
        {decoded.kind === "json" ? decoded.pretty : decoded.kind === "text" ? decoded.text : decoded.raw}
      </Code>
    </Stack>
  );
}
