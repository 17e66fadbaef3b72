import { type ReactNode, useEffect } from 'react';

/** Sets the document title and renders the screen's one h1 (focusable, so focus can land on it). */
export function Page({
  title,
  children,
  className,
}: {
  title: string;
  children: ReactNode;
  className?: string;
}) {
  useEffect(() => {
    document.title = `${title} – Sunlog`;
  }, [title]);
  return (
    <div className={className}>
      <h1 tabIndex={-1}>{title}</h1>
      {children}
    </div>
  );
}
