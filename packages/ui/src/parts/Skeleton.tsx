import type { ReactNode } from 'react';

/** Props of {@link Skeleton}. */
export interface SkeletonProps {
  /** Placeholder blocks in the order of the content, each a class of `mk-skeleton--<shape>`. */
  shapes: readonly string[];
  /** What is loading, for screen readers; leave out where a status line already says it. */
  label?: ReactNode;
}

/**
 * The loading state drawn in the geometry of the content it stands for (each shape's block has that content's
 * height), so nothing jumps when the content arrives; announced once as a status.
 */
export function Skeleton({ shapes, label }: SkeletonProps) {
  return (
    <div className="mk-skeleton-group" data-slot="skeleton">
      {shapes.map((shape, index) => (
        <span
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list of placeholders that never reorders
          key={index}
          className={`mk-skeleton mk-skeleton--${shape}`}
          data-slot="skeleton-block"
          aria-hidden="true"
        />
      ))}
      {label && (
        <span className="mk-visually-hidden" data-slot="loading-text" role="status">
          {label}
        </span>
      )}
    </div>
  );
}
