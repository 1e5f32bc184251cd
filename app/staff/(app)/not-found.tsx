import { NotFoundMessage } from '@/components/not-found-message';

const waysOn = [{ href: '/staff', label: 'Til oversikten' }] as const;

/** A case, journal or hold that does not exist (or is gone), inside the staff frame. */
export default function StaffNotFound() {
  return <NotFoundMessage waysOn={waysOn} emergency={false} />;
}
