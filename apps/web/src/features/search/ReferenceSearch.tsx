import { Kbd, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { cardNumberRefusal, looksLikeCardNumber } from "@vbo/domain";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";

/** Typing in one of these must not be taken over by the `/` shortcut. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

/**
 * The header's search box: paste any reference (ids, ds_transaction_id, order_id, merchant reference, reuse token)
 * and press Enter. `/` anywhere focuses it. A full card number is refused here and never leaves the browser.
 */
export function ReferenceSearch() {
  const navigate = useNavigate();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isTypingTarget(event.target)) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = value.trim();
    if (!q) return;
    if (looksLikeCardNumber(q)) {
      setError(cardNumberRefusal);
      setValue("");
      return;
    }
    setError(null);
    navigate({ pathname: "/find", search: `?${new URLSearchParams({ q })}` });
  };

  return (
    <search aria-label="Find a record by reference">
      <form onSubmit={submit}>
        <TextInput
          ref={input}
          size="xs"
          w={{ base: 180, md: 320 }}
          aria-label="Find by id or reference"
          placeholder="Find by id or reference"
          leftSection={<IconSearch size={14} aria-hidden />}
          rightSection={<Kbd size="xs">/</Kbd>}
          value={value}
          error={error}
          data-testid="reference-search"
          onChange={(e) => {
            setValue(e.currentTarget.value);
            if (error) setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === "Escape") e.currentTarget.blur();
          }}
        />
      </form>
    </search>
  );
}
