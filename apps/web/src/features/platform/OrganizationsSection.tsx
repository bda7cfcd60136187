import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  Button,
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
  type Key,
} from 'react-aria-components';
import { AdminTable } from '../../ui/AdminTable';
import { explainConflict } from '../../ui/conflicts';
import { ErrorSummary, Field, type ShownError } from '../../ui/Form';
import { Notice, QueryState } from '../../ui/Status';
import { useFormProblems } from '../../ui/useFormProblems';
import { useAllOrganizations, useCreateOrganization, type Kind } from './queries';

const CREATABLE: Kind[] = ['region', 'municipality', 'agency'];
const KINDS: Kind[] = ['region', 'municipality', 'agency', 'company'];

export function OrganizationsSection() {
  const { t } = useTranslation('platform');
  const [kind, setKind] = useState<Kind | ''>('');
  const organizations = useAllOrganizations(kind);
  const everything = useAllOrganizations('');
  const names = new Map((everything.data ?? []).map((organization) => [organization.id, organization.name]));

  return (
    <>
      <CreateOrganization />
      <section aria-labelledby="organizations-heading">
        <h2 id="organizations-heading">{t('organizations.title')}</h2>
        <div className="field">
          <label htmlFor="field-kind-filter">{t('organizations.show')}</label>
          <select id="field-kind-filter" value={kind} onChange={(event) => setKind(event.target.value as Kind | '')}>
            <option value="">{t('organizations.all')}</option>
            {KINDS.map((option) => (
              <option key={option} value={option}>
                {t(`kindsPlural.${option}`)}
              </option>
            ))}
          </select>
        </div>
        <QueryState query={organizations} />
        {organizations.data ? (
          <div aria-busy={organizations.isFetching}>
            <AdminTable
              labelledBy="organizations-heading"
              items={organizations.data}
              rowId={(organization) => organization.id}
              empty={t('organizations.none')}
              columns={[
                {
                  label: t('organizations.name'),
                  cell: (organization) => <Link to={`/organization/${organization.id}`}>{organization.name}</Link>,
                },
                { label: t('organizations.kind'), cell: (organization) => t(`kinds.${organization.kind}`) },
                {
                  label: t('organizations.parent'),
                  cell: (organization) => (organization.parentId ? (names.get(organization.parentId) ?? '–') : '–'),
                },
                { label: t('organizations.orgNumber'), cell: (organization) => organization.orgNumber ?? '–' },
              ]}
            />
          </div>
        ) : null}
      </section>
    </>
  );
}

function CreateOrganization() {
  const { t } = useTranslation('platform');
  const create = useCreateOrganization();
  const regions = useAllOrganizations('region');
  const labels = {
    name: t('create.name'),
    kind: t('create.kind'),
    parentId: t('create.parent'),
    orgNumber: t('create.orgNumber'),
  };
  const problems = useFormProblems('platform', labels);
  const [kind, setKind] = useState<Kind>('region');
  const [parent, setParent] = useState<Key | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [key, setKey] = useState(0);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const form = new FormData(event.currentTarget);
    const name = String(form.get('name') ?? '').trim();
    const orgNumber = String(form.get('orgNumber') ?? '').trim();
    const missing: ShownError[] = [];
    if (!name) missing.push({ field: 'name', label: labels.name, message: t('errors.name.required') });
    if (kind === 'municipality' && !parent)
      missing.push({ field: 'parentId', label: labels.parentId, message: t('errors.parentId.required') });
    if (missing.length) return problems.setFieldErrors(missing);
    setCreated(null);
    create.mutate(
      {
        name,
        kind,
        ...(kind === 'municipality' && parent ? { parentId: String(parent) } : {}),
        ...(orgNumber ? { orgNumber } : {}),
      },
      {
        onSuccess: (organization) => {
          problems.clear();
          setCreated(t('create.created', { name: organization.name, kind: t(`kinds.${organization.kind}`) }));
          setParent(null);
          setKey((k) => k + 1);
        },
        onError: (error, submitted) =>
          problems.show(explainConflict(error, [[/organization number/, t('errors.orgNumber.taken')]]), submitted),
      },
    );
  };

  const parentError = problems.errorFor('parentId');
  return (
    <section aria-labelledby="create-heading">
      <h2 id="create-heading">{t('create.title')}</h2>
      <p>{t('create.lead')}</p>
      {created ? <Notice tone="success">{created}</Notice> : null}
      <form key={key} className="form" onSubmit={submit} noValidate>
        <ErrorSummary errors={problems.errors} general={problems.general} />
        <fieldset className="field" id="field-kind" tabIndex={-1}>
          <legend>{labels.kind}</legend>
          <div className="radio-group">
            {CREATABLE.map((option) => (
              <label key={option}>
                <input
                  type="radio"
                  name="kind"
                  value={option}
                  checked={kind === option}
                  onChange={() => setKind(option)}
                />
                {t(`kinds.${option}`)}
              </label>
            ))}
          </div>
        </fieldset>
        <Field name="name" label={labels.name} autoComplete="off" error={problems.errorFor('name')} />
        {kind === 'municipality' ? (
          <ComboBox
            className={parentError ? 'field field--error' : 'field'}
            defaultItems={regions.data ?? []}
            onSelectionChange={setParent}
            isInvalid={Boolean(parentError)}
            menuTrigger="focus"
          >
            <Label>{labels.parentId}</Label>
            <Text slot="description" className="hint">
              {t('create.parentHint')}
            </Text>
            <FieldError className="field-error">{parentError}</FieldError>
            <div className="combo-box__group">
              <Input className="input" id="field-parentId" />
              <Button className="icon-button" aria-label={t('create.showRegions')}>
                <span aria-hidden="true">▾</span>
              </Button>
            </div>
            <Popover className="popover">
              <ListBox
                className="listbox"
                renderEmptyState={() => <p className="listbox-item">{t('create.noRegion')}</p>}
              >
                {(region: { id: string; name: string }) => (
                  <ListBoxItem id={region.id} className="listbox-item">
                    {region.name}
                  </ListBoxItem>
                )}
              </ListBox>
            </Popover>
          </ComboBox>
        ) : null}
        <Field
          name="orgNumber"
          label={labels.orgNumber}
          hint={t('create.orgNumberHint')}
          autoComplete="off"
          error={problems.errorFor('orgNumber')}
        />
        <div className="actions">
          <button type="submit" className="button" aria-disabled={create.isPending}>
            {create.isPending ? t('sending') : t('create.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
