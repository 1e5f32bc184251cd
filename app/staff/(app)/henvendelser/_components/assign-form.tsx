'use client';

import { useActionState } from 'react';
import { Field, fieldProps } from '@/components/form-parts';
import { assignAction, type AssignFormState } from '../actions';
import { buttonClass, FormMessage } from '@/components/form-message';

type Person = { id: string; name: string };

/** Who follows the inquiry up. Anyone no longer in service is not offered. */
export function AssignForm({ inquiryId, current, people, me }: { inquiryId: string; current: string | null; people: Person[]; me: string }) {
  const [state, action, pending] = useActionState<AssignFormState, FormData>(assignAction, { status: 'idle' });
  const errors = state.status === 'error' ? state.fieldErrors : {};
  const selected = state.status === 'error' ? state.values.assignee : people.some((p) => p.id === current) ? current : '';
  return (
    // The key makes the choice follow a change saved from another form or tab.
    <form key={current ?? 'ingen'} action={action} noValidate className="space-y-3">
      <input type="hidden" name="id" value={inquiryId} />
      <FormMessage state={state} labels={{ assignee: 'Tildelt' }} />
      <Field name="assignee" label="Tildelt" errors={errors}>
        <select {...fieldProps('assignee', errors)} defaultValue={selected ?? ''} className="input">
          <option value="">Ingen</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id === me ? `${p.name} (deg)` : p.name}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Lagrer …' : 'Lagre tildeling'}
      </button>
    </form>
  );
}
