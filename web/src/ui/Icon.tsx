import sprites from 'bootstrap-italia/dist/svg/sprites.svg?url';

export interface IconProps {
  /** A Bootstrap Italia sprite name, e.g. `it-user`. */
  name: string;
  className?: string;
  /** When given, the icon is announced; otherwise it is decorative. */
  title?: string;
  size?: 'xs' | 'sm' | 'lg' | 'xl';
  color?: 'primary' | 'white' | 'secondary' | 'success' | 'danger' | 'warning';
}

/** A Bootstrap Italia icon from the bundled sprite sheet (served by us, never another host). */
export function Icon({ name, className, title, size, color }: IconProps) {
  const classes = ['icon', size ? `icon-${size}` : '', color ? `icon-${color}` : '', className ?? ''].filter(Boolean).join(' ');
  if (title) {
    return (
      <svg className={classes} role="img" aria-label={title} focusable="false">
        <title>{title}</title>
        <use href={`${sprites}#${name}`} />
      </svg>
    );
  }
  return (
    <svg className={classes} aria-hidden="true" focusable="false">
      <use href={`${sprites}#${name}`} />
    </svg>
  );
}
