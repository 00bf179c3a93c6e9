import Link from 'next/link';
import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';
import { Spinner } from './spinner';

export type ButtonVariant = 'primary' | 'normal' | 'danger' | 'link';

const variantClasses: Record<ButtonVariant, string> = {
  primary: 'bg-action text-white border-action hover:bg-action-hover hover:border-action-hover',
  normal: 'bg-white text-action border-action hover:bg-sky-50 hover:text-action-hover',
  danger: 'bg-red-700 text-white border-red-700 hover:bg-red-800',
  link: 'border-transparent bg-transparent text-action underline-offset-2 hover:underline px-1',
};

export function buttonClasses(variant: ButtonVariant = 'normal', className?: string): string {
  return cn(
    'inline-flex items-center justify-center gap-2 rounded-full border-2 px-4 py-1 text-sm font-bold',
    'disabled:cursor-not-allowed disabled:opacity-50',
    variantClasses[variant],
    className,
  );
}

type ButtonProps = ComponentProps<'button'> & {
  variant?: ButtonVariant;
  /** Shows a spinner, disables the button and marks it busy. */
  pending?: boolean;
  icon?: ReactNode;
};

export function Button({ variant = 'normal', pending = false, icon, className, disabled, children, type, ...props }: ButtonProps) {
  return (
    <button
      type={type ?? 'button'}
      className={buttonClasses(variant, className)}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      {...props}
    >
      {pending ? <Spinner label={null} /> : icon}
      {children}
    </button>
  );
}

/** A link that looks like a button (navigation, not an action). */
export function ButtonLink({ variant = 'normal', className, ...props }: ComponentProps<typeof Link> & { variant?: ButtonVariant }) {
  return <Link className={buttonClasses(variant, cn('no-underline hover:no-underline', className))} {...props} />;
}
