import { zodResolver } from '@hookform/resolvers/zod';
import { PARTNER_TYPES } from '@kapok/contracts';
import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { Controller, useForm, useWatch, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { NumberField } from '../../../components/NumberField';
import { useUnsavedChangesGuard } from '../../../components/UnsavedChangesGuard';
import { describeError, fieldErrors } from '../../../lib/errors';
import { useSavePartner, type Partner } from '../api';
import { PARTNER_FIELDS, partnerSchema, type PartnerOutput, type PartnerValues } from './partner-schema';

const valuesOf = (p?: Partner | null): PartnerValues => ({
  code: p?.code ?? '',
  name: p?.name ?? '',
  type: p?.type ?? 'CUSTOMER',
  address: p?.address ?? '',
  contact: p?.contact ?? '',
  email: p?.email ?? '',
  phone: p?.phone ?? '',
  transitDays: p?.transitDays ?? 0,
  leadTimeDays: p?.leadTimeDays ?? 14,
  subcontractAgreedDays: p?.subcontractAgreedDays ?? 14,
  active: p?.active ?? true,
});

interface Props {
  opened: boolean;
  onClose: () => void;
  partner?: Partner;
}

/** Creates a partner (then opens its page) or edits one; the code is fixed once created. */
export function PartnerFormModal(props: Props) {
  const { t } = useTranslation();
  const { opened, onClose, partner } = props;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={partner ? t('partners.editTitle', { code: partner.code }) : t('partners.new')}
      size="lg"
    >
      {/* Mounted per opening: a live refresh of the partner never resets what is being typed. */}
      {opened && <PartnerForm {...props} />}
    </Modal>
  );
}

function PartnerForm({ opened, onClose, partner }: Props) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSavePartner();
  const {
    register,
    control,
    handleSubmit,
    reset,
    setError,
    formState: { errors, isDirty },
  } = useForm<PartnerValues, unknown, PartnerOutput>({
    resolver: zodResolver(partnerSchema),
    defaultValues: valuesOf(partner),
  });
  const guard = useUnsavedChangesGuard(opened && isDirty);
  const type = useWatch({ control, name: 'type' });

  const close = () => {
    save.reset();
    onClose();
  };
  const message = (key?: string) => (key ? t(key) : undefined);

  const send = (v: PartnerOutput) => {
    const optional = (s: string) => (s ? s : undefined);
    save.mutate(
      {
        id: partner?.id,
        body: {
          code: v.code,
          name: v.name,
          type: v.type,
          address: optional(v.address),
          contact: optional(v.contact),
          email: optional(v.email),
          phone: optional(v.phone),
          transitDays: v.transitDays,
          leadTimeDays: v.leadTimeDays,
          subcontractAgreedDays: v.subcontractAgreedDays,
          active: v.active,
          version: partner?.version,
        },
      },
      {
        onSuccess: (saved) => {
          notifications.show({ color: 'green', message: t('partners.saved', { code: saved.code }) });
          reset(valuesOf(saved));
          guard.release();
          close();
          if (!partner) void navigate(`/partners/${saved.id}`);
        },
        onError: (error) => {
          for (const [field, text] of Object.entries(fieldErrors(error)))
            if ((PARTNER_FIELDS as string[]).includes(field))
              setError(field as Path<PartnerValues>, { type: 'server', message: text });
        },
      },
    );
  };

  return (
    <form onSubmit={(e) => void handleSubmit(send)(e)} noValidate>
      {guard.dialog}
      <Stack gap="sm">
        {save.error && Object.keys(fieldErrors(save.error)).length === 0 && (
          <Alert color="red" variant="light" icon={<IconAlertCircle />} role="alert">
            {describeError(save.error, t, 'partners').message}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('partners.fields.code')}
            withAsterisk
            disabled={!!partner}
            error={message(errors.code?.message)}
            {...register('code')}
          />
          <Controller
            control={control}
            name="type"
            render={({ field }) => (
              <Select
                label={t('partners.fields.type')}
                withAsterisk
                allowDeselect={false}
                data={PARTNER_TYPES.map((p) => ({ value: p, label: t(`partners.type.${p}`) }))}
                value={field.value}
                onChange={(v) => v && field.onChange(v)}
                error={message(errors.type?.message)}
              />
            )}
          />
        </SimpleGrid>
        <TextInput
          label={t('partners.fields.name')}
          withAsterisk
          error={message(errors.name?.message)}
          {...register('name')}
        />
        <Textarea
          label={t('partners.fields.address')}
          rows={2}
          error={message(errors.address?.message)}
          {...register('address')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('partners.fields.contact')}
            error={message(errors.contact?.message)}
            {...register('contact')}
          />
          <TextInput
            label={t('partners.fields.email')}
            type="email"
            error={message(errors.email?.message)}
            {...register('email')}
          />
          <TextInput
            label={t('partners.fields.phone')}
            error={message(errors.phone?.message)}
            {...register('phone')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={control}
            name={
              type === 'CUSTOMER'
                ? 'transitDays'
                : type === 'SUBCONTRACTOR'
                  ? 'subcontractAgreedDays'
                  : 'leadTimeDays'
            }
            render={({ field }) => (
              <NumberField
                key={field.name}
                label={t(`partners.fields.${field.name}`)}
                description={t(`partners.hints.${field.name}`)}
                whole
                min={0}
                max={365}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={message(errors[field.name]?.message)}
              />
            )}
          />
          <Controller
            control={control}
            name="active"
            render={({ field }) => (
              <Switch
                mt="xl"
                label={t('partners.fields.active')}
                checked={field.value}
                onChange={(e) => field.onChange(e.currentTarget.checked)}
              />
            )}
          />
        </SimpleGrid>
      </Stack>
      <Group justify="flex-end" mt="lg">
        <Button variant="default" onClick={close}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Group>
    </form>
  );
}
