import { NotFoundMessage } from '@/components/not-found-message';

/** An article, section, theme or privacy version that does not exist, inside the adult site's frame. */
export default function PublicNotFound() {
  return (
    <div className="max-w-3xl">
      <NotFoundMessage />
    </div>
  );
}
