import 'server-only';
import { notFound } from 'next/navigation';
import { z } from 'zod';

/** The `[id]` in a staff page's address. One that is not a uuid names nothing, so the page is not found. */
export async function pageId(params: Promise<{ id: string }>): Promise<string> {
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  return id.data;
}
