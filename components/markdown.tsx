import { Fragment, type ReactNode } from 'react';
import { marked, type Token, type Tokens } from 'marked';
import { safeHref } from '@/lib/safe-href';

/**
 * Renders our own Markdown (privacy statements, content) as React elements. Raw HTML in the
 * source is shown as text, never injected, and links may only point inside the site, to
 * mailto: or to https: (see safeHref), so a stored text can never carry a script into the page
 * or send a reader to another site that looks like ours.
 */
export function Markdown({ source, headingShift = 0 }: { source: string; headingShift?: number }) {
  return <div className="prose-hl space-y-4">{blocks(marked.lexer(source), headingShift)}</div>;
}

/**
 * `headingShift` moves every heading down that many levels, for text placed under a heading
 * of its own (a children's variant under "For deg som er 10–13 år"); levels stay within h2–h4.
 */
function blocks(tokens: Token[], headingShift: number): ReactNode[] {
  return tokens.map((token, i) => <Fragment key={i}>{block(token, headingShift)}</Fragment>);
}

function block(token: Token, headingShift: number): ReactNode {
  switch (token.type) {
    case 'heading': {
      const t = token as Tokens.Heading;
      const level = Math.min(Math.max(t.depth + headingShift, 2), 4);
      const cls = level === 2 ? 'mt-8 text-2xl font-bold' : 'mt-6 text-xl font-semibold';
      const Tag = `h${level}` as 'h2' | 'h3' | 'h4';
      return <Tag className={cls}>{inline(t.tokens)}</Tag>;
    }
    case 'paragraph':
      return <p>{inline((token as Tokens.Paragraph).tokens)}</p>;
    case 'list': {
      const t = token as Tokens.List;
      const items = t.items.map((item, i) => <li key={i}>{listItem(item, headingShift)}</li>);
      return t.ordered ? <ol className="list-decimal space-y-1 pl-6">{items}</ol> : <ul className="list-disc space-y-1 pl-6">{items}</ul>;
    }
    case 'blockquote':
      return <blockquote className="border-l-4 border-brand pl-4">{blocks((token as Tokens.Blockquote).tokens, headingShift)}</blockquote>;
    case 'hr':
      return <hr className="border-brand/20" />;
    case 'space':
      return null;
    case 'text': {
      const t = token as Tokens.Text;
      return <p>{t.tokens ? inline(t.tokens) : t.text}</p>;
    }
    default:
      return 'raw' in token ? <p>{token.raw}</p> : null;
  }
}

function listItem(item: Tokens.ListItem, headingShift: number): ReactNode {
  // A tight list item holds a single text token whose inline tokens carry the formatting.
  return item.tokens.map((t, i) =>
    t.type === 'text' ? <Fragment key={i}>{inline((t as Tokens.Text).tokens ?? [t])}</Fragment> : <Fragment key={i}>{block(t, headingShift)}</Fragment>,
  );
}

function inline(tokens: Token[] | undefined): ReactNode[] {
  return (tokens ?? []).map((token, i) => {
    switch (token.type) {
      case 'strong':
        return <strong key={i}>{inline((token as Tokens.Strong).tokens)}</strong>;
      case 'em':
        return <em key={i}>{inline((token as Tokens.Em).tokens)}</em>;
      case 'codespan':
        return <code key={i}>{(token as Tokens.Codespan).text}</code>;
      case 'br':
        return <br key={i} />;
      case 'link': {
        const t = token as Tokens.Link;
        const href = safeHref(t.href);
        const children = inline(t.tokens);
        return href ? <a key={i} href={href} className="text-brand-dark underline">{children}</a> : <Fragment key={i}>{children}</Fragment>;
      }
      case 'text': {
        const t = token as Tokens.Text;
        return <Fragment key={i}>{t.tokens ? inline(t.tokens) : decode(t.text)}</Fragment>;
      }
      case 'escape':
        return <Fragment key={i}>{(token as Tokens.Escape).text}</Fragment>;
      default:
        return <Fragment key={i}>{token.raw}</Fragment>;
    }
  });
}

/** marked escapes a few characters in text tokens; React escapes again, so undo marked's. */
function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
