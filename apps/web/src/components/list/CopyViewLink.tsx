import { Button, CopyButton } from "@mantine/core";
import { IconCheck, IconLink } from "@tabler/icons-react";

/** Copies the page's address: the list's filters, sort and page are all in it, so the link opens the same view. */
export function CopyViewLink() {
  return (
    <CopyButton value={window.location.href}>
      {({ copied, copy }) => (
        <Button
          variant="subtle"
          size="xs"
          onClick={copy}
          leftSection={copied ? <IconCheck size={14} /> : <IconLink size={14} />}
        >
          {copied ? "Link copied" : "Copy link to this view"}
        </Button>
      )}
    </CopyButton>
  );
}
