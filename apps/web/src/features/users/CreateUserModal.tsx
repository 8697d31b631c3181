import { Alert, Button, Group, Modal, NativeSelect, PasswordInput, Stack, TextInput } from "@mantine/core";
import { schemaResolver, useForm } from "@mantine/form";
import { IconAlertCircle } from "@tabler/icons-react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { minPasswordLength, type Role, roleLabels, roles } from "@vbo/domain";
import { createUserInput } from "@vbo/domain/inputs";
import { generalError, serverFormErrors } from "../../api/formErrors.ts";
import { useTRPC } from "../../trpc.ts";

const roleOptions = roles.map((role) => ({ value: role, label: roleLabels[role] }));
const createUserFields = ["email", "name", "role", "password"];
const blank = { email: "", name: "", role: "operations" as Role, password: "" };

type Props = { opened: boolean; onClose: () => void; onCreated: (email: string) => void };

/**
 * A new staff user, checked with users.create's own schema before sending; the server's problems are shown next to
 * the fields (a taken email on the email field), the input is kept. A field's error goes once that field is edited.
 */
export function CreateUserModal({ opened, onClose, onCreated }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm({ initialValues: blank, validate: schemaResolver(createUserInput, { sync: true }) });
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onError: (error) => form.setErrors(serverFormErrors(error, { fields: createUserFields, conflictField: "email" })),
      onSuccess: async (user) => {
        await queryClient.invalidateQueries({ queryKey: trpc.users.list.queryKey() });
        form.reset();
        onCreated(user.email);
      },
    }),
  );
  const submit = form.onSubmit((values) => {
    if (!create.isPending) create.mutate(values);
  });
  const close = () => {
    if (create.isPending) return;
    form.clearErrors();
    onClose();
  };
  const { password } = form.getValues();
  const tooShort = password.length > 0 && password.length < minPasswordLength;
  const general = generalError(form);

  return (
    <Modal opened={opened} onClose={close} title="Create a staff user" centered>
      <form onSubmit={submit} noValidate data-testid="create-user-form">
        <Stack gap="sm">
          {general && (
            <Alert role="alert" color="red" variant="light" icon={<IconAlertCircle />}>
              {general}
            </Alert>
          )}
          <TextInput
            label="Email"
            name="email"
            type="email"
            autoComplete="off"
            required
            data-autofocus
            {...form.getInputProps("email")}
          />
          <TextInput label="Name" name="name" required {...form.getInputProps("name")} />
          <NativeSelect label="Role" name="role" data={roleOptions} {...form.getInputProps("role")} />
          <PasswordInput
            label="Initial password"
            name="password"
            autoComplete="new-password"
            required
            description={`At least ${minPasswordLength} characters${tooShort ? ` (${password.length} so far)` : ""}`}
            {...form.getInputProps("password")}
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
