import { Button, FileInput, Group, Modal, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { unwrap } from '@kapok/api-client';
import { FIBRE_ORIGINS, PRODUCT_IMAGE_MAX_BYTES } from '@kapok/contracts';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { api, session } from '../../../lib/session';
import type { Product } from '../api';
import { warehouseKeys } from '../api/keys';

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

/** Edits an article's passport fields (HS code, age grade, warnings, legislation, standards, fibre) and image. */
export function PassportFieldsModal({ product, onClose }: { product: Product; onClose: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState({
    hsCode: product.hsCode ?? '',
    ageGrade: product.ageGrade ?? '',
    warnings: product.warnings.join('\n'),
    legislation: product.legislation.join('\n'),
    standards: product.harmonisedStandards.join('\n'),
    fibre: product.fibre ?? '',
    fibreOrigin: product.fibreOrigin ?? null,
  });
  const [image, setImage] = useState<File | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      const saved = unwrap(
        await api.PUT('/api/v1/warehouse/products/{id}', {
          params: { path: { id: product.id } },
          body: {
            code: product.code,
            name: product.name,
            type: product.type,
            uom: product.uom,
            unitConversions: product.unitConversions,
            productionLeadDays: product.productionLeadDays,
            active: product.active,
            version: product.version,
            hsCode: form.hsCode.trim() || null,
            ageGrade: form.ageGrade.trim() || null,
            warnings: lines(form.warnings),
            legislation: lines(form.legislation),
            harmonisedStandards: lines(form.standards),
            fibre: form.fibre.trim() || null,
            fibreOrigin: form.fibreOrigin,
          },
        }),
      );
      if (image) {
        const res = await fetch(`/api/v1/warehouse/products/${product.id}/image`, {
          method: 'PUT',
          headers: {
            'content-type': image.type,
            authorization: `Bearer ${(await session.freshToken()) ?? ''}`,
          },
          body: image,
        });
        if (!res.ok) unwrap({ error: await res.json(), response: res });
      }
      return saved;
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: warehouseKeys.product(product.id) });
      notifications.show({ color: 'green', message: t('productPassport.saved') });
      onClose();
    },
  });
  const set = (field: keyof typeof form) => (e: { currentTarget: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: e.currentTarget.value }));
  const tooBig = image !== null && image.size > PRODUCT_IMAGE_MAX_BYTES;
  return (
    <Modal opened onClose={onClose} title={t('productPassport.title')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack gap="sm">
          <Group grow>
            <TextInput
              label={t('productPassport.hsCode')}
              placeholder="9503.00"
              value={form.hsCode}
              onChange={set('hsCode')}
            />
            <TextInput
              label={t('productPassport.ageGrade')}
              placeholder="3+"
              value={form.ageGrade}
              onChange={set('ageGrade')}
            />
          </Group>
          <Textarea
            label={t('productPassport.warnings')}
            autosize
            minRows={2}
            value={form.warnings}
            onChange={set('warnings')}
          />
          <Textarea
            label={t('productPassport.legislation')}
            description={t('productPassport.legislationHint')}
            autosize
            minRows={2}
            value={form.legislation}
            onChange={set('legislation')}
          />
          <Textarea
            label={t('productPassport.standards')}
            autosize
            minRows={2}
            value={form.standards}
            onChange={set('standards')}
          />
          <Group grow>
            <TextInput
              label={t('productPassport.fibre')}
              placeholder="Polyester"
              value={form.fibre}
              onChange={set('fibre')}
            />
            <Select
              label={t('productPassport.fibreOrigin')}
              clearable
              value={form.fibreOrigin}
              onChange={(v) =>
                setForm((f) => ({ ...f, fibreOrigin: v as (typeof FIBRE_ORIGINS)[number] | null }))
              }
              data={FIBRE_ORIGINS.map((o) => ({ value: o, label: t(`productPassport.${o}`) }))}
            />
          </Group>
          <FileInput
            label={t('productPassport.image')}
            accept="image/png,image/jpeg,image/webp"
            value={image}
            onChange={setImage}
            clearable
            error={tooBig ? t('errors.codes.IMAGE_TOO_LARGE') : undefined}
          />
          {save.isError && <ErrorState error={save.error} />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={tooBig}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
