import { describe, expect, it } from "vitest";
import { claimValues, parseSsoRoleMap, ssoRoleOf } from "./ssoRoles.ts";

const mapOf = (text: string) => {
  const parsed = parseSsoRoleMap(text);
  if (!("map" in parsed)) throw new Error(JSON.stringify(parsed.problems));
  return parsed.map;
};

describe("parseSsoRoleMap", () => {
  it("reads group=role pairs, trimming spaces", () => {
    const map = mapOf(" backoffice-ops = operations , backoffice-admins=admin,");
    expect([...map]).toEqual([
      ["backoffice-ops", "operations"],
      ["backoffice-admins", "admin"],
    ]);
  });

  it("keeps an = inside a group name (the last one separates the role)", () => {
    expect([...mapOf("cn=ops=operations")]).toEqual([["cn=ops", "operations"]]);
  });

  it("names each bad entry and why", () => {
    expect(parseSsoRoleMap("ops=operator,=admin,lonely,a=admin,a=support")).toEqual({
      problems: [
        { entry: "ops=operator", message: "unknown role operator (one of operations, support, manager, admin)" },
        { entry: "=admin", message: "expected group=role" },
        { entry: "lonely", message: "expected group=role" },
        { entry: "a=support", message: "a is mapped to two roles" },
      ],
    });
    expect(parseSsoRoleMap(" , ")).toEqual({ problems: [{ entry: " , ", message: "no group=role entry" }] });
  });
});

describe("ssoRoleOf", () => {
  const map = mapOf("ops=operations,help=support,leads=manager,root=admin");

  it("maps a single group, as a list or a string", () => {
    expect(ssoRoleOf(["ops"], map)).toBe("operations");
    expect(ssoRoleOf("help", map)).toBe("support");
  });

  it("takes the most trusted role when several groups match: admin > manager > support > operations", () => {
    expect(ssoRoleOf(["ops", "help"], map)).toBe("support");
    expect(ssoRoleOf(["help", "leads", "ops"], map)).toBe("manager");
    expect(ssoRoleOf("ops root", map)).toBe("admin");
  });

  it("is null when no value is mapped, the claim is missing or not strings", () => {
    expect(ssoRoleOf(["everyone", "OPS"], map)).toBeNull();
    expect(ssoRoleOf(undefined, map)).toBeNull();
    expect(ssoRoleOf([1, { ops: true }], map)).toBeNull();
    expect(claimValues(42)).toEqual([]);
  });
});
