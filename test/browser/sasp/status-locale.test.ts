// The Sectigo status and upload form in German (Chromium): texts from `baton-sdk/locales/de`, the
// agreement's dates written as Germans write them (Intl), Sectigo's codes translated, axe clean.
import { getByRole, within } from '@testing-library/dom';
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { renderGerman } from '../../fixtures/sasp-locale-page.js';

afterEach(() => document.body.replaceChildren());

describe('Sectigo UI in German (Chromium)', () => {
  it('shows the status in German, with dates in the German form', async () => {
    const root = renderGerman();
    const status = root.querySelector<HTMLElement>('.baton-sasp-status')!;
    expect(status.querySelector('.baton-sasp-status__summary')!.textContent).toMatch(/^Auftrag 654824 · .* · Auftragsstatus: Pending$/);
    expect(getByRole(status, 'heading', { name: 'Domain-Validierung' })).toBeTruthy();
    expect(getByRole(status, 'heading', { name: 'Vereinbarung' })).toBeTruthy();
    const dcv = getByRole(status, 'region', { name: 'Domain-Validierung' });
    expect(dcv.querySelector('.baton-sasp-section__status')!.textContent).toBe('Status: Aktion erforderlich');
    expect(within(dcv).getByRole('radiogroup', { name: 'Validierungsmethode für mn.gov' })).toBeTruthy();
    expect(within(dcv).getByRole('button', { name: 'Diese Methode für mn.gov verwenden' })).toBeTruthy();
    const agreement = getByRole(status, 'region', { name: 'Vereinbarung' });
    const terms = [...agreement.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling!.textContent]);
    expect(terms).toContainEqual(['Letzte E-Mail gesendet', '20. November 2019']);
    expect(status.querySelector('.baton-sasp-overview__todo')!.textContent).toMatch(/^Ihre Aktion ist nötig: Domain-Validierung/);
    const { violations } = await axe.run(root, { resultTypes: ['violations'] });
    expect(violations.map((v) => v.id)).toEqual([]);
  });

  it('speaks German in the upload form too', async () => {
    const root = renderGerman();
    const form = root.querySelector<HTMLFormElement>('form.baton-sasp-upload')!;
    expect(within(form).getByLabelText('Dokumente')).toBeTruthy();
    expect(within(form).getByLabelText('Kommentar')).toBeTruthy();
    expect(within(form).getByRole('button', { name: 'Hochladen' })).toBeTruthy();
    expect(within(form).getByRole('list', { name: 'Hochladevorgänge' })).toBeTruthy();
    const { violations } = await axe.run(root, { resultTypes: ['violations'] });
    expect(violations.map((v) => v.id)).toEqual([]);
  });
});
