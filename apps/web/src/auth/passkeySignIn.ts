import { startAuthentication } from "@simplewebauthn/browser";
import { useMutation } from "@tanstack/react-query";
import { signInMeta, useTRPC } from "../trpc.ts";
import { useSignedIn } from "./session.ts";

// The API's types are inferred from the server library's; the browser library's say the same in its own words.
type RequestOptions = Parameters<typeof startAuthentication>[0]["optionsJSON"];
export const asAnswer = (response: { id: string; type: string }) => response as { id: string; type: "public-key" };

/** Password-less sign-in: a challenge from the API, the browser's passkey prompt, the signed answer back. */
export function usePasskeySignIn() {
  const trpc = useTRPC();
  const signedIn = useSignedIn();
  const options = useMutation(trpc.auth.passkey.options.mutationOptions({ meta: signInMeta }));
  const login = useMutation(trpc.auth.passkey.login.mutationOptions({ meta: signInMeta, onSuccess: signedIn }));
  return useMutation({
    meta: signInMeta,
    mutationFn: async () => {
      const optionsJSON = (await options.mutateAsync()) as RequestOptions;
      const response = await startAuthentication({ optionsJSON });
      return login.mutateAsync({ response: asAnswer(response) });
    },
  });
}

/** The second factor with a passkey, after the password. */
export function usePasskeyFactor() {
  const trpc = useTRPC();
  const signedIn = useSignedIn();
  const options = useMutation(trpc.auth.mfa.passkeyOptions.mutationOptions({ meta: signInMeta }));
  const verify = useMutation(trpc.auth.mfa.verify.mutationOptions({ meta: signInMeta, onSuccess: signedIn }));
  return useMutation({
    meta: signInMeta,
    mutationFn: async () => {
      const optionsJSON = (await options.mutateAsync()) as RequestOptions;
      const response = await startAuthentication({ optionsJSON });
      return verify.mutateAsync({ passkey: asAnswer(response) });
    },
  });
}
