import { NotFoundMessage } from '@/components/not-found-message';

const waysOn = [
  { href: '/unge', label: 'Til temaene' },
  { href: '/unge/sok', label: 'Søk i sidene' },
  { href: '/chat', label: 'Chat med oss' },
] as const;

/** A topic that does not exist, inside the children's frame (which shows the help numbers itself). */
export default function YoungNotFound() {
  return <NotFoundMessage waysOn={waysOn} emergency={false} />;
}
