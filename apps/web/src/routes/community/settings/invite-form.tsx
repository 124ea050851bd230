import { COMMUNITY_LIMITS as L, LIMITS, type Community } from '@discuss/contracts';
import { useState, type FormEvent } from 'react';
import { useCreateInvitations, useInvitable } from '../../../api/members.ts';
import {
  PeoplePicker,
  pickerSearch,
  usePickerQuery,
  type PersonOption,
} from '../../../components/people-picker.tsx';
import { Alert } from '../../../components/ui/alert.tsx';
import { Button } from '../../../components/ui/button.tsx';
import { ErrorSummary, summaryItems } from '../../../components/ui/error-summary.tsx';
import { SendIcon } from '../../../components/ui/icons.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextAreaField } from '../../../components/ui/textarea-field.tsx';
import { currentLocale, useTranslation, type TFunction } from '../../../i18n/i18n.ts';
import { formatDays, formatList } from '../../../lib/format.ts';
import { apiErrorToForm, hasErrors, useFormErrors } from '../../../lib/form.ts';
import { ACCESS_DAYS } from './role-dialog.tsx';

const INVITE_ROLES = ['member', 'moderator', 'facilitator', 'expert'] as const;
type InviteRole = (typeof INVITE_ROLES)[number];
const VALID_DAYS = [7, 14, 30, L.invitationMaxDays];

type Field = 'userIds' | 'emails' | 'role' | 'message' | 'expiresInDays';
const IDS: Record<Field, string> = {
  userIds: 'invite-people',
  emails: 'invite-emails',
  role: 'invite-role',
  message: 'invite-message',
  expiresInDays: 'invite-days',
};

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Addresses typed one per line or separated by commas or semicolons; duplicates dropped. */
export function parseEmails(text: string): { emails: string[]; invalid: string[] } {
  const seen = new Set<string>();
  const emails: string[] = [];
  const invalid: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    const email = raw.trim().replace(/^<|>$/g, '').toLowerCase();
    if (!email || seen.has(email)) continue;
    seen.add(email);
    if (EMAIL_SHAPE.test(email) && email.length <= LIMITS.emailMax) emails.push(email);
    else invalid.push(raw.trim());
  }
  return { emails, invalid };
}

/** The e-mail field's error; people chosen in the picker make the addresses optional. */
export function checkEmails(
  t: TFunction,
  text: string,
  locale: string,
  peopleChosen: number,
): string | undefined {
  const { emails, invalid } = parseEmails(text);
  if (invalid.length > 0)
    return t('communitySettings.invite.invalidEmails', { list: formatList(invalid, locale) });
  if (emails.length === 0 && peopleChosen === 0) return t('communitySettings.invite.nobody');
  if (emails.length > L.invitationsPerRequest)
    return t('communitySettings.invite.tooMany', { max: L.invitationsPerRequest });
  return undefined;
}

interface Outcome {
  sent: number;
  skipped: { target: string; reason: 'already_member' | 'already_invited' | 'unknown_user' }[];
}

export function InviteForm({ community }: { community: Community }) {
  const { t } = useTranslation();
  const create = useCreateInvitations(community.slug);
  const locale = currentLocale();
  const [people, setPeople] = useState<PersonOption[]>([]);
  const [query, setQuery, q] = usePickerQuery();
  const invitable = useInvitable(community.slug, q);
  const [emails, setEmails] = useState('');
  const [role, setRole] = useState<InviteRole>('member');
  const [accessDays, setAccessDays] = useState('90');
  const [message, setMessage] = useState('');
  const [days, setDays] = useState('14');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const errors = useFormErrors<Field>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setOutcome(null);
    const fields = {
      emails: checkEmails(t, emails, locale, people.length),
      message:
        message.trim().length > L.invitationMessageMax
          ? t('validation.tooLong', { max: L.invitationMessageMax })
          : undefined,
    };
    if (hasErrors(fields)) return errors.show({ fields });
    errors.clear();
    // Skipped people come back by id: name them as they were chosen.
    const names = new Map(people.map((person) => [person.id, person.displayName]));
    create.mutate(
      {
        userIds: people.map((person) => person.id),
        emails: parseEmails(emails).emails,
        role,
        message: message.trim(),
        expiresInDays: Number(days),
        ...(role === 'expert' ? { accessDays: Number(accessDays) } : {}),
      },
      {
        onSuccess: (result) => {
          setOutcome({
            sent: result.items.length,
            skipped: result.skipped.map((item) => ({
              ...item,
              target: names.get(item.target) ?? item.target,
            })),
          });
          // What was sent is done; anything skipped is listed in the outcome above the form.
          setEmails('');
          setPeople([]);
        },
        onError: (error) =>
          errors.show(
            apiErrorToForm(error, t, {
              userIds: t('communitySettings.invite.people'),
              emails: t('communitySettings.invite.emails'),
              role: t('communitySettings.invite.role'),
              message: t('communitySettings.invite.message'),
              expiresInDays: t('communitySettings.invite.days'),
            }),
          ),
      },
    );
  }

  return (
    <form className="form" noValidate onSubmit={submit}>
      <ErrorSummary items={summaryItems(errors, IDS)} focusKey={errors.attempt} />
      {outcome && <InviteOutcome outcome={outcome} />}
      <PeoplePicker
        id={IDS.userIds}
        label={t('communitySettings.invite.people')}
        hint={t('communitySettings.invite.peopleHint')}
        chosenLabel={t('communitySettings.invite.chosen')}
        removeLabel={(person) => t('communitySettings.invite.removePerson', { name: person.displayName })}
        search={pickerSearch(query, invitable, (person) => person)}
        query={query}
        onQueryChange={setQuery}
        value={people}
        onChange={setPeople}
        max={L.invitationsPerRequest}
        error={errors.fields.userIds}
      />
      <TextAreaField
        id={IDS.emails}
        label={t('communitySettings.invite.emails')}
        hint={t('communitySettings.invite.emailsHint', { max: L.invitationsPerRequest })}
        rows={4}
        spellCheck={false}
        autoCapitalize="none"
        value={emails}
        onChange={(event) => setEmails(event.target.value)}
        error={errors.fields.emails}
      />
      <SelectField
        id={IDS.role}
        label={t('communitySettings.invite.role')}
        hint={t(`community.roleHelp.${role}`)}
        value={role}
        onChange={(event) => setRole(INVITE_ROLES.find((r) => r === event.target.value) ?? 'member')}
        error={errors.fields.role}
        options={INVITE_ROLES.map((value) => ({ value, label: t(`community.role.${value}`) }))}
      />
      {role === 'expert' && (
        <SelectField
          id="invite-access-days"
          label={t('communitySettings.role.days')}
          hint={t('communitySettings.role.daysHint')}
          width="auto"
          value={accessDays}
          onChange={(event) => setAccessDays(event.target.value)}
          options={ACCESS_DAYS.map((value) => ({ value: String(value), label: formatDays(value, locale) }))}
        />
      )}
      <TextAreaField
        id={IDS.message}
        label={t('communitySettings.invite.message')}
        hint={t('communitySettings.invite.messageHint', { max: L.invitationMessageMax })}
        maxLength={L.invitationMessageMax}
        rows={3}
        value={message}
        onChange={(event) => setMessage(event.target.value)}
        error={errors.fields.message}
      />
      <SelectField
        id={IDS.expiresInDays}
        label={t('communitySettings.invite.days')}
        hint={t('communitySettings.invite.daysHint')}
        width="auto"
        value={days}
        onChange={(event) => setDays(event.target.value)}
        error={errors.fields.expiresInDays}
        options={VALID_DAYS.map((value) => ({ value: String(value), label: formatDays(value, locale) }))}
      />
      <div>
        <Button type="submit" pending={create.isPending} pendingLabel={t('common.sending')}>
          <SendIcon />
          {t('communitySettings.invite.submit')}
        </Button>
      </div>
    </form>
  );
}

function InviteOutcome({ outcome }: { outcome: Outcome }) {
  const { t } = useTranslation();
  const tone = outcome.sent === 0 ? 'warning' : 'success';
  return (
    <Alert
      tone={tone}
      live="status"
      title={
        outcome.sent > 0
          ? t('communitySettings.invite.sent', { count: outcome.sent })
          : t('communitySettings.invite.noneSent')
      }
    >
      {outcome.skipped.length > 0 && (
        <>
          <p>{t('communitySettings.invite.skippedIntro', { count: outcome.skipped.length })}</p>
          <ul className="skipped-list">
            {outcome.skipped.map((item) => (
              <li key={item.target}>
                <strong className="invitation-target">{item.target}</strong>
                {' — '}
                {t(`communitySettings.invite.skipped.${item.reason}`)}
              </li>
            ))}
          </ul>
        </>
      )}
    </Alert>
  );
}
