import { AppShell, Burger, Center, Group, Loader, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { Suspense } from "react";
import { Outlet } from "react-router";
import { UserMenu } from "../auth/UserMenu.tsx";
import { ThemeToggle } from "../components/ThemeToggle.tsx";
import { ReferenceSearch } from "../features/search/ReferenceSearch.tsx";
import { AppNavbar } from "./AppNavbar.tsx";
import { useFocusHeadingOnNavigate } from "./focusHeading.ts";
import classes from "./SkipLink.module.css";

export function AppLayout() {
  const [opened, { toggle, close }] = useDisclosure();
  useFocusHeadingOnNavigate();
  return (
    <>
      <a href="#main-content" className={classes.skipLink}>
        Skip to the page's content
      </a>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 220, breakpoint: "sm", collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group gap="sm" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
              <Title order={1} size="h4">
                Verifone Back Office
              </Title>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <ReferenceSearch />
              <ThemeToggle />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs">
          <AppNavbar onNavigate={close} />
        </AppShell.Navbar>
        <AppShell.Main id="main-content" tabIndex={-1}>
          {/* Lazily loaded pages (users, audit) show a loader while their code arrives. */}
          <Suspense
            fallback={
              <Center py="xl">
                <Loader aria-label="Loading the page" />
              </Center>
            }
          >
            <Outlet />
          </Suspense>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
