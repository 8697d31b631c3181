import { z } from "zod";
import { minPasswordLength, roles } from "../permissions.ts";

// users.create and account.changePassword, as the API takes them and the forms check them.

export const passwordSchema = z
  .string()
  .min(minPasswordLength, `password must be at least ${minPasswordLength} characters`)
  .max(200);

export const createUserInput = z.object({
  email: z.email().trim().toLowerCase().max(254),
  name: z.string().trim().min(1, "name is required").max(100),
  role: z.enum(roles),
  password: passwordSchema,
});

export const changePasswordInput = z
  .object({
    current: z.string().min(1, "current password is required").max(200),
    next: z.string().min(minPasswordLength, `next must be at least ${minPasswordLength} characters`).max(200),
  })
  .refine((v) => v.current !== v.next, { path: ["next"], message: "next must differ from the current password" });
