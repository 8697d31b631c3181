// @vitest-environment jsdom
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Outlet } from "react-router";
import { describe, expect, it } from "vitest";
import { type Call, renderApp, trpcError, trpcResult } from "../../test/renderApp.tsx";
import { browserTimeZone, formatDateTime } from "../../time/formatTime.ts";
import { Time } from "../../time/Time.tsx";
import { TimeZoneProvider } from "../../time/TimeZoneProvider.tsx";
import { TimeZoneSetting } from "./TimeZoneSetting.tsx";

const instant = "2026-11-14T10:00:00.000Z";

/** The setting and one time elsewhere on the page, under the provider, against an API that keeps the zone. */
function open(stored: string | null) {
  let timeZone = stored;
  const calls: Call[] = [];
  renderApp({
    path: "/account",
    user: { id: "u", email: "ops@demo.test", name: "Ola", role: "operations" },
    server: (call) => {
      calls.push(call);
      if (call.path === "account.preferences") return trpcResult({ timeZone });
      if (call.path === "account.setTimeZone") {
        const wanted = (call.input as { timeZone: string | null }).timeZone;
        if (wanted === "Europe/Atlantis") {
          return trpcError("BAD_REQUEST", 400, "timeZone must be an IANA time zone such as Europe/Berlin or UTC");
        }
        timeZone = wanted;
        return trpcResult({ timeZone });
      }
      return trpcError("NOT_FOUND", 404, `no ${call.path}`);
    },
    routes: [
      {
        element: (
          <TimeZoneProvider>
            <Outlet />
          </TimeZoneProvider>
        ),
        children: [
          {
            path: "/account",
            element: (
              <>
                <TimeZoneSetting />
                <span data-testid="a-time">
                  <Time value={instant} />
                </span>
              </>
            ),
          },
        ],
      },
    ],
  });
  const saved = () => calls.filter((c) => c.path === "account.setTimeZone").map((c) => c.input);
  return { saved };
}

const shownTime = () => screen.getByTestId("a-time").textContent;
const select = () => {
  const field = screen.getByTestId("time-zone-select");
  return (field instanceof HTMLInputElement ? field : field.querySelector("input")) as HTMLInputElement;
};

describe("the time-zone setting", () => {
  it("shows every time in the zone kept with the account, and says which", async () => {
    open("Pacific/Kiritimati");
    // The select shows its value one render after the times do (Mantine syncs its search text in an effect).
    await waitFor(() => {
      expect(shownTime()).toBe("15 Nov 2026, 00:00 UTC+14:00");
      expect(select().value).toBe("Pacific/Kiritimati (UTC+14:00)");
    });
    expect(screen.getByTestId("a-time").querySelector("time")?.getAttribute("dateTime")).toBe(instant);
    expect(screen.getByTestId("time-zone-example").textContent).toContain("(Pacific/Kiritimati)");
  });

  it("a zone found by searching is saved with the account and applies at once", async () => {
    const user = userEvent.setup();
    const { saved } = open(null);
    await waitFor(() => expect(select().value).toBe(`Browser default (${browserTimeZone()})`));
    await user.click(select());
    await user.clear(select());
    await user.type(select(), "Kiritimati");
    await user.click(await screen.findByRole("option", { name: "Pacific/Kiritimati (UTC+14:00)", hidden: true }));
    await waitFor(() => expect(saved()).toEqual([{ timeZone: "Pacific/Kiritimati" }]));
    await waitFor(() => expect(shownTime()).toBe("15 Nov 2026, 00:00 UTC+14:00"));
  });

  it("UTC and the browser's zone are choices of their own; the browser's is sent as no choice (null)", async () => {
    const user = userEvent.setup();
    const { saved } = open("Asia/Tokyo");
    await waitFor(() => expect(shownTime()).toBe("14 Nov 2026, 19:00 UTC+09:00"));
    await user.click(select());
    await user.clear(select());
    await user.type(select(), "UTC");
    await user.click(await screen.findByRole("option", { name: "UTC", hidden: true }));
    await waitFor(() => expect(shownTime()).toBe("14 Nov 2026, 10:00 UTC"));
    await user.click(select());
    await user.clear(select());
    await user.type(select(), "Browser default");
    await user.click(await screen.findByRole("option", { name: /^Browser default/, hidden: true }));
    await waitFor(() => expect(saved()).toEqual([{ timeZone: "UTC" }, { timeZone: null }]));
    await waitFor(() => expect(shownTime()).toBe(formatDateTime(instant, browserTimeZone())));
  });

  it("without the setting (it cannot be loaded), times are in the browser's zone", async () => {
    renderApp({
      path: "/",
      server: () => trpcError("INTERNAL_SERVER_ERROR", 500, "down"),
      routes: [
        {
          path: "/",
          element: (
            <TimeZoneProvider>
              <span data-testid="a-time">
                <Time value={instant} seconds />
              </span>
            </TimeZoneProvider>
          ),
        },
      ],
    });
    expect(shownTime()).toBe(formatDateTime(instant, browserTimeZone(), { seconds: true }));
  });
});
