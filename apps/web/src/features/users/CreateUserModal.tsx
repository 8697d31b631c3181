import { Alert, Button, Group, Modal, NativeSelect, PasswordInput, Stack, TextInput } from "@mantine/core";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { minPasswordLength, type Role, roleLabels, roles } from "@vbo/domain";
import { type FormEvent, useState } from "react";
import { useTRPC } from "../../trpc.ts";
import { createUserErrors, type FormErrors } from "./createUserErrors.ts";

// The API's rule (apps/api/src/auth/password.ts); the server checks it and its message lands on the field.

const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));
const blank = { email: "", name: "", role: "operations" as Role, password: "" };
const noErrors: FormErrors = { fields: {}, general: null };

type Props = { opened: boolean; onClose: () => void; onCreated: (email: string) => void };

/** A new staff user: the server validates; its problems are shown next to the fields, the input is kept. */
export function CreateUserModal({ opened, onClose, onCreated }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(blank);
  // The server's verdict on the last attempt; a field's error goes away as soon as that field is edited.
  const [errors, setErrors] = useState(noErrors);
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onMutate: () => setErrors(noErrors),
      onError: (error) => setErrors(createUserErrors(error)),
      onSuccess: async (user) => {
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
        setValues(blank);
        onCreated(user.email);
      },
    }),
  );
  const set = (field: keyof typeof blank) => (value: string) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((e) => ({ ...e, fields: { ...e.fields, [field]: undefined } }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!create.isPending) create.mutate(values);
  };
  const close = () => {
    if (create.isPending) return;
    setErrors(noErrors);
    onClose();
  };
  const tooShort = values.password.length > 0 && values.password.length < minPasswordLength;

  return (
    <Modal opened={opened} onClose={close} title="Create a staff user" centered>
      <form onSubmit={submit} noValidate data-testid="create-user-form">
        <Stack gap="sm">
          {errors.general && (
            <Alert role="alert" color="red" variant="light" icon={<IconAlertCircle />}>
              {errors.general}
            </Alert>
          )}
          <TextInput
            label="Email"
            name="email"
            type="email"
            autoComplete="off"
            required
            data-autofocus
            value={values.email}
            error={errors.fields.email}
            onChange={(e) => set("email")(e.currentTarget.value)}
          />
          <TextInput
            label="Name"
            name="name"
            required
            value={values.name}
            error={errors.fields.name}
            onChange={(e) => set("name")(e.currentTarget.value)}
          />
          <NativeSelect
            label="Role"
            name="role"
            data={roleOptions}
            value={values.role}
            error={errors.fields.role}
            onChange={(e) => set("role")(e.currentTarget.value)}
          />
          <PasswordInput
            label="Initial password"
            name="password"
            autoComplete="new-password"
            required
            description={`At least ${minPasswordLength} characters${tooShort ? ` (${values.password.length} so far)` : ""}`}
            value={values.password}
            error={errors.fields.password}
            onChange={(e) => set("password")(e.currentTarget.value)}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close} disabled={create.isPending}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} data-testid="create-user-submit">
              Create user
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
