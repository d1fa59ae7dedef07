import { Alert, Button, Group, Paper, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Can } from '../../../components/Can';
import { ErrorState } from '../../../components/ErrorState';
import { PageLoader } from '../../../components/LoadingState';
import { PageHeader } from '../../../components/PageHeader';
import { usePermission } from '../../../lib/auth';
import { type Company, type CompanyBody, companyQueries, useSaveCompany } from '../api/company';

/** Admin → Company: the manufacturer and operator every product passport names. */
export function CompanyPage() {
  const { t } = useTranslation();
  const query = useQuery(companyQueries.detail());
  return (
    <>
      <PageHeader title={t('company.title')} description={t('company.description')} />
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <CompanyForm key={query.data.version} company={query.data} />
      )}
    </>
  );
}

function CompanyForm({ company }: { company: Company }) {
  const { t } = useTranslation();
  const canEdit = usePermission('admin.update');
  const save = useSaveCompany();
  const [form, setForm] = useState({
    legalName: company.legalName ?? '',
    address: company.address ?? '',
    operatorId: company.operatorId ?? '',
    contactEmail: company.contactEmail ?? '',
    contactPhone: company.contactPhone ?? '',
    website: company.website ?? '',
  });
  const set = (field: keyof typeof form) => (e: { currentTarget: { value: string } }) =>
    setForm((f) => ({ ...f, [field]: e.currentTarget.value }));
  const submit = () => {
    const body: CompanyBody = {
      legalName: form.legalName,
      address: form.address,
      operatorId: form.operatorId,
      contactEmail: form.contactEmail,
      contactPhone: form.contactPhone || null,
      website: form.website || null,
      version: company.version,
    };
    save.mutate(body, {
      onSuccess: () => notifications.show({ color: 'green', message: t('company.saved') }),
    });
  };
  return (
    <Paper withBorder p="lg" radius="md" maw={720}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          {company.version === 0 && <Alert color="yellow">{t('company.notSet')}</Alert>}
          <TextInput
            label={t('company.legalName')}
            value={form.legalName}
            onChange={set('legalName')}
            required
            readOnly={!canEdit}
          />
          <Textarea
            label={t('company.address')}
            value={form.address}
            onChange={set('address')}
            required
            autosize
            minRows={2}
            readOnly={!canEdit}
          />
          <TextInput
            label={t('company.operatorId')}
            description={t('company.operatorIdHint')}
            value={form.operatorId}
            onChange={set('operatorId')}
            required
            readOnly={!canEdit}
          />
          <Group grow>
            <TextInput
              label={t('company.contactEmail')}
              type="email"
              value={form.contactEmail}
              onChange={set('contactEmail')}
              required
              readOnly={!canEdit}
            />
            <TextInput
              label={t('company.contactPhone')}
              value={form.contactPhone}
              onChange={set('contactPhone')}
              readOnly={!canEdit}
            />
          </Group>
          <TextInput
            label={t('company.website')}
            placeholder="https://"
            value={form.website}
            onChange={set('website')}
            readOnly={!canEdit}
          />
          {save.isError && <ErrorState error={save.error} />}
          <Can permission="admin.update">
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
          </Can>
        </Stack>
      </form>
    </Paper>
  );
}
