import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useDomains } from '../catalogue/queries';
import { ENVIRONMENT_TYPES } from '../catalogue/types';
import { ErrorSummary, Field } from '../../ui/Form';
import { TextAreaField } from '../../ui/TextAreaField';
import { Page } from '../../ui/Page';
import { Loading } from '../../ui/Status';
import { useFormProblems } from '../../ui/useFormProblems';
import { FormField } from '../../ui/FormField';
import { RequireManager, useCurrentOrganization } from './access';
import { ManageNav } from './ManageNav';
import { useSaveTestbed } from './queries';
import type { Testbed } from './types';
import { WithTestbed } from './WithTestbed';

export function TestbedFormPage() {
  const { id } = useParams();
  return (
    <RequireManager>
      {id ? (
        <WithTestbed key={id} id={id}>
          {(testbed) => <TestbedForm testbed={testbed} />}
        </WithTestbed>
      ) : (
        <TestbedForm key="new" />
      )}
    </RequireManager>
  );
}

const numberOrUndefined = (value: FormDataEntryValue | null) => {
  const text = String(value ?? '').trim();
  return text === '' ? undefined : Number(text.replace(',', '.'));
};
const textOrUndefined = (value: FormDataEntryValue | null) => {
  const text = String(value ?? '').trim();
  return text === '' ? undefined : text;
};

/** The catalogue's fields and rules, one question per field; the API's field problems beside each. */
function TestbedForm({ testbed }: { testbed?: Testbed }) {
  const { t, i18n } = useTranslation('manage');
  const navigate = useNavigate();
  const organization = useCurrentOrganization();
  const domains = useDomains();
  const save = useSaveTestbed(testbed?.id);
  const labels: Record<string, string> = {
    name: t('form.name'),
    summary: t('form.summary'),
    description: t('form.description'),
    environmentType: t('form.environmentType'),
    'trl.min': t('form.trlMin'),
    'trl.max': t('form.trlMax'),
    trl: t('form.trlMin'),
    domains: t('form.domains'),
    'location.municipality': t('form.municipality'),
    'location.address': t('form.address'),
    'location.lat': t('form.lat'),
    'location.lon': t('form.lon'),
    timezone: t('form.timezone'),
    capacity: t('form.capacity'),
    contactEmail: t('form.contactEmail'),
    'rules.minLeadDays': t('form.minLeadDays'),
    'rules.maxAdvanceDays': t('form.maxAdvanceDays'),
    'rules.maxActiveBookingsPerCompany': t('form.maxActive'),
    'rules.decisionDays': t('form.decisionDays'),
    'rules.requiresApproval': t('form.requiresApproval'),
  };
  const problems = useFormProblems('manage', labels);
  const [chosenDomains, setChosenDomains] = useState<string[]>(testbed?.domains ?? []);
  const language = i18n.language === 'en' ? 'en' : 'sv';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    const form = new FormData(event.currentTarget);
    const body: Record<string, unknown> = {
      name: String(form.get('name') ?? '').trim(),
      summary: String(form.get('summary') ?? '').trim(),
      description: textOrUndefined(form.get('description')),
      environmentType: form.get('environmentType'),
      trl: { min: numberOrUndefined(form.get('trl.min')), max: numberOrUndefined(form.get('trl.max')) },
      domains: chosenDomains,
      location: {
        municipality: String(form.get('location.municipality') ?? '').trim(),
        address: textOrUndefined(form.get('location.address')),
        lat: numberOrUndefined(form.get('location.lat')),
        lon: numberOrUndefined(form.get('location.lon')),
      },
      timezone: textOrUndefined(form.get('timezone')),
      capacity: numberOrUndefined(form.get('capacity')),
      rules: {
        requiresApproval: form.get('rules.requiresApproval') === 'on',
        minLeadDays: numberOrUndefined(form.get('rules.minLeadDays')),
        maxAdvanceDays: numberOrUndefined(form.get('rules.maxAdvanceDays')),
        maxActiveBookingsPerCompany: numberOrUndefined(form.get('rules.maxActiveBookingsPerCompany')),
        decisionDays: numberOrUndefined(form.get('rules.decisionDays')),
      },
      contactEmail: textOrUndefined(form.get('contactEmail')),
    };
    if (!testbed) body.organizationId = organization?.organizationId;
    save.mutate(JSON.parse(JSON.stringify(body)) as Record<string, unknown>, {
      onSuccess: (saved) => void navigate(`/manage/testbeds/${saved.id}?saved=1`),
      onError: problems.show,
    });
  };

  const title = testbed ? t('form.editTitle') : t('form.createTitle');
  const rules = testbed?.rules;
  return (
    <Page title={title} lead={testbed ? testbed.name : t('form.createLead')}>
      <ManageNav />
      <form className="form manage-form" onSubmit={submit} noValidate>
        <ErrorSummary errors={problems.errors} general={problems.general} />
        <fieldset>
          <legend>{t('form.profile')}</legend>
          <Field
            name="name"
            label={labels.name!}
            defaultValue={testbed?.name}
            error={problems.errorFor('name')}
            required
          />
          <TextAreaField
            name="summary"
            label={labels.summary!}
            hint={t('form.summaryHint')}
            defaultValue={testbed?.summary}
            error={problems.errorFor('summary')}
            rows={2}
          />
          <TextAreaField
            name="description"
            label={labels.description!}
            hint={t('form.descriptionHint')}
            defaultValue={testbed?.description ?? ''}
            error={problems.errorFor('description')}
            rows={6}
          />
          <FormField
            id="field-environmentType"
            label={labels.environmentType}
            error={problems.errorFor('environmentType')}
          >
            {(describedBy, invalid) => (
              <select
                id="field-environmentType"
                name="environmentType"
                defaultValue={testbed?.environmentType ?? 'real'}
                aria-describedby={describedBy}
                aria-invalid={invalid}
              >
                {ENVIRONMENT_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`catalogue:environment.${type}`, { defaultValue: type })}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <div className="field-row">
            <Field
              name="trl.min"
              label={labels['trl.min']!}
              type="number"
              min={1}
              max={9}
              inputMode="numeric"
              defaultValue={testbed?.trl.min ?? 1}
              error={problems.errorFor('trl.min') ?? problems.errorFor('trl')}
            />
            <Field
              name="trl.max"
              label={labels['trl.max']!}
              type="number"
              min={1}
              max={9}
              inputMode="numeric"
              defaultValue={testbed?.trl.max ?? 9}
              error={problems.errorFor('trl.max')}
            />
          </div>
          <fieldset
            className={problems.errorFor('domains') ? 'field field--error' : 'field'}
            id="field-domains"
            tabIndex={-1}
          >
            <legend>{labels.domains}</legend>
            <p className="hint">{t('form.domainsHint')}</p>
            {problems.errorFor('domains') ? <p className="field-error">{problems.errorFor('domains')}</p> : null}
            {domains.isPending ? <Loading /> : null}
            <ul className="checkboxes">
              {(domains.data?.items ?? []).map((domain) => (
                <li key={domain.key}>
                  <label>
                    <input
                      type="checkbox"
                      checked={chosenDomains.includes(domain.key)}
                      onChange={(event) =>
                        setChosenDomains((list) =>
                          event.target.checked ? [...list, domain.key] : list.filter((key) => key !== domain.key),
                        )
                      }
                    />{' '}
                    {domain.labels[language]}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <Field
            name="contactEmail"
            label={labels.contactEmail!}
            type="email"
            autoComplete="email"
            defaultValue={testbed?.contactEmail ?? ''}
            error={problems.errorFor('contactEmail')}
            hint={t('form.contactHint')}
          />
        </fieldset>
        <fieldset>
          <legend>{t('form.place')}</legend>
          <Field
            name="location.municipality"
            label={labels['location.municipality']!}
            defaultValue={testbed?.location.municipality ?? ''}
            error={problems.errorFor('location.municipality')}
          />
          <Field
            name="location.address"
            label={labels['location.address']!}
            defaultValue={testbed?.location.address ?? ''}
            error={problems.errorFor('location.address')}
          />
          <div className="field-row">
            <Field
              name="location.lat"
              label={labels['location.lat']!}
              inputMode="decimal"
              defaultValue={testbed?.location.lat ?? ''}
              error={problems.errorFor('location.lat')}
            />
            <Field
              name="location.lon"
              label={labels['location.lon']!}
              inputMode="decimal"
              defaultValue={testbed?.location.lon ?? ''}
              error={problems.errorFor('location.lon')}
            />
          </div>
          <Field
            name="timezone"
            label={labels.timezone!}
            hint={t('form.timezoneHint')}
            defaultValue={testbed?.timezone ?? 'Europe/Stockholm'}
            error={problems.errorFor('timezone')}
          />
        </fieldset>
        <fieldset>
          <legend>{t('form.rules')}</legend>
          <Field
            name="capacity"
            label={labels.capacity!}
            hint={t('form.capacityHint')}
            type="number"
            min={1}
            inputMode="numeric"
            defaultValue={testbed?.capacity ?? 1}
            error={problems.errorFor('capacity')}
          />
          <div className="field field--checkbox">
            <label>
              <input type="checkbox" name="rules.requiresApproval" defaultChecked={rules?.requiresApproval ?? true} />{' '}
              {labels['rules.requiresApproval']}
            </label>
          </div>
          <Field
            name="rules.minLeadDays"
            label={labels['rules.minLeadDays']!}
            type="number"
            min={0}
            inputMode="numeric"
            defaultValue={rules?.minLeadDays ?? 7}
            error={problems.errorFor('rules.minLeadDays')}
          />
          <Field
            name="rules.maxAdvanceDays"
            label={labels['rules.maxAdvanceDays']!}
            type="number"
            min={1}
            inputMode="numeric"
            defaultValue={rules?.maxAdvanceDays ?? 365}
            error={problems.errorFor('rules.maxAdvanceDays')}
          />
          <Field
            name="rules.maxActiveBookingsPerCompany"
            label={labels['rules.maxActiveBookingsPerCompany']!}
            type="number"
            min={1}
            inputMode="numeric"
            defaultValue={rules?.maxActiveBookingsPerCompany ?? 2}
            error={problems.errorFor('rules.maxActiveBookingsPerCompany')}
          />
          <Field
            name="rules.decisionDays"
            label={labels['rules.decisionDays']!}
            type="number"
            min={1}
            inputMode="numeric"
            defaultValue={rules?.decisionDays ?? 5}
            error={problems.errorFor('rules.decisionDays')}
          />
        </fieldset>
        <div className="actions">
          <button type="submit" className="button" aria-disabled={save.isPending}>
            {save.isPending ? t('form.saving') : testbed ? t('form.save') : t('form.createDraft')}
          </button>
          <Link to={testbed ? `/manage/testbeds/${testbed.id}` : '/manage'}>{t('form.back')}</Link>
        </div>
      </form>
    </Page>
  );
}
