'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { addCategory, moveCategory, renameCategory, setCategoryRetired } from '@/db/queries/contact-stats';
import type { FormState } from '@/lib/actions/form-state';
import { refuse } from '@/lib/actions/refusal';
import { staffAction } from '@/lib/staff/action';
import { LABEL_MAX } from './_components/labels';

/**
 * The list of reasons for contact and outcomes, for administrators. A category is never
 * deleted: counted numbers keep pointing at it, so it is taken out of use instead.
 */
type Done = { message: string };
export type AddCategoryFormState = FormState<'kind' | 'label', Done>;
export type CategoryChangeFormState = FormState<'label', Done>;

const GONE = 'Vi finner ikke kategorien.';
const label = z
  .string()
  .trim()
  .min(1, 'Skriv et navn.')
  .max(LABEL_MAX, `Navnet kan ha høyst ${LABEL_MAX} tegn.`)
  .refine((v) => !/[\u0000-\u001f<>]/.test(v), 'Navnet kan ikke ha tegnene < og > eller linjeskift.');
const TAKEN = 'Det finnes allerede en kategori med det navnet.';

const done = (message: string) => (): Done => {
  revalidatePath('/staff/kategorier');
  return { message };
};

export const addCategoryAction = staffAction({
  roles: ['admin'],
  fields: ['kind', 'label'],
  event: 'category_change',
  schema: z.object({ kind: z.enum(['reason', 'outcome'], { error: 'Velg om det er et tema eller et utfall.' }), label }),
  run: async ({ db, input, audit }) => {
    const added = await addCategory(db, input);
    if (!added) throw refuse('invalid', TAKEN, { label: TAKEN });
    await audit('category_change', { type: 'category', id: String(added.id) });
    return input.label;
  },
  done: (name) => done(`«${name}» er lagt til.`)(),
});

export const changeCategoryAction = staffAction({
  roles: ['admin'],
  fields: ['label'],
  hidden: ['id', 'change'],
  missing: GONE,
  event: 'category_change',
  schema: z.discriminatedUnion('change', [
    z.object({ change: z.literal('rename'), id: z.coerce.number().int().positive(), label }),
    z.object({ change: z.enum(['retire', 'restore', 'up', 'down']), id: z.coerce.number().int().positive() }),
  ]),
  run: async ({ db, input, now, audit }) => {
    let message: string;
    if (input.change === 'rename') {
      const renamed = await renameCategory(db, { id: input.id, label: input.label });
      if (renamed === 'taken') throw refuse('invalid', TAKEN, { label: TAKEN });
      if (!renamed) throw refuse('not_found', GONE);
      message = `Navnet er endret til «${input.label}».`;
    } else if (input.change === 'up' || input.change === 'down') {
      if (!(await moveCategory(db, { id: input.id, direction: input.change }))) throw refuse('conflict', 'Kategorien står allerede øverst eller nederst.');
      message = 'Rekkefølgen er endret.';
    } else {
      if (!(await setCategoryRetired(db, { id: input.id, retired: input.change === 'retire', now }))) throw refuse('not_found', GONE);
      message = input.change === 'retire' ? 'Kategorien er tatt ut av bruk. Tall som alt er talt, beholder den.' : 'Kategorien er i bruk igjen.';
    }
    await audit('category_change', { type: 'category', id: String(input.id) });
    return message;
  },
  done: (message) => done(message)(),
});
