import type { InquiryStatus } from '@/db/schema';
import { FilterForm, FilterSelect } from '@/components/staff/filter-form';
import { statusLabels } from './constants';

const statusOptions = (Object.keys(statusLabels) as InquiryStatus[]).map((s) => ({ value: s, label: statusLabels[s] }));

/** The inbox's filter: by status, and to the inquiries assigned to the one reading. */
export function InquiryFilters({ status, mine }: { status?: InquiryStatus; mine: boolean }) {
  return (
    <FilterForm label="Filtrer henvendelser" active={Boolean(status || mine)} clear={{ href: '/staff/henvendelser', text: 'Vis alle' }}>
      <FilterSelect name="status" label="Status" value={status} options={statusOptions} />
      <label className="flex items-center gap-3 py-2">
        <input type="checkbox" name="tildelt" value="meg" defaultChecked={mine} className="size-5" />
        Bare tildelt meg
      </label>
    </FilterForm>
  );
}
