import type { ReactNode } from 'react';

type Props = {
  /** The heading's id; the article is labelled by it, so a screen reader's list of regions names each one. */
  id: string;
  level: 2 | 3;
  title: ReactNode;
  titleClassName: string;
  /** One line in small print under the heading: where it came from, who, when. */
  meta: ReactNode;
  className: string;
  children: ReactNode;
};

/** One of several numbered things on a staff page (a chat, a journal note), named by its heading. */
export function HeadedArticle({ id, level, title, titleClassName, meta, className, children }: Props) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <article aria-labelledby={id} className={className}>
      <Heading id={id} className={titleClassName}>
        {title}
      </Heading>
      <p className="text-sm text-muted">{meta}</p>
      {children}
    </article>
  );
}
