import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  Dialog,
  Heading,
  Menu,
  MenuItem,
  MenuTrigger,
  Modal,
  ModalOverlay,
  Popover,
} from 'react-aria-components';
import { AdminTable } from '../../ui/AdminTable';
import { useSession } from '../../app/session';
import { explainConflict } from '../../ui/conflicts';
import { ErrorSummary, Field, type ShownError } from '../../ui/Form';
import { Empty, ErrorMessage, DoneNotice, QueryState } from '../../ui/Status';
import { useFormProblems } from '../../ui/useFormProblems';
import { FormField } from '../../ui/FormField';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import {
  useAddMember,
  useChangeRole,
  useMembers,
  useRemoveMember,
  useSentInvitations,
  useWithdrawInvitation,
} from './queries';
import { ROLES, type Member, type Role } from './types';
import { formatShortDate } from '../../ui/format';

export function MembersSection({ organizationId }: { organizationId: string }) {
  const { t, i18n } = useTranslation('organization');
  const members = useMembers(organizationId);
  const invitations = useSentInvitations(organizationId);
  const withdraw = useWithdrawInvitation(organizationId);
  const [changing, setChanging] = useState<Member | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const remove = useRemoveMember(organizationId);
  const date = (iso: string) => formatShortDate(iso, i18n.language);

  return (
    <>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading">{t('members.title')}</h2>
        {done ? <DoneNotice>{done}</DoneNotice> : null}
        <QueryState query={members} />
        {members.data ? (
          <AdminTable
            labelledBy="members-heading"
            items={members.data.items}
            rowId={(member) => member.userId}
            empty={t('members.none')}
            columns={[
              { label: t('members.name'), cell: (member) => member.name },
              { label: t('members.email'), cell: (member) => member.email },
              { label: t('members.role'), cell: (member) => t(`roles.${member.role}`) },
              {
                label: t('actions'),
                cell: (member) => (
                  <MenuTrigger>
                    <Button
                      className="button button--secondary"
                      aria-label={t('members.actionsFor', { name: member.name })}
                    >
                      {t('members.change')} <span aria-hidden="true">▾</span>
                    </Button>
                    <Popover placement="bottom end">
                      <Menu
                        className="menu"
                        onAction={(key) => (key === 'role' ? setChanging(member) : setRemoving(member))}
                      >
                        <MenuItem id="role" className="menu-item">
                          {t('members.changeRole')}
                        </MenuItem>
                        <MenuItem id="remove" className="menu-item">
                          {t('members.remove')}
                        </MenuItem>
                      </Menu>
                    </Popover>
                  </MenuTrigger>
                ),
              },
            ]}
          />
        ) : null}
      </section>

      <InviteForm organizationId={organizationId} onDone={setDone} />

      <section aria-labelledby="invitations-heading">
        <h2 id="invitations-heading">{t('invitations.title')}</h2>
        <QueryState query={invitations} />
        {withdraw.isError ? <ErrorMessage error={withdraw.error} /> : null}
        {invitations.data && invitations.data.items.length === 0 ? <Empty>{t('invitations.none')}</Empty> : null}
        {invitations.data && invitations.data.items.length ? (
          <ul className="card-list">
            {invitations.data.items.map((invitation) => (
              <li key={invitation.id}>
                <p>
                  <strong>{invitation.email}</strong> · {t(`roles.${invitation.role}`)}
                </p>
                <p className="meta">
                  {t('invitations.open', { sent: date(invitation.createdAt), expires: date(invitation.expiresAt) })}
                </p>
                <button
                  type="button"
                  className="button button--secondary"
                  aria-disabled={withdraw.isPending}
                  onClick={() => withdraw.mutate(invitation.id)}
                >
                  {t('invitations.withdraw', { email: invitation.email })}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
      </section>

      {changing ? (
        <ChangeRoleDialog
          organizationId={organizationId}
          member={changing}
          onClose={() => setChanging(null)}
          onDone={(role) => {
            setDone(t('members.roleChanged', { name: changing.name, role: t(`roles.${role}`) }));
            setChanging(null);
          }}
        />
      ) : null}
      {removing ? (
        <ConfirmDialog
          title={t('members.removeTitle', { name: removing.name })}
          body={t('members.removeBody')}
          confirm={t('members.removeConfirm')}
          pending={remove.isPending}
          error={explainConflict(remove.error, [[/at least one admin/, t('members.lastAdmin')]])}
          onClose={() => {
            remove.reset();
            setRemoving(null);
          }}
          onConfirm={() =>
            remove.mutate(removing.userId, {
              onSuccess: () => {
                setDone(t('members.removed', { name: removing.name }));
                setRemoving(null);
              },
            })
          }
        />
      ) : null}
    </>
  );
}

function InviteForm({ organizationId, onDone }: { organizationId: string; onDone: (message: string) => void }) {
  const { t } = useTranslation('organization');
  const add = useAddMember(organizationId);
  const labels = { email: t('invite.email'), name: t('invite.name'), role: t('invite.role') };
  const problems = useFormProblems('organization', labels);
  const [key, setKey] = useState(0);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending) return;
    const form = new FormData(event.currentTarget);
    const body = {
      email: String(form.get('email') ?? '').trim(),
      name: String(form.get('name') ?? '').trim(),
      role: String(form.get('role')) as Role,
    };
    const missing: ShownError[] = [];
    if (!body.email) missing.push({ field: 'email', label: labels.email, message: t('errors.email.required') });
    if (!body.name) missing.push({ field: 'name', label: labels.name, message: t('errors.name.required') });
    if (missing.length) return problems.setFieldErrors(missing);
    add.mutate(body, {
      onSuccess: (answer) => {
        problems.clear();
        onDone(
          'invitationId' in answer
            ? t('invite.invited', { email: body.email })
            : t('invite.added', { email: body.email }),
        );
        setKey((k) => k + 1);
      },
      onError: (error, submitted) =>
        problems.show(explainConflict(error, [[/already a member/, t('invite.alreadyMember')]]), submitted),
    });
  };

  return (
    <section aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('invite.title')}</h2>
      <p>{t('invite.lead')}</p>
      <form key={key} className="form" onSubmit={submit} noValidate>
        <ErrorSummary errors={problems.errors} general={problems.general} />
        <Field name="email" type="email" label={labels.email} autoComplete="off" error={problems.errorFor('email')} />
        <Field
          name="name"
          label={labels.name}
          hint={t('invite.nameHint')}
          autoComplete="off"
          error={problems.errorFor('name')}
        />
        <RoleSelect name="role" label={labels.role} defaultValue="member" error={problems.errorFor('role')} />
        <div className="actions">
          <button type="submit" className="button" aria-disabled={add.isPending}>
            {add.isPending ? t('sending') : t('invite.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

export function RoleSelect({
  name,
  label,
  defaultValue,
  error,
}: {
  name: string;
  label: string;
  defaultValue: Role;
  error?: string;
}) {
  const { t } = useTranslation('organization');
  const id = `field-${name}`;
  return (
    <FormField id={id} label={label} hint={t('roleHint')} error={error}>
      {(describedBy, invalid) => (
        <select id={id} name={name} defaultValue={defaultValue} aria-describedby={describedBy} aria-invalid={invalid}>
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

function ChangeRoleDialog({
  organizationId,
  member,
  onClose,
  onDone,
}: {
  organizationId: string;
  member: Member;
  onClose: () => void;
  onDone: (role: Role) => void;
}) {
  const { t } = useTranslation('organization');
  const change = useChangeRole(organizationId);
  const { me } = useSession();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (change.isPending) return;
    const role = String(new FormData(event.currentTarget).get('new-role')) as Role;
    change.mutate({ userId: member.userId, role }, { onSuccess: () => onDone(role) });
  };
  return (
    <ModalOverlay
      isOpen
      isDismissable
      onOpenChange={(open) => (open ? undefined : onClose())}
      className="modal-overlay"
    >
      <Modal className="modal">
        <Dialog className="dialog">
          <Heading slot="title">{t('members.changeRoleTitle', { name: member.name })}</Heading>
          {me?.id === member.userId ? <p>{t('members.changeOwnRole')}</p> : null}
          <form onSubmit={submit} noValidate>
            {change.isError ? (
              <ErrorMessage error={explainConflict(change.error, [[/at least one admin/, t('members.lastAdmin')]])} />
            ) : null}
            <RoleSelect name="new-role" label={t('members.newRole')} defaultValue={member.role} />
            <div className="actions">
              <button type="submit" className="button" aria-disabled={change.isPending}>
                {change.isPending ? t('sending') : t('members.saveRole')}
              </button>
              <button type="button" className="button button--secondary" onClick={onClose}>
                {t('cancel')}
              </button>
            </div>
          </form>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
