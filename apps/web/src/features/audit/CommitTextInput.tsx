import { Autocomplete, TextInput } from "@mantine/core";
import { type KeyboardEvent, useEffect, useState } from "react";

type Props = {
  label: string;
  placeholder?: string;
  value: string;
  onCommit: (value: string) => void;
  /** Suggestions (free text is still accepted). */
  suggestions?: readonly string[];
  testId?: string;
  w?: number;
};

/**
 * A text filter applied on Enter, on leaving the field or on picking a suggestion — not on every keystroke, so the
 * URL (and the history) gets one entry per search. Follows the URL when it changes (back/forward, "Clear").
 */
export function CommitTextInput({ label, placeholder, value, onCommit, suggestions, testId, w = 220 }: Props) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = (next = text) => {
    if (next.trim() !== value) onCommit(next.trim());
  };
  const common = {
    label,
    placeholder,
    w,
    value: text,
    "data-testid": testId,
    onBlur: () => commit(),
    onKeyDown: (e: KeyboardEvent) => e.key === "Enter" && commit(),
  };
  if (suggestions) {
    return (
      <Autocomplete
        {...common}
        data={[...suggestions]}
        clearable
        onChange={(next) => {
          setText(next);
          if (next === "") commit("");
        }}
        onOptionSubmit={(picked) => commit(picked)}
      />
    );
  }
  return <TextInput {...common} onChange={(e) => setText(e.currentTarget.value)} />;
}
