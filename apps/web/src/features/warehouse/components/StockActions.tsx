import { Button, Group } from '@mantine/core';
import {
  IconArrowsExchange,
  IconClipboardCheck,
  IconPackageExport,
  IconPackageImport,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePermission } from '../../../lib/auth';
import type { PostingKind } from '../api';
import { StockFormModal } from './forms/StockFormModal';

const ACTIONS = [
  { kind: 'receive', icon: IconPackageImport, permission: 'warehouse.create' },
  { kind: 'issue', icon: IconPackageExport, permission: 'warehouse.create' },
  { kind: 'transfer', icon: IconArrowsExchange, permission: 'warehouse.create' },
  { kind: 'adjust', icon: IconClipboardCheck, permission: 'warehouse.update' },
] as const;

/** The warehouse documents the user may post, each opening its form (for `productId` when given). */
export function StockActions({ productId }: { productId?: string }) {
  const { t } = useTranslation();
  const canCreate = usePermission('warehouse.create');
  const canUpdate = usePermission('warehouse.update');
  const [kind, setKind] = useState<PostingKind>('receive');
  const [opened, setOpened] = useState(false);
  // A fresh form (and a fresh Idempotency-Key) every time one is opened.
  const [session, setSession] = useState(0);

  const allowed = ACTIONS.filter((a) => (a.permission === 'warehouse.create' ? canCreate : canUpdate));
  if (allowed.length === 0) return null;

  const open = (next: PostingKind) => {
    setKind(next);
    setSession((s) => s + 1);
    setOpened(true);
  };

  return (
    <>
      <Group gap="xs">
        {allowed.map(({ kind: k, icon: Icon }, i) => (
          <Button
            key={k}
            variant={i === 0 ? 'filled' : 'default'}
            leftSection={<Icon size={16} />}
            onClick={() => open(k)}
          >
            {t(`warehouse.forms.${k}.action`)}
          </Button>
        ))}
      </Group>
      <StockFormModal
        key={session}
        kind={kind}
        productId={productId}
        opened={opened}
        onClose={() => setOpened(false)}
      />
    </>
  );
}
