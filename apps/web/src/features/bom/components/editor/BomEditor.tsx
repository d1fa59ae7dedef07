import { zodResolver } from '@hookform/resolvers/zod';
import {
  Alert,
  Anchor,
  Button,
  EmptyState,
  Group,
  Input,
  Kbd,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { ApiError, newIdempotencyKey } from '@kapok/api-client';
import { BOM_TYPES, DEPARTMENTS, type Department } from '@kapok/contracts';
import { IconAlertCircle, IconListDetails, IconPlus, IconRefresh } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Controller, FormProvider, useFieldArray, useForm, useWatch, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../../../components/NumberField';
import { useUnsavedChangesGuard } from '../../../../components/UnsavedChangesGuard';
import { Link, useNavigate } from 'react-router';
import { fieldErrors, isApiError } from '../../../../lib/errors';
import { bomQueries, useCreateBom, useUpdateBom, type Bom } from '../../api';
import { comparableBom, diffBoms, type BomDiff } from '../shared/bom-diff';
import { describeBomError } from '../shared/bom-errors';
import { groupByDepartment } from '../shared/departments';
import { formatNumber } from '../../../../lib/quantity';
import { ProductPicker } from '../shared/ProductPicker';
import {
  bomFormSchema,
  bomToForm,
  emptyBomForm,
  fieldNumber,
  formNumber,
  formToBody,
  formToComparable,
  insertionIndex,
  newLine,
  type BomFormOutput,
  type BomFormValues,
} from './bom-form';
import classes from './BomEditor.module.css';
import { ConflictPanel, type Conflict } from './ConflictPanel';
import { LineRow } from './LineRow';
import { formMessage } from './messages';
import { RevisionReasonModal } from './RevisionReasonModal';
import { mapBomErrors } from './server-errors';

/**
 * Creates a BOM, or saves a new revision of `bom`. Lines are grouped by department in route order
 * and edited in place; every save of an existing BOM asks for a revision reason, and a save that
 * crossed someone else's is never forced through: the latest revision is loaded and both sides'
 * changes are shown.
 */
export function BomEditor({ bom }: { bom?: Bom }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const create = useCreateBom();
  const update = useUpdateBom();
  const [base, setBase] = useState<Bom | undefined>(bom);
  const [banner, setBanner] = useState<unknown>(null);
  const [conflict, setConflict] = useState<(Conflict & { myValues: BomFormValues }) | null>(null);
  const [reasonOpen, setReasonOpen] = useState(false);
  const [myChanges, setMyChanges] = useState<BomDiff | null>(null);
  const [reasonError, setReasonError] = useState<string | undefined>();
  const pending = useRef<BomFormOutput | null>(null);
  // One Idempotency-Key per BOM the user means to create, kept while they resend the same body.
  const attempt = useRef<{ body: string; key: string } | null>(null);

  const form = useForm<BomFormValues, unknown, BomFormOutput>({
    resolver: zodResolver(bomFormSchema),
    defaultValues: bom ? bomToForm(bom) : emptyBomForm(),
    // Checked on save, then again as the user corrects (a check on blur would move the Save button away
    // under the pointer).
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { control, handleSubmit, reset, getValues, setError, formState } = form;
  const { fields, insert, remove, move } = useFieldArray({ control, name: 'lines' });
  const lines = useWatch({ control, name: 'lines' });
  const product = useWatch({ control, name: 'product' });
  const outputQuantity = useWatch({ control, name: 'outputQuantity' });
  const isNew = !base;
  const dirty = formState.isDirty;

  // A product that already has an active BOM gets a revision of that one, not a second BOM.
  const existing = useQuery({
    ...bomQueries.list({ productId: product?.id, activeOnly: true, skip: 0, limit: 1 }),
    enabled: isNew && !!product,
  });
  const existingBom = isNew && product ? existing.data?.items[0] : undefined;

  // Someone else saved (a live event refreshed `bom`): take it over when nothing was changed here.
  const newer =
    bom && base && bom.version > base.version && update.data?.version !== bom.version ? bom : null;
  if (newer && !dirty) setBase(newer);
  // The form always starts from the base: the BOM as loaded, as just saved, or as someone else saved it.
  useEffect(() => {
    if (base) reset(bomToForm(base));
  }, [base, reset]);

  // A new BOM starts with its product.
  useEffect(() => {
    if (!bom) form.setFocus('product');
  }, [bom, form]);

  // Saving a new BOM navigates to it: guard.release() lets that navigation through.
  const guard = useUnsavedChangesGuard(dirty);

  const loadLatest = (latest: Bom) => {
    if (!base) return;
    const myValues = getValues();
    setConflict({
      revision: latest.revision,
      theirs: diffBoms(comparableBom(base), comparableBom(latest)),
      mine: diffBoms(comparableBom(base), formToComparable(myValues)),
      myValues,
    });
    setBase(latest);
  };

  /** Puts the API's answer where the user looks: on the fields it names, or above the form. */
  const showSaveError = (error: unknown) => {
    if (isApiError(error, 'BOM_ALREADY_ACTIVE')) {
      setError('product', { type: 'server', message: describeBomError(error, t) });
      return;
    }
    const { placed, unplaced } = mapBomErrors(error, getValues(), t('bom.errors.productGone'));
    for (const { path, message } of placed)
      setError(path as Path<BomFormValues>, { type: 'server', message }, { shouldFocus: true });
    const placedSome = placed.length > 0;
    if (unplaced.length)
      setBanner(new BannerMessage(unplaced.map((u) => `${u.field}: ${u.message}`).join('\n')));
    else if (!placedSome || (error instanceof ApiError && error.code === 'BOM_CYCLE')) setBanner(error);
  };

  const onValid = (values: BomFormOutput) => {
    setBanner(null);
    if (!base) {
      const body = { ...formToBody(values), revision: 1 };
      const json = JSON.stringify(body);
      if (attempt.current?.body !== json) attempt.current = { body: json, key: newIdempotencyKey() };
      create.mutate(
        { body, idempotencyKey: attempt.current.key },
        {
          onSuccess: (saved) => {
            notifications.show({
              color: 'green',
              message: t('bom.editor.created', { code: saved.productCode }),
            });
            reset(bomToForm(saved));
            guard.release();
            void navigate(`/bom/${saved.id}`, { replace: true });
          },
          onError: showSaveError,
        },
      );
      return;
    }
    pending.current = values;
    setMyChanges(diffBoms(comparableBom(base), formToComparable(getValues())));
    setReasonError(undefined);
    update.reset();
    setReasonOpen(true);
  };

  const saveRevision = (reason: string) => {
    const values = pending.current;
    if (!base || !values) return;
    update.mutate(
      {
        id: base.id,
        body: {
          ...formToBody(values),
          revision: base.revision + 1,
          version: base.version,
          revisionReason: reason,
        },
      },
      {
        onSuccess: (saved) => {
          setReasonOpen(false);
          setConflict(null);
          setBase(saved);
          notifications.show({
            color: 'green',
            message: t('bom.editor.revisionSaved', { revision: saved.revision }),
          });
        },
        onError: async (error) => {
          if (isApiError(error, 'STALE_VERSION')) {
            setReasonOpen(false);
            const latest = await queryClient.fetchQuery({ ...bomQueries.detail(base.id), staleTime: 0 });
            loadLatest(latest);
            return;
          }
          const onReason = fieldErrors(error).revisionReason;
          if (onReason) return setReasonError(onReason);
          // Errors about the lines belong next to the lines; others stay in the dialog to retry.
          if (error instanceof ApiError && (error.status === 422 || error.status === 404)) {
            setReasonOpen(false);
            showSaveError(error);
          }
        },
      },
    );
  };

  const save = () =>
    void handleSubmit(onValid, () =>
      notifications.show({ color: 'red', message: t('bom.editor.fixFields') }),
    )();

  const addLine = (department: Department, after?: number) => {
    const index = after === undefined ? insertionIndex(getValues('lines'), department) : after + 1;
    insert(index, newLine(department), { focusName: `lines.${index}.component` });
  };
  const moveLine = (index: number, department: Department) => {
    form.setValue(`lines.${index}.department`, department, { shouldDirty: true });
    const others = getValues('lines').filter((_, i) => i !== index);
    move(index, insertionIndex(others, department));
  };

  const rows = fields.map((field, index) => ({
    id: field.id,
    index,
    department: lines[index]?.department ?? field.department,
  }));
  const sections = groupByDepartment(rows, (r) => r.department);
  const missingDepartments = DEPARTMENTS.filter((d) => !sections.some((s) => s.department === d));
  const outputUom = product?.uom ?? base?.productUom ?? '';
  const perText =
    Number(outputQuantity) && Number(outputQuantity) !== 1
      ? t('bom.fields.quantityPer', { qty: formatNumber(Number(outputQuantity), i18n.language) })
      : t('bom.fields.quantity');
  const linesError = formState.errors.lines?.root?.message ?? formState.errors.lines?.message;

  return (
    <FormProvider {...form}>
      {guard.dialog}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
        onKeyDown={(e) => {
          // Ctrl/Cmd + Enter or S saves from anywhere in the editor.
          if ((e.ctrlKey || e.metaKey) && (e.key === 'Enter' || e.key.toLowerCase() === 's')) {
            e.preventDefault();
            save();
          }
        }}
        noValidate
        aria-label={isNew ? t('bom.editor.createTitle') : t('bom.editor.editTitle')}
      >
        <Stack gap="md">
          {conflict && (
            <ConflictPanel
              conflict={conflict}
              onRestoreMine={() => {
                reset(conflict.myValues, { keepDefaultValues: true });
                setConflict(null);
              }}
              onDismiss={() => setConflict(null)}
            />
          )}
          {newer && dirty && !conflict && (
            <Alert color="yellow" variant="light" icon={<IconRefresh />} role="status">
              <Group justify="space-between" gap="sm">
                <Text size="sm">{t('bom.conflict.newer', { revision: newer.revision })}</Text>
                <Button size="xs" variant="white" color="yellow" onClick={() => loadLatest(newer)}>
                  {t('bom.conflict.loadNewer')}
                </Button>
              </Group>
            </Alert>
          )}
          {banner ? (
            <Alert
              color="red"
              variant="light"
              icon={<IconAlertCircle />}
              role="alert"
              title={t('bom.editor.notSaved')}
            >
              <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                {banner instanceof BannerMessage ? banner.message : describeBomError(banner, t)}
              </Text>
            </Alert>
          ) : null}

          <Paper p="md" radius="md">
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
              {isNew ? (
                <Controller
                  control={control}
                  name="product"
                  render={({ field, fieldState }) => (
                    <ProductPicker
                      ref={field.ref}
                      label={t('bom.editor.product')}
                      description={t('bom.editor.productHint')}
                      placeholder={t('bom.picker.searchProduct')}
                      withAsterisk
                      types={['FINISHED_GOOD', 'WIP']}
                      value={field.value}
                      onChange={(p) =>
                        field.onChange(
                          p
                            ? { id: p.id, code: p.code, name: p.name, type: p.type, uom: p.uom, bomId: null }
                            : null,
                        )
                      }
                      onBlur={field.onBlur}
                      error={formMessage(t, fieldState.error?.message)}
                    />
                  )}
                />
              ) : (
                <Input.Wrapper label={t('bom.editor.product')} description={t('bom.editor.productFixed')}>
                  <Text fw={700} mt={6}>
                    {base.productCode}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {base.productName}
                  </Text>
                </Input.Wrapper>
              )}
              <Controller
                control={control}
                name="bomType"
                render={({ field }) => (
                  <Input.Wrapper
                    label={t('bom.fields.bomType')}
                    description={t(`bom.typeHints.${field.value}`)}
                    id="bom-type"
                  >
                    <SegmentedControl
                      mt={6}
                      fullWidth
                      aria-labelledby="bom-type-label"
                      data={BOM_TYPES.map((type) => ({ value: type, label: t(`bom.types.${type}`) }))}
                      value={field.value}
                      onChange={(v) => field.onChange(v)}
                    />
                  </Input.Wrapper>
                )}
              />
              <Controller
                control={control}
                name="outputQuantity"
                render={({ field, fieldState }) => (
                  <NumberField
                    ref={field.ref}
                    label={t('bom.fields.outputQuantity')}
                    description={t('bom.editor.qtyOutputHint')}
                    withAsterisk
                    unit={outputUom}
                    min={0}
                    minExclusive
                    max={1_000_000}
                    decimals={6}
                    value={fieldNumber(field.value)}
                    onChange={(v) => field.onChange(formNumber(v))}
                    onBlur={field.onBlur}
                    error={formMessage(t, fieldState.error?.message)}
                  />
                )}
              />
            </SimpleGrid>
            {existingBom && (
              <Alert color="blue" variant="light" mt="md" icon={<IconListDetails />}>
                <Text size="sm">
                  {t('bom.editor.alreadyHasBom', {
                    code: existingBom.productCode,
                    revision: existingBom.revision,
                  })}{' '}
                  <Anchor component={Link} to={`/bom/${existingBom.id}`} size="sm" fw={600}>
                    {t('bom.editor.openExisting')}
                  </Anchor>
                </Text>
              </Alert>
            )}
          </Paper>

          {linesError && (
            <Alert color="red" variant="light" role="alert">
              {formMessage(t, linesError)}
            </Alert>
          )}

          {sections.length === 0 ? (
            <Paper p="lg" radius="md">
              <EmptyState
                icon={<IconListDetails />}
                withIndicatorBackground
                title={t('bom.editor.noLinesTitle')}
                description={t('bom.editor.noLinesBody')}
              />
            </Paper>
          ) : (
            sections.map(({ department, items }) => (
              <Paper
                key={department}
                p="md"
                radius="md"
                component="section"
                aria-labelledby={`section-${department}`}
              >
                <Title order={4} mb="xs" id={`section-${department}`}>
                  {t(`departments.${department}`)}{' '}
                  <Text span c="dimmed" size="sm" fw={400}>
                    {t('bom.editor.lineCount', { count: items.length })}
                  </Text>
                </Title>
                <Table.ScrollContainer minWidth={820}>
                  <Table
                    className="kapok-sticky-last"
                    highlightOnHover={false}
                    verticalSpacing={6}
                    layout="fixed"
                  >
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={36} />
                        <Table.Th>{t('bom.fields.component')}</Table.Th>
                        <Table.Th w={140} ta="right">
                          {perText}
                        </Table.Th>
                        <Table.Th w={124}>{t('bom.fields.unit')}</Table.Th>
                        <Table.Th w={110} ta="right">
                          {t('bom.fields.wastage')}
                        </Table.Th>
                        <Table.Th w={120}>{t('bom.fields.variants')}</Table.Th>
                        <Table.Th w={48} />
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {items.map((row, n) => (
                        <LineRow
                          key={row.id}
                          index={row.index}
                          number={n + 1}
                          productId={product?.id ?? null}
                          onAddAfter={(i) => addLine(department, i)}
                          onRemove={remove}
                          onMove={moveLine}
                        />
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
                <Button
                  mt={4}
                  size="compact-sm"
                  variant="subtle"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => addLine(department)}
                  aria-label={t('bom.editor.addLineTo', { department: t(`departments.${department}`) })}
                >
                  {t('bom.editor.addLine')}
                </Button>
              </Paper>
            ))
          )}

          <Group gap="sm">
            <Select
              w={300}
              aria-label={t('bom.editor.addDepartment')}
              placeholder={t('bom.editor.addDepartment')}
              leftSection={<IconPlus size={14} />}
              data={missingDepartments.map((d) => ({ value: d, label: t(`departments.${d}`) }))}
              value={null}
              onChange={(d) => d && addLine(d as Department)}
            />
          </Group>

          <Paper className={classes.footer} p="sm" radius="md" withBorder>
            <Group justify="space-between" gap="sm">
              <Stack gap={2}>
                <Text size="sm" fw={600} c={dirty ? 'orange.8' : 'dimmed'}>
                  {dirty
                    ? t('bom.editor.unsaved')
                    : base
                      ? t('bom.editor.saved', { revision: base.revision })
                      : t('bom.editor.notYetSaved')}
                </Text>
                <Text size="xs" c="dimmed" visibleFrom="sm">
                  <Kbd size="xs">Enter</Kbd> {t('bom.editor.enterHint')} · <Kbd size="xs">Ctrl</Kbd>+
                  <Kbd size="xs">Enter</Kbd> {t('bom.editor.saveHint')}
                </Text>
              </Stack>
              <Group gap="sm">
                {isNew ? (
                  <Button variant="default" component={Link} to="/bom">
                    {t('common.cancel')}
                  </Button>
                ) : (
                  dirty && (
                    <Button variant="default" onClick={() => reset()}>
                      {t('common.reset')}
                    </Button>
                  )
                )}
                <Button
                  type="submit"
                  loading={create.isPending || update.isPending}
                  disabled={!isNew && !dirty}
                >
                  {isNew ? t('bom.editor.create') : t('bom.editor.saveRevision')}
                </Button>
              </Group>
            </Group>
          </Paper>
        </Stack>
      </form>
      {base && (
        <RevisionReasonModal
          opened={reasonOpen}
          revision={base.revision + 1}
          changes={myChanges}
          saving={update.isPending}
          error={update.error && !reasonError ? update.error : null}
          serverReasonError={reasonError}
          onSave={saveRevision}
          onClose={() => setReasonOpen(false)}
        />
      )}
    </FormProvider>
  );
}

/** Field messages the form has no input for, shown above it as they are. */
class BannerMessage extends Error {}
