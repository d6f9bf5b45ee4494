import { html, type TemplateResult } from 'lit';
import { localize, type HoursCertificate, type Locale } from '@doorstep/sdk';
import type { MessageParams } from '../locales/index.js';

export interface CertificateText {
  locale: Locale;
  say: (key: CertificateKey, params?: MessageParams) => string;
  /** Minutes as hours in the locale: "123.5". */
  hours: (minutes: number) => string;
  /** "123.5 小时" / "123.5 hours". */
  hoursText: (minutes: number) => string;
  /** A calendar date in full: 2026年11月23日. */
  day: (date: string) => string;
}

export type CertificateKey =
  | 'certificate.title'
  | 'certificate.body'
  | 'certificate.none'
  | 'certificate.entries'
  | 'certificate.date'
  | 'certificate.team'
  | 'certificate.activity'
  | 'certificate.hours'
  | 'certificate.total'
  | 'certificate.issuer'
  | 'certificate.issued'
  | 'certificate.note'
  | 'list.separator';

/**
 * The printable certificate: who, for which teams, in which community, over which days, how many
 * approved hours, issued by whom and when, with every entry listed. Plain HTML, so the widget's print
 * stylesheet lays it out on paper without a PDF library.
 */
export function renderCertificate(certificate: HoursCertificate, text: CertificateText): TemplateResult {
  const { say, locale } = text;
  const teams = certificate.teams.map((team) => localize(team.name, locale)).join(say('list.separator'));
  return html`<article part="certificate" class="certificate" aria-labelledby="certificate-title">
    <h3 id="certificate-title" class="certificate-title">${say('certificate.title')}</h3>
    <p class="certificate-body">
      ${say('certificate.body', {
        name: certificate.volunteer.name,
        code: certificate.volunteer.code,
        from: text.day(certificate.from),
        to: text.day(certificate.to),
        community: certificate.community.name,
        teams,
        hours: text.hoursText(certificate.minutes),
      })}
    </p>
    ${certificate.entries.length === 0
      ? html`<p class="certificate-none">${say('certificate.none')}</p>`
      : html`<table class="certificate-table">
          <caption>${say('certificate.entries')}</caption>
          <thead>
            <tr>
              <th scope="col">${say('certificate.date')}</th>
              <th scope="col">${say('certificate.team')}</th>
              <th scope="col">${say('certificate.activity')}</th>
              <th scope="col" class="number">${say('certificate.hours')}</th>
            </tr>
          </thead>
          <tbody>
            ${certificate.entries.map(
              (entry) => html`<tr>
                <td>${entry.date}</td>
                <td>${localize(entry.team.name, locale)}</td>
                <td>${localize(entry.activityType.name, locale)}</td>
                <td class="number">${text.hours(entry.minutes)}</td>
              </tr>`,
            )}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colspan="3">${say('certificate.total')}</th>
              <td class="number">${text.hours(certificate.minutes)}</td>
            </tr>
          </tfoot>
        </table>`}
    <footer class="certificate-footer">
      <p>${say('certificate.issuer', { community: certificate.community.name })}</p>
      <p>${say('certificate.issued', { date: text.day(certificate.issuedOn) })}</p>
      <p class="certificate-note">${say('certificate.note')}</p>
    </footer>
  </article>`;
}
