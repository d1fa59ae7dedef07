import { Group, Text } from '@mantine/core';

/** The kapok boll: the fibre the factory stuffs its toys with. */
export function KapokMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="var(--mantine-color-kapok-7)" />
      <g fill="#fff">
        <circle cx="32" cy="36" r="13" />
        <circle cx="21" cy="24" r="8" />
        <circle cx="43" cy="24" r="8" />
        <circle cx="32" cy="20" r="9" />
      </g>
      <path d="M32 49v8" stroke="#fff" strokeWidth="3" strokeLinecap="round" opacity=".8" />
    </svg>
  );
}

export function KapokLogo({ size = 32, inverted = false }: { size?: number; inverted?: boolean }) {
  return (
    <Group gap={10} wrap="nowrap">
      <KapokMark size={size} />
      <Text
        fw={800}
        fz={size * 0.62}
        lh={1}
        c={inverted ? 'white' : undefined}
        style={{ letterSpacing: '-0.02em' }}
      >
        Kapok
      </Text>
    </Group>
  );
}
