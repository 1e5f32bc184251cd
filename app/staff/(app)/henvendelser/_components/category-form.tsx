'use client';

import { useActionState } from 'react';
import { setCategoriesAction, type CategoryFormState } from '../actions';
import { buttonClass, FormMessage } from '@/components/form-message';
import { CategoryFieldsets } from '@/components/staff/category-fieldsets';
import type { CategoryOptions } from '@/db/queries/contact-stats';

const labels = { arsak: 'Tema', utfall: 'Utfall' };

/** Why the person got in touch and what came of it: counted in the statistics when the contact ends, as numbers only. */
export function CategoryForm({ inquiryId, options }: { inquiryId: string; options: CategoryOptions }) {
  const [state, action, pending] = useActionState<CategoryFormState, FormData>(setCategoriesAction, { status: 'idle' });
  const ticked =
    state.status === 'error'
      ? new Set([state.values.arsak, state.values.utfall].flatMap((v) => (v ? v.split(',') : [])).map(Number))
      : undefined;
  const error = state.status === 'error' ? (state.fieldErrors.arsak ?? state.fieldErrors.utfall) : undefined;
  return (
    <form action={action} noValidate className="space-y-3">
      <input type="hidden" name="id" value={inquiryId} />
      <FormMessage state={state} labels={labels} />
      <CategoryFieldsets options={options} checked={ticked} error={error} idPrefix="kategori" anchors />
      <p className="text-sm text-muted">Når kontakten avsluttes, telles temaene og utfallet i statistikken. Bare tallene blir igjen etter at henvendelsen er slettet.</p>
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Lagrer …' : 'Lagre tema og utfall'}
      </button>
    </form>
  );
}
