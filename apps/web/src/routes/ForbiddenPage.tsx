import { Alert, Button, Stack, Text, Title } from "@mantine/core";
import { IconLock } from "@tabler/icons-react";
import { roleLabels } from "@vbo/domain";
import { Link } from "react-router";
import { useCurrentUser } from "../auth/currentUser.ts";
import type { Section } from "./sections.ts";

/** Shown instead of a section the signed-in role may not open (the server would refuse its data anyway). */
export function ForbiddenPage({ section }: { section: Section }) {
  const { role } = useCurrentUser();
  return (
    <Stack align="flex-start" gap="md" maw={640} data-testid="forbidden-page">
      <Title order={2}>{section.label}</Title>
      <Alert
        color="orange"
        variant="light"
        icon={<IconLock />}
        title={`Your role (${roleLabels[role]}) cannot open ${section.what}`}
      >
        <Text size="sm">
          Opening {section.label} needs the permission <code>{section.permission}</code>. If your work needs it, ask an
          admin to change your role.
        </Text>
      </Alert>
      <Button component={Link} to="/authentications" variant="default">
        Go to authentications
      </Button>
    </Stack>
  );
}
