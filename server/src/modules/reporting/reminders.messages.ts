import { isLocale, type Locale, RTL_LOCALES } from '@shared/locales.js';
import { escapeHtml, type Mail } from '../../lib/mailer.js';

export type ReminderKind = 'before_due' | 'overdue';

export interface ReminderFacts {
  name: string;
  organisation: string;
  projectCode: string;
  projectTitle: string;
  periodKey: string;
  dueDate: string;
  link: string;
}

interface Texts {
  subject: Record<ReminderKind, string>;
  lead: Record<ReminderKind, string>;
  greeting: string;
  action: string;
}

/** Reminder wording in every interface language; {placeholders} are filled from ReminderFacts. */
const TEXTS: Record<Locale, Texts> = {
  en: {
    subject: { before_due: 'Report due {dueDate}: {projectCode} {periodKey}', overdue: 'Report overdue: {projectCode} {periodKey}' },
    greeting: 'Hello {name},',
    lead: {
      before_due: "{organisation}'s report for {projectCode} – {projectTitle}, period {periodKey}, is due on {dueDate} and has not been submitted yet.",
      overdue: "{organisation}'s report for {projectCode} – {projectTitle}, period {periodKey}, was due on {dueDate} and has not been submitted yet.",
    },
    action: 'Open the report',
  },
  fr: {
    subject: { before_due: 'Rapport attendu le {dueDate} : {projectCode} {periodKey}', overdue: 'Rapport en retard : {projectCode} {periodKey}' },
    greeting: 'Bonjour {name},',
    lead: {
      before_due: "Le rapport de {organisation} pour {projectCode} – {projectTitle}, période {periodKey}, est attendu le {dueDate} et n'a pas encore été soumis.",
      overdue: "Le rapport de {organisation} pour {projectCode} – {projectTitle}, période {periodKey}, était attendu le {dueDate} et n'a pas encore été soumis.",
    },
    action: 'Ouvrir le rapport',
  },
  es: {
    subject: { before_due: 'Informe para el {dueDate}: {projectCode} {periodKey}', overdue: 'Informe atrasado: {projectCode} {periodKey}' },
    greeting: 'Hola, {name}:',
    lead: {
      before_due: 'El informe de {organisation} para {projectCode} – {projectTitle}, período {periodKey}, vence el {dueDate} y aún no se ha enviado.',
      overdue: 'El informe de {organisation} para {projectCode} – {projectTitle}, período {periodKey}, venció el {dueDate} y aún no se ha enviado.',
    },
    action: 'Abrir el informe',
  },
  ar: {
    subject: { before_due: 'تقرير مستحق في {dueDate}: {projectCode} {periodKey}', overdue: 'تقرير متأخر: {projectCode} {periodKey}' },
    greeting: 'مرحبًا {name}،',
    lead: {
      before_due: 'تقرير {organisation} عن {projectCode} – {projectTitle}، الفترة {periodKey}، مستحق في {dueDate} ولم يُقدَّم بعد.',
      overdue: 'تقرير {organisation} عن {projectCode} – {projectTitle}، الفترة {periodKey}، كان مستحقًا في {dueDate} ولم يُقدَّم بعد.',
    },
    action: 'افتح التقرير',
  },
};

const fill = (template: string, facts: ReminderFacts, escape: (s: string) => string) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => escape(String(facts[key as keyof ReminderFacts] ?? '')));

/** The reminder e-mail in the recipient's language (English when they chose none). */
export function reminderMail(to: string, locale: string | null, kind: ReminderKind, facts: ReminderFacts): Mail {
  const lang: Locale = isLocale(locale) ? locale : 'en';
  const t = TEXTS[lang];
  const plain = (s: string) => s;
  const dir = RTL_LOCALES.has(lang) ? 'rtl' : 'ltr';
  return {
    to,
    subject: fill(t.subject[kind], facts, plain),
    text: [fill(t.greeting, facts, plain), '', fill(t.lead[kind], facts, plain), '', `${t.action}: ${facts.link}`].join('\n'),
    html:
      `<div dir="${dir}" lang="${lang}"><p>${fill(t.greeting, facts, escapeHtml)}</p><p>${fill(t.lead[kind], facts, escapeHtml)}</p>` +
      `<p><a href="${escapeHtml(facts.link)}">${escapeHtml(t.action)}</a></p></div>`,
  };
}
