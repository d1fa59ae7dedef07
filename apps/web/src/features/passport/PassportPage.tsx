import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import type { Schemas } from '@kapok/api-client';
import { IconAlertTriangle, IconPrinter } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import i18n from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { KapokLogo } from '../../components/KapokLogo';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { PageLoader } from '../../components/LoadingState';
import classes from './passport.module.css';
import { passportTexts } from './texts';

export type Passport = Schemas['PassportResponse'];

for (const [language, texts] of Object.entries(passportTexts))
  i18n.addResourceBundle(language, 'translation', texts, true, false);

class PassportNotFound extends Error {}

/** The public passport, read without a session (no token, no refresh). */
async function fetchPassport(code: string, signal: AbortSignal): Promise<Passport> {
  const res = await fetch(`/api/v1/public/passports/${encodeURIComponent(code)}`, { signal });
  if (res.status === 404) throw new PassportNotFound();
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as Passport;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{children}</Text>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" className={classes.section}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** `/passport/{code}`: the toy batch's Digital Product Passport, outside the signed-in shell, printable. */
export function PassportPage() {
  const { code = '' } = useParams();
  const { t, i18n: i } = useTranslation();
  const query = useQuery({
    queryKey: ['public-passport', code],
    queryFn: ({ signal }) => fetchPassport(code, signal),
    retry: (count, error) => !(error instanceof PassportNotFound) && count < 2,
    staleTime: 5 * 60_000,
  });
  const date = (iso: string) =>
    new Intl.DateTimeFormat(i.language === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium' }).format(
      new Date(iso),
    );

  return (
    <main className={classes.page}>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <KapokLogo size={28} />
        <Group gap="xs" className={classes.noPrint} wrap="nowrap">
          <LanguageSwitch />
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPrinter size={14} />}
            onClick={() => window.print()}
            disabled={!query.data}
          >
            {t('passport.print')}
          </Button>
        </Group>
      </Group>
      <Title order={1} size="h3">
        {t('passport.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="md">
        {t('passport.subtitle')}
      </Text>
      {query.isPending ? (
        <PageLoader />
      ) : query.isError ? (
        <Alert
          color={query.error instanceof PassportNotFound ? 'yellow' : 'red'}
          icon={<IconAlertTriangle />}
        >
          {query.error instanceof PassportNotFound ? t('passport.notFound') : t('passport.failed')}
        </Alert>
      ) : (
        <PassportView passport={query.data} date={date} />
      )}
    </main>
  );
}

function PassportView({ passport: p, date }: { passport: Passport; date: (iso: string) => string }) {
  const { t } = useTranslation();
  const notSet = t('passport.notSet');
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md" className={classes.section}>
        <Group align="flex-start" gap="lg">
          {p.product.imageUrl && (
            <img
              className={classes.image}
              src={p.product.imageUrl}
              alt={t('passport.imageAlt', { name: p.product.name })}
            />
          )}
          <Stack gap="sm" style={{ flex: 1, minWidth: 200 }}>
            <div>
              <Title order={2} size="h3" data-testid="passport-article">
                {p.product.name}
              </Title>
              <Text c="dimmed" size="sm">
                {t('passport.article')} {p.product.code}
              </Text>
            </div>
            <SimpleGrid cols={2} spacing="sm">
              <Field label={t('passport.batch')}>
                <span data-testid="passport-batch">{p.batch.lotNumber}</span>
              </Field>
              <Field label={t('passport.productionWeek')}>{p.batch.productionWeek}</Field>
              <Field label={t('passport.hsCode')}>{p.hsCode ?? notSet}</Field>
              <Field label={t('passport.ageGrade')}>
                {p.ageGrade ? <Badge variant="light">{p.ageGrade}</Badge> : notSet}
              </Field>
            </SimpleGrid>
          </Stack>
        </Group>
      </Paper>

      {p.warnings.length > 0 && (
        <Alert
          color="orange"
          icon={<IconAlertTriangle />}
          title={t('passport.warnings')}
          className={classes.section}
        >
          <List size="sm">
            {p.warnings.map((w) => (
              <List.Item key={w}>{w}</List.Item>
            ))}
          </List>
        </Alert>
      )}

      <Section title={t('passport.manufacturer')}>
        {p.manufacturer ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Field label={t('passport.manufacturer')}>
              {p.manufacturer.legalName}
              <br />
              {p.manufacturer.address}
            </Field>
            <Field label={t('passport.operatorId')}>{p.manufacturer.operatorId}</Field>
            <Field label={t('passport.contact')}>
              {[p.manufacturer.contactEmail, p.manufacturer.contactPhone, p.manufacturer.website]
                .filter(Boolean)
                .join(' · ')}
            </Field>
          </SimpleGrid>
        ) : (
          <Text size="sm">{notSet}</Text>
        )}
      </Section>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <Section title={t('passport.legislation')}>
          <List size="sm">
            {p.legislation.map((l) => (
              <List.Item key={l}>{l}</List.Item>
            ))}
          </List>
        </Section>
        <Section title={t('passport.standards')}>
          {p.standards.length ? (
            <List size="sm">
              {p.standards.map((s) => (
                <List.Item key={s}>{s}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm">{notSet}</Text>
          )}
        </Section>
      </SimpleGrid>

      <Section title={t('passport.labTests')}>
        {p.labTests.length ? (
          <Table.ScrollContainer minWidth={420}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('passport.test')}</Table.Th>
                  <Table.Th>{t('passport.standard')}</Table.Th>
                  <Table.Th>{t('passport.result')}</Table.Th>
                  <Table.Th>{t('passport.date')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.labTests.map((l) => (
                  <Table.Tr key={`${l.type}-${l.date}`}>
                    <Table.Td>{t(`passport.testType.${l.type}`, { defaultValue: l.type })}</Table.Td>
                    <Table.Td>{l.standard}</Table.Td>
                    <Table.Td>{l.result}</Table.Td>
                    <Table.Td>{date(l.date)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : (
          <Text size="sm">{t('passport.labTestsNone')}</Text>
        )}
      </Section>

      <Section title={t('passport.composition')}>
        {p.composition.length ? (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('passport.component')}</Table.Th>
                <Table.Th>{t('passport.fibre')}</Table.Th>
                <Table.Th>{t('passport.origin')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.composition.map((c) => (
                <Table.Tr key={c.component}>
                  <Table.Td>{c.component}</Table.Td>
                  <Table.Td>{c.fibre}</Table.Td>
                  <Table.Td>{c.origin ? t(`passport.${c.origin}`) : notSet}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        ) : (
          <Text size="sm">{t('passport.compositionNone')}</Text>
        )}
      </Section>
      <Text size="xs" c="dimmed" ta="center">
        {t('passport.issued', { date: date(p.issuedAt) })} · {p.code}
      </Text>
    </Stack>
  );
}
