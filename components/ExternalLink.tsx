// A link to an official source, opened in a new tab; shows plain text when the URL is unusable.
import type { ComponentChildren } from 'preact';
import { safeUrl } from './format';

export function ExternalLink({ href, children, label }: { href: string | undefined; children: ComponentChildren; label?: string }) {
  const url = safeUrl(href);
  if (!url) return <span>{children}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer" aria-label={label}>
      {children}
    </a>
  );
}
