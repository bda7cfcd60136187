import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text, type Key } from 'react-aria-components';
import { AdminTable } from '../../ui/AdminTable';
import { DatePicker } from '../../ui/DatePicker';
import { ErrorMessage, Loading } from '../../ui/Status';
import { formatDateTime } from '../../ui/format';
import { labelInSentence } from '../../ui/problems';
import { useAuditActors, useAuditLog } from './queries';
import { AUDIT_ACTIONS, auditActionKey, auditAreaKey } from './auditActions';
import { AUDIT_SUBJECTS, type AuditEntry, type AuditFilter } from './types';

/** A local calendar day as the instant it starts, in the browser's time zone. */
const dayStart = (day: string, plus = 0) => {
  const date = new Date(`${day}T00:00:00`);
  date.setDate(date.getDate() + plus);
  return date.toISOString();
};

export function AuditSection({ organizationId }: { organizationId: string }) {
  const { t, i18n } = useTranslation('organization');
  const [params, setParams] = useSearchParams();
  const actors = useAuditActors(organizationId);
  const [who, setWho] = useState<Key | null>(params.get('who'));
  const [cursors, setCursors] = useState<string[]>([]);
  const shown = {
    who: params.get('who') ?? '',
    what: params.get('what') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const filter = useMemo<AuditFilter>(
    () => ({
      ...(shown.who ? { actorUserId: shown.who } : {}),
      ...(shown.what ? { action: shown.what } : {}),
      ...(shown.from ? { from: dayStart(shown.from) } : {}),
      ...(shown.to ? { to: dayStart(shown.to, 1) } : {}),
    }),
    [shown.who, shown.what, shown.from, shown.to],
  );
  const log = useAuditLog(organizationId, filter, cursors.at(-1));
  // The reader's own time zone, on the 24-hour clock the rest of the app uses.
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const when = (iso: string) => formatDateTime(iso, i18n.language, zone);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = new URLSearchParams(params);
    const values = {
      who: who ? String(who) : '',
      what: String(form.get('what') ?? ''),
      from: String(form.get('from') ?? ''),
      to: String(form.get('to') ?? ''),
    };
    for (const [name, value] of Object.entries(values)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    setCursors([]);
    setParams(next, { replace: true });
  };

  const whoItems = (actors.data?.items ?? []).map((person) => ({
    id: person.userId,
    name: person.member
      ? `${person.name} (${person.email})`
      : `${person.name} (${person.email}, ${t('audit.notMember')})`,
  }));
  const entries = log.data?.items ?? [];
  return (
    <section aria-labelledby="audit-heading">
      <h2 id="audit-heading">{t('audit.title')}</h2>
      <p>{t('audit.lead')}</p>
      <form className="form" onSubmit={submit} noValidate role="search" aria-label={t('audit.filters')}>
        <div className="filters-row">
          <ComboBox
            className="field"
            defaultItems={whoItems}
            defaultSelectedKey={params.get('who') ?? undefined}
            onSelectionChange={setWho}
            menuTrigger="focus"
          >
            <Label>{t('audit.who')}</Label>
            <Text slot="description" className="hint">
              {t('audit.whoHint')}
            </Text>
            <div className="combo-box__group">
              <Input className="input" />
              <Button className="icon-button" aria-label={t('audit.showPeople')}>
                <span aria-hidden="true">▾</span>
              </Button>
            </div>
            <Popover className="popover">
              <ListBox className="listbox">
                {(item: { id: string; name: string }) => (
                  <ListBoxItem id={item.id} className="listbox-item">
                    {item.name}
                  </ListBoxItem>
                )}
              </ListBox>
            </Popover>
          </ComboBox>
          <div className="field">
            <label htmlFor="field-what">{t('audit.what')}</label>
            <p className="hint" id="field-what-hint">
              {t('audit.whatHint')}
            </p>
            <select id="field-what" name="what" defaultValue={shown.what} aria-describedby="field-what-hint">
              <option value="">{t('audit.everything')}</option>
              {AUDIT_SUBJECTS.map((subject) => (
                <optgroup key={subject} label={t(`audit.subject.${subject}`)}>
                  <option value={subject}>{t(`audit.subject.${subject}`)}</option>
                  {AUDIT_ACTIONS[subject].map((verb) => (
                    <option key={verb} value={`${subject}.${verb}`}>
                      {t(auditActionKey(`${subject}.${verb}`))}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <DatePicker name="from" label={t('audit.from')} defaultValue={shown.from || undefined} />
          <DatePicker name="to" label={t('audit.to')} defaultValue={shown.to || undefined} />
        </div>
        <div className="actions">
          <button type="submit" className="button">
            {t('audit.show')}
          </button>
        </div>
      </form>

      {log.isPending ? <Loading /> : null}
      {log.isError ? <ErrorMessage error={log.error} retry={() => void log.refetch()} /> : null}
      {log.data ? (
        <div aria-busy={log.isFetching}>
          <AdminTable
            label={t('audit.tableLabel', { page: cursors.length + 1 })}
            items={entries}
            rowId={(entry) => entry.id}
            empty={t('audit.none')}
            columns={[
              { label: t('audit.when'), cell: (entry) => when(entry.at) },
              { label: t('audit.who'), cell: (entry) => actorOf(entry, t) },
              { label: t('audit.what'), cell: (entry) => <ActionName action={entry.action} /> },
              { label: t('audit.details'), cell: (entry) => details(entry, t) },
            ]}
          />
        </div>
      ) : null}
      <nav className="pager" aria-label={t('audit.pages')}>
        {cursors.length ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setCursors((list) => list.slice(0, -1))}
          >
            {t('audit.newer')}
          </button>
        ) : null}
        {log.data?.nextCursor ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setCursors((list) => [...list, log.data!.nextCursor!])}
          >
            {t('audit.older')}
          </button>
        ) : null}
      </nav>
    </section>
  );
}

/** An action in the page's language; one we have no words for yet is named by its area, with its code beside it. */
function ActionName({ action }: { action: string }) {
  const { t, i18n } = useTranslation('organization');
  const key = auditActionKey(action);
  if (i18n.exists(key, { ns: 'organization' })) return <>{t(key)}</>;
  const area = auditAreaKey(action);
  return (
    <>
      {area ? t('audit.otherChange', { area: t(area) }) : t('audit.unknownArea')}{' '}
      <span className="hint">
        ({t('audit.code')} <code lang="en">{action}</code>)
      </span>
    </>
  );
}

function actorOf(entry: AuditEntry, t: (key: string) => string): string {
  if (entry.actorName) return `${entry.actorName} (${entry.actorEmail ?? t('audit.apiToken')})`;
  return entry.actor.userId || entry.actor.apiTokenId ? t('audit.gone') : t('audit.system');
}

/** The few details a person needs to tell one change from another: names, addresses, roles. */
/** Where the words for a change's `from` and `to` are, by the action's area; a member's role otherwise. */
const STATE_WORDS: Array<[string, string]> = [
  ['pilot.', 'pilots:stages'],
  ['idea.', 'ideas:status'],
];

function details(entry: AuditEntry, t: (key: string, options?: Record<string, unknown>) => string): string {
  const d = entry.details;
  const parts: string[] = [];
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  for (const field of ['name', 'email', 'url']) if (text(d[field])) parts.push(text(d[field])!);
  if (text(d.role)) parts.push(t(`roles.${d.role}`, { defaultValue: String(d.role) }));
  // A role change (member.change-role), a pilot's move between stages or an idea's between statuses,
  // each worded in its own namespace and read inside the sentence.
  const states = STATE_WORDS.find(([prefix]) => entry.action.startsWith(prefix))?.[1] ?? 'roles';
  const words = (value: string) => labelInSentence(t(`${states}.${value}`, { defaultValue: value }));
  if (text(d.from) && text(d.to))
    parts.push(t('audit.roleChange', { from: words(String(d.from)), to: words(String(d.to)) }));
  return parts.join(' · ');
}
