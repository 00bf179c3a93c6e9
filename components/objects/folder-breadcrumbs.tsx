import Link from 'next/link';

export function folderHref(bucket: string, prefix: string): string {
  const base = `/buckets/${encodeURIComponent(bucket)}/objects`;
  return prefix ? `${base}?${new URLSearchParams({ prefix })}` : base;
}

/** "jtpbucket / photos / 2024 /": each level a link, the current folder last. */
export function FolderBreadcrumbs({ bucket, prefix }: { bucket: string; prefix: string }) {
  const parts = prefix.split('/').filter((part, index, all) => part !== '' || index < all.length - 1);
  const levels = parts.map((part, index) => ({ label: part || '(empty name)', prefix: `${parts.slice(0, index + 1).join('/')}/` }));
  return (
    <nav aria-label="Folder" className="text-sm">
      <ol className="flex flex-wrap items-center gap-1">
        <li>
          {levels.length === 0 ? (
            <span aria-current="page" className="font-bold">
              {bucket}
            </span>
          ) : (
            <Link href={folderHref(bucket, '')}>{bucket}</Link>
          )}
        </li>
        {levels.map((level, index) => (
          <li key={level.prefix} className="flex items-center gap-1">
            <span aria-hidden="true">/</span>
            {index === levels.length - 1 ? (
              <span aria-current="page" className="font-bold">
                {level.label}
              </span>
            ) : (
              <Link href={folderHref(bucket, level.prefix)}>{level.label}</Link>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
