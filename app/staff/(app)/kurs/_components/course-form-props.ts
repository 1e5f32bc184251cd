import 'server-only';
import { sections } from '@/content/sections';
import { loadContent } from '@/lib/content/load';

/** What the course form offers to choose from: the tag vocabulary and the content sections. */
export function courseChoices() {
  return {
    tags: loadContent().tags.map((t) => ({ slug: t.slug, name: t.name })),
    sections: sections.map((s) => ({ slug: s.slug, title: s.title })),
  };
}
