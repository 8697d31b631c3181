import { expect, it } from "vitest";
import * as preferences from "../src/preferences.ts";
import { describeEachDriver } from "./describeEachDriver.ts";
import { newUser } from "./fixtures.ts";

describeEachDriver("staff preferences", ({ db }) => {
  it("a member who never chose has no zone; a choice is kept per member and can be undone", async () => {
    const one = await newUser(db());
    const other = await newUser(db());
    expect(await preferences.find(db(), one.id)).toEqual({ timeZone: null });
    expect(await preferences.setTimeZone(db(), one.id, "Europe/Berlin")).toEqual({ timeZone: "Europe/Berlin" });
    expect(await preferences.setTimeZone(db(), one.id, "Pacific/Kiritimati")).toEqual({
      timeZone: "Pacific/Kiritimati",
    });
    expect(await preferences.find(db(), one.id)).toEqual({ timeZone: "Pacific/Kiritimati" });
    expect(await preferences.find(db(), other.id)).toEqual({ timeZone: null });
    expect(await preferences.setTimeZone(db(), one.id, null)).toEqual({ timeZone: null });
    expect(await preferences.find(db(), one.id)).toEqual({ timeZone: null });
  });

  it("refuses an empty or overlong zone at the database too", async () => {
    const user = await newUser(db());
    await expect(preferences.setTimeZone(db(), user.id, "")).rejects.toThrow();
    await expect(preferences.setTimeZone(db(), user.id, "x".repeat(65))).rejects.toThrow();
  });
});
