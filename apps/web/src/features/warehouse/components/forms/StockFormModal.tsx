import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PostingKind } from '../../api';
import { AdjustForm } from './AdjustForm';
import { MoveOutForm } from './MoveOutForm';
import { ReceiveForm } from './ReceiveForm';

/** The form of one warehouse document in a modal; Escape or Cancel closes it without posting. */
export function StockFormModal({
  kind,
  productId,
  opened,
  onClose,
}: {
  kind: PostingKind;
  productId?: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t(`warehouse.forms.${kind}.title`)} size="xl">
      {kind === 'receive' ? (
        <ReceiveForm productId={productId} onDone={onClose} />
      ) : kind === 'adjust' ? (
        <AdjustForm productId={productId} onDone={onClose} />
      ) : (
        <MoveOutForm kind={kind} productId={productId} onDone={onClose} />
      )}
    </Modal>
  );
}
