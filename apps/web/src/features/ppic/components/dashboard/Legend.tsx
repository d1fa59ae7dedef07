import { Group, Text } from '@mantine/core';

/** Names the colours of a chart's bars. */
export function Legend({ items }: { items: readonly { label: string; color: string }[] }) {
  return (
    <Group gap="md" mb={6}>
      {items.map((item) => (
        <Group gap={4} key={item.label}>
          <span
            aria-hidden
            style={{
              width: 10,
              height: 10,
              borderRadius: 2,
              background: `var(--mantine-color-${item.color})`,
            }}
          />
          <Text size="xs" c="dimmed">
            {item.label}
          </Text>
        </Group>
      ))}
    </Group>
  );
}
