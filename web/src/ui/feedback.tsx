import type { ReactNode } from 'react';

/** An alert announced to screen readers (role=alert for errors, role=status otherwise). */
export function Alert({ kind, children, className }: { kind: 'danger' | 'success' | 'info' | 'warning'; children: ReactNode; className?: string }) {
  return (
    <div className={`alert alert-${kind} ${className ?? ''}`} role={kind === 'danger' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

/** A Bootstrap Italia spinner with a text for assistive technologies. */
export function Loading({ label }: { label: string }) {
  return (
    <div className="d-flex align-items-center gap-2 my-3" role="status">
      <div className="progress-spinner progress-spinner-active size-sm" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** A small status badge (text is always present; colour is never the only cue). */
export function StatusBadge({ kind, children }: { kind: 'success' | 'secondary' | 'danger' | 'warning' | 'primary'; children: ReactNode }) {
  return <span className={`badge bg-${kind} me-1`}>{children}</span>;
}
