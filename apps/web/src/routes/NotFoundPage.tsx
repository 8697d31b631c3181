import { Button, Stack, Text, Title } from "@mantine/core";
import { Link, useLocation } from "react-router";

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <Stack align="flex-start" gap="sm">
      <Title order={2}>Page not found</Title>
      <Text>
        There is no page at <code>{pathname}</code>.
      </Text>
      <Button component={Link} to="/authentications">
        Go to authentications
      </Button>
    </Stack>
  );
}
