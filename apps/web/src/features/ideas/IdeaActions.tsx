import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { explainConflict } from '../../ui/conflicts';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorSummary } from '../../ui/Form';
import { DialogActions, FormDialog } from '../../ui/FormDialog';
import { ReasonDialog } from '../../ui/ReasonDialog';
import { Empty, QueryState } from '../../ui/Status';
import { useFormProblems } from '../../ui/useFormProblems';
import { ChoicesField } from './ChoicesField';
import { promisedDays, useDomainNames } from './parts';
import { useMatches, useMoveIdea } from './queries';
import type { IdeaDetail } from './types';

type Action = 'screen' | 'accept' | 'decline' | 'close';

const ACTIONS: Action[] = ['screen', 'accept', 'decline', 'close'];

/** A sluice manager's steps with an idea: screen it, accept it with test beds, decline it with a reason, close it. */
export function IdeaActions({ idea, onDone }: { idea: IdeaDetail; onDone: (message: string) => void }) {
  const { t } = useTranslation('ideas');
  const [open, setOpen] = useState<Action | null>(null);
  const move = useMoveIdea(idea.id);
  // What the state machine allows now, as the API says for this person.
  const moves = ACTIONS.filter((action) => idea.permissions[action]);
  const done = (message: string) => {
    setOpen(null);
    onDone(message);
  };
  const conflict = (error: unknown) => explainConflict(error, [[/./, t('actions.conflict')]]);
  return (
    <section aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t('actions.title')}</h2>
      <p>{t(`actions.explained.${idea.status}`, { count: promisedDays(idea) })}</p>
      {moves.length ? (
        <div className="actions">
          {moves.map((action) => (
            <button
              key={action}
              type="button"
              className={action === 'decline' ? 'button button--warning' : 'button'}
              onClick={() => {
                move.reset();
                setOpen(action);
              }}
            >
              {t(`actions.${action}`)}
            </button>
          ))}
        </div>
      ) : null}
      {open === 'screen' ? (
        <ConfirmDialog
          title={t('screenDialog.title')}
          body={t('screenDialog.body', { title: idea.title })}
          confirm={t('screenDialog.confirm')}
          keep={t('keep')}
          tone="plain"
          pending={move.isPending}
          error={move.error ? conflict(move.error) : null}
          onConfirm={() => move.mutate({ action: 'screen' }, { onSuccess: () => done(t('done.screening')) })}
          onClose={() => setOpen(null)}
        />
      ) : null}
      {open === 'decline' || open === 'close' ? (
        <ReasonDialog
          ns="ideas"
          title={t(`${open}Dialog.title`, { title: idea.title })}
          label={t(`${open}Dialog.text`)}
          hint={t(`${open}Dialog.textHint`)}
          missing={t(`${open}Dialog.textMissing`)}
          confirm={t(`${open}Dialog.confirm`)}
          keep={t('keep')}
          warning={open === 'decline'}
          pending={move.isPending}
          onConfirm={(text, onError) =>
            move.mutate(open === 'decline' ? { action: open, reason: text } : { action: open, result: text }, {
              onSuccess: () => done(t(open === 'decline' ? 'done.declined' : 'done.closed')),
              onError: (error) => onError(conflict(error)),
            })
          }
          onClose={() => setOpen(null)}
        >
          <p>{t(`${open}Dialog.body`)}</p>
        </ReasonDialog>
      ) : null}
      {open === 'accept' ? (
        <AcceptDialog idea={idea} onClose={() => setOpen(null)} onDone={() => done(t('done.accepted'))} />
      ) : null}
    </section>
  );
}

/** Accepting matches the idea to one or more test beds, chosen from the catalogue's suggestions, best first. */
function AcceptDialog({ idea, onClose, onDone }: { idea: IdeaDetail; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation('ideas');
  const matches = useMatches(idea.id, true);
  const move = useMoveIdea(idea.id);
  const domainName = useDomainNames();
  const label = t('acceptDialog.testbeds');
  const problems = useFormProblems('ideas', { testbedIds: label });
  const [chosen, setChosen] = useState<string[]>([]);
  const items = matches.data?.items ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (move.isPending) return;
    if (chosen.length === 0)
      return problems.setFieldErrors([{ field: 'testbedIds', label, message: t('acceptDialog.noneChosen') }]);
    move.mutate(
      { action: 'accept', testbedIds: chosen },
      {
        onSuccess: onDone,
        onError: (e) => problems.show(explainConflict(e, [[/./, t('actions.conflict')]]), { testbedIds: chosen }),
      },
    );
  };
  return (
    <FormDialog title={t('acceptDialog.title', { title: idea.title })} onClose={onClose}>
      <p>{t('acceptDialog.body')}</p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary errors={problems.errors} general={problems.general} />
        <ChoicesField
          name="testbedIds"
          legend={label}
          hint={t('acceptDialog.hint')}
          error={problems.errorFor('testbedIds')}
          ranked
          choices={items.map((match) => ({
            value: match.testbedId,
            label: (
              <span>
                <strong>{match.name}</strong>
                <span className="meta">
                  {` · ${match.organizationName}${match.sameOrganization ? ` (${t('acceptDialog.own')})` : ''} · ${match.municipality}`}
                  {match.sharedDomains.length ? ` · ${match.sharedDomains.map(domainName).join(', ')}` : ''}
                </span>
              </span>
            ),
            after: (
              <Link to={`/testbeds/${match.testbedId}`} target="_blank" rel="noopener">
                {t('acceptDialog.open', { name: match.name })}
              </Link>
            ),
          }))}
          chosen={chosen}
          onChange={setChosen}
          status={
            <>
              <QueryState query={matches} />
              {matches.data && items.length === 0 ? <Empty>{t('acceptDialog.noMatches')}</Empty> : null}
            </>
          }
        />
        <DialogActions
          pending={move.isPending}
          confirm={t('acceptDialog.confirm')}
          sending={t('sending')}
          keep={t('keep')}
          onClose={onClose}
        />
      </form>
    </FormDialog>
  );
}
