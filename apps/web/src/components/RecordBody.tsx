import { EmptyState } from "@mantine/core";
import { IconSearchOff } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { errorInfo } from "../api/errorInfo.ts";
import { LoadErrorAlert } from "./LoadErrorAlert.tsx";

type Props<T> = {
  /** The query of the one record. */
  query: { data: T | undefined; isError: boolean; error: unknown; isFetching: boolean; refetch: () => unknown };
  /** Shown when the API says there is no such record (a `RecordNotFound`). */
  notFound: ReactNode;
  errorTitle: string;
  /** Shown until the record arrives. */
  loading: ReactNode;
  children: (record: T) => ReactNode;
};

/**
 * What a page or drawer of one record shows: no such record, what failed (with Retry), the record, or a placeholder.
 */
export function RecordBody<T>({ query, notFound, errorTitle, loading, children }: Props<T>) {
  if (query.isError && errorInfo(query.error).code === "NOT_FOUND") return notFound;
  if (query.isError) {
    return (
      <LoadErrorAlert
        title={errorTitle}
        error={query.error}
        onRetry={() => void query.refetch()}
        retrying={query.isFetching}
      />
    );
  }
  return query.data ? children(query.data) : loading;
}

/** Verifone has no record with the id of the link: say so, with a way back (`children`). */
export function RecordNotFound({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  return (
    <EmptyState
      data-testid="detail-not-found"
      icon={<IconSearchOff size={32} />}
      withIndicatorBackground
      title={title}
      description={description}
    >
      {children}
    </EmptyState>
  );
}
