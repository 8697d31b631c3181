import { Alert, SegmentedControl, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { IconAlertCircle, IconHelpCircle } from "@tabler/icons-react";
import { formatMoney, minorToMajorString } from "@vbo/domain";
import { refundReasonSchema } from "@vbo/domain/inputs";
import type { FormEvent } from "react";
import { schemaRule } from "../../api/formErrors.ts";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { checkAmount, type MoveFailure, type MoveRequest, recheckDelaysMs } from "./moneyMove.ts";
import type { MoneyMove, TransactionDetail } from "./types.ts";
import type { Unconfirmed } from "./useMoneyMoves.ts";

type Props = {
  kind: MoneyMove;
  tx: TransactionDetail;
  pending: boolean;
  /** The last attempt's refusal (shown in the dialog, which stays open with the input). */
  failure: MoveFailure | null;
  /** This move's unknown outcome: the request is fixed, and Confirm retries it with the same key. */
  unconfirmed: Unconfirmed | null;
  onSubmit: (request: MoveRequest) => void;
  onCancel: () => void;
};

const titles: Record<MoneyMove, string> = { refund: "Refund", capture: "Capture", void: "Void" };

/** Explains an outcome nobody knows yet, how it is being learnt, and what Confirm does now. */
export function OutcomeUnknown({ unconfirmed }: { unconfirmed: Unconfirmed }) {
  const { kind, message, checks, checking, attempt } = unconfirmed;
  const children = kind === "capture" ? "captures" : `${kind}s`;
  return (
    <Alert
      data-testid="tx-outcome-unknown"
      data-checking={checking}
      role="alert"
      color="yellow"
      variant="light"
      icon={<IconHelpCircle />}
      title={`The outcome of the ${kind} is not known yet`}
    >
      <Text size="sm">{message}</Text>
      <Text size="sm" mt="xs" data-testid="tx-outcome-check">
        {checking
          ? `Asking again with the same idempotency key (check ${checks + 1} of ${recheckDelaysMs.length}): the money moves at most once, and the answer says whether it did.`
          : `Still not known after ${checks} checks. Look at the ${children} below before anything else. Retrying sends the same request with the same idempotency key, so the money moves at most once; if it stays unknown, give Verifone support the idempotency key ${attempt.key}.`}
      </Text>
    </Alert>
  );
}

/**
 * Confirms a refund (amount in major units, the full remainder by default, and a reason), a capture (the full
 * remainder or part of it) or a void. The amount is checked as the API checks it before anything is sent.
 */
export function MoneyMoveDialog({ kind, tx, pending, failure, unconfirmed, onSubmit, onCancel }: Props) {
  const currency = tx.currency_code ?? "";
  const { refundable, capturable, voidable, voidKind } = tx.actions;
  const limit = kind === "refund" ? refundable : capturable;
  const locked = unconfirmed?.request;
  const needsAmountFor = (captureAll: boolean) => kind === "refund" || (kind === "capture" && !captureAll);
  // The amount by the checks the API runs (in minor units, against what is left); the reason by refund's schema. A
  // retry after an unknown outcome resends the first request as it was: the server decides on it.
  const amountCheck = (text: string, captureAll: boolean) =>
    needsAmountFor(captureAll) && !locked
      ? checkAmount(kind === "refund" ? "refund" : "capture", text, tx.actions, currency)
      : null;
  const form = useForm({
    initialValues: {
      amount: minorToMajorString(locked?.amount ?? Math.max(limit, 0), currency || "EUR"),
      reason: locked?.reason ?? "",
      captureAll: kind === "capture" && !(locked && locked.amount !== undefined),
    },
    validateInputOnChange: ["amount"],
    validate: {
      amount: (text, values) => {
        const checked = amountCheck(text, values.captureAll);
        return checked && !checked.ok ? checked.error : null;
      },
      reason: schemaRule(refundReasonSchema),
    },
  });
  const { captureAll } = form.values;
  const needsAmount = needsAmountFor(captureAll);
  const checked = amountCheck(form.values.amount, captureAll);

  const confirm = () => {
    if (locked) return onSubmit(locked);
    if (form.validate().hasErrors) return;
    if (kind === "void") return onSubmit({});
    if (kind === "capture" && captureAll) return onSubmit({});
    const amount = checked?.ok ? checked.minor : undefined;
    const reason = form.values.reason.trim() || undefined;
    onSubmit(kind === "refund" ? { amount, reason } : { amount });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!pending) confirm();
  };

  const money = (minor: number) => formatMoney(minor, currency);
  const verb = kind === "void" && voidKind === "release" ? "Release the rest of" : titles[kind];
  const label = locked
    ? `Retry the ${kind}`
    : kind === "void"
      ? voidKind === "release"
        ? `Release ${money(voidable)}`
        : "Void"
      : kind === "capture" && captureAll
        ? `Capture ${money(capturable)}`
        : checked?.ok
          ? `${verb} ${money(checked.minor)}`
          : verb;

  return (
    <ConfirmDialog
      opened
      title={`${verb} ${tx.transaction_type?.toLowerCase() ?? "transaction"} ${tx.id ?? ""}`}
      confirmLabel={label}
      color={kind === "capture" ? undefined : "red"}
      pending={pending}
      error={null}
      onConfirm={confirm}
      onCancel={onCancel}
      testId="tx-move-dialog"
      confirmTestId="tx-confirm"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {kind === "void" && (
            <Text size="sm">
              {voidKind === "void_capture"
                ? `This payment has not settled yet: voiding cancels all of it (${money(voidable)}), so the card is not charged.`
                : voidKind === "release"
                  ? `Part of this authorisation has been captured. Releasing the rest frees the ${money(voidable)} still held on the customer's card; nothing more can be captured from it.`
                  : `Voiding releases the authorisation hold of ${money(voidable)}; nothing more can be captured from it.`}
            </Text>
          )}
          {kind === "capture" && (
            <SegmentedControl
              data-testid="tx-capture-mode"
              value={captureAll ? "full" : "partial"}
              onChange={(v) => form.setFieldValue("captureAll", v === "full")}
              disabled={!!locked || pending}
              data={[
                { value: "full", label: `Full remainder (${money(capturable)})` },
                { value: "partial", label: "Part of it" },
              ]}
            />
          )}
          {needsAmount && (
            <TextInput
              label={`Amount (${currency})`}
              description={`At most ${money(limit)}; in ${currency} with its decimals, e.g. ${minorToMajorString(limit, currency)}`}
              data-testid="tx-amount-input"
              inputMode="decimal"
              autoComplete="off"
              data-autofocus
              {...form.getInputProps("amount")}
              disabled={!!locked || pending}
              errorProps={{ "data-testid": "tx-amount-error" }}
            />
          )}
          {kind === "refund" && (
            <TextInput
              label="Reason"
              description="Kept with the refund at Verifone and in the audit trail"
              data-testid="tx-reason-input"
              maxLength={200}
              {...form.getInputProps("reason")}
              disabled={!!locked || pending}
            />
          )}
          {unconfirmed && <OutcomeUnknown unconfirmed={unconfirmed} />}
          {failure?.kind === "refused" && (
            <Alert data-testid="tx-action-error" role="alert" color="red" variant="light" icon={<IconAlertCircle />}>
              {failure.message}
            </Alert>
          )}
          {/* Enter in a field confirms, like the button. */}
          <button type="submit" hidden aria-hidden tabIndex={-1} />
        </Stack>
      </form>
    </ConfirmDialog>
  );
}
