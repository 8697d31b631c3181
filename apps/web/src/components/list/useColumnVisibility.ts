import { useLocalStorage } from "@mantine/hooks";
import type { VisibilityState } from "@tanstack/react-table";

/** Which columns of a list show: the user's choice, kept in localStorage under `key`; `defaults` until they choose. */
export function useColumnVisibility(key: string, defaults: VisibilityState) {
  return useLocalStorage<VisibilityState>({ key, defaultValue: defaults, getInitialValueInEffect: false });
}
