import { Anchor, Badge, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { IconArrowDownRight, IconArrowUpRight } from "@tabler/icons-react";
import { formatMoney } from "@vbo/domain";
import type { ReactNode } from "react";
import { type Change, countChange, formatCount, formatRate, rateChange } from "./figures.ts";
import type { Group, MoneyGroup, Rates } from "./types.ts";

type Props = {
  total: Group | undefined;
  previous: Group | undefined;
  money: MoneyGroup[] | undefined;
  previousMoney: MoneyGroup[] | undefined;
  compare: boolean;
  /** False while the back-fill has not reached the period's start: every figure is marked partial. */
  complete: boolean;
  /** False while the back-fill has not reached the previous period's start: no change is shown against it. */
  previousComplete: boolean;
};

function ChangeText({ change, label }: { change: Change; label: string }) {
  if (change.direction === "none") {
    return (
      <Text size="xs" c="dimmed">
        {label}: —
      </Text>
    );
  }
  const Icon = change.direction === "down" ? IconArrowDownRight : IconArrowUpRight;
  return (
    <Text size="xs" c="dimmed" style={{ display: "inline-flex", alignItems: "center", gap: 2 }}>
      {change.direction !== "flat" && <Icon size={14} aria-hidden />}
      {label}: {change.text}
    </Text>
  );
}

function Figure(props: { label: string; value: ReactNode; detail?: ReactNode; change?: ReactNode; complete: boolean }) {
  return (
    <Paper withBorder p="sm" radius="md" data-testid="headline-figure" role="group" aria-label={props.label}>
      <Stack gap={2}>
        <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
          {props.label}
        </Text>
        <Text size="xl" fw={700} component="div" data-testid="figure-value">
          {props.value}
        </Text>
        {props.detail}
        {props.change}
        {!props.complete && (
          <Badge
            color="yellow"
            variant="light"
            size="sm"
            w="fit-content"
            style={{ textTransform: "none", color: "var(--mantine-color-text)" }}
          >
            partial — history still loading
          </Badge>
        )}
      </Stack>
    </Paper>
  );
}

const moneyShown = 3;

const rateFigures: { key: keyof Rates; label: string }[] = [
  { key: "frictionlessRate", label: "Frictionless rate" },
  { key: "challengeRate", label: "Challenge rate" },
  { key: "challengeSuccess", label: "Challenge success" },
  { key: "abandonment", label: "Abandonment" },
];

/** The period's headline figures, each with its change against the previous period when comparing. */
export function HeadlineFigures(props: Props) {
  const { total, previous, money, previousMoney, compare, complete, previousComplete } = props;
  const vs = "vs previous period";
  const showChange = compare && previousComplete && previous !== undefined;
  const placeholder = "…";
  // The currencies with the most payments; the others are in the Payments by currency table.
  const shownMoney = [...(money ?? [])].sort((a, b) => b.payments - a.payments).slice(0, moneyShown);
  const hiddenCurrencies = (money?.length ?? 0) - shownMoney.length;
  return (
    <Stack gap={4}>
      {compare && !previousComplete && (
        <Text size="sm" data-testid="previous-incomplete">
          No change against the previous period yet: its history is still being loaded.
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" data-testid="headline-figures">
        <Figure
          label="Authentications"
          complete={complete}
          value={total ? formatCount(total.authentications) : placeholder}
          change={
            showChange &&
            total && <ChangeText label={vs} change={countChange(total.authentications, previous.authentications)} />
          }
        />
        <Figure
          label="Shifted to the issuer"
          complete={complete}
          value={total ? formatRate(total.rates.issuerShare) : placeholder}
          detail={
            total && (
              <Text size="sm">
                {formatCount(total.issuer)} of {formatCount(total.authentications)} authentications
              </Text>
            )
          }
          change={
            showChange &&
            total && <ChangeText label={vs} change={rateChange(total.rates.issuerShare, previous.rates.issuerShare)} />
          }
        />
        <Figure
          label="Value left with the merchant"
          complete={complete}
          value={
            money === undefined ? (
              placeholder
            ) : money.length === 0 ? (
              "—"
            ) : (
              <Stack gap={0}>
                {shownMoney.map((m) => (
                  <span key={m.currency_code} data-testid="merchant-value">
                    {formatMoney(m.merchantAmount, m.currency_code)}
                  </span>
                ))}
              </Stack>
            )
          }
          detail={
            <Text size="xs" c="dimmed">
              Payments without a liability shift, per currency (never added across currencies)
              {hiddenCurrencies > 0 && (
                <>
                  {"; "}
                  <Anchor href="#payments-heading" size="xs" underline="always">
                    {hiddenCurrencies} more {hiddenCurrencies === 1 ? "currency" : "currencies"} under Payments by
                    currency
                  </Anchor>
                </>
              )}
            </Text>
          }
          change={
            compare &&
            previousComplete &&
            previousMoney &&
            shownMoney.map((m) => {
              const before = previousMoney?.find((p) => p.currency_code === m.currency_code);
              return (
                <ChangeText
                  key={m.currency_code}
                  label={`${m.currency_code} ${vs}`}
                  change={countChange(m.merchantAmount, before?.merchantAmount)}
                />
              );
            })
          }
        />
        {rateFigures.map(({ key, label }) => (
          <Figure
            key={key}
            label={label}
            complete={complete}
            value={total ? formatRate(total.rates[key]) : placeholder}
            change={
              showChange &&
              total && <ChangeText label={vs} change={rateChange(total.rates[key], previous.rates[key])} />
            }
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
