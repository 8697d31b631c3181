import { Fragment } from "react";
import { zoneName } from "./formatTime.ts";
import { useTimeZone } from "./timeZoneContext.ts";
import classes from "./ZoneHeading.module.css";

/**
 * "Created (Europe/Berlin)" over a column or list of times: the zone they are shown in, smaller, free to wrap after each
 * "/" so a long name (America/Argentina/Buenos_Aires) does not widen the table.
 */
export function ZoneHeading({ label }: { label: string }) {
  const parts = zoneName(useTimeZone()).split("/");
  return (
    <span className={classes.heading}>
      {label}{" "}
      <span className={classes.zone}>
        (
        {parts.map((part, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one name, in order
          <Fragment key={i}>
            {i > 0 && (
              <>
                /<wbr />
              </>
            )}
            {part}
          </Fragment>
        ))}
        )
      </span>
    </span>
  );
}
