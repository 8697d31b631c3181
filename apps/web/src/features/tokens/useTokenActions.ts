import { notifications } from "@mantine/notifications";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { TokenChanges } from "@vbo/domain";
import { useRef, useState } from "react";
import { useTRPC } from "../../trpc.ts";
import { type ActionFailure, actionFailure } from "./actionFailure.ts";
import type { TokenActionName, TokenView } from "./tokenTypes.ts";

/** What happened to the last action when it did not simply succeed or fail in the dialog. */
export type ActionNotice = { action: TokenActionName; kind: "outcomeUnknown" | "stateChanged"; message: string };

const done: Record<TokenActionName, string> = {
  suspend: "The token is suspended",
  activate: "The token is active again",
  update: "The stored card is updated",
  delete: "The token is deleted",
};

/**
 * The four token actions of one token. The page shows a change only once the API answers with the token as Verifone
 * now has it (never optimistically). A write Verifone did not confirm, or one refused because the token's state
 * changed meanwhile, closes the dialog, says so, and re-reads the token instead of guessing.
 */
export function useTokenActions(reuseToken: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queryKey = trpc.tokens.get.queryKey({ reuseToken });
  const [open, setOpen] = useState<TokenActionName | null>(null);
  const [notice, setNotice] = useState<ActionNotice | null>(null);
  // Set synchronously on send: two clicks in one tick (before `pending` re-renders) must not send two requests.
  const sending = useRef(false);
  const sendOnce = (send: () => void) => {
    if (sending.current) return;
    sending.current = true;
    send();
  };

  const handlers = (action: TokenActionName) => ({
    onMutate: () => setNotice(null),
    onSettled: () => {
      sending.current = false;
    },
    onSuccess: (token: TokenView) => {
      queryClient.setQueryData(queryKey, token);
      setOpen(null);
      notifications.show({ color: "green", message: done[action] });
    },
    onError: (error: unknown) => {
      const failure = actionFailure(error);
      if (failure.kind === "failed") return; // shown in the dialog, which stays open with the input
      setOpen(null);
      setNotice({ action, kind: failure.kind, message: failure.message });
      // Forget the state shown so far: nothing is displayed until Verifone has been asked again.
      void queryClient.resetQueries({ queryKey, exact: true });
    },
  });
  const mutations = {
    suspend: useMutation(trpc.tokens.suspend.mutationOptions(handlers("suspend"))),
    activate: useMutation(trpc.tokens.activate.mutationOptions(handlers("activate"))),
    update: useMutation(trpc.tokens.update.mutationOptions(handlers("update"))),
    delete: useMutation(trpc.tokens.delete.mutationOptions(handlers("delete"))),
  };
  const current = open ? mutations[open] : null;
  const failure: ActionFailure | null = current?.isError ? actionFailure(current.error) : null;

  return {
    open,
    notice,
    pending: Object.values(mutations).some((m) => m.isPending),
    /** The open dialog's failure to show in it (the others close the dialog and become the notice). */
    failure: failure?.kind === "failed" ? failure : null,
    /** That failure's error as the API answered it, for a form to put its problems on the fields. */
    failedError: failure?.kind === "failed" ? current?.error : null,
    start(action: TokenActionName) {
      mutations[action].reset();
      setOpen(action);
    },
    cancel() {
      setOpen(null);
    },
    stateChange(action: "suspend" | "activate" | "delete", reason: string) {
      sendOnce(() => mutations[action].mutate({ reuseToken, reason }));
    },
    update(changes: TokenChanges, reason: string | undefined) {
      sendOnce(() => mutations.update.mutate({ reuseToken, changes, ...(reason ? { reason } : {}) }));
    },
  };
}
