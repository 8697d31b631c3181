import type { Role } from "@vbo/domain";
import { Navigate } from "react-router";
import { useCurrentUser } from "../auth/currentUser.ts";

/** Where each role starts: managers review liability on Analytics, everyone else starts on Authentications. */
export function landingPathFor(role: Role): string {
  return role === "manager" ? "/analytics" : "/authentications";
}

/** The index route ("/", also where sign-in goes without a `next`): off to the role's landing page. */
export function LandingRedirect() {
  const { role } = useCurrentUser();
  return <Navigate to={landingPathFor(role)} replace />;
}
