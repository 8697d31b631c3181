import { Button } from "@mantine/core";
import { IconDownload } from "@tabler/icons-react";

/** Saves `csv()` as a file, built in the browser from the answer on screen. */
export function CsvDownloadButton({ filename, csv, label }: { filename: string; csv: () => string; label: string }) {
  const download = () => {
    const url = URL.createObjectURL(new Blob([csv()], { type: "text/csv;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = filename;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <Button
      variant="subtle"
      size="xs"
      leftSection={<IconDownload size={14} aria-hidden />}
      onClick={download}
      aria-label={label}
      data-testid="breakdown-csv"
    >
      CSV
    </Button>
  );
}
