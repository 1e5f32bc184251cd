'use client';

import { useActionState } from 'react';
import { buttonClass, FormMessage } from '@/components/form-message';
import { attendanceAction, type AttendanceFormState } from '../actions';

type Row = { id: string; name: string; attended: boolean | null };

/** One checkbox per confirmed participant; saving marks the ticked as present and the rest as absent. */
export function AttendanceForm({ sessionId, rows }: { sessionId: string; rows: Row[] }) {
  const [state, action, pending] = useActionState<AttendanceFormState, FormData>(attendanceAction, { status: 'idle' });
  return (
    <form action={action} className="space-y-3 rounded-2xl bg-white p-5">
      <FormMessage state={state} labels={{ present: 'Møtte' }} />
      <input type="hidden" name="session" value={sessionId} />
      <fieldset>
        <legend className="font-semibold">Kryss av for dem som møtte</legend>
        {rows.map((r) => (
          <label key={r.id} className="mt-2 flex items-center gap-3">
            <input type="checkbox" name="present" value={r.id} defaultChecked={r.attended === true} className="size-5" />
            {r.name}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? 'Lagrer …' : 'Lagre oppmøte'}
      </button>
    </form>
  );
}
