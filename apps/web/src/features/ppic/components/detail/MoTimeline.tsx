import { Text, ThemeIcon, Timeline } from '@mantine/core';
import {
  IconBan,
  IconCheck,
  IconFilePlus,
  IconPlayerPlay,
  IconPoint,
  IconSquareCheck,
  type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../../lib/time';
import type { TimelineEntry } from '../../api';

const EVENTS: Record<string, { icon: Icon; color: string }> = {
  created: { icon: IconFilePlus, color: 'gray' },
  approved: { icon: IconCheck, color: 'blue' },
  started: { icon: IconPlayerPlay, color: 'orange' },
  completed: { icon: IconSquareCheck, color: 'green' },
  cancelled: { icon: IconBan, color: 'red' },
};

/** Who moved the order and when (WIB), with the notes they left. */
export function MoTimeline({ entries }: { entries: readonly TimelineEntry[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Timeline
      active={entries.length - 1}
      bulletSize={26}
      lineWidth={2}
      aria-label={t('ppic.detail.timeline')}
    >
      {entries.map((entry, i) => {
        const { icon: EventIcon, color } = EVENTS[entry.event] ?? { icon: IconPoint, color: 'gray' };
        return (
          <Timeline.Item
            key={`${entry.event}-${i}`}
            color={color}
            bullet={
              <ThemeIcon size={26} radius="xl" color={color} variant="filled">
                <EventIcon size={14} />
              </ThemeIcon>
            }
            title={t(`ppic.timeline.${entry.event}`, { defaultValue: entry.event })}
          >
            <Text size="sm">
              {entry.actor ? (
                <>
                  {entry.actor.fullName}{' '}
                  <Text span size="xs" c="dimmed">
                    @{entry.actor.username}
                  </Text>
                </>
              ) : (
                <Text span size="sm" c="dimmed">
                  {t('ppic.timeline.system')}
                </Text>
              )}
            </Text>
            <Text size="xs" c="dimmed">
              {formatDateTime(entry.at, i18n.language)}
            </Text>
            {entry.notes && (
              <Text size="sm" mt={4} fs="italic">
                “{entry.notes}”
              </Text>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
