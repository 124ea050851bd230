import type { Locale } from '@discuss/contracts';

export type MailKind =
  | 'verify_email'
  | 'reset_password'
  | 'change_email'
  | 'email_changed_notice'
  | 'invitation'
  | 'request_approved'
  | 'request_declined';

/** Values filled into `{community}`, `{inviter}`, `{note}` and `{role}` in a template. */
export type MailVars = Partial<Record<'community' | 'inviter' | 'note' | 'role', string>>;

interface Text {
  subject: string;
  greeting: (name: string) => string;
  body: string;
  action: string;
  ignore: string;
}

// Every e-mail in every shipped language; the web app's strings live in apps/web/src/i18n.
const TEXTS: Record<Locale, Record<MailKind, Text>> = {
  en: {
    invitation: {
      subject: '{inviter} invites you to {community} on DISCUSS',
      greeting: (n) => `Hello ${n},`,
      body: '{inviter} invites you to join the community of practice "{community}" on DISCUSS as {role}.{note} The invitation is valid for a limited time.',
      action: 'See the invitation',
      ignore: 'If you do not want to join, ignore this message.',
    },
    request_approved: {
      subject: 'Welcome to {community} on DISCUSS',
      greeting: (n) => `Hello ${n},`,
      body: 'Your request to join "{community}" has been approved. You are now a member.{note}',
      action: 'Open the community',
      ignore: '',
    },
    request_declined: {
      subject: 'Your request to join {community}',
      greeting: (n) => `Hello ${n},`,
      body: 'Your request to join "{community}" was not approved this time.{note}',
      action: 'Find other communities',
      ignore: '',
    },
    verify_email: {
      subject: 'Confirm your e-mail address for DISCUSS',
      greeting: (n) => `Hello ${n},`,
      body: 'Welcome to DISCUSS. Please confirm your e-mail address to finish creating your account. The link is valid for 48 hours.',
      action: 'Confirm my e-mail address',
      ignore: 'If you did not sign up, you can ignore this message.',
    },
    reset_password: {
      subject: 'Reset your DISCUSS password',
      greeting: (n) => `Hello ${n},`,
      body: 'Someone asked to reset the password of your DISCUSS account. The link works once and is valid for 1 hour.',
      action: 'Choose a new password',
      ignore: 'If you did not ask for this, ignore this message: your password stays the same.',
    },
    change_email: {
      subject: 'Confirm your new e-mail address for DISCUSS',
      greeting: (n) => `Hello ${n},`,
      body: 'Please confirm that this is the new e-mail address of your DISCUSS account. The link is valid for 48 hours.',
      action: 'Confirm the new address',
      ignore: 'If you did not ask for this change, ignore this message.',
    },
    email_changed_notice: {
      subject: 'The e-mail address of your DISCUSS account was changed',
      greeting: (n) => `Hello ${n},`,
      body: 'The e-mail address of your DISCUSS account has just been changed. From now on we write to the new address.',
      action: 'Sign in to DISCUSS',
      ignore:
        'If you did not make this change, reset your password at once and contact the platform operator.',
    },
  },
  fr: {
    invitation: {
      subject: '{inviter} vous invite à rejoindre {community} sur DISCUSS',
      greeting: (n) => `Bonjour ${n},`,
      body: '{inviter} vous invite à rejoindre la communauté de pratique « {community} » sur DISCUSS en tant que {role}.{note} L’invitation est valable pour une durée limitée.',
      action: 'Voir l’invitation',
      ignore: 'Si vous ne souhaitez pas la rejoindre, ignorez ce message.',
    },
    request_approved: {
      subject: 'Bienvenue dans {community} sur DISCUSS',
      greeting: (n) => `Bonjour ${n},`,
      body: 'Votre demande d’adhésion à « {community} » a été acceptée. Vous en êtes désormais membre.{note}',
      action: 'Ouvrir la communauté',
      ignore: '',
    },
    request_declined: {
      subject: 'Votre demande d’adhésion à {community}',
      greeting: (n) => `Bonjour ${n},`,
      body: 'Votre demande d’adhésion à « {community} » n’a pas été acceptée cette fois-ci.{note}',
      action: 'Trouver d’autres communautés',
      ignore: '',
    },
    verify_email: {
      subject: 'Confirmez votre adresse e-mail pour DISCUSS',
      greeting: (n) => `Bonjour ${n},`,
      body: 'Bienvenue sur DISCUSS. Confirmez votre adresse e-mail pour terminer la création de votre compte. Le lien est valable 48 heures.',
      action: 'Confirmer mon adresse e-mail',
      ignore: 'Si vous ne vous êtes pas inscrit, vous pouvez ignorer ce message.',
    },
    reset_password: {
      subject: 'Réinitialisez votre mot de passe DISCUSS',
      greeting: (n) => `Bonjour ${n},`,
      body: 'Une demande de réinitialisation du mot de passe de votre compte DISCUSS a été faite. Le lien ne fonctionne qu’une fois et reste valable 1 heure.',
      action: 'Choisir un nouveau mot de passe',
      ignore:
        'Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.',
    },
    change_email: {
      subject: 'Confirmez votre nouvelle adresse e-mail pour DISCUSS',
      greeting: (n) => `Bonjour ${n},`,
      body: 'Confirmez qu’il s’agit bien de la nouvelle adresse e-mail de votre compte DISCUSS. Le lien est valable 48 heures.',
      action: 'Confirmer la nouvelle adresse',
      ignore: 'Si vous n’avez pas demandé ce changement, ignorez ce message.',
    },
    email_changed_notice: {
      subject: 'L’adresse e-mail de votre compte DISCUSS a été modifiée',
      greeting: (n) => `Bonjour ${n},`,
      body: 'L’adresse e-mail de votre compte DISCUSS vient d’être modifiée. Nous écrirons désormais à la nouvelle adresse.',
      action: 'Se connecter à DISCUSS',
      ignore:
        'Si vous n’êtes pas à l’origine de ce changement, réinitialisez immédiatement votre mot de passe et contactez l’opérateur de la plateforme.',
    },
  },
  de: {
    invitation: {
      subject: '{inviter} lädt Sie zu {community} auf DISCUSS ein',
      greeting: (n) => `Hallo ${n},`,
      body: '{inviter} lädt Sie ein, der Praxisgemeinschaft „{community}“ auf DISCUSS als {role} beizutreten.{note} Die Einladung ist befristet.',
      action: 'Einladung ansehen',
      ignore: 'Wenn Sie nicht beitreten möchten, ignorieren Sie diese Nachricht.',
    },
    request_approved: {
      subject: 'Willkommen bei {community} auf DISCUSS',
      greeting: (n) => `Hallo ${n},`,
      body: 'Ihre Beitrittsanfrage für „{community}“ wurde angenommen. Sie sind jetzt Mitglied.{note}',
      action: 'Gemeinschaft öffnen',
      ignore: '',
    },
    request_declined: {
      subject: 'Ihre Beitrittsanfrage für {community}',
      greeting: (n) => `Hallo ${n},`,
      body: 'Ihre Beitrittsanfrage für „{community}“ wurde diesmal nicht angenommen.{note}',
      action: 'Andere Gemeinschaften finden',
      ignore: '',
    },
    verify_email: {
      subject: 'Bestätigen Sie Ihre E-Mail-Adresse für DISCUSS',
      greeting: (n) => `Hallo ${n},`,
      body: 'Willkommen bei DISCUSS. Bitte bestätigen Sie Ihre E-Mail-Adresse, um Ihr Konto fertig anzulegen. Der Link ist 48 Stunden gültig.',
      action: 'E-Mail-Adresse bestätigen',
      ignore: 'Wenn Sie sich nicht registriert haben, können Sie diese Nachricht ignorieren.',
    },
    reset_password: {
      subject: 'Setzen Sie Ihr DISCUSS-Passwort zurück',
      greeting: (n) => `Hallo ${n},`,
      body: 'Jemand hat das Zurücksetzen des Passworts Ihres DISCUSS-Kontos angefordert. Der Link funktioniert einmal und ist 1 Stunde gültig.',
      action: 'Neues Passwort wählen',
      ignore:
        'Wenn Sie das nicht angefordert haben, ignorieren Sie diese Nachricht: Ihr Passwort bleibt unverändert.',
    },
    change_email: {
      subject: 'Bestätigen Sie Ihre neue E-Mail-Adresse für DISCUSS',
      greeting: (n) => `Hallo ${n},`,
      body: 'Bitte bestätigen Sie, dass dies die neue E-Mail-Adresse Ihres DISCUSS-Kontos ist. Der Link ist 48 Stunden gültig.',
      action: 'Neue Adresse bestätigen',
      ignore: 'Wenn Sie diese Änderung nicht angefordert haben, ignorieren Sie diese Nachricht.',
    },
    email_changed_notice: {
      subject: 'Die E-Mail-Adresse Ihres DISCUSS-Kontos wurde geändert',
      greeting: (n) => `Hallo ${n},`,
      body: 'Die E-Mail-Adresse Ihres DISCUSS-Kontos wurde soeben geändert. Ab jetzt schreiben wir an die neue Adresse.',
      action: 'Bei DISCUSS anmelden',
      ignore:
        'Wenn Sie diese Änderung nicht vorgenommen haben, setzen Sie sofort Ihr Passwort zurück und wenden Sie sich an den Betreiber der Plattform.',
    },
  },
  es: {
    invitation: {
      subject: '{inviter} te invita a {community} en DISCUSS',
      greeting: (n) => `Hola, ${n}:`,
      body: '{inviter} te invita a unirte a la comunidad de práctica «{community}» en DISCUSS como {role}.{note} La invitación es válida durante un tiempo limitado.',
      action: 'Ver la invitación',
      ignore: 'Si no quieres unirte, ignora este mensaje.',
    },
    request_approved: {
      subject: 'Te damos la bienvenida a {community} en DISCUSS',
      greeting: (n) => `Hola, ${n}:`,
      body: 'Se ha aprobado tu solicitud para unirte a «{community}». Ya eres miembro.{note}',
      action: 'Abrir la comunidad',
      ignore: '',
    },
    request_declined: {
      subject: 'Tu solicitud para unirte a {community}',
      greeting: (n) => `Hola, ${n}:`,
      body: 'Tu solicitud para unirte a «{community}» no se ha aprobado esta vez.{note}',
      action: 'Buscar otras comunidades',
      ignore: '',
    },
    verify_email: {
      subject: 'Confirma tu dirección de correo electrónico para DISCUSS',
      greeting: (n) => `Hola, ${n}:`,
      body: 'Te damos la bienvenida a DISCUSS. Confirma tu dirección de correo electrónico para terminar de crear tu cuenta. El enlace es válido durante 48 horas.',
      action: 'Confirmar mi dirección de correo',
      ignore: 'Si no te has registrado, puedes ignorar este mensaje.',
    },
    reset_password: {
      subject: 'Restablece tu contraseña de DISCUSS',
      greeting: (n) => `Hola, ${n}:`,
      body: 'Alguien ha pedido restablecer la contraseña de tu cuenta de DISCUSS. El enlace funciona una sola vez y es válido durante 1 hora.',
      action: 'Elegir una contraseña nueva',
      ignore: 'Si no lo has pedido tú, ignora este mensaje: tu contraseña no cambia.',
    },
    change_email: {
      subject: 'Confirma tu nueva dirección de correo para DISCUSS',
      greeting: (n) => `Hola, ${n}:`,
      body: 'Confirma que esta es la nueva dirección de correo de tu cuenta de DISCUSS. El enlace es válido durante 48 horas.',
      action: 'Confirmar la nueva dirección',
      ignore: 'Si no has pedido este cambio, ignora este mensaje.',
    },
    email_changed_notice: {
      subject: 'Se ha cambiado la dirección de correo de tu cuenta de DISCUSS',
      greeting: (n) => `Hola, ${n}:`,
      body: 'La dirección de correo de tu cuenta de DISCUSS se acaba de cambiar. A partir de ahora escribiremos a la nueva dirección.',
      action: 'Iniciar sesión en DISCUSS',
      ignore:
        'Si no has hecho este cambio, restablece tu contraseña de inmediato y ponte en contacto con el operador de la plataforma.',
    },
  },
};

/** How a community role reads inside a sentence, per language. */
const ROLE_NAMES: Record<Locale, Record<string, string>> = {
  en: { facilitator: 'facilitator', moderator: 'moderator', member: 'member', expert: 'invited expert' },
  fr: {
    facilitator: 'animateur ou animatrice',
    moderator: 'modérateur ou modératrice',
    member: 'membre',
    expert: 'experte ou expert invité',
  },
  de: {
    facilitator: 'Moderation der Gemeinschaft',
    moderator: 'Moderator/in',
    member: 'Mitglied',
    expert: 'eingeladene Expertin bzw. eingeladener Experte',
  },
  es: {
    facilitator: 'dinamizador o dinamizadora',
    moderator: 'moderador o moderadora',
    member: 'miembro',
    expert: 'experta o experto invitado',
  },
};

const fill = (text: string, vars: MailVars, locale: Locale): string =>
  text.replace(/\{(community|inviter|note|role)\}/g, (_, k: keyof MailVars) => {
    const v = vars[k] ?? '';
    if (k === 'role') return ROLE_NAMES[locale][v] ?? v;
    if (k === 'note') return v ? `\n\n“${v}”\n` : '';
    return v;
  });

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/** Renders one transactional e-mail in the recipient's language (English when unknown). */
export function renderMail(
  kind: MailKind,
  locale: string | null | undefined,
  name: string,
  link: string,
  vars: MailVars = {},
): RenderedMail {
  const loc: Locale = locale && locale in TEXTS ? (locale as Locale) : 'en';
  const raw = TEXTS[loc][kind];
  const t = { ...raw, subject: fill(raw.subject, vars, loc), body: fill(raw.body, vars, loc) };
  const text = [t.greeting(name), '', t.body, '', `${t.action}: ${link}`, '', t.ignore, '', '— DISCUSS']
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;max-width:36em">
<p>${escapeHtml(t.greeting(name))}</p><p>${escapeHtml(t.body).replace(/\n/g, '<br>')}</p>
<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:.6em 1.2em;background:#1d4ed8;color:#fff;text-decoration:none;border-radius:4px">${escapeHtml(t.action)}</a></p>
<p style="font-size:.9em;color:#555">${escapeHtml(link)}</p><p style="font-size:.9em;color:#555">${escapeHtml(t.ignore)}</p><p>— DISCUSS</p></body></html>`;
  return { subject: t.subject, text, html };
}
