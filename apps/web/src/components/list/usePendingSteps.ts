import { useRef } from "react";

/**
 * Where a run of quick moves stands: the values a component has navigated to that have not rendered yet (router
 * updates render in a transition), so the next move starts from the last one asked for, not from the one still shown.
 * Rendering one of them settles it and every earlier one; rendering anything else (back, a link) forgets them all.
 */
export function usePendingSteps<T>(rendered: T) {
  const ref = useRef<{ rendered: T; queue: T[] } | null>(null);
  ref.current ??= { rendered, queue: [] };
  const box = ref.current;
  if (box.rendered !== rendered) {
    const at = box.queue.indexOf(rendered);
    box.queue = at === -1 ? [] : box.queue.slice(at + 1);
    box.rendered = rendered;
  }
  return {
    latest: (): T => box.queue.at(-1) ?? box.rendered,
    push: (value: T) => void box.queue.push(value),
  };
}
